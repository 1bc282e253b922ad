#!/usr/bin/env python3
"""Media data plane: Onair vs nginx-rtmp, same publishers, same clip, same machine, one run.

For each server:
  1. latency phase: one publisher; the media playlist is polled every 50 ms from before the publish starts, and the
     first time each segment (and LL-HLS part) is listed is compared with when its last frame left the publisher:
     availability delay = first_listed - (T0 + media end time), T0 = publisher start (ffmpeg -re paces the
     pre-encoded clip in real time, so media time t leaves at about T0 + t).
  2. capacity phase: N publishers at once for S seconds (ffmpeg -re -stream_loop -1 -c copy from the same
     pre-encoded clip, so publishers cost little CPU); server CPU (utime+stime of every server process) per stream,
     server RSS, and whether every stream's playlist kept advancing.

Glass-to-glass is reported as measured availability + the player hold-back the playlist asks for (3 target
durations for a standard HLS player such as hls.js's default liveSyncDurationCount=3; PART-HOLD-BACK for an LL-HLS
player); no browser/OCR measurement is made here (see docs/BENCHMARKS.md).

Usage: bench/media.py --out DIR [--streams 10] [--seconds 30] [--targets nginx,onair]
Writes DIR/media.json. Needs: ffmpeg, nginx + libnginx-mod-rtmp, boto3, the built server jar.
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
JAR = os.path.join(ROOT, "onair-server", "target", "onair-server.jar")
KEY, SECRET, ACCOUNT = "AKIAONAIRBENCHADMIN1", "onair-bench-admin-secret-access-key-0001", "123456789012"
TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def fetch(url, timeout=5):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:
        return None


def wait_http(url, seconds=90):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if fetch(url, 2) is not None:
            return
        time.sleep(0.1)
    raise RuntimeError("timeout waiting for " + url)


def tree_pids(root):
    """root and its descendants (by /proc ppid), e.g. nginx master + worker."""
    pids = {root}
    changed = True
    while changed:
        changed = False
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as f:
                        ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                except OSError:
                    continue
                if ppid in pids and int(entry) not in pids:
                    pids.add(int(entry))
                    changed = True
    return pids


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return total / TICKS


def rss_mib(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return round(total / 1024, 1)


def make_clip(path):
    if os.path.exists(path):
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    subprocess.run(["ffmpeg", "-y", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30",
                    "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000", "-t", "60",
                    "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-pix_fmt", "yuv420p",
                    "-profile:v", "main", "-b:v", "2500k", "-maxrate", "2500k", "-bufsize", "5000k",
                    "-g", "60", "-keyint_min", "60", "-sc_threshold", "0",
                    "-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-ac", "2", "-f", "flv", path + ".part"],
                   check=True)
    os.rename(path + ".part", path)


def publisher(clip, url, progress=None):
    """ffmpeg pacing the clip in real time; with progress=list, (wall clock, media out_time) pairs are appended."""
    cmd = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", clip,
           "-c", "copy", "-f", "flv"]
    if progress is None:
        return subprocess.Popen(cmd + [url], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    proc = subprocess.Popen(cmd + ["-progress", "pipe:1", "-stats_period", "0.1", url], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)

    def read():
        for line in proc.stdout:
            if line.startswith("out_time_us="):
                try:
                    progress.append((time.time(), int(line.split("=")[1]) / 1e6))
                except ValueError:
                    pass
    threading.Thread(target=read, daemon=True).start()
    return proc


def stop(proc):
    if proc and proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# ------------------------------------------------------------------ servers

class Nginx:
    name = "nginx-rtmp"

    def __init__(self, work):
        os.chmod(work, 0o755)  # the worker runs as nobody and must reach hls/
        self.dir = os.path.join(work, "nginx")
        os.makedirs(os.path.join(self.dir, "hls"), exist_ok=True)
        os.chmod(os.path.join(self.dir, "hls"), 0o777)
        self.rtmp, self.http = free_port(), free_port()
        conf = f"""load_module /usr/share/nginx/modules/ngx_rtmp_module.so;
