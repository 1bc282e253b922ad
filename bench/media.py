#!/usr/bin/env python3
"""Media data plane: Onair vs nginx-rtmp, same publishers, same clip, same machine, one run.

For each server, identically:
  1. latency phase: one publisher; the media playlist is polled every 50 ms from before the publish starts, over
     one kept-alive HTTP connection as a player would (before session 6 each poll opened a new connection, which
     charged both servers for connection set-ups a player never makes ten times a second), and the first time each
     segment (and LL-HLS part) is listed is compared with when its last frame left the publisher:
     availability delay = first_listed - (T0 + media end time), T0 = publisher start (ffmpeg -re paces the
     pre-encoded clip in real time, so media time t leaves at about T0 + t). It also warms the server up (JIT).
  2. idle: the server's own CPU over 10 s with nothing published, measured after the latency phase (so a JVM's
     start-up compilation is not counted as "idle" and then subtracted from the per-stream figure).
  3. one capacity run per --streams value: N publishers at once (ffmpeg -re -stream_loop -1 -c copy of the same
     pre-encoded 3 Mbps clip, so publishers cost little CPU); --warmup seconds are left out (connect, first
     segments, JIT of the N-stream paths), then server CPU (utime+stime of every server process and thread) is
     measured over a --seconds window. Per stream = (window CPU - idle CPU) / N, and the raw figure without the
     subtraction. A stream is sustained when its publisher is still connected, kept real time (media seconds sent
     / wall seconds >= 0.95) and its playlist advanced by at least (window / target duration - 2) segments; the
     run is sustained when every stream is, and stream 0's segment availability delay (polled every 100 ms all
     along, as in the latency phase) stays within two target durations at p95 (a standard player holds back three).

Glass-to-glass is reported as measured availability + the player hold-back the playlist asks for (3 target
durations for a standard HLS player such as hls.js's default liveSyncDurationCount=3; PART-HOLD-BACK for an LL-HLS
player); no browser/OCR measurement is made here (see docs/BENCHMARKS.md).

Onair runs with the JVM flags of the ./onair launcher (`./onair --print-java-opts`), as an operator would run it.

Usage: bench/media.py --out DIR [--streams 10,50] [--warmup 20] [--seconds 30] [--targets nginx,onair]
                      [--jar JAR] [--java-opts "FLAGS"]
Writes DIR/media.json (and DIR/onair-media.log). Needs: ffmpeg, nginx + libnginx-mod-rtmp, boto3, the built jar.
"""
import argparse
import http.client
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
import urllib.parse
import urllib.request

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
JAR = os.path.join(ROOT, "onair-server", "target", "onair-server.jar")
KEY, SECRET, ACCOUNT = "AKIAONAIRBENCHADMIN1", "onair-bench-admin-secret-access-key-0001", "123456789012"
TICKS = os.sysconf("SC_CLK_TCK")
NICE = 0  # --nice: applied alike to both servers and every publisher


def _niced():
    if NICE:
        os.nice(NICE)


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


