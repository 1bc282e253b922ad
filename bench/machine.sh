#!/usr/bin/env bash
# The machine and the versions under test -> $BENCH_OUT/machine.json
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
python3 - "$BENCH_OUT/machine.json" <<'PY'
import json, os, subprocess, sys, datetime
def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=60).stdout.strip()
    except Exception as e:
        return f"({e})"
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = next((int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
info = {
  "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
  "nproc": sh("nproc"), "cpu": cpu, "ram_gib": round(mem / 1024 / 1024, 1),
  "kernel": sh("uname -r"), "java": sh("java -version 2>&1 | head -1"),
  "moto": sh("python3 -c 'import moto; print(moto.__version__)'"),
  "nginx": sh("nginx -v 2>&1"), "nginx_rtmp": sh("dpkg-query -W -f='${Version}' libnginx-mod-rtmp 2>/dev/null"),
  "ffmpeg": sh("ffmpeg -version | head -1"),
  "commit": sh("git -C %s rev-parse --short HEAD" % os.environ.get("ROOT", ".")),
  # the jar is built from the working tree: say when it held uncommitted changes to tracked files
  "dirty_files": sh("git -C %s status --porcelain --untracked-files=no | wc -l" % os.environ.get("ROOT", ".")),
}
json.dump(info, open(sys.argv[1], "w"), indent=2)
PY
