#!/usr/bin/env python3
"""Start-up and footprint: wall time from launching the server to the first successful *signed* request
(sts:GetCallerIdentity, SigV4-signed once by botocore and re-sent every 10 ms), for the prebuilt server jar as
`./onair serve` runs it (java with the launcher's flags from `./onair --print-java-opts`, i.e. after its staleness
check: a fresh data directory = first start with bootstrap, and a restart on the same directory) and for
`moto_server`. Also the server's CPU seconds (user+system, all threads) at that first answer, which on a shared
machine says more than the wall time, and RSS once idle. Onair is measured as shipped and without its start-up
measures (ONAIR_CDS=off and 10,000 PKCS#12 PBKDF2 rounds, as before them), alternating, on the same machine state.
`./onair warm-up` runs first (timed: the once-per-build class-data archive recording).
Usage: bench/startup.py --out DIR [--runs 3]  -> DIR/startup.json
"""
import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import tempfile
import time

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
KEY, SECRET = "AKIAONAIRBENCHADMIN1", "onair-bench-admin-secret-access-key-0001"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def signed_request(port):
    body = "Action=GetCallerIdentity&Version=2011-06-15"
    req = AWSRequest(method="POST", url=f"http://127.0.0.1:{port}/", data=body,
                     headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    SigV4Auth(Credentials(KEY, SECRET), "sts", "us-east-1").add_auth(req)
    return body, dict(req.headers.items())


def time_to_first_signed(cmd, port, env=None, timeout=180):
    body, headers = signed_request(port)
    start = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        while time.monotonic() - start < timeout:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("POST", "/", body=body, headers=headers)
                if conn.getresponse().status == 200:
                    elapsed = time.monotonic() - start
                    cpu = cpu_seconds(proc.pid)
                    time.sleep(3)  # settle, then idle footprint
                    return elapsed, cpu, rss_mib(proc.pid), proc
                conn.close()
            except OSError:
                pass
            time.sleep(0.01)
        raise RuntimeError("no successful signed request within %d s: %s" % (timeout, cmd))
    except BaseException:
        stop(proc)
        raise


def cpu_seconds(pid):
    """user+system CPU of the process (all its threads) and of its children (moto_server is one process)"""
    total = 0.0
    for p in [pid] + children(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            pass
    return round(total, 2)


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def java_opts(cds):
    env = dict(os.environ)
    if not cds:
        env["ONAIR_CDS"] = "off"
    opts = subprocess.run([os.path.join(ROOT, "onair"), "--print-java-opts"], env=env, check=True,
                          capture_output=True, text=True).stdout.split()
    # the JDK default before the start-up work; Main sets 1 unless told otherwise (ARCHITECTURE "Start-up")
    return opts if cds else opts + ["-Dkeystore.pkcs12.keyPbeIterationCount=10000"]


def rss_mib(pid):
    # the launcher script execs java, and moto_server is one python process: the pid is the server
    total = 0
    for p in [pid] + children(pid):
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))
        except (OSError, StopIteration):
            pass
    return round(total / 1024, 1)


def children(pid):
    out = []
    for e in os.listdir("/proc"):
        if e.isdigit():
            try:
                with open(f"/proc/{e}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(e))
            except OSError:
                pass
    return out


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    # the once-per-build recording of the class-data archive, so that the runs below see a prebuilt installation
    started, load = time.monotonic(), load_average()
    subprocess.run([os.path.join(ROOT, "onair"), "warm-up"], check=True, stdout=subprocess.DEVNULL)
    warm_up = {"seconds": round(time.monotonic() - started, 1), "load": load}
    kinds = ("first_start", "restart")
    results = {f"onair_{k}{v}": [] for v in ("", "_before") for k in kinds}
    results["moto"] = []
    env = dict(os.environ, ONAIR_ADMIN_ACCESS_KEY_ID=KEY, ONAIR_ADMIN_SECRET_ACCESS_KEY=SECRET)
    jar = os.path.join(ROOT, "onair-server", "target", "onair-server.jar")
    for _ in range(args.runs):
        for variant, cds in (("", True), ("_before", False)):
            opts = java_opts(cds)
            data = tempfile.mkdtemp(prefix="onair-bench-startup-")
            try:
                for kind in kinds:
                    port = free_port()
                    cmd = ["java", *opts, "-jar", jar, "serve", "--data-dir", data, "--bind", "127.0.0.1",
                           "--http-port", str(port), "--rtmp-port", str(free_port()),
                           "--rtmps-port", str(free_port())]
                    load = load_average()
                    secs, cpu, rss, proc = time_to_first_signed(cmd, port, env)
                    stop(proc)
                    results[f"onair_{kind}{variant}"].append(
                        {"seconds": round(secs, 3), "cpu_seconds": cpu, "idle_rss_mib": rss, "load": load})
            finally:
                shutil.rmtree(data, ignore_errors=True)
        port = free_port()
        load = load_average()
        secs, cpu, rss, proc = time_to_first_signed(["moto_server", "-H", "127.0.0.1", "-p", str(port)], port)
        stop(proc)
        results["moto"].append({"seconds": round(secs, 3), "cpu_seconds": cpu, "idle_rss_mib": rss, "load": load})
    summary = {k: {"median_seconds": statistics.median(r["seconds"] for r in v),
                   "median_cpu_seconds": statistics.median(r["cpu_seconds"] for r in v),
                   "median_idle_rss_mib": statistics.median(r["idle_rss_mib"] for r in v), "runs": v}
               for k, v in results.items()}
    summary["warm_up"] = warm_up
    summary["java_opts"] = " ".join(java_opts(True))
    with open(os.path.join(args.out, "startup.json"), "w") as f:
        json.dump(summary, f, indent=2)
    print(json.dumps({k: (v["median_seconds"], v["median_cpu_seconds"], v["median_idle_rss_mib"])
                      for k, v in summary.items() if "runs" in v}))


if __name__ == "__main__":
    main()