class KeptAlive:
    """Fetches like an HLS player does: one HTTP/1.1 connection kept open between requests (hls.js and Safari
    reuse their connection; nginx keeps it 75 s by default), reopened after an error or a close by the server."""

    def __init__(self, url, timeout=2):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port, self.timeout, self.conn = parts.hostname, parts.port or 80, timeout, None

    def fetch(self, url):
        parts = urllib.parse.urlsplit(url)
        path = parts.path + ("?" + parts.query if parts.query else "")
        for _ in range(2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
                self.conn.request("GET", path)
                response = self.conn.getresponse()
                body = response.read().decode("utf-8", "replace")
                if response.will_close:
                    self.close()
                return body if response.status == 200 else None
            except Exception:
                self.close()
        return None

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


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


def thread_cpu(pids):
    """{thread name: cpu seconds} over every thread of the given processes (/proc/<pid>/task/<tid>/stat)."""
    out = {}
    for pid in pids:
        try:
            tids = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tids:
            try:
                with open(f"/proc/{pid}/task/{tid}/stat") as f:
                    text = f.read()
            except OSError:
                continue
            name = text[text.index("(") + 1:text.rindex(")")]
            fields = text.rsplit(")", 1)[1].split()
            out[(tid, name)] = (int(fields[11]) + int(fields[12])) / TICKS
    return out


def thread_groups(before, after, elapsed):
    """CPU (cores) by kind of thread over a window: JIT, GC, event loops, each onair-* pool, the rest."""
    groups = {}
    for key, value in after.items():
        tid, name = key
        used = value - before.get(key, 0.0)
        if name.startswith(("C1 Comp", "C2 Comp")):
            group = "JIT compiler"
        elif name.startswith(("GC Thread", "G1 ", "VM Thread", "GC ")) or "GC" in name:
            group = "GC and VM"
        elif name.startswith("multiThreadIo") or name.startswith("onair-rtmp") or name.startswith("onair-loop"):
            group = "event loops (Netty)"
        elif name.startswith("onair-"):
            group = re.sub(r"[-#]?\d+$", "", name)
        elif name.startswith("nginx"):
            group = "nginx"
        else:
            group = "other"
        groups[group] = groups.get(group, 0.0) + used
    return {k: round(v / elapsed, 4) for k, v in sorted(groups.items(), key=lambda kv: -kv[1]) if v > 0}


def make_clip(path, kbps):
    if os.path.exists(path):
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    subprocess.run(["ffmpeg", "-y", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30",
                    "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000", "-t", "60",
                    "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-pix_fmt", "yuv420p",
                    "-profile:v", "main", "-b:v", f"{kbps}k", "-maxrate", f"{kbps}k", "-bufsize", f"{2 * kbps}k",
                    "-g", "60", "-keyint_min", "60", "-sc_threshold", "0",
                    "-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-ac", "2", "-f", "flv", path + ".part"],
                   check=True)
    os.rename(path + ".part", path)


def publisher(clip, url, progress=None, period="0.1"):
    """ffmpeg pacing the clip in real time; with progress=list, (wall clock, media out_time) pairs are appended."""
    cmd = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", clip,
           "-c", "copy", "-f", "flv"]
    if progress is None:
        return subprocess.Popen(cmd + [url], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                preexec_fn=_niced)
    proc = subprocess.Popen(cmd + ["-progress", "pipe:1", "-stats_period", period, url], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, preexec_fn=_niced)

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
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=_niced)
        time.sleep(1.0)
        if self.proc.poll() is not None:
            raise RuntimeError("nginx did not start; see " + self.dir + "/error.log")

    def pids(self):
        return tree_pids(self.proc.pid)

    def streams(self, n):
        # fresh names per run: a previous run's playlist of the same name would be read as this run's
        self.runs = getattr(self, "runs", 0) + 1
        return [(f"rtmp://127.0.0.1:{self.rtmp}/live/r{self.runs}s{i}",
                 f"http://127.0.0.1:{self.http}/hls/r{self.runs}s{i}.m3u8") for i in range(n)]

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

    def __init__(self, work, log, jar=JAR, java_opts=None):
        self.data = os.path.join(work, "onair-data")
        self.http, self.rtmp, rtmps = free_port(), free_port(), free_port()
        env = dict(os.environ, ONAIR_ADMIN_ACCESS_KEY_ID=KEY, ONAIR_ADMIN_SECRET_ACCESS_KEY=SECRET)
        self.log = open(log, "w")
        self.java_opts = java_opts.split() if java_opts is not None else subprocess.run(
            [os.path.join(ROOT, "onair"), "--print-java-opts"], check=True, capture_output=True, text=True).stdout.split()
        self.proc = subprocess.Popen(["java", *self.java_opts, "-jar", jar, "serve", "--data-dir", self.data, "--bind", "127.0.0.1",
                                      "--http-port", str(self.http), "--rtmp-port", str(self.rtmp),
                                      "--rtmps-port", str(rtmps), "--account-id", ACCOUNT],
                                     env=env, stdout=self.log, stderr=subprocess.STDOUT, preexec_fn=_niced)
        wait_http(f"http://127.0.0.1:{self.http}/_onair/health")
        import boto3
        self.ivs = boto3.client("ivs", endpoint_url=f"http://127.0.0.1:{self.http}", region_name="us-east-1",
                                aws_access_key_id=KEY, aws_secret_access_key=SECRET)
        self.created = []

    def pids(self):
        return tree_pids(self.proc.pid)

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


