#!/usr/bin/env bash
# news-archiver benchmark: the real application against the local Redis (REDIS_URL, a leased test db 1-15, never db 0)
# and MariaDB (a scratch database, dropped at exit), with a fake embeddings server over HTTP (deterministic 1024-dim
# vectors). Ingests N generated Korean items through stream:news:raw, fills the embedded Lucene index to C chunks,
# runs M searches, and reports heap + non-heap in use (the JVM runs with -Xmx${NEWS_BENCH_XMX:-192m}).
# Usage: scripts/bench-news.sh [items chunks searches]   (defaults 2000 100000 1000)
# Ends with: news: ingest N items/s, search p50 X ms p99 Y ms over C chunks
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${MVN_OFFLINE--o}
CP_FILE=news-archiver/target/bench-classpath.txt
./mvnw -B -q $OFFLINE -pl news-archiver -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$CP_FILE" >/dev/null
export JENNIE_TEST_SERVICES=${JENNIE_TEST_SERVICES:-local}
exec java -Xmx"${NEWS_BENCH_XMX:-192m}" -XX:MaxMetaspaceSize=128m \
  -cp "news-archiver/target/test-classes:news-archiver/target/classes:shared/target/test-classes:shared/target/classes:$(cat "$CP_FILE")" \
  com.primejennie.newsarchiver.support.NewsBench "$@"
