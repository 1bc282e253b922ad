#!/usr/bin/env bash
# API throughput/latency: Onair vs moto_server, same load generator, same set-up, interleaved per (op, clients).
#   bench/api.sh                 -> $BENCH_OUT/api.jsonl (one JSON line per run)
# Env: BENCH_SECONDS (10) measured seconds per run, BENCH_WARMUP (3), BENCH_CLIENTS ("1 8 64"), BENCH_RATE (1000).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_built
trap cleanup EXIT
SECONDS_PER_RUN="${BENCH_SECONDS:-10}"; WARMUP="${BENCH_WARMUP:-3}"; CLIENTS="${BENCH_CLIENTS:-1 8 64}"
RATE="${BENCH_RATE:-1000}"
OUT="$BENCH_OUT/api.jsonl"; : >"$OUT"

start_onair api
start_moto
onair_arn="$(loadgen setup --endpoint "$ONAIR_URL" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" --onair 2>/dev/null)"
moto_arn="$(loadgen setup --endpoint "$MOTO_URL" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" 2>/dev/null)"
echo "onair $ONAIR_URL (pid $ONAIR_PID, channel $onair_arn); moto $MOTO_URL (pid $MOTO_PID, channel $moto_arn)" >&2

run() { # label url pid arn op clients [extra]
  local label="$1" url="$2" pid="$3" arn="$4" op="$5" clients="$6"; shift 6
  loadgen run --endpoint "$url" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" --op "$op" --clients "$clients" \
    --seconds "$SECONDS_PER_RUN" --warmup "$WARMUP" --arn "$arn" --label "$label" --server-pid "$pid" "$@" \
    | tee -a "$OUT" >&2
}

# the ceiling: unsigned GET /_onair/health (Netty + HTTP codec + aggregator + worker hand-off + local route)
for c in $CLIENTS; do run onair "$ONAIR_URL" "$ONAIR_PID" "$onair_arn" health "$c"; done
closed() { # op: every concurrency, Onair then moto
  local op="$1" c
  for c in $CLIENTS; do
    run onair "$ONAIR_URL" "$ONAIR_PID" "$onair_arn" "$op" "$c"
    run moto "$MOTO_URL" "$MOTO_PID" "$moto_arn" "$op" "$c"
  done
}
for op in sts:GetCallerIdentity iam:GetUser ivs:GetChannel ivs:ListChannels; do closed "$op"; done
# open loop: fixed rate over 32 connections, latency from the scheduled send time (before CreateChannel fills
# the channel table that ListChannels reads)
for op in health ivs:GetChannel iam:GetUser ivs:ListChannels; do
  run onair "$ONAIR_URL" "$ONAIR_PID" "$onair_arn" "$op" 32 --rate "$RATE"
done
run moto "$MOTO_URL" "$MOTO_PID" "$moto_arn" ivs:GetChannel 32 --rate "$RATE"
# CreateChannel last: every run adds thousands of channels
closed ivs:CreateChannel
echo "wrote $OUT" >&2
