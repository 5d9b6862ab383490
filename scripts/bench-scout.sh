#!/usr/bin/env bash
# scout-job: one full scout run (job message → hot watchlist) over kis-sim's universe at the paper rate budget
# (2 requests/s), with the real Redis (REDIS_URL) and MariaDB (127.0.0.1:3306, a scratch database) and a fake analyst
# answering in the measured 1.46 s per call. Tables are filled by the test tree's data-jobs stand-in.
# Usage: scripts/bench-scout.sh [llm-latency-ms]   (default 1460)
# Ends with: scout: status SUCCEEDED, candidates N, analysed A, final F, llm calls L (...), kis calls K, wall S s
set -euo pipefail
cd "$(dirname "$0")/.."
LATENCY=${1:-1460}
OFFLINE=${MVN_OFFLINE--o}
export JENNIE_TEST_SERVICES=${JENNIE_TEST_SERVICES:-local}
LOG=scout-job/target/bench-scout.log
mkdir -p scout-job/target
./mvnw -B -q $OFFLINE -pl scout-job -am test -Dtest='ScoutBench' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.llm-latency-ms="$LATENCY" >"$LOG" 2>&1 || true
LINE=$(grep -m1 -o 'scout: status.* s$' "$LOG" || true)
if [ -z "$LINE" ]; then
  echo "bench failed; see $LOG" >&2
  exit 1
fi
echo "$LINE"
