#!/usr/bin/env bash
# Runs every benchmark in one go and writes docs/BENCHMARKS.md (the generated section between the bench markers;
# text outside them is kept). One command per benchmark, each also runnable alone:
#   bench/build.sh         server jar + bench module (load generator, JMH)
#   bench/machine.sh       machine and versions
#   bench/engines.sh       JMH: SigV4, policy evaluation, RTMP chunk decoding, TS and fMP4 muxing
#   bench/api.sh           API: Onair vs moto_server, 1/8/64 clients, open loop at 1,000 req/s, no-op ceiling
#   bench/profile-api.sh   JFR profile of Onair under signed load (where the time goes)
#   bench/media.py         data plane: Onair vs nginx-rtmp (availability delay, CPU per 3 Mbps stream, RSS, 50 streams)
#   bench/glass.py         glass-to-glass latency in hls.js/Chromium, clock burned into the video: Onair vs nginx-rtmp
#   bench/startup.py       start-up to first signed request, idle RSS: Onair vs moto_server
#   bench/report.py        -> docs/BENCHMARKS.md
# Env: BENCH_OUT (bench/out/<timestamp>), BENCH_SECONDS, BENCH_STREAMS (10,50: one media capacity run per count), BENCH_MEDIA_WARMUP (20), BENCH_MEDIA_SECONDS (30), BENCH_GLASS_SECONDS (25), SKIP="api media glass ..."
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export ROOT="$PWD"
export BENCH_OUT="${BENCH_OUT:-$ROOT/bench/out/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$BENCH_OUT"
[[ -d bench/out/latest && ! -L bench/out/latest ]] && rm -rf bench/out/latest
ln -sfn "$BENCH_OUT" bench/out/latest
skip() { [[ " ${SKIP:-} " == *" $1 "* ]]; }
load() { echo "$1 $(cut -d' ' -f1-3 /proc/loadavg)" >>"$BENCH_OUT/load.txt"; }
step() { echo "== $1 ($(date -u +%H:%M:%S), load $(cut -d' ' -f1 /proc/loadavg))" >&2; }

skip build || { step build; bench/build.sh; }
bench/machine.sh
load start
skip engines || { step engines; load engines; bench/engines.sh; }
skip api || { step api; load api; bench/api.sh; load api-end; }
skip profile || { step profile; bench/profile-api.sh ivs:GetChannel; }
skip media || { step media; load media; python3 bench/media.py --out "$BENCH_OUT" --streams "${BENCH_STREAMS:-10,50}" \
  --warmup "${BENCH_MEDIA_WARMUP:-20}" --seconds "${BENCH_MEDIA_SECONDS:-30}"; load media-end; }
skip glass || { step glass; load glass; python3 bench/glass.py --out "$BENCH_OUT" \
  --seconds "${BENCH_GLASS_SECONDS:-25}"; load glass-end; }
skip startup || { step startup; load startup; python3 bench/startup.py --out "$BENCH_OUT" --runs "${BENCH_STARTUP_RUNS:-3}"; }
load end
step report
python3 bench/report.py "$BENCH_OUT" docs/BENCHMARKS.md
echo "results in $BENCH_OUT; docs/BENCHMARKS.md updated" >&2
