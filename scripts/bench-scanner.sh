#!/usr/bin/env bash
# The buy-scanner's real pipeline against the local Redis (REDIS_URL, default redis://127.0.0.1:6379): a generated
# trading day of ticks for 41 codes on kis:prices -> worker -> bars, gates, strategies -> stream:buy-signals.
# Leases a test db (1-15) and flushes it when done; never db 0.
# Usage: scripts/bench-scanner.sh [codes ticksPerCodeMinute pacedRate]   (defaults 41 30 5000);
# BENCH_JAVA_OPTS=-Dlanes=0 runs the stocks inline on the reader thread instead of the default 2 lanes.
# Ends with: scanner: ticks N/s, tick->signal p50 X ms p99 Y ms, signals S
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${MVN_OFFLINE--o}
export JENNIE_TEST_SERVICES=${JENNIE_TEST_SERVICES:-local}
CP_FILE=buy-scanner/target/bench-classpath.txt
./mvnw -B -q $OFFLINE -pl buy-scanner -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$CP_FILE" >/dev/null
exec java ${BENCH_JAVA_OPTS:-} -Xms256m -Xmx1g -Dlogback.configurationFile=buy-scanner/target/test-classes/logback-bench.xml \
  -cp "buy-scanner/target/test-classes:buy-scanner/target/classes:shared/target/test-classes:shared/target/classes:$(cat "$CP_FILE")" \
  com.primejennie.buyscanner.bench.ScannerBench "$@"