class Probe:
    """Polls one stream's media playlist from before its publish starts and records when each segment (and LL-HLS
    part) is first listed; delays are computed against the publisher's own -progress clock."""

    def __init__(self, server, clip, rtmp_url, playback_url, interval):
        self.seen_seg, self.seen_part, self.progress, self.info = {}, {}, [], {}
        self.server, self.playback_url, self.interval = server, playback_url, interval
        self.started = time.time()
        self.proc = publisher(clip, rtmp_url, self.progress)
        self.running = True
        self.thread = threading.Thread(target=self._poll, daemon=True)
        self.thread.start()

    def _poll(self):
        media_url = self.playback_url if isinstance(self.server, Nginx) else self.server.media_playlist(
            self.playback_url)
        client = KeptAlive(media_url) if media_url else None
        while self.running:
            text = client.fetch(media_url) if client else None
            now = time.time()
            if text and "#EXTM3U" in text:
                msn, segs, td, hold, part_hold, open_parts = parse_playlist(text)
                self.info.update(td=td, hold_back=hold, part_hold_back=part_hold)
                for n, dur, uri, parts in segs:
                    self.seen_seg.setdefault(n, (now, dur))
                    for i, d in enumerate(parts):
                        self.seen_part.setdefault((n, i), (now, d))
                if segs or open_parts:
                    building = (segs[-1][0] + 1) if segs else msn
                    for i, d in enumerate(open_parts):
                        self.seen_part.setdefault((building, i), (now, d))
            time.sleep(self.interval)
        if client:
            client.close()

    def stop(self):
        self.running = False
        self.thread.join(5)

    def result(self, since=None):
        """Delays of the segments (and parts) first listed after `since` (wall clock), all when None."""
        seen_seg, seen_part, progress, started = self.seen_seg, self.seen_part, self.progress, self.started
        # T0 = the wall clock at media time 0, from ffmpeg's own progress reports (wall - out_time is constant under
        # -re); the lowest value is the one least delayed by the report pipe
        offsets = [wall - media for wall, media in progress if media > 0.5]
        t0 = min(offsets) if offsets else started
        info = dict(self.info, publisher_startup_s=round(t0 - started, 3))
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
                if since is None or seen_seg[n][0] >= since:
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
                    if since is None or when >= since:
                        part_delays.append(when - (t0 + acc))
        return dict(info, segments=len(seg_delays), parts=len(part_delays),
                    segment_delay_s=summary(seg_delays), part_delay_s=summary(part_delays),
                    first_segment_after_s=round(min(v[0] for v in seen_seg.values()) - t0, 3) if seen_seg else None)


def latency_phase(server, clip, seconds):
    (rtmp_url, playback_url), = server.streams(1)
    probe = Probe(server, clip, rtmp_url, playback_url, 0.05)
    try:
        time.sleep(seconds)
    finally:
        probe.stop()
        stop(probe.proc)
    return probe.result()


def summary(values):
    if not values:
        return None
    v = sorted(values)
    return {"median": round(statistics.median(v), 3), "p95": round(v[min(len(v) - 1, int(0.95 * len(v)))], 3),
            "min": round(v[0], 3), "max": round(v[-1], 3)}


