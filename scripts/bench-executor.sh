#!/usr/bin/env bash
# buy-executor latency: N buy signals for N different stocks through the real stream worker, the buy pipeline and the
# order service to kis-sim (started in the test JVM, its rate limit off), with the real Redis (REDIS_URL) and MariaDB
# (127.0.0.1:3306, a scratch database). Daily, portfolio, sector and cash limits are raised for the run.
# Usage: scripts/bench-executor.sh [N]   (default 40; capped at the simulator's universe)
# Ends with: executor: signals N, orders N, duplicates 0, signal->order p50 X ms p99 Y ms
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-40}
OFFLINE=${MVN_OFFLINE--o}
export JENNIE_TEST_SERVICES=${JENNIE_TEST_SERVICES:-local}
LOG=infrastructure/kis-sim/target/bench-executor.log
mkdir -p infrastructure/kis-sim/target
./mvnw -B -q $OFFLINE -pl infrastructure/kis-sim -am test -Dtest='BuyExecutorBench' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.signals="$N" >"$LOG" 2>&1 || true
grep -E '^skipped:' "$LOG" | cut -c1-300 || true
LINE=$(grep -m1 -o 'executor: signals.*ms$' "$LOG" || true)
if [ -z "$LINE" ]; then
  echo "bench failed; see $LOG" >&2
  exit 1
fi
echo "$LINE"
