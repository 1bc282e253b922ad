#!/usr/bin/env python3
"""Glass-to-glass latency with a clock burned into the video: Onair LOW (LL-HLS), Onair NORMAL, nginx-rtmp HLS.

The publisher is a live ffmpeg encode (lavfi testsrc2 960x540@30 + sine, -re, x264 ultrafast zerolatency 1.5 Mbps
CBR, 2 s GOP, AAC; ultrafast, and nice -10 like the browser, since both stand in for other machines) that draws
each frame's capture time on a camera clock (T0 + N/30 s, T0 = the wall clock when ffmpeg starts pacing; ms since
the epoch) as a row of black/white blocks with check bits (dev.onair.bench.glass.BlockClock). hls.js (the
console's vendored copy) plays the stream in headless Chromium; every presented frame is read back through canvas
drawImage, decoded, and display time - capture time is taken on the one machine clock. Nothing is modelled:
encoder, RTMP, server, segmenting, HTTP, hls.js buffering and Chromium's decoder are all inside the figure.

Before any latency is reported, the same sampler and decoder must read (1) a self-test encode whose frames carry
known values, exactly, and (2) frames cut by ffmpeg from each live stream, all cleanly and inside the capture
window. During playback a sample whose blocks fail the check is dropped and counted; more than 2 % fails the run.
Onair is cross-checked against hls.js's EXT-X-PROGRAM-DATE-TIME reading: Onair anchors PDT to its wall clock at
the broadcast's first segment and advances it by media time, so glass-to-glass - PDT latency = how late the first
frame reached Onair (encoder start-up + RTMP), constant over a broadcast; nginx-rtmp emits no PDT.

Usage: bench/glass.py --out DIR [--rounds 2] [--seconds 25] [--warmup 10] [--targets onair-low,onair-normal,nginx]
Writes DIR/glass.json. Needs: ffmpeg, nginx + libnginx-mod-rtmp, chromium + chromium-driver, boto3, the built
server jar and bench module (bench/build.sh).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH)
import media  # noqa: E402  (server start-up and helpers shared with the media benchmark)

ROOT = media.ROOT
BUILT = os.path.join(BENCH, "target")
CLASSPATH = None  # set by main() to a private copy of the bench jar and its lib/ (others rebuild bench/target)
HLS_JS = os.path.join(ROOT, "onair-console", "src", "main", "resources", "console", "assets", "hls.min.js")
MAIN = "dev.onair.bench.glass.GlassToGlass"
FPS = 30
# The camera's clock: frame N is captured at T0 + N/30, T0 = the wall clock when ffmpeg's filter graph starts
# (RTCSTART), which is also when -re starts pacing the source. A frame that leaves late because the publisher was
# starved or the server did not read its socket (TCP back-pressure stalls ffmpeg's whole pipeline) is charged for
# it, as a real camera's would be. (Stamping RTCTIME when the frame is made instead would hide such stalls: the
# stalled frames would simply be made later.)
CAMERA_CLOCK = f"RTCSTART+N*1000000/{FPS}"
# The publisher and the viewer stand in for an encoder and a viewer's device on other machines: they run at a
# higher priority (nice -10) so the shared machine's other work cannot starve them; the servers under test run at
# normal priority, like the rest of the machine's load.
PRIORITY = ["nice", "-n", "-10"]
ENCODE = ["-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-pix_fmt", "yuv420p",
          "-b:v", "1500k", "-maxrate", "1500k", "-bufsize", "3000k",
          "-g", "60", "-keyint_min", "60", "-sc_threshold", "0"]
SOURCE = f"testsrc2=size=960x540:rate={FPS}"
PUBLISHER = ("ffmpeg -re, lavfi testsrc2 960x540@30 live-encoded with libx264 ultrafast zerolatency, 1.5 Mbps "
             "CBR, GOP 2 s (60 frames); AAC 128k 48 kHz sine; clock row 44 blocks of 20x24 px")


def java(*args, timeout=300, priority=()):
    """Runs GlassToGlass; -> (ok, parsed JSON or None, stderr tail)."""
    proc = subprocess.run([*priority, "java", "-cp", CLASSPATH, MAIN, *args], capture_output=True, text=True,
                          timeout=timeout)
    try:
        out = json.loads(proc.stdout) if proc.stdout.strip().startswith("{") else None
    except ValueError:
        out = None
    return proc.returncode == 0, out, proc.stderr[-2000:]


def filter_graph(pts):
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


def publish(url, graph):
    """The live publisher."""
    cmd = [*PRIORITY, "ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i", SOURCE,
           "-re", "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000", "-filter_complex", graph,
           "-map", "[v]", "-map", "1:a", *ENCODE, "-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-ac", "2",
           "-f", "flv", url]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


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
    pub = publish(rtmp_url, graph)
    try:
        if not wait_segments(playback_url, 2):
            raise RuntimeError(f"{name}: no segments in 40 s (publisher exit code {pub.poll()})")
        result["live_frames"] = live_frames(work, playback_url, started_ms, name)
        print(f"[{name}] live frames: {result['live_frames']}", file=sys.stderr)
        if not result["live_frames"]["ok"]:
            result["ok"] = False
            return result
        extra = ["--low"] if low else []
        ok, out, err = java("play", "--hls-js", HLS_JS, "--url", playback_url, "--label", name,
                            "--warmup", str(args.warmup), "--seconds", str(args.seconds), *extra,
                            timeout=args.warmup + args.seconds + 180, priority=PRIORITY)
        result["ok"] = ok
        result["play"] = out if out else {"problems": [err]}
        if pub.poll() is not None:
            result["ok"] = False
            result.setdefault("problems", []).append("publisher exited during the run")
        shown = {k: v for k, v in result["play"].items() if k != "latencies_s"}
        print(f"[{name}] {json.dumps(shown)}", file=sys.stderr)
    finally:
        media.stop(pub)
        result["load_after"] = loadavg()
    return result


def summarise(runs):
    """Pools the frames of every run that completed with the clock decoding cleanly."""
    valid = [r for r in runs if r.get("ok") and r.get("play", {}).get("latencies_s")]
    pooled = [x for r in valid for x in r["play"]["latencies_s"]]
    pdt = [r["play"]["pdt_latency_s"]["median"] for r in valid if r["play"].get("pdt_latency_s")]
    c2p = [r["play"]["capture_to_pdt_s"]["median"] for r in valid if r["play"].get("capture_to_pdt_s")]
    return {"runs": len(runs), "valid_runs": len(valid),
            "glass_to_glass_s": media.summary(pooled),
            "run_medians_s": [r["play"]["glass_to_glass_s"]["median"] for r in valid],
            "frames": len(pooled),
            "dropped": sum(r["play"].get("decode_failed", 0) + r["play"].get("implausible", 0) for r in runs
                           if r.get("play") and "samples" in r["play"]),
            "samples": sum(r["play"].get("samples", 0) for r in runs if r.get("play")),
            "stalls": sum(r["play"].get("stalls", 0) for r in valid),
            "pdt_latency_median_s": round(statistics.median(pdt), 3) if pdt else None,
            "capture_to_pdt_median_s": round(statistics.median(c2p), 3) if c2p else None,
            "stalled_s": round(sum(r["play"].get("stalled_s", 0) for r in valid), 3),
            "publisher_drifts_s": [(r.get("play") or {}).get("publisher_drift_s") for r in runs],
            "loads": [r.get("load_before") for r in runs]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seconds", type=int, default=25)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=2, help="each round measures every target once, in turn")
    ap.add_argument("--targets", default="onair-low,onair-normal,nginx")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for need in [media.JAR, os.path.join(BENCH, "target", "onair-bench.jar"), HLS_JS]:
        if not os.path.exists(need):
            sys.exit(f"missing {need}: run bench/build.sh")
    targets = args.targets.split(",")
    work = tempfile.mkdtemp(prefix="onair-bench-glass-")
    global CLASSPATH
    shutil.copytree(BUILT, os.path.join(work, "bench"), ignore=shutil.ignore_patterns("classes", "generated-*",
                                                                                       "media", "maven-*", "test-*"))
    CLASSPATH = os.path.join(work, "bench", "onair-bench.jar") + ":" + os.path.join(work, "bench", "lib", "*")
    results = {"publisher": PUBLISHER, "seconds": args.seconds, "warmup": args.warmup, "rounds": args.rounds,
               "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "load_start": loadavg(),
               "targets": {t: {"runs": []} for t in targets}}
    onair = nginx = None
    decoder_ok = True
    try:
        results["selftest"] = selftest(work)
        print(f"[selftest] {results['selftest']}", file=sys.stderr)
        if not results["selftest"]["ok"]:
            sys.exit("decoder self-test failed: " + json.dumps(results["selftest"]))
        graph = filter_graph(CAMERA_CLOCK)
        # both servers stay up for the whole run, so rounds can alternate targets (the machine's load drifts)
        endpoints = {}
        if any(t.startswith("onair-") for t in targets):
            onair = media.Onair(work, os.path.join(args.out, "onair-glass.log"))
            for t in targets:
                if t.startswith("onair-"):
                    mode = t.split("-", 1)[1].upper()
                    r = onair.ivs.create_channel(name=f"glass-{mode.lower()}", insecureIngest=True,
                                                 latencyMode=mode, containerFormat="TS")
                    endpoints[t] = (f"rtmp://127.0.0.1:{onair.rtmp}/app/{r['streamKey']['value']}",
                                    r["channel"]["playbackUrl"], mode == "LOW")
        if "nginx" in targets:
            nginx = media.Nginx(work)
            # a fresh stream name per round: nginx-rtmp would otherwise restart the old playlist on a republish
            nginx_streams = nginx.streams(args.rounds)
        for n in range(args.rounds):
            if nginx:
                endpoints["nginx"] = (*nginx_streams[n], False)
            for t in targets:
                rtmp, playback, low = endpoints[t]
                res = measure(f"{t}#{n + 1}", rtmp, playback, low, args, work, graph)
                results["targets"][t]["runs"].append(res)
                play = res.get("play") or {}
                if not res.get("live_frames", {}).get("ok") or play.get("failed_share", 0) > 0.02:
                    decoder_ok = False
                time.sleep(3)
    finally:
        for server in (onair, nginx):
            if server:
                server.close()
        for t in results["targets"].values():
            t["summary"] = summarise(t["runs"])
        results["load_end"] = loadavg()
        with open(os.path.join(args.out, "glass.json"), "w") as f:
            json.dump(results, f, indent=2)
        shutil.rmtree(work, ignore_errors=True)
    for t, v in results["targets"].items():
        print(f"[{t}] {json.dumps(v['summary'])}", file=sys.stderr)
    if not decoder_ok:
        sys.exit("the burned-in clock did not decode cleanly; see " + os.path.join(args.out, "glass.json"))
    if any(v["summary"]["valid_runs"] < len(v["runs"]) for v in results["targets"].values()):
        sys.exit("a run did not complete; see " + os.path.join(args.out, "glass.json"))


if __name__ == "__main__":
    main()
