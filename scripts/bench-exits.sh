#!/usr/bin/env bash
# Exit path throughput: ticks for 41 held positions through price-monitor's exit engine (watermark, ATR/RSI, the
# exit chain); every 500th tick falls through the ATR stop and its SellOrder is XADDed to the local Redis (REDIS_URL,
# db 15, own stream name, deleted afterwards).
# Usage: scripts/bench-exits.sh [ticks]   (default 2000000)
# Ends with: exits: ticks <n>/s, tick->sell-order p50 <x> ms p99 <y> ms
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${MVN_OFFLINE--o}
CP_FILE=price-monitor/target/bench-classpath.txt
./mvnw -B -q $OFFLINE -pl price-monitor -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$CP_FILE"
exec java -Xms512m -Xmx1g \
  -cp "price-monitor/target/test-classes:price-monitor/target/classes:shared/target/classes:$(cat "$CP_FILE")" \
  com.primejennie.pricemonitor.exits.bench.ExitsBench "$@" 2>/dev/null | grep '^exits:'
