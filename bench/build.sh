#!/usr/bin/env bash
# Builds the server jar (prebuilt for every benchmark) and the bench module (load generator + JMH), offline first.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
mvn -q -B -o -pl onair-server -am install -DskipTests || mvn -q -B -pl onair-server -am install -DskipTests
# engine modules' test classes hold their JMH benchmarks (annotation-processed at test-compile)
mvn -q -B -o -pl onair-sigv4,onair-policy,onair-media,onair-storage test-compile
mvn -q -B -o -f bench/pom.xml package
echo "built: $ONAIR_JAR, bench/target/onair-bench.jar"
