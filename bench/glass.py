#!/usr/bin/env python3
"""Glass-to-glass latency with a clock burned into the video: Onair LOW (LL-HLS), Onair NORMAL, nginx-rtmp HLS.

The publisher is a live ffmpeg encode (lavfi testsrc2 960x540@30 + sine, -re, x264 ultrafast zerolatency 1.5 Mbps
CBR, 2 s GOP, AAC; ultrafast so that it keeps real time on a shared 2-core machine, and its speed is reported)
that draws each frame's wall-clock capture time (ms, from setpts=RTCTIME) as a row of black/white blocks with check
bits (dev.onair.bench.glass.BlockClock). hls.js (the console's vendored copy) plays the stream in headless
Chromium; every presented frame is read back through canvas drawImage, decoded, and display time - capture time is
taken on the one machine clock. Nothing is modelled: encoder, RTMP, server, segmenting, HTTP, hls.js buffering and
Chromium's decoder are all inside the figure.

Before any latency is reported, the same sampler and decoder must read (1) a self-test encode whose frames carry
known values, exactly, and (2) frames cut by ffmpeg from each live stream, all cleanly and inside the capture
window. During playback a sample whose blocks fail the check is dropped and counted; more than 2 % fails the run.
Onair is cross-checked against hls.js's EXT-X-PROGRAM-DATE-TIME reading: Onair anchors PDT to its wall clock at
the broadcast's first segment and advances it by media time, so while the publisher keeps real time,
glass-to-glass - PDT latency = encoder + RTMP delay (expected well under 0.5 s); nginx-rtmp emits no PDT.

Usage: bench/glass.py --out DIR [--seconds 25] [--warmup 10] [--targets onair-low,onair-normal,nginx]
Writes DIR/glass.json. Needs: ffmpeg, nginx + libnginx-mod-rtmp, chromium + chromium-driver, boto3, the built
server jar and bench module (bench/build.sh).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH)
import media  # noqa: E402  (server start-up and helpers shared with the media benchmark)

ROOT = media.ROOT
CLASSPATH = os.path.join(BENCH, "target", "onair-bench.jar") + ":" + os.path.join(BENCH, "target", "lib", "*")
HLS_JS = os.path.join(ROOT, "onair-console", "src", "main", "resources", "console", "assets", "hls.min.js")
MAIN = "dev.onair.bench.glass.GlassToGlass"
FPS = 30
ENCODE = ["-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-pix_fmt", "yuv420p",
          "-b:v", "1500k", "-maxrate", "1500k", "-bufsize", "3000k",
          "-g", "60", "-keyint_min", "60", "-sc_threshold", "0"]
SOURCE = f"testsrc2=size=960x540:rate={FPS}"
PUBLISHER = ("ffmpeg -re, lavfi testsrc2 960x540@30 live-encoded with libx264 ultrafast zerolatency, 1.5 Mbps "
             "CBR, GOP 2 s (60 frames); AAC 128k 48 kHz sine; clock row 44 blocks of 20x24 px")


def java(*args, timeout=300):
    """Runs GlassToGlass; -> (ok, parsed JSON or None, stderr tail)."""
    proc = subprocess.run(["java", "-cp", CLASSPATH, MAIN, *args], capture_output=True, text=True, timeout=timeout)
    try:
        out = json.loads(proc.stdout) if proc.stdout.strip().startswith("{") else None
    except ValueError:
        out = None
    return proc.returncode == 0, out, proc.stderr[-2000:]


def filter_graph(pts="RTCTIME"):
    proc = subprocess.run(["java", "-cp", CLASSPATH, MAIN, "filter", "--pts", pts], capture_output=True, text=True,
                          check=True)
    return proc.stdout.strip()


def selftest(work):
    """Known values through the real encoder settings: frame n carries base + n/30 s; every 7th frame is read."""
    base_ms = 1_796_000_000_000
    clip = os.path.join(work, "selftest.mp4")
    frames = os.path.join(work, "selftest")
    os.makedirs(frames)
    subprocess.run(["ffmpeg", "-hide_banner", "-v", "error", "-y", "-f", "lavfi", "-i", SOURCE, "-filter_complex",
                    filter_graph(f"{base_ms * 1000}+N*1000000/{FPS}"), "-map", "[v]", "-frames:v", "120", *ENCODE,
                    clip], check=True)
    subprocess.run(["ffmpeg", "-v", "error", "-i", clip, "-vf", r"select=not(mod(n\,7))", "-vsync", "0",
                    os.path.join(frames, "f%03d.png")], check=True)
    ok, out, err = java("still", "--hls-js", HLS_JS, "--frames", frames, "--expect-base-ms", str(base_ms),
                        "--fps", str(FPS), "--step", "7")
    return {"ok": ok, "frames": out and out["frames"], "clean": out and out["clean"],
            "problems": out["problems"] if out else [err]}


def live_frames(work, url, not_before_ms, name):
    """Cuts every 3rd of 60 frames out of the live stream (the server's own HLS) and decodes them."""
    frames = os.path.join(work, "live-" + name)
    os.makedirs(frames)
    subprocess.run(["ffmpeg", "-v", "error", "-i", url, "-vf", r"select=not(mod(n\,3))", "-vsync", "0",
                    "-frames:v", "20", os.path.join(frames, "f%03d.png")], check=True, timeout=60)
    ok, out, err = java("still", "--hls-js", HLS_JS, "--frames", frames, "--not-before", str(not_before_ms),
                        "--not-after", str(int(time.time() * 1000)))
    return {"ok": ok, "frames": out and out["frames"], "clean": out and out["clean"],
            "problems": out["problems"] if out else [err]}


def publish(url, graph, progress):
    """The live publisher; (wall clock, media seconds out) pairs are appended to progress as ffmpeg reports them."""
    cmd = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i", SOURCE,
           "-re", "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000", "-filter_complex", graph,
           "-map", "[v]", "-map", "1:a", *ENCODE, "-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-ac", "2",
           "-progress", "pipe:1", "-stats_period", "0.5", "-f", "flv", url]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)

    def read():
        for line in proc.stdout:
            if line.startswith("out_time_us="):
                try:
                    progress.append((time.time(), int(line.split("=")[1]) / 1e6))
                except ValueError:
                    pass
    threading.Thread(target=read, daemon=True).start()
    return proc


