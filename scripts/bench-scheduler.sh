#!/usr/bin/env bash
# Cost of the scheduler's cron loop against the local Redis (REDIS_URL) and MariaDB (MARIADB_HOST/PORT, root):
# one tick with the 9 default jobs and with 100 more, and a trading week of one-minute ticks. Uses the test harness
# (a leased Redis db 1-15, a throwaway database), never db 0 or jennie_db.
# Ends with: scheduler: tick <n> ms (9 jobs), <n> ms (109 jobs); a week of 1-minute ticks (<n>) in <n> s, <n> fires
set -euo pipefail
cd "$(dirname "$0")/.."
OFFLINE=${MVN_OFFLINE--o}
export JENNIE_TEST_SERVICES=${JENNIE_TEST_SERVICES:-local}
./mvnw -B -q $OFFLINE -pl scheduler-service -am test -Dtest='SchedulerBench' -Dsurefire.failIfNoSpecifiedTests=false \
  2>&1 | grep '^scheduler: ' | tail -1
