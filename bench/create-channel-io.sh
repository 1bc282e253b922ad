#!/usr/bin/env bash
# What one durable CreateChannel writes: bytes the server process hands to write()/pwrite() (/proc/PID/io wchar:
# H2's chunks plus the call log), its CPU and req/s, at 1, 8 and 64 clients, for one build. Bytes per create do not
# depend on how busy the shared machine is, unlike req/s and CPU per request.
#   ONAIR_JAR=/path/onair-server.jar bench/create-channel-io.sh LABEL     (10 s unrecorded priming, then 8 s each)
REQUESTED_JAR="${ONAIR_JAR:-}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ONAIR_JAR="${REQUESTED_JAR:-$ONAIR_JAR}"
require_built
trap cleanup EXIT
LABEL="${1:-onair}"
start_onair "io-$LABEL"
arn="$(loadgen setup --endpoint "$ONAIR_URL" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" --onair 2>/dev/null)"
loadgen run --endpoint "$ONAIR_URL" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" --op ivs:CreateChannel --clients 8 \
  --seconds 10 --warmup 0 --arn "$arn" --label prime >/dev/null
for c in ${BENCH_CLIENTS:-1 8 64}; do
  w0=$(awk '/^wchar/{print $2}' "/proc/$ONAIR_PID/io")
  out=$(loadgen run --endpoint "$ONAIR_URL" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" --op ivs:CreateChannel \
    --clients "$c" --seconds 8 --warmup 0 --arn "$arn" --label "$LABEL" --server-pid "$ONAIR_PID")
  w1=$(awk '/^wchar/{print $2}' "/proc/$ONAIR_PID/io")
  echo "$out" | python3 -c "import sys, json; d = json.loads(sys.stdin.read()); print('$LABEL clients $c: %d creates, %.0f req/s, %.0f us CPU/create, %.1f KiB written/create, p50 %.1f ms, load %s' % (d['requests'], d['rps'], d['server_cpu_us_per_req'], ($w1 - $w0) / 1024 / d['requests'], d['p50_ms'], ' '.join(open('/proc/loadavg').read().split()[:3])))"
done
