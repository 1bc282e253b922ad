#!/usr/bin/env python3
"""N live streams on one Onair jar (embedded store): the CPU of the onair-live-ticker thread and of the whole
server over a window after warm-up and, with --trace, the SQL statements and commits per second in that window.

--trace needs a jar whose Database.h2Url appends System.getProperty("onair.h2.extra", "") to the H2 URL (a
one-line local patch, docs/BENCHMARKS.md "Live data plane DB work (session 6)"): it passes
;TRACE_LEVEL_FILE=3 so H2 writes every JDBC call to <data>/onair.trace.db, which is cut to the window and counted.
Publishers as bench/media.py (ffmpeg -re -stream_loop -1 -c copy of a pre-encoded 3 Mbps clip).
Usage: bench/live_dbwork.py JAR OUTDIR [--trace] [--streams 10] [--warmup 60] [--seconds 30]
Writes OUTDIR/result.json, OUTDIR/onair.log and (with --trace) OUTDIR/window.trace."""
import argparse, glob, json, os, re, shutil, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import media

ap = argparse.ArgumentParser()
ap.add_argument("jar"); ap.add_argument("out")
ap.add_argument("--trace", action="store_true")
ap.add_argument("--streams", type=int, default=10)
ap.add_argument("--warmup", type=int, default=60)
ap.add_argument("--seconds", type=int, default=30)
a = ap.parse_args()
os.makedirs(a.out, exist_ok=True)
opts = subprocess.run([os.path.join(media.ROOT, "onair"), "--print-java-opts"], check=True, capture_output=True, text=True).stdout
if a.trace:
    opts += " -Donair.h2.extra=;TRACE_LEVEL_FILE=3;TRACE_MAX_FILE_SIZE=4000"
work = tempfile.mkdtemp(prefix="onair-bench-dbwork-")
clip = os.path.join(work, "clip.flv")
media.make_clip(clip, 3000)
server = media.Onair(work, os.path.join(a.out, "onair.log"), jar=a.jar, java_opts=opts)
pubs = []
try:
    streams = server.streams(a.streams)
    pubs = [media.publisher(clip, rtmp, [], "0.5") for rtmp, _ in streams]
    time.sleep(a.warmup)
    trace = glob.glob(os.path.join(server.data, "**", "*.trace.db"), recursive=True)
    def lines():
        return sum(open(t, errors="replace").read().splitlines().__len__() for t in trace) if trace else 0
    def text():
        return "".join(open(t, errors="replace").read() for t in trace) if trace else ""
    before_text = text()
    pids = server.pids()
    th0, t0 = media.thread_cpu(pids), time.time()
    time.sleep(a.seconds)
    elapsed = time.time() - t0
    th1 = media.thread_cpu(server.pids())
    load = open("/proc/loadavg").read().split()[:3]
    window = text()[len(before_text):]
    open(os.path.join(a.out, "window.trace"), "w").write(window)
    ticker = sum(v - th0.get(k, 0) for k, v in th1.items() if k[1].startswith("onair-live-tic")) / elapsed
    total = sum(v - th0.get(k, 0) for k, v in th1.items()) / elapsed
    sql = re.findall(r"/\*SQL[^*]*\*/\s*([a-zA-Z]+)", window)
    kinds = {}
    for s in sql:
        kinds[s.lower()] = kinds.get(s.lower(), 0) + 1
    commits = window.count(".commit()")
    transactions = window.count("setAutoCommit(false)")
    lease_rows = len(re.findall(r"/\*SQL[^*]*\*/\s*update live_publisher_lease", window))
    lease_writes = window.count('prepareStatement("update live_publisher_lease')
    lease_reads = len(re.findall(r"/\*SQL[^*]*\*/\s*select [^\n]* from live_publisher_lease", window))
    session_writes = len(re.findall(r"/\*SQL[^*]*\*/\s*(?:update|insert into) live_stream_", window))
    alive = sum(p.poll() is None for p in pubs)
    res = {"elapsed": elapsed, "traced": a.trace, "statements_per_s": len(sql) / elapsed,
           "by_kind_per_s": {k: v / elapsed for k, v in sorted(kinds.items())},
           "jdbc_commits_per_s": commits / elapsed, "transactions_per_s": transactions / elapsed,
           "lease_rows_updated_per_s": lease_rows / elapsed, "lease_write_batches_per_s": lease_writes / elapsed,
           "lease_reads_per_s": lease_reads / elapsed, "session_row_writes_per_s": session_writes / elapsed, "ticker_cores": ticker, "server_cores": total,
           "publishers_alive": alive, "load": load}
    print(json.dumps(res, indent=1))
    json.dump(res, open(os.path.join(a.out, "result.json"), "w"), indent=1)
finally:
    for p in pubs:
        media.stop(p)
    server.close()
    shutil.rmtree(work, ignore_errors=True)