def publisher_speed(progress, start, end):
    """Media seconds encoded per wall second between start and end: 1.0 when the publisher keeps real time. A
    publisher that falls behind (a loaded machine) adds its backlog to every latency figure, and drifts Onair's
    PROGRAM-DATE-TIME (anchored once per broadcast, then advanced by media time) away from the wall clock."""
    window = [(w, m) for w, m in progress if start <= w <= end]
    if len(window) < 2 or window[-1][0] <= window[0][0]:
        return None
    return round((window[-1][1] - window[0][1]) / (window[-1][0] - window[0][0]), 3)


def wait_segments(url, count, seconds=40):
    """Until the (media) playlist behind url lists `count` segments."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        text = media.fetch(url, 2)
        if text and "#EXT-X-STREAM-INF" in text:
            for line in text.splitlines():
                if line and not line.startswith("#"):
                    url = urllib.request.urljoin(url, line.strip())
                    break
            continue
        if text and sum(1 for l in text.splitlines() if l.startswith("#EXTINF")) >= count:
            return True
        time.sleep(0.2)
    return False


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def measure(name, rtmp_url, playback_url, low, args, work, graph):
    print(f"[{name}] publishing; playback {playback_url}", file=sys.stderr)
    result = {"load_before": loadavg()}
    started_ms = int(time.time() * 1000)
    progress = []
    pub = publish(rtmp_url, graph, progress)
    try:
        if not wait_segments(playback_url, 2):
            raise RuntimeError(f"{name}: no segments in 40 s (publisher exit code {pub.poll()})")
        result["live_frames"] = live_frames(work, playback_url, started_ms, name)
        print(f"[{name}] live frames: {result['live_frames']}", file=sys.stderr)
        if not result["live_frames"]["ok"]:
            result["ok"] = False
            return result
        extra = ["--low"] if low else []
        play_started = time.time()
        ok, out, err = java("play", "--hls-js", HLS_JS, "--url", playback_url, "--label", name,
                            "--warmup", str(args.warmup), "--seconds", str(args.seconds), *extra,
                            timeout=args.warmup + args.seconds + 180)
        result["ok"] = ok
        result["play"] = out if out else {"problems": [err]}
        # over the measured window only (the browser's start-up and warm-up come first)
        result["publisher_speed"] = publisher_speed(progress, play_started + args.warmup + 5, time.time())
        if pub.poll() is not None:
            result["ok"] = False
            result.setdefault("problems", []).append("publisher exited during the run")
        print(f"[{name}] {json.dumps(result['play'])}", file=sys.stderr)
    finally:
        media.stop(pub)
        result["load_after"] = loadavg()
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seconds", type=int, default=25)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--targets", default="onair-low,onair-normal,nginx")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for need in [media.JAR, os.path.join(BENCH, "target", "onair-bench.jar"), HLS_JS]:
        if not os.path.exists(need):
            sys.exit(f"missing {need}: run bench/build.sh")
    work = tempfile.mkdtemp(prefix="onair-bench-glass-")
    results = {"publisher": PUBLISHER, "seconds": args.seconds, "warmup": args.warmup,
               "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "targets": {}}
    ok = True
    try:
        results["selftest"] = selftest(work)
        print(f"[selftest] {results['selftest']}", file=sys.stderr)
        if not results["selftest"]["ok"]:
            sys.exit("decoder self-test failed: " + json.dumps(results["selftest"]))
        graph = filter_graph()
        targets = args.targets.split(",")
        onair_modes = [t for t in targets if t.startswith("onair-")]
        if onair_modes:
            server = media.Onair(work, os.path.join(args.out, "onair-glass.log"))
            try:
                for t in onair_modes:
                    mode = t.split("-", 1)[1].upper()
                    r = server.ivs.create_channel(name=f"glass-{mode.lower()}", insecureIngest=True,
                                                  latencyMode=mode, containerFormat="TS")
                    rtmp = f"rtmp://127.0.0.1:{server.rtmp}/app/{r['streamKey']['value']}"
                    res = measure(t, rtmp, r["channel"]["playbackUrl"], mode == "LOW", args, work, graph)
                    results["targets"][t] = res
                    ok = ok and res.get("ok", False)
                    time.sleep(3)
            finally:
                server.close()
        if "nginx" in targets:
            server = media.Nginx(work)
            try:
                (rtmp, playback), = server.streams(1)
                res = measure("nginx", rtmp, playback, False, args, work, graph)
                results["targets"]["nginx"] = res
                ok = ok and res.get("ok", False)
            finally:
                server.close()
    finally:
        with open(os.path.join(args.out, "glass.json"), "w") as f:
            json.dump(results, f, indent=2)
        shutil.rmtree(work, ignore_errors=True)
    if not ok:
        sys.exit("glass-to-glass run failed; see " + os.path.join(args.out, "glass.json"))


if __name__ == "__main__":
    main()
