#!/usr/bin/env python3
"""Playback request cost: the server CPU one playlist / part / segment request costs, Onair jar(s) vs nginx-rtmp.

For each target, one at a time on the same machine: start the server, publish the same pre-encoded clip (ffmpeg
-re -stream_loop -1 -c copy, bench/media.py's make_clip/publisher) to a LOW and a NORMAL latency channel (nginx:
one stream), wait until the playlists list segments, then run bench/.../PlaybackLoad.java (a JDK-only source
program: raw sockets, /proc CPU of the server's pids, per thread group) for each kind of request, over new
connections and over one kept-alive connection, closed loop.

Usage: bench/playback.py --out DIR [--targets before=JAR,after=JAR,nginx] [--requests 3000] [--warmup 3000]
Writes DIR/playback.json and prints one line per run. Needs ffmpeg, nginx + libnginx-mod-rtmp, boto3, java 17.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import media  # noqa: E402  (same directory)

LOAD = os.path.join(media.BENCH, "src", "main", "java", "dev", "onair", "bench", "PlaybackLoad.java")


def load(url, kind, mode, pids, label, requests, warmup, rate=0):
    cmd = ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", LOAD, "--url", url, "--kind", kind,
           "--mode", mode, "--requests", str(requests), "--warmup", str(warmup), "--rate", str(rate),
           "--label", label]
    for pid in pids:
        cmd += ["--pid", str(pid)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=900)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"{label:8} {url.rsplit(chr(47), 1)[-1][:14]:14} {kind:9} {mode:4} {result['cpu_us_per_request']:8.1f} us/req  p50 {result['p50_ms']:.3f}"
          f"  p99 {result['p99_ms']:.3f} ms  errors {result['errors']}  load {result['loadavg_before']}  "
          f"{result['threads_us_per_request']}", file=sys.stderr, flush=True)
    return result


def wait_segments(url, minimum=3, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        text = media.fetch(url) or ""
        if sum(1 for line in text.splitlines() if line and not line.startswith("#")) >= minimum:
            return text
        time.sleep(0.5)
    raise RuntimeError(f"{url} listed fewer than {minimum} segments after {seconds} s")


def onair_runs(label, jar, work, out, clip, args):
    server = media.Onair(work, os.path.join(out, f"onair-{label}.log"), jar)
    pubs = []
    results = []
    try:
        low = server.ivs.create_channel(name="low", insecureIngest=True, latencyMode="LOW")
        normal = server.ivs.create_channel(name="normal", insecureIngest=True, latencyMode="NORMAL")
        urls = {}
        for name, ch in (("low", low), ("normal", normal)):
            pubs.append(media.publisher(clip, f"rtmp://127.0.0.1:{server.rtmp}/app/{ch['streamKey']['value']}"))
            urls[name] = server.media_playlist(ch["channel"]["playbackUrl"])
            if urls[name] is None:
                raise RuntimeError(f"no media playlist for the {name} channel")
        for name in urls:
            wait_segments(urls[name])
        pids = [server.proc.pid]
        health = f"http://127.0.0.1:{server.http}/_onair/health"
        runs = [(health, "playlist", "health"), (urls["low"], "playlist", "LL"), (urls["normal"], "playlist", "NORMAL"),
                (urls["low"], "reload", "LL"), (urls["low"], "part", "LL"), (urls["normal"], "segment", "NORMAL")]
        for mode in ("new", "keep"):
            for url, kind, what in runs:
                r = load(url, kind, mode, pids, label, args.requests, args.warmup)
                r["what"] = what
                results.append(r)
            r = load(urls["low"], "blocking", mode, pids, label, args.blocking, 5)
            r["what"] = "LL"
            results.append(r)
        return {"jar": jar, "java_opts": " ".join(server.java_opts), "runs": results}
    finally:
        for p in pubs:
            media.stop(p)
        server.close()


def nginx_runs(work, clip, args):
    server = media.Nginx(work)
    results = []
    try:
        rtmp_url, url = server.streams(1)[0]
        pub = media.publisher(clip, rtmp_url)
        try:
            wait_segments(url)
            pids = sorted(server.pids())
            for mode in ("new", "keep"):
                for kind in ("playlist", "segment"):
                    r = load(url, kind, mode, pids, "nginx", args.requests, args.warmup)
                    r["what"] = "nginx-rtmp hls"
                    results.append(r)
        finally:
            media.stop(pub)
        return {"runs": results}
    finally:
        server.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--targets", default=f"onair={media.JAR},nginx",
                    help="comma-separated label=JAR for Onair builds, and 'nginx'")
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--warmup", type=int, default=3000)
    ap.add_argument("--blocking", type=int, default=30, help="chained blocking reloads (each waits for a part)")
    ap.add_argument("--kbps", type=int, default=3000)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    clip = os.path.join(media.BENCH, "target", "media", f"clip-720p-{args.kbps}k-60s.flv")
    media.make_clip(clip, args.kbps)
    results = {"requests": args.requests, "warmup": args.warmup, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    for target in args.targets.split(","):
        work = tempfile.mkdtemp(prefix="onair-bench-playback-")
        try:
            if target == "nginx":
                results["nginx"] = nginx_runs(work, clip, args)
            else:
                label, jar = target.split("=", 1)
                results[label] = onair_runs(label, jar, work, args.out, clip, args)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        with open(os.path.join(args.out, "playback.json"), "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
