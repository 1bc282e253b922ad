#!/usr/bin/env bash
# API throughput/latency: Onair vs moto_server, same load generator, same set-up, interleaved per (op, clients).
#   bench/api.sh                 -> $BENCH_OUT/api.jsonl (one JSON line per run)
# Env: BENCH_SECONDS (10) measured seconds per run, BENCH_WARMUP (3), BENCH_CLIENTS ("1 8 64"), BENCH_RATE (1000),
#      BENCH_OPS (the signed operations, default "sts:GetCallerIdentity iam:GetUser ivs:GetChannel ivs:ListChannels"),
#      BENCH_MOTO (1; 0 = Onair only), BENCH_OPEN (1; 0 = no open-loop runs), BENCH_CREATE (1; 0 = no CreateChannel),
#      BENCH_PREWARM (8) seconds of unmeasured load per operation before the first measured run.
# The cost of "SigV4 + authorization" (issue 9) is read off two runs made back to back at each concurrency: the
# unsigned no-op (health) and the cheapest signed call (sts:GetCallerIdentity); report.py derives
#   signed cost = server CPU/req(GetCallerIdentity) - server CPU/req(health)   and   req/s ratio signed / no-op.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_built
trap cleanup EXIT
SECONDS_PER_RUN="${BENCH_SECONDS:-10}"; WARMUP="${BENCH_WARMUP:-3}"; CLIENTS="${BENCH_CLIENTS:-1 8 64}"
RATE="${BENCH_RATE:-1000}"
OPS="${BENCH_OPS:-sts:GetCallerIdentity iam:GetUser ivs:GetChannel ivs:ListChannels}"
MOTO="${BENCH_MOTO:-1}"
OUT="$BENCH_OUT/api.jsonl"; : >"$OUT"

start_onair api
onair_arn="$(loadgen setup --endpoint "$ONAIR_URL" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" --onair 2>/dev/null)"
echo "onair $ONAIR_URL (pid $ONAIR_PID, channel $onair_arn, jar $ONAIR_JAR)" >&2
if [[ "$MOTO" == 1 ]]; then
  start_moto
  moto_arn="$(loadgen setup --endpoint "$MOTO_URL" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" 2>/dev/null)"
  echo "moto $MOTO_URL (pid $MOTO_PID, channel $moto_arn)" >&2
fi

run() { # label url pid arn op clients [extra]
  local label="$1" url="$2" pid="$3" arn="$4" op="$5" clients="$6"; shift 6
  loadgen run --endpoint "$url" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" --op "$op" --clients "$clients" \
    --seconds "$SECONDS_PER_RUN" --warmup "$WARMUP" --arn "$arn" --label "$label" --server-pid "$pid" "$@" \
    | tee -a "$OUT" >&2
}

moto() { # op clients [extra]: the same run against moto, when it is part of this run
  [[ "$MOTO" == 1 ]] || return 0
  run moto "$MOTO_URL" "$MOTO_PID" "$moto_arn" "$@"
}
# JIT warm-up before anything is measured: a run's own warm-up (BENCH_WARMUP) is too short for C2 to finish on a
# shared 2-core machine, and compiler threads count as server CPU. Then the idle server's CPU, for reference.
for op in health $OPS; do
  loadgen run --endpoint "$ONAIR_URL" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" --op "$op" --clients 8 \
    --seconds 0 --warmup "${BENCH_PREWARM:-8}" --arn "$onair_arn" --label prewarm >/dev/null
done
loadgen run --endpoint "$ONAIR_URL" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" --op idle --seconds 5 \
  --label onair --server-pid "$ONAIR_PID" | tee -a "$OUT" >&2

closed() { # op: every concurrency, Onair then moto
  local op="$1" c
  for c in $CLIENTS; do
    run onair "$ONAIR_URL" "$ONAIR_PID" "$onair_arn" "$op" "$c"
    moto "$op" "$c"
  done
}
# the ceiling, unsigned GET /_onair/health (Netty + HTTP codec + aggregator + worker hand-off + local route), each
# run right before GetCallerIdentity at the same concurrency, so that the pair sees the same machine load
if [[ " $OPS " != *" sts:GetCallerIdentity "* ]]; then
  for c in $CLIENTS; do run onair "$ONAIR_URL" "$ONAIR_PID" "$onair_arn" health "$c"; done
fi
for op in $OPS; do
  if [[ "$op" == sts:GetCallerIdentity ]]; then
    for c in $CLIENTS; do
      run onair "$ONAIR_URL" "$ONAIR_PID" "$onair_arn" health "$c"
      run onair "$ONAIR_URL" "$ONAIR_PID" "$onair_arn" "$op" "$c"
      moto "$op" "$c"
    done
  else
    closed "$op"
  fi
done
[[ "${BENCH_OPEN:-1}" == 1 ]] || { echo "wrote $OUT" >&2; exit 0; }
# open loop: fixed rate over 32 connections, latency from the scheduled send time (before CreateChannel fills
# the channel table that ListChannels reads)
for op in health ivs:GetChannel iam:GetUser ivs:ListChannels; do
  run onair "$ONAIR_URL" "$ONAIR_PID" "$onair_arn" "$op" 32 --rate "$RATE"
done
moto ivs:GetChannel 32 --rate "$RATE"
# CreateChannel last: every run adds thousands of channels
if [[ "${BENCH_CREATE:-1}" == 1 ]]; then closed ivs:CreateChannel; fi
echo "wrote $OUT" >&2
