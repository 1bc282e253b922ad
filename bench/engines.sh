#!/usr/bin/env bash
# Engines (JMH, 1 fork, short but real settings): SigV4 parse+verify and sign (bench module), policy evaluation
# (onair-policy's PolicyEvaluationBenchmark), RTMP chunk decoding and TS muxing (onair-media's MediaBenchmarks),
# fMP4 muxing (bench module, same clip), metric ingestion on H2 (onair-storage's MetricIngestBenchmark).
# -> $BENCH_OUT/jmh-*.json and jmh-*.log
# Env: JMH_OPTS (default "-wi 2 -w 1s -i 5 -r 1s -f 1").
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_built
JMH_OPTS="${JMH_OPTS:--wi 2 -w 1s -i 5 -r 1s -f 1}"
LIB="$BENCH_DIR/target/lib/*"
# the 4 s clip MediaBenchmarks uses (made by its MediaTools on first use, with ffmpeg)
CLIP="$ROOT/onair-media/target/test-media/sample.flv"
if [[ ! -f "$CLIP" ]]; then
  mkdir -p "$(dirname "$CLIP")"
  ffmpeg -y -v error -f lavfi -i testsrc=size=320x240:rate=30 -f lavfi -i sine=frequency=1000:sample_rate=44100 \
    -t 4 -c:v libx264 -preset veryfast -pix_fmt yuv420p -g 30 -bf 0 -c:a aac -b:a 96k -f flv "$CLIP"
fi
jmh() { # name classpath workdir regex
  local name="$1" cp="$2" dir="$3" regex="$4"
  (cd "$dir" && java -cp "$cp" org.openjdk.jmh.Main "$regex" $JMH_OPTS -jvmArgsAppend "-Dbench.flv=$CLIP" \
     -rf json -rff "$BENCH_OUT/jmh-$name.json") >"$BENCH_OUT/jmh-$name.log" 2>&1
  grep -E '^(Benchmark|[A-Za-z].*(thrpt|avgt))' "$BENCH_OUT/jmh-$name.log" | tail -n 8 >&2
}
jmh sigv4-fmp4 "$BENCH_DIR/target/onair-bench.jar:$LIB" "$BENCH_DIR" 'SigV4VerifyJmh|Fmp4MuxJmh'
jmh policy "$ROOT/onair-policy/target/test-classes:$LIB" "$ROOT/onair-policy" 'PolicyEvaluationBenchmark'
jmh media "$ROOT/onair-media/target/test-classes:$LIB" "$ROOT/onair-media" 'MediaBenchmarks'
# metric ingestion on the embedded H2 store (data-plane seconds for 10 and 50 streams, PutMetricData)
jmh metrics "$ROOT/onair-storage/target/test-classes:$LIB" "$ROOT/onair-storage" 'MetricIngestBenchmark'
