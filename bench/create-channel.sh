#!/usr/bin/env bash
# bench/api.sh's CreateChannel step alone (closed loop, same load generator), against moto and one or two Onair
# builds in the same run, interleaved per concurrency, so "before" and "after" see the same machine load:
#   bench/create-channel.sh                          -> $BENCH_OUT/create-channel.jsonl (one JSON line per run)
# Env: BENCH_SECONDS (10), BENCH_WARMUP (3), BENCH_CLIENTS ("1 8 64"), BENCH_BEFORE_JAR (a copy of an earlier
#      onair-server.jar with its lib/ beside it; also run when set), BENCH_MOTO (1; 0 = Onair only),
#      BENCH_PRIME (10): seconds of unrecorded CreateChannel load (8 clients) per server before the first run, so
#      that the 1-client run does not measure the JIT compiling the create path (bench/api.sh reaches CreateChannel
#      with a JVM already warmed by the other operations).
# Each server starts empty; every run adds its channels, so later runs see a bigger table (as in bench/api.sh).
REQUESTED_JAR="${ONAIR_JAR:-}"  # ONAIR_JAR: the build to measure (default: onair-server/target)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ONAIR_JAR="${REQUESTED_JAR:-$ONAIR_JAR}"
require_built
DATA_DIRS=()
finish() { cleanup; local d; for d in "${DATA_DIRS[@]:-}"; do [[ "$d" == /tmp/onair-bench-* ]] && rm -rf "$d"; done; }
trap finish EXIT
SECONDS_PER_RUN="${BENCH_SECONDS:-10}"; WARMUP="${BENCH_WARMUP:-3}"; CLIENTS="${BENCH_CLIENTS:-1 8 64}"
OUT="$BENCH_OUT/create-channel.jsonl"; : >"$OUT"

targets=()  # label url pid arn, four words each
add_onair() { # label jar
  local label="$1" jar="$2" saved="$ONAIR_JAR"
  ONAIR_JAR="$jar"
  start_onair "create-$label"
  ONAIR_JAR="$saved"
  DATA_DIRS+=("$ONAIR_DATA")
  local arn; arn="$(loadgen setup --endpoint "$ONAIR_URL" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" --onair 2>/dev/null)"
  echo "$label: $ONAIR_URL (pid $ONAIR_PID, jar $jar)" >&2
  targets+=("$label" "$ONAIR_URL" "$ONAIR_PID" "$arn")
}
if [[ -n "${BENCH_BEFORE_JAR:-}" ]]; then add_onair onair-before "$BENCH_BEFORE_JAR"; fi
add_onair onair "$ONAIR_JAR"
if [[ "${BENCH_MOTO:-1}" == 1 ]]; then
  start_moto
  moto_arn="$(loadgen setup --endpoint "$MOTO_URL" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" 2>/dev/null)"
  echo "moto: $MOTO_URL (pid $MOTO_PID)" >&2
  targets+=(moto "$MOTO_URL" "$MOTO_PID" "$moto_arn")
fi

PRIME="${BENCH_PRIME:-10}"
if [[ "$PRIME" != 0 ]]; then
  for ((i = 0; i < ${#targets[@]}; i += 4)); do
    loadgen run --endpoint "${targets[i+1]}" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" --op ivs:CreateChannel \
      --clients 8 --seconds "$PRIME" --warmup 0 --arn "${targets[i+3]}" --label "${targets[i]}-prime" >/dev/null
  done
fi
for c in $CLIENTS; do
  for ((i = 0; i < ${#targets[@]}; i += 4)); do
    loadgen run --endpoint "${targets[i+1]}" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" --op ivs:CreateChannel \
      --clients "$c" --seconds "$SECONDS_PER_RUN" --warmup "$WARMUP" --arn "${targets[i+3]}" \
      --label "${targets[i]}" --server-pid "${targets[i+2]}" | tee -a "$OUT" >&2
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "wrote $OUT" >&2
