#!/usr/bin/env bash
# Before/after on a shared machine: both builds up at once, short closed-loop runs alternated per operation and
# concurrency (order swapped every round), so both see the same load.  -> $BENCH_OUT/paired.jsonl
#   BEFORE_JAR=<dir>/onair-server.jar AFTER_JAR=<dir>/onair-server.jar bench/api-paired.sh
# Env: PAIRED_OPS ("health sts:GetCallerIdentity ivs:GetChannel"), PAIRED_CLIENTS ("1 8"), PAIRED_ROUNDS (3),
#      PAIRED_SECONDS (5). Each run is preceded by a {"side","round","load"} line.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap cleanup EXIT
: "${BEFORE_JAR:?set BEFORE_JAR}" "${AFTER_JAR:?set AFTER_JAR}"
OPS="${PAIRED_OPS:-health sts:GetCallerIdentity ivs:GetChannel}"
CLIENTS="${PAIRED_CLIENTS:-1 8}"
declare -A URL PID ARN JAR=([before]="$BEFORE_JAR" [after]="$AFTER_JAR")
for side in before after; do
  ONAIR_JAR="${JAR[$side]}" start_onair "$side"
  URL[$side]=$ONAIR_URL; PID[$side]=$ONAIR_PID
  ARN[$side]="$(loadgen setup --endpoint "$ONAIR_URL" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" --onair 2>/dev/null)"
done
for side in before after; do
  for op in $OPS; do
    loadgen run --endpoint "${URL[$side]}" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" --op "$op" --clients 8 \
      --seconds 0 --warmup 8 --arn "${ARN[$side]}" --label prewarm >/dev/null
  done
done
OUT="$BENCH_OUT/paired.jsonl"; : >"$OUT"
for round in $(seq 1 "${PAIRED_ROUNDS:-3}"); do
  for op in $OPS; do
    for c in $CLIENTS; do
      if (( round % 2 )); then order="before after"; else order="after before"; fi
      for side in $order; do
        echo "{\"side\":\"$side\",\"round\":$round,\"load\":\"$(cut -d' ' -f1 /proc/loadavg)\"}" >>"$OUT"
        loadgen run --endpoint "${URL[$side]}" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" --op "$op" --clients "$c" \
          --seconds "${PAIRED_SECONDS:-5}" --warmup 1 --arn "${ARN[$side]}" --label "$side" \
          --server-pid "${PID[$side]}" >>"$OUT"
      done
    done
  done
done
echo "wrote $OUT" >&2