worker_processes 1;  daemon off;
pid {self.dir}/nginx.pid;  error_log {self.dir}/error.log warn;
events {{ worker_connections 1024; }}
rtmp {{ server {{ listen 127.0.0.1:{self.rtmp}; chunk_size 4096;
  application live {{ live on; record off; hls on; hls_path {self.dir}/hls;
                     hls_fragment 2s; hls_playlist_length 10s; }} }} }}
http {{ access_log off; server {{ listen 127.0.0.1:{self.http};
  location /hls {{ types {{ application/vnd.apple.mpegurl m3u8; video/mp2t ts; }}
                  root {self.dir}; add_header Cache-Control no-cache; }} }} }}
"""
        with open(os.path.join(self.dir, "nginx.conf"), "w") as f:
            f.write(conf)
        self.proc = subprocess.Popen(["nginx", "-p", self.dir + "/", "-c", os.path.join(self.dir, "nginx.conf")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.0)
        if self.proc.poll() is not None:
            raise RuntimeError("nginx did not start; see " + self.dir + "/error.log")

    def pids(self):
        return tree_pids(self.proc.pid)

    def streams(self, n):
        return [(f"rtmp://127.0.0.1:{self.rtmp}/live/s{i}", f"http://127.0.0.1:{self.http}/hls/s{i}.m3u8")
                for i in range(n)]

    def close(self):
        # SIGQUIT: nginx's graceful shutdown, sent to our own master by pid
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()


class Onair:
    name = "onair"

    def __init__(self, work, log):
        self.data = os.path.join(work, "onair-data")
        self.http, self.rtmp, rtmps = free_port(), free_port(), free_port()
        env = dict(os.environ, ONAIR_ADMIN_ACCESS_KEY_ID=KEY, ONAIR_ADMIN_SECRET_ACCESS_KEY=SECRET)
        self.log = open(log, "w")
        self.proc = subprocess.Popen(["java", "-jar", JAR, "serve", "--data-dir", self.data, "--bind", "127.0.0.1",
                                      "--http-port", str(self.http), "--rtmp-port", str(self.rtmp),
                                      "--rtmps-port", str(rtmps), "--account-id", ACCOUNT],
                                     env=env, stdout=self.log, stderr=subprocess.STDOUT)
        wait_http(f"http://127.0.0.1:{self.http}/_onair/health")
        import boto3
        self.ivs = boto3.client("ivs", endpoint_url=f"http://127.0.0.1:{self.http}", region_name="us-east-1",
                                aws_access_key_id=KEY, aws_secret_access_key=SECRET)
        self.created = []

    def pids(self):
        return {self.proc.pid}

    def streams(self, n):
        out = []
        while len(self.created) < n:
            r = self.ivs.create_channel(name=f"bench{len(self.created)}", insecureIngest=True, latencyMode="LOW")
            self.created.append(r)
        for r in self.created[:n]:
            master_url = r["channel"]["playbackUrl"]
            out.append((f"rtmp://127.0.0.1:{self.rtmp}/app/{r['streamKey']['value']}", master_url))
        return out

    def media_playlist(self, master_url, seconds=30):
        deadline = time.time() + seconds
        while time.time() < deadline:
            master = fetch(master_url)
            if master and "#EXTM3U" in master:
                for line in master.splitlines():
                    if line and not line.startswith("#"):
                        return urllib.request.urljoin(master_url, line.strip())
            time.sleep(0.1)
        return None

    def close(self):
        stop(self.proc)
        self.log.close()


# ------------------------------------------------------------------ measurements

def parse_playlist(text):
    """-> (media sequence, [(msn, duration, uri, [part durations])], target duration, hold-backs)"""
    msn, td, segments, parts, pending = 0, None, [], [], 0.0
    hold, part_hold = None, None
    for line in text.splitlines():
        if line.startswith("#EXT-X-MEDIA-SEQUENCE:"):
            msn = int(line.split(":")[1])
        elif line.startswith("#EXT-X-TARGETDURATION:"):
            td = float(line.split(":")[1])
        elif line.startswith("#EXT-X-SERVER-CONTROL:"):
            m = re.search(r"PART-HOLD-BACK=([\d.]+)", line)
            part_hold = float(m.group(1)) if m else part_hold
            m = re.search(r"(?<!PART-)HOLD-BACK=([\d.]+)", line)
            hold = float(m.group(1)) if m else hold
        elif line.startswith("#EXT-X-PART:"):
            m = re.search(r"DURATION=([\d.]+)", line)
            parts.append(float(m.group(1)) if m else 0.0)
        elif line.startswith("#EXTINF:"):
            pending = float(line.split(":")[1].split(",")[0])
        elif line and not line.startswith("#"):
            segments.append((msn + len(segments), pending, line.strip(), parts))
            parts = []
    return msn, segments, td, hold, part_hold, parts  # trailing parts belong to the segment being built


def latency_phase(server, clip, seconds):
    (rtmp_url, playback_url), = server.streams(1)
    seen_seg, seen_part = {}, {}
    media_url = playback_url if isinstance(server, Nginx) else None
    progress = []
    started = time.time()
    pub = publisher(clip, rtmp_url, progress)
    info = {}
    try:
        if media_url is None:
            media_url = server.media_playlist(playback_url)
        end = started + seconds
        while time.time() < end:
            text = fetch(media_url, 2)
            now = time.time()
            if text and "#EXTM3U" in text:
                msn, segs, td, hold, part_hold, open_parts = parse_playlist(text)
                info.update(td=td, hold_back=hold, part_hold_back=part_hold)
                for n, dur, uri, parts in segs:
                    seen_seg.setdefault(n, (now, dur))
                    for i, d in enumerate(parts):
                        seen_part.setdefault((n, i), (now, d))
                if segs or open_parts:
                    building = (segs[-1][0] + 1) if segs else msn
                    for i, d in enumerate(open_parts):
                        seen_part.setdefault((building, i), (now, d))
            time.sleep(0.05)
    finally:
        stop(pub)
    # T0 = the wall clock at media time 0, from ffmpeg's own progress reports (wall - out_time is constant under -re);
    # the lowest value is the one least delayed by the report pipe
    offsets = [wall - media for wall, media in progress if media > 0.5]
    t0 = min(offsets) if offsets else started
    info["publisher_startup_s"] = round(t0 - started, 3)
    # media end time of each segment: cumulative durations from the first segment seen (the stream's first one)
    seg_delays, part_delays = [], []
    if seen_seg:
        first = min(seen_seg)
        ends, t = {}, 0.0
        for n in sorted(seen_seg):
            if n != first and n - 1 not in ends:
                break
            t += seen_seg[n][1]
            ends[n] = t
        # skip the first segment (stream start-up: connect + first keyframe) and require a contiguous run
        for n in sorted(ends)[1:]:
            seg_delays.append(seen_seg[n][0] - (t0 + ends[n]))
        starts = {n: ends[n] - seen_seg[n][1] for n in ends}
        by_seg = {}
        for (n, i), (when, d) in sorted(seen_part.items()):
            by_seg.setdefault(n, []).append((i, when, d))
        for n, plist in by_seg.items():
            if n not in starts or n == first:
                continue
            acc = starts[n]
            for i, when, d in sorted(plist):
                acc += d
                part_delays.append(when - (t0 + acc))
    return dict(info, segments=len(seg_delays), parts=len(part_delays),
                segment_delay_s=summary(seg_delays), part_delay_s=summary(part_delays),
                first_segment_after_s=round(min(v[0] for v in seen_seg.values()) - t0, 3) if seen_seg else None)


def summary(values):
    if not values:
        return None
    v = sorted(values)
    return {"median": round(statistics.median(v), 3), "p95": round(v[min(len(v) - 1, int(0.95 * len(v)))], 3),
            "min": round(v[0], 3), "max": round(v[-1], 3)}


def capacity_phase(server, clip, n, seconds):
    streams = server.streams(n)
    pubs = [publisher(clip, rtmp) for rtmp, _ in streams]
    media = []
    try:
        time.sleep(6)  # connect, first segments
        for _, playback in streams:
            media.append(playback if isinstance(server, Nginx) else server.media_playlist(playback, 20))
        pids = server.pids()
        cpu0, pub0, t0 = cpu_seconds(pids), cpu_seconds({p.pid for p in pubs}), time.time()
        first = [last_msn(m) for m in media]
        time.sleep(seconds)
        elapsed = time.time() - t0
        cpu = cpu_seconds(server.pids()) - cpu0
        pub_cpu = cpu_seconds({p.pid for p in pubs}) - pub0
        rss = rss_mib(server.pids())
        last = [last_msn(m) for m in media]
        advancing = sum(1 for a, b in zip(first, last) if a is not None and b is not None and b > a)
        alive = sum(1 for p in pubs if p.poll() is None)
    finally:
        for p in pubs:
            stop(p)
    core_share = cpu / elapsed  # cores busy on average
    per_stream = core_share / n
    return {"streams": n, "seconds": round(elapsed, 1), "server_cpu_cores": round(core_share, 3),
            "cpu_per_stream_pct_of_core": round(100 * per_stream, 2),
            "streams_per_core_extrapolated": round(1 / per_stream) if per_stream > 0 else None,
            "server_rss_mib": rss, "streams_advancing": advancing, "publishers_alive": alive,
            "publisher_cpu_cores": round(pub_cpu / elapsed, 3)}


def last_msn(url):
    text = fetch(url, 3) if url else None
    if not text:
        return None
    msn, segs, *_ = parse_playlist(text)
    return segs[-1][0] if segs else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--streams", type=int, default=10)
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--latency-seconds", type=int, default=24)
    ap.add_argument("--targets", default="nginx,onair")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    clip = os.path.join(BENCH, "target", "media", "clip-720p-2500k-60s.flv")
    make_clip(clip)
    results = {"clip": "1280x720@30 H.264 main 2.5 Mbps CBR, GOP 2 s, AAC 128k 48 kHz (ffmpeg testsrc2), "
                       "published with ffmpeg -re -stream_loop -1 -c copy",
               "streams": args.streams, "seconds": args.seconds}
    for target in args.targets.split(","):
        work = tempfile.mkdtemp(prefix=f"onair-bench-media-{target}-")
        server = None
        try:
            server = Nginx(work) if target == "nginx" else Onair(work, os.path.join(args.out, "onair-media.log"))
            time.sleep(2)
            idle_cpu0, idle_t0 = cpu_seconds(server.pids()), time.time()
            time.sleep(5)
            idle_cores = (cpu_seconds(server.pids()) - idle_cpu0) / (time.time() - idle_t0)
            idle_rss = rss_mib(server.pids())
            print(f"[{server.name}] latency phase ({args.latency_seconds} s, 1 stream)", file=sys.stderr)
            lat = latency_phase(server, clip, args.latency_seconds)
            time.sleep(3)
            print(f"[{server.name}] capacity phase ({args.streams} streams, {args.seconds} s)", file=sys.stderr)
            cap = capacity_phase(server, clip, args.streams, args.seconds)
            cap["cpu_per_stream_pct_of_core_minus_idle"] = round(
                100 * max(0.0, cap["server_cpu_cores"] - idle_cores) / args.streams, 2)
            results[server.name] = {"idle_rss_mib": idle_rss, "idle_cpu_cores": round(idle_cores, 4),
                                    "latency": lat, "capacity": cap}
            print(json.dumps(results[server.name]), file=sys.stderr)
        finally:
            if server:
                server.close()
            shutil.rmtree(work, ignore_errors=True)
    with open(os.path.join(args.out, "media.json"), "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