def measure_idle(server, seconds=10):
    cpu0, t0 = cpu_seconds(server.pids()), time.time()
    time.sleep(seconds)
    return (cpu_seconds(server.pids()) - cpu0) / (time.time() - t0)


def media_time(progress):
    return progress[-1][1] if progress else None


def capacity_phase(server, clip, n, warmup, seconds, idle_cores):
    streams = server.streams(n)
    probe = Probe(server, clip, streams[0][0], streams[0][1], 0.1)  # stream 0: delay under load
    progresses = [probe.progress] + [[] for _ in streams[1:]]
    pubs = [probe.proc] + [publisher(clip, rtmp, progresses[i + 1], "0.5") for i, (rtmp, _) in
                           enumerate(streams[1:])]
    media = []
    try:
        time.sleep(min(6, warmup))  # connect, first segments
        for _, playback in streams:
            media.append(playback if isinstance(server, Nginx) else server.media_playlist(playback, 20))
        time.sleep(max(0, warmup - 6))
        pids = server.pids()
        threads0, cpu0, pub0, t0 = thread_cpu(pids), cpu_seconds(pids), cpu_seconds({p.pid for p in pubs}), time.time()
        sent0 = [media_time(p) for p in progresses]
        first = [last_msn(m) for m in media]
        time.sleep(seconds)
        elapsed = time.time() - t0
        pids = server.pids()
        cpu, threads1 = cpu_seconds(pids) - cpu0, thread_cpu(pids)
        pub_cpu = cpu_seconds({p.pid for p in pubs}) - pub0
        sent1 = [media_time(p) for p in progresses]
        rss = rss_mib(pids)
        last = [last_msn(m) for m in media]
        alive = [p.poll() is None for p in pubs]
        probe.stop()
        load = open("/proc/loadavg").read().split()[:3]
    finally:
        probe.stop()
        for p in pubs:
            stop(p)
    td = probe.info.get("td") or 2.0
    need = max(1, int(seconds / td) - 2)
    # a playlist with no segment yet when the window opened counts from -1 (MSNs start at 0 on both servers)
    advanced = [(b - (-1 if a is None else a)) if b is not None else 0 for a, b in zip(first, last)]
    speeds = [((b - a) / elapsed) if a is not None and b is not None else 0.0 for a, b in zip(sent0, sent1)]
    delay = probe.result(since=t0)
    core_share = cpu / elapsed  # cores busy on average
    per_stream = max(0.0, core_share - idle_cores) / n
    raw_per_stream = core_share / n
    groups = thread_groups(threads0, threads1, elapsed)
    # A JVM still compiling in the window (slow on a loaded machine) is finishing its warm-up, not paying per stream
    jit = groups.get("JIT compiler", 0.0)
    return {"streams": n, "warmup_s": warmup, "seconds": round(elapsed, 1), "load_avg": load,
            "server_cpu_cores": round(core_share, 3),
            "cpu_per_stream_pct_of_core": round(100 * per_stream, 3),
            "cpu_per_stream_pct_of_core_raw": round(100 * raw_per_stream, 3),
            "streams_per_core_extrapolated": round(1 / per_stream) if per_stream > 0 else None,
            "cpu_per_stream_pct_of_core_without_jit": round(100 * max(0.0, core_share - jit - idle_cores) / n, 3),
            "server_rss_mib": rss, "server_threads_cores": groups,
            "streams_advancing": sum(1 for a in advanced if a >= need), "segments_needed": need,
            "min_segments_advanced": min(advanced) if advanced else None,
            "publishers_alive": sum(alive), "min_publisher_speed": round(min(speeds), 3) if speeds else None,
            "probe_segment_delay_s": delay["segment_delay_s"], "probe_part_delay_s": delay["part_delay_s"],
            "sustained": None,
            "publisher_cpu_cores": round(pub_cpu / elapsed, 3)}


