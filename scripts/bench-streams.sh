#!/usr/bin/env bash
# Throughput of the Redis Streams messaging layer against the local Redis (REDIS_URL, default
# redis://127.0.0.1:6379). Leases a test db (1-15), uses its own stream names, deletes them afterwards; never db 0.
# Usage: [BENCH_BATCH=n] scripts/bench-streams.sh [publishCount endToEndCount drainCount]
#   (defaults 10000 20000 20000 at the buy-signal batch of 1; 10000 100000 100000 with BENCH_BATCH > 1)
# Ends with: streams: publish <n> msg/s, end-to-end <n> msg/s, drain <n> msg/s
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${MVN_OFFLINE--o}
CP_FILE=shared/target/bench-classpath.txt
# One wrapper run compiles main + test sources and writes the test classpath; then a plain JVM runs the main.
./mvnw -B -q $OFFLINE -pl shared test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=bench-classpath.txt -Dmdep.outputFile="$PWD/$CP_FILE"
exec java -Xms512m -Xmx1g -cp "shared/target/test-classes:shared/target/classes:$(cat "$CP_FILE")" \
  com.primejennie.shared.messaging.StreamsBench "$@"
