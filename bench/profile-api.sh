#!/usr/bin/env bash
# Where Onair's time goes under signed load: JFR execution samples while 8 clients send ivs:GetChannel, then the
# top frames (self time and inclusive by our packages).
# Recording starts after the warm-up (jcmd JFR.start), so start-up work (key derivation, TLS) is not in it.. -> $BENCH_OUT/profile-getchannel.txt
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_built
trap cleanup EXIT
OP="${1:-ivs:GetChannel}"
JFR="$BENCH_OUT/onair-profile.jfr"; rm -f "$JFR"
SECS="${BENCH_PROFILE_SECONDS:-20}"
start_onair profile
arn="$(loadgen setup --endpoint "$ONAIR_URL" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" --onair 2>/dev/null)"
loadgen run --endpoint "$ONAIR_URL" --key "$ADMIN_KEY" --secret "$ADMIN_SECRET" --op "$OP" --clients 8 \
  --seconds "$SECS" --warmup 5 --arn "$arn" --label onair-profiled --server-pid "$ONAIR_PID" >&2 &
load=$!
sleep 6  # past the warm-up: record only the steady state
jcmd "$ONAIR_PID" JFR.start name=bench settings=profile >/dev/null
wait "$load"
jcmd "$ONAIR_PID" JFR.stop name=bench filename="$JFR" >/dev/null
jfr print --events jdk.ExecutionSample --stack-depth 64 "$JFR" | python3 "$BENCH_DIR/jfr_top.py" "$OP" \
  >"$BENCH_OUT/profile.txt"
cat "$BENCH_OUT/profile.txt" >&2
