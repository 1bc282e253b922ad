# Shared helpers for the bench/*.sh scripts (sourced, not run). Starts Onair, moto and nginx on loopback ports,
# each stopped by its own pid (never by name). Results go to $BENCH_OUT (default bench/out/latest).
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
BENCH_OUT="${BENCH_OUT:-$BENCH_DIR/out/latest}"
mkdir -p "$BENCH_OUT"
BENCH_CP="$BENCH_DIR/target/onair-bench.jar:$BENCH_DIR/target/lib/*"
# ONAIR_JAR: another build (a copy of onair-server.jar with its lib/ beside it), e.g. a "before" snapshot
ONAIR_JAR="${ONAIR_JAR:-$ROOT/onair-server/target/onair-server.jar}"
ADMIN_KEY="AKIAONAIRBENCHADMIN1"
ADMIN_SECRET="onair-bench-admin-secret-access-key-0001"
ACCOUNT_ID="123456789012"
PIDS_TO_STOP=()

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_http() { # url [timeout s]
  local url="$1" deadline=$(( $(date +%s) + ${2:-60} ))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    (( $(date +%s) < deadline )) || { echo "timeout waiting for $url" >&2; return 1; }
    sleep 0.05
  done
}

# start_onair NAME [extra serve flags] -> ONAIR_PID ONAIR_HTTP ONAIR_RTMP ONAIR_URL ONAIR_DATA
start_onair() {
  local name="$1"; shift
  ONAIR_DATA="$(mktemp -d "/tmp/onair-bench-$name.XXXXXX")"
  ONAIR_HTTP="$(free_port)"; ONAIR_RTMP="$(free_port)"; local rtmps; rtmps="$(free_port)"
  ONAIR_ADMIN_ACCESS_KEY_ID="$ADMIN_KEY" ONAIR_ADMIN_SECRET_ACCESS_KEY="$ADMIN_SECRET" \
    java ${ONAIR_JAVA_OPTS:-} -jar "$ONAIR_JAR" serve --data-dir "$ONAIR_DATA" --bind 127.0.0.1 \
      --http-port "$ONAIR_HTTP" --rtmp-port "$ONAIR_RTMP" --rtmps-port "$rtmps" --account-id "$ACCOUNT_ID" "$@" \
      >"$BENCH_OUT/onair-$name.log" 2>&1 &
  ONAIR_PID=$!
  PIDS_TO_STOP+=("$ONAIR_PID")
  ONAIR_URL="http://127.0.0.1:$ONAIR_HTTP"
  wait_http "$ONAIR_URL/_onair/health" 90
}

# start_moto -> MOTO_PID MOTO_URL
start_moto() {
  local port; port="$(free_port)"
  moto_server -H 127.0.0.1 -p "$port" >"$BENCH_OUT/moto.log" 2>&1 &
  MOTO_PID=$!
  PIDS_TO_STOP+=("$MOTO_PID")
  MOTO_URL="http://127.0.0.1:$port"
  wait_http "$MOTO_URL/moto-api/" 90
}

stop_pid() { # pid: SIGTERM, then SIGKILL after 20 s
  local pid="$1" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local pid
  for pid in "${PIDS_TO_STOP[@]:-}"; do [[ -n "$pid" ]] && stop_pid "$pid"; done
  [[ -n "${ONAIR_DATA:-}" && "$ONAIR_DATA" == /tmp/onair-bench-* ]] && rm -rf "$ONAIR_DATA"
  return 0
}

loadgen() { java -Xss512k -XX:+UseParallelGC -cp "$BENCH_CP" dev.onair.bench.ApiLoad "$@"; }

require_built() {
  [[ -f "$ONAIR_JAR" && -f "$BENCH_DIR/target/onair-bench.jar" ]] || { echo "run bench/build.sh first" >&2; exit 1; }
}

# cpu_ticks PID -> utime+stime of the process (all threads), in clock ticks
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
rss_kb() { awk '/^VmRSS/{print $2}' "/proc/$1/status"; }