def sustained(run, td):
    """Every publisher connected and real time, every playlist advancing, and stream 0's segments listed in time
    for a standard player: p95 delay within two target durations (it holds back three)."""
    delay = run["probe_segment_delay_s"]
    n = run["streams"]
    return (run["publishers_alive"] == n and run["streams_advancing"] == n
            and (run["min_publisher_speed"] or 0) >= 0.95 and delay is not None and delay["p95"] <= 2 * td)


def last_msn(url):
    text = fetch(url, 3) if url else None
    if not text:
        return None
    msn, segs, *_ = parse_playlist(text)
    return segs[-1][0] if segs else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--streams", default="10,50", help="publisher counts, one capacity run each (e.g. 10,50)")
    ap.add_argument("--warmup", type=int, default=20, help="seconds of each capacity run left out of the window")
    ap.add_argument("--seconds", type=int, default=30, help="measurement window of each capacity run")
    ap.add_argument("--latency-seconds", type=int, default=24)
    ap.add_argument("--kbps", type=int, default=3000, help="video bit rate of the clip (plus 128k AAC)")
    ap.add_argument("--targets", default="nginx,onair")
    ap.add_argument("--jar", default=JAR, help="Onair jar to run (default: the built one)")
    ap.add_argument("--nice", type=int, default=0,
                    help="scheduling priority for both servers and all publishers (e.g. -10 as root on a shared, "
                         "loaded machine, so that other work does not starve the publishers)")
    ap.add_argument("--java-opts", default=None, help="JVM flags for Onair instead of the launcher's (before/after runs)")
    args = ap.parse_args()
    global NICE
    NICE = args.nice
    counts = [int(s) for s in str(args.streams).split(",") if s]
    os.makedirs(args.out, exist_ok=True)
    clip = os.path.join(BENCH, "target", "media", f"clip-720p-{args.kbps}k-60s.flv")
    make_clip(clip, args.kbps)
    results = {"nice": args.nice, "clip": f"1280x720@30 H.264 main {args.kbps / 1000:g} Mbps CBR + AAC 128k 48 kHz, GOP 2 s "
                       "(ffmpeg testsrc2), published with ffmpeg -re -stream_loop -1 -c copy",
               "clip_kbps": args.kbps + 128, "streams": counts, "warmup": args.warmup, "seconds": args.seconds}
    for target in args.targets.split(","):
        work = tempfile.mkdtemp(prefix=f"onair-bench-media-{target}-")
        server = None
        try:
            server = (Nginx(work) if target == "nginx"
                      else Onair(work, os.path.join(args.out, "onair-media.log"), args.jar, args.java_opts))
            time.sleep(2)
            print(f"[{server.name}] latency phase ({args.latency_seconds} s, 1 stream)", file=sys.stderr)
            lat = latency_phase(server, clip, args.latency_seconds)
            time.sleep(3)
            idle_cores = measure_idle(server)
            idle_rss = rss_mib(server.pids())
            entry = {"idle_rss_mib": idle_rss, "idle_cpu_cores": round(idle_cores, 4), "latency": lat,
                     "capacity": {}}
            if isinstance(server, Onair):
                entry["java_opts"] = " ".join(server.java_opts)
            for n in counts:
                print(f"[{server.name}] capacity: {n} streams, {args.warmup} s warm-up, {args.seconds} s window",
                      file=sys.stderr)
                run = capacity_phase(server, clip, n, args.warmup, args.seconds, idle_cores)
                run["sustained"] = sustained(run, lat.get("td") or 2.0)
                entry["capacity"][str(n)] = run
                print(json.dumps(entry["capacity"][str(n)]), file=sys.stderr)
                time.sleep(5)  # publishers gone, sessions ended
            results[server.name] = entry
        finally:
            if server:
                server.close()
            shutil.rmtree(work, ignore_errors=True)
    with open(os.path.join(args.out, "media.json"), "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
