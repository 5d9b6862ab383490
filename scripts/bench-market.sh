#!/usr/bin/env bash
# Measures the market rules' hot paths (KrxCalendar, TickSize). Needs shared compiled: ./mvnw -B -o -q -pl shared compile
set -euo pipefail
cd "$(dirname "$0")/.."
boot=$(ls ~/.m2/repository/org/springframework/boot/spring-boot/*/spring-boot-*.jar | grep -v sources | head -1)
out=$(mktemp -d)
javac -d "$out" -cp "shared/target/classes:$boot" scripts/bench/MarketBench.java
java -cp "$out:shared/target/classes:$boot" MarketBench
rm -rf "$out"
