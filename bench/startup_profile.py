#!/usr/bin/env python3
"""Where a start's CPU goes: runs the server jar with the launcher's flags (or without the class-data archive,
--cds off), a fresh data directory (first start) and then a restart on it, each with JFR from the first
instruction (execution samples every 1 ms, 512 frames) and -Xlog:class+load / gc to files. At the first successful
signed request it reads every thread's CPU (/proc, grouped by thread name), then stops the server and sums the
main thread's samples by the step of Onair.wire they fall in and by library family.
Usage: bench/startup_profile.py --out DIR [--cds on|off]  -> DIR/startup-profile-<cds>.txt (+ .jfr, logs)
"""
import argparse
import collections
import http.client
import json
import os
import re
import subprocess
import tempfile
import time
import shutil

from startup import KEY, SECRET, ROOT, free_port, java_opts, load_average, signed_request, stop

# first match wins, innermost frame first: what library the main thread was in
FAMILIES = [("defineClass", "class loading"), ("loadClass", "class loading"), ("findClass", "class loading"),
            ("java.lang.invoke.", "lambda/indy linkage"), ("objectweb.asm", "lambda/indy linkage"),
            ("PBKDF2", "PKCS#12 PBKDF2"), ("password4j", "Argon2 (password4j)"), ("org.flywaydb", "Flyway"),
            ("org.h2", "H2"), ("bouncycastle", "Bouncy Castle"), ("com.fasterxml", "Jackson"),
            ("io.netty", "Netty"), ("ch.qos.logback", "logback"), ("zaxxer", "HikariCP")]


def thread_cpu(pid):
    per = collections.Counter()
    tick = os.sysconf("SC_CLK_TCK")
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = re.sub(r"\d+$", "#", stat[stat.index("(") + 1:stat.rindex(")")])
        fields = stat.rsplit(")", 1)[1].split()
        per["main" if name == "java" else name] += (int(fields[11]) + int(fields[12])) / tick
    return per


def start(jar, opts, data, out, tag):
    port = free_port()
    body, headers = signed_request(port)
    cmd = ["java", *opts, "-XX:FlightRecorderOptions:stackdepth=512",
           f"-XX:StartFlightRecording=filename={out}/{tag}.jfr,settings={out}/fast.jfc",
           f"-Xlog:class+load=info:file={out}/{tag}-classes.txt", f"-Xlog:gc:file={out}/{tag}-gc.txt",
           "-jar", jar, "serve", "--data-dir", data, "--bind", "127.0.0.1", "--http-port", str(port),
           "--rtmp-port", str(free_port()), "--rtmps-port", str(free_port())]
    env = dict(os.environ, ONAIR_ADMIN_ACCESS_KEY_ID=KEY, ONAIR_ADMIN_SECRET_ACCESS_KEY=SECRET)
    load, began = load_average(), time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=open(f"{out}/{tag}.log", "w"), stderr=subprocess.STDOUT)
    try:
        while time.monotonic() - began < 300:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("POST", "/", body=body, headers=headers)
                if conn.getresponse().status == 200:
                    return time.monotonic() - began, thread_cpu(proc.pid), load
            except OSError:
                pass
            time.sleep(0.01)
        raise RuntimeError("no signed answer within 300 s")
    finally:
        stop(proc)


def summarise(jfr, lines):
    events = json.loads(subprocess.check_output(["jfr", "print", "--json", "--stack-depth", "512", "--events",
                                                 "jdk.ExecutionSample", jfr]))["recording"]["events"]
    steps, families, total = collections.Counter(), collections.Counter(), 0
    for e in events:
        if e["values"]["sampledThread"]["javaName"] != "main":
            continue
        total += 1
        frames = [(f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"], f.get("lineNumber"))
                  for f in e["values"]["stackTrace"]["frames"]]  # innermost first
        step = "before Onair.wire (JVM, logging, configuration)"
        for i, (name, line) in enumerate(frames):
            if name == "dev.onair.server.Onair.wire":
                step = f"{frames[i - 1][0] if i else name} (Onair.java:{line})"
                break
        steps[step] += 1
        families[next((fam for name, _ in frames for key, fam in FAMILIES if key in name), "other")] += 1
    for title, counter in (("main thread by step of Onair.wire", steps), ("main thread by family", families)):
        lines.append(f"  {title} ({total} samples):")
        lines += [f"    {100 * n / total:5.1f}%  {k}" for k, n in counter.most_common(12)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--cds", choices=["on", "off"], default="on")
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    java_home = os.path.dirname(os.path.dirname(os.path.realpath(shutil.which("java"))))
    with open(os.path.join(java_home, "lib", "jfr", "profile.jfc")) as f:
        jfc = re.sub(r'(<event name="jdk.ExecutionSample">.*?<setting name="period"[^>]*>)[^<]*', r"\g<1>1 ms",
                     f.read(), flags=re.S)
    with open(f"{out}/fast.jfc", "w") as f:
        f.write(jfc)
    if args.cds == "on":
        subprocess.run([os.path.join(ROOT, "onair"), "warm-up"], check=True, stdout=subprocess.DEVNULL)
    opts = java_opts(args.cds == "on")
    jar = os.path.join(ROOT, "onair-server", "target", "onair-server.jar")
    lines = [f"JVM flags: {' '.join(opts)}"]
    data = tempfile.mkdtemp(prefix="onair-startup-profile-")
    try:
        for tag in ("first-start", "restart"):
            tag = f"{tag}-cds-{args.cds}"
            secs, cpu, load = start(jar, opts, data, out, tag)
            with open(f"{out}/{tag}-classes.txt") as f:
                classes = f.read().splitlines()
            shared = sum(1 for c in classes if "shared objects file" in c)
            with open(f"{out}/{tag}-gc.txt") as f:
                pauses = sum(1 for l in f if "Pause" in l)
            lines.append(f"{tag}: first signed answer after {secs:.2f} s (load {load}); CPU {sum(cpu.values()):.2f} s: "
                         + ", ".join(f"{k} {v:.2f}" for k, v in cpu.most_common() if v >= 0.05))
            lines.append(f"  classes loaded {len(classes)} ({shared} from CDS archives); GC pauses {pauses}")
            summarise(f"{out}/{tag}.jfr", lines)
    finally:
        shutil.rmtree(data, ignore_errors=True)
    with open(f"{out}/startup-profile-cds-{args.cds}.txt", "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
