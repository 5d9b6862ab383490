#!/usr/bin/env bash
# Data jobs: the nightly jobs of scout-job (stock master, daily prices with the 3-year back-fill of a first night,
# KOSPI/KOSDAQ index series, investor flows, financials, asset snapshot, clean-up) over an N-code universe loaded into
# kis-sim (started in the test JVM) at KIS's real-account budget (19 of kis-sim's 20 requests per second, 3 reserved
# for orders), with the real Redis (REDIS_URL) and MariaDB (127.0.0.1:3306, a scratch database).
# Usage: scripts/bench-data.sh [N]   (default 200)
# Ends with: data: codes N, calls C, wall S s, rows R   (first night: empty tables)
#       and: data (next night): codes N, calls C, wall S s, rows R   (one trading day later: incremental)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200}
OFFLINE=${MVN_OFFLINE--o}
export JENNIE_TEST_SERVICES=${JENNIE_TEST_SERVICES:-local}
LOG=scout-job/target/bench-data.log
mkdir -p scout-job/target
./mvnw -B -q $OFFLINE -pl scout-job -am test -Dtest='DataJobsBench' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.codes="$N" >"$LOG" 2>&1 || true
grep -E '^bench-detail' "$LOG" | cut -c1-400 >&2 || true
FIRST=$(grep -m1 -o '^data: codes.*rows [0-9]*' "$LOG" || true)
NEXT=$(grep -m1 -o '^data (next night): codes.*rows [0-9]*' "$LOG" || true)
if [ -z "$FIRST" ]; then
  echo "bench failed; see $LOG" >&2
  exit 1
fi
echo "$NEXT"
echo "$FIRST"
