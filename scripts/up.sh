#!/usr/bin/env bash
# The suite on this machine without Docker, in the mock profile: builds the jars if needed, checks (or starts) Redis
# and MariaDB, starts kis-sim and the nine services as processes (logs in one folder, pids recorded), runs the shared
# market clock from a trading morning so trading happens at any hour, seeds what a first run needs and prints where
# to look. scripts/down.sh stops exactly what this started.
#
# Environment (all optional):
#   JENNIE_RUN_DIR       where logs/ and pids/ go                       (target/local-run)
#   REDIS_HOST/REDIS_PORT Redis to use or start                         (127.0.0.1 / 6379); the mock profile's db 1
#   MARIADB_HOST/PORT/USER/PASSWORD  MariaDB to use or start            (127.0.0.1 / 3306 / root / empty)
#   JENNIE_CLOCK_START   simulated start (ISO or KST local)             (the latest KRX trading day, 09:20 KST)
#   JENNIE_CLOCK_SPEED   simulated seconds per real second, at most 10 (1)
#   JENNIE_JAVA_OPTS     JVM flags of every service                     (infrastructure/jvm.options)
#   MOCK_LLM_URL, MOCK_LLM_MODEL, MOCK_LLM_API_KEY, MOCK_EMBED_URL       an OpenAI-compatible server for the LLM tiers
#   JENNIE_SKIP_BUILD=1  never run Maven (fail if a jar is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUN_DIR=${JENNIE_RUN_DIR:-$ROOT/target/local-run}
LOGS=$RUN_DIR/logs
PIDS=$RUN_DIR/pids
REDIS_HOST=${REDIS_HOST:-127.0.0.1}
REDIS_PORT=${REDIS_PORT:-6379}
REDIS_DB=1
DB_HOST=${MARIADB_HOST:-127.0.0.1}
DB_PORT=${MARIADB_PORT:-3306}
DB_USER=${MARIADB_USER:-root}
DB_PASSWORD=${MARIADB_PASSWORD:-}
DB_NAME=jennie_mock
SPEED=${JENNIE_CLOCK_SPEED:-1}
JAVA_FLAGS=${JENNIE_JAVA_OPTS:-$(grep -v -e '^#' -e '^[[:space:]]*$' infrastructure/jvm.options | tr '\n' ' ')}
READY_TIMEOUT=${JENNIE_READY_TIMEOUT:-420}

# service → module directory and port (the apps' defaults; README "Modules")
SERVICES=(kis-sim buy-scanner buy-executor sell-executor price-monitor command-handler scout-job scheduler-service
  news-archiver dashboard-backend)
declare -A PORT=([kis-sim]=9443 [buy-scanner]=8081 [buy-executor]=8082 [sell-executor]=8083 [price-monitor]=8088
  [command-handler]=8091 [scout-job]=8087 [scheduler-service]=8095 [news-archiver]=8092 [dashboard-backend]=8090)
module_of() { [ "$1" = kis-sim ] && echo infrastructure/kis-sim || echo "$1"; }

say() { printf '== %s\n' "$*"; }
die() { printf 'up.sh: %s\n' "$*" >&2; exit 1; }

jar_of() { # the runnable jar: <name>-<version>-exec.jar where a module keeps a plain main artifact, else <name>-<version>.jar
  local dir; dir=$(module_of "$1")/target
  ls "$dir/$1"-*-exec.jar 2>/dev/null | head -1 | grep . ||
    ls "$dir/$1"-*.jar 2>/dev/null | grep -v -e '-sources.jar$' -e '-tests.jar$' -e '-exec.jar$' | head -1
}

running() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

for s in "${SERVICES[@]}"; do
  running "$s" && die "$s already runs (pid $(cat "$PIDS/$s.pid")); scripts/down.sh first"
done
mkdir -p "$LOGS" "$PIDS"
command -v java >/dev/null || die "java not found: install a JDK 17"

# ---------------------------------------------------------------- build if needed
needs_build=0
for s in "${SERVICES[@]}"; do
  jar=$(jar_of "$s" || true)
  if [ -z "$jar" ]; then needs_build=1; break; fi
  if [ -n "$(find "$(module_of "$s")/src/main" shared/src/main -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
    needs_build=1; break
  fi
done
if [ "$needs_build" = 1 ]; then
  [ "${JENNIE_SKIP_BUILD:-0}" = 1 ] && die "a jar is missing or older than its sources and JENNIE_SKIP_BUILD=1"
  say "Building the jars (./mvnw -B -q package -DskipTests)"
  ./mvnw -B -q package -DskipTests
fi

# ---------------------------------------------------------------- Redis
say "Redis at $REDIS_HOST:$REDIS_PORT (the mock profile uses database $REDIS_DB)"
if ! redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  case "$REDIS_HOST" in 127.0.0.1|localhost) ;; *) die "Redis at $REDIS_HOST:$REDIS_PORT does not answer" ;; esac
  command -v redis-server >/dev/null || die "no Redis answers and redis-server is not installed (apt-get install redis-server)"
  mkdir -p "$RUN_DIR/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --appendonly yes --dir "$RUN_DIR/redis" \
    --logfile "$LOGS/redis.log" --pidfile "$PIDS/redis.pid"
  for _ in $(seq 1 50); do redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.2; done
  redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping >/dev/null || die "Redis did not start (see $LOGS/redis.log)"
  echo "started redis-server (AOF in $RUN_DIR/redis), pid $(cat "$PIDS/redis.pid")"
fi
rcli() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" -n "$REDIS_DB" "$@"; }

# ---------------------------------------------------------------- MariaDB
say "MariaDB at $DB_HOST:$DB_PORT (database $DB_NAME)"
db() { mariadb -h "$DB_HOST" -P "$DB_PORT" -u"$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} "$@"; }
if ! db -e 'SELECT 1' >/dev/null 2>&1; then
  case "$DB_HOST" in 127.0.0.1|localhost) ;; *) die "MariaDB at $DB_HOST:$DB_PORT does not answer" ;; esac
  [ -x /usr/sbin/mariadbd ] || die "no MariaDB answers and mariadb-server is not installed (apt-get install mariadb-server)"
  mkdir -p /run/mysqld 2>/dev/null && chown mysql:mysql /run/mysqld 2>/dev/null || true
  /usr/sbin/mariadbd --user=mysql --port="$DB_PORT" >"$LOGS/mariadb.log" 2>&1 &
  echo $! >"$PIDS/mariadb.pid"
  for _ in $(seq 1 100); do db -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.3; done
  db -e 'SELECT 1' >/dev/null 2>&1 || die "MariaDB did not start or does not let $DB_USER in over TCP (see $LOGS/mariadb.log)"
  echo "started mariadbd, pid $(cat "$PIDS/mariadb.pid")"
fi
db -e "CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

# ---------------------------------------------------------------- the shared market clock
# The latest KRX trading day up to today (weekends and the bundled KRX holidays skipped), 09:20 KST.
latest_trading_day() {
  local holidays=shared/src/main/resources/com/primejennie/shared/market/krx-holidays.csv d
  d=$(TZ=Asia/Seoul date +%F)
  for _ in $(seq 1 15); do
    if [ "$(date -d "$d" +%u)" -le 5 ] && ! grep -q "^$d," "$holidays"; then echo "$d"; return; fi
    d=$(date -d "$d - 1 day" +%F)
  done
  echo "$d"
}
CLOCK_START=${JENNIE_CLOCK_START:-$(latest_trading_day)T09:20:00+09:00}
start_utc=$(date -u -d "$CLOCK_START" +%Y-%m-%dT%H:%M:%SZ) || die "JENNIE_CLOCK_START '$CLOCK_START' is not a time"
anchor_utc=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
say "Market clock: $CLOCK_START at ${SPEED}x real time (Redis db $REDIS_DB key jennie:clock)"
# Published once here, before any process starts; every service and kis-sim join it (same start and speed).
rcli SET jennie:clock "{\"start\":\"$start_utc\",\"anchor\":\"$anchor_utc\",\"speed\":$SPEED}" >/dev/null

# ---------------------------------------------------------------- processes
common_env=(SPRING_PROFILES_ACTIVE=mock TRADING_MODE=MOCK "REDIS_URL=redis://$REDIS_HOST:$REDIS_PORT/$REDIS_DB"
  "MARIADB_HOST=$DB_HOST" "MARIADB_PORT=$DB_PORT" "MARIADB_USER=$DB_USER" "MARIADB_PASSWORD=$DB_PASSWORD"
  "MARIADB_DBNAME=$DB_NAME" "KIS_SIM_URL=http://127.0.0.1:${PORT[kis-sim]}"
  "JENNIE_CLOCK_START=$CLOCK_START" "JENNIE_CLOCK_SPEED=$SPEED"
  "PRICE_MONITOR_URL=http://127.0.0.1:${PORT[price-monitor]}" "SELL_EXECUTOR_URL=http://127.0.0.1:${PORT[sell-executor]}"
  SCHEDULER_SCOPE=mock NEWS_VECTOR_STORE=lucene "NEWS_INDEX_PATH=$RUN_DIR/news-index"
  # a longer first connection than the 2 s default while ten JVMs start on a small machine (as common.env); joining
  # the shared market clock retries until Redis answers (jennie.clock.join-timeout, 120 s)
  SPRING_DATA_REDIS_CONNECT_TIMEOUT=10s)
if [ -n "${MOCK_LLM_URL:-}" ]; then
  for tier in FAST REASONING THINKING; do
    common_env+=("TIER_${tier}_PROVIDER=openai" "TIER_${tier}_API_BASE=$MOCK_LLM_URL"
      "TIER_${tier}_MODEL_NAME=${MOCK_LLM_MODEL:-mock-model}" "TIER_${tier}_API_KEY=${MOCK_LLM_API_KEY:-EMPTY}")
  done
fi
[ -n "${MOCK_EMBED_URL:-}" ] && common_env+=("VLLM_EMBED_URL=$MOCK_EMBED_URL")

start() {
  local s=$1 jar
  jar=$(jar_of "$s") || die "no jar for $s"
  # shellcheck disable=SC2086 # JAVA_FLAGS is a list of flags
  env "${common_env[@]}" "SERVER_PORT=${PORT[$s]}" java $JAVA_FLAGS -jar "$ROOT/$jar" >>"$LOGS/$s.log" 2>&1 &
  echo $! >"$PIDS/$s.pid"
}

ready() { curl -fsS -m 3 "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1; }

# A failed start stops what this run started (scripts/down.sh, by the recorded pids), so no half-started suite is
# left holding the ports; the logs stay.
stop_started() { echo "up.sh: stopping what this run started (scripts/down.sh)" >&2; "$ROOT/scripts/down.sh" >&2 || true; }

wait_ready() { # names...
  local deadline=$((SECONDS + READY_TIMEOUT)) pending s
  while :; do
    pending=()
    for s in "$@"; do
      running "$s" || { echo "up.sh: $s exited; last lines of $LOGS/$s.log:" >&2; tail -30 "$LOGS/$s.log" >&2
        stop_started; exit 1; }
      ready "${PORT[$s]}" || pending+=("$s")
    done
    [ ${#pending[@]} -eq 0 ] && return
    [ $SECONDS -ge $deadline ] && { stop_started; die "not ready within ${READY_TIMEOUT}s: ${pending[*]} (logs in $LOGS)"; }
    sleep 2
  done
}

for s in "${SERVICES[@]}"; do
  port=${PORT[$s]}
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port ($s) is taken by another process"; fi
done
began=$SECONDS
say "Starting kis-sim (logs in $LOGS)"
start kis-sim
wait_ready kis-sim
# The console and the API refuse every login without a configured password (no built-in default): give this local run
# one of its own unless the caller set one, kept only in the run folder (0600) and printed at the end.
if [ -z "${DASHBOARD_PASSWORD:-}" ]; then
  DASHBOARD_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  export DASHBOARD_PASSWORD
  (umask 077; echo "$DASHBOARD_PASSWORD" > "$RUN_DIR/dashboard-password")
fi
export DASHBOARD_USERNAME=${DASHBOARD_USERNAME:-admin}
say "Starting the nine services"
for s in "${SERVICES[@]:1}"; do start "$s"; done
wait_ready "${SERVICES[@]}"
echo "all ten ready in $((SECONDS - began)) s"

# ---------------------------------------------------------------- what a first run needs
kis_admin() { curl -fsS -m 30 -H 'Content-Type: application/json' "$@"; }
say "Seeding: market data and a scout run"
# A job started through scheduler-service, waited for until its outcome is recorded (SCHEDULER_JOB_RUNS).
outcomes() { db "$DB_NAME" -N -e "SELECT COUNT(*) FROM SCHEDULER_JOB_RUNS WHERE JOB_ID = '$1'
  AND STATUS IN ('SUCCEEDED', 'FAILED', 'TIMED_OUT', 'SKIPPED')" 2>/dev/null || echo 0; }
run_and_wait() { # job-id seconds
  local job=$1 limit=$2 before status=""
  before=$(outcomes "$job")
  curl -fsS -m 30 -X POST "http://127.0.0.1:${PORT[scheduler-service]}/jobs/$job/run" >/dev/null ||
    { echo "$job: scheduler-service refused to start it (see $LOGS/scheduler-service.log)"; return 0; }
  for _ in $(seq 1 "$limit"); do
    if [ "$(outcomes "$job")" -gt "$before" ]; then
      status=$(db "$DB_NAME" -N -e "SELECT STATUS FROM SCHEDULER_JOB_RUNS WHERE JOB_ID = '$job'
        AND STATUS IN ('SUCCEEDED', 'FAILED', 'TIMED_OUT', 'SKIPPED') ORDER BY UPDATED_AT DESC LIMIT 1")
      echo "$job: $status"; return 0
    fi
    sleep 1
  done
  echo "$job: no outcome within ${limit}s (it goes on in scout-job; see $LOGS/scout-job.log)"
}
# The data jobs (scout-job, issue 18) fill the stock master and the history the scout scores from; a first run
# back-fills three years at the paper budget (a few minutes). Without a data worker the universe kis-sim trades is
# written directly (code, name, market cap = base price x listed shares, sector).
if [ -n "$(rcli XINFO GROUPS stream:jobs:data 2>/dev/null | head -1)" ]; then
  for job in data-stock-master data-daily-prices data-index-prices data-investor-flows data-financials; do
    run_and_wait "$job" "${JENNIE_SEED_JOB_TIMEOUT:-900}"
  done
else
  sql=$(grep -v '^#' infrastructure/kis-sim/src/main/resources/kis-sim/universe.csv | awk -F, 'NF>=6 {
      printf "INSERT INTO STOCK_MASTER (STOCK_CODE, STOCK_NAME, MARKET_CAP, SECTOR_NAVER, IS_ETF) VALUES (\x27%s\x27, \x27%s\x27, %.0f, \x27%s\x27, 0) ON DUPLICATE KEY UPDATE STOCK_NAME = VALUES(STOCK_NAME);\n", $1, $2, $5 * $6, $4 }')
  for _ in $(seq 1 30); do db "$DB_NAME" -e 'SELECT 1 FROM STOCK_MASTER LIMIT 1' >/dev/null 2>&1 && break; sleep 2; done
  echo "$sql" | db "$DB_NAME"
  echo "stock master: $(echo "$sql" | grep -c INSERT) stocks of kis-sim's universe written (SEAM: data job, issue 18, not on this branch)"
fi
# A starter hot watchlist of kis-sim's first ten stocks, in the format scout writes, so the scanner has stocks to watch.
starter_watchlist() { # why
  local now_utc stocks key
  now_utc=$(date -u +%Y-%m-%dT%H:%M:%S+00:00)
  stocks=$(grep -v '^#' infrastructure/kis-sim/src/main/resources/kis-sim/universe.csv | head -10 | awk -F, '{
      printf "%s{\"code\":\"%s\",\"name\":\"%s\",\"llm_score\":70.0,\"rank\":%d,\"is_tradable\":true,\"strategies\":[],\"trade_tier\":\"TIER1\",\"hybrid_score\":70.0}", (NR>1?",":""), $1, $2, NR }')
  key="hot_watchlist:v$(date +%s)"
  rcli SET "$key" "{\"generated_at\":\"$now_utc\",\"market_regime\":\"SIDEWAYS\",\"score_threshold\":0.0,\"stocks\":[$stocks]}" EX 86400 >/dev/null
  rcli SET hot_watchlist:active "$key" >/dev/null
  echo "scout: starter hot watchlist $key of 10 stocks written ($1)"
}
# A scout run builds the hot watchlist; it approves only what the LLM analyst approves, so without an
# OpenAI-compatible server (MOCK_LLM_URL) it approves nothing and the starter watchlist is written instead.
if [ -n "$(rcli XINFO GROUPS stream:jobs:scout 2>/dev/null | head -1)" ]; then
  before=$(rcli GET hot_watchlist:active || true)
  run_and_wait scout-job "${JENNIE_SEED_JOB_TIMEOUT:-900}"
  active=$(rcli GET hot_watchlist:active || true)
  stocks=0
  [ -n "$active" ] && stocks=$(rcli GET "$active" | { grep -o '"code"' || true; } | wc -l)
  if [ -n "$active" ] && [ "$active" != "$before" ] && [ "$stocks" -gt 0 ]; then
    echo "scout: hot watchlist $active of $stocks stocks"
  else
    # a scout that approves nothing publishes an empty list the first time and keeps the current one after that
    starter_watchlist "the scout approved no stock - no LLM answered${MOCK_LLM_URL:+ at $MOCK_LLM_URL}; set MOCK_LLM_URL to an OpenAI-compatible server for real picks (see $LOGS/scout-job.log)"
  fi
else
  starter_watchlist "SEAM: no scout-job worker consumes stream:jobs:scout"
fi

# ---------------------------------------------------------------- where to look
cat <<EOF

Prime Jennie runs in the mock profile against kis-sim (market clock from $CLOCK_START at ${SPEED}x).
  web console     http://127.0.0.1:${PORT[dashboard-backend]}/console   (login $DASHBOARD_USERNAME / $DASHBOARD_PASSWORD)
  dashboard API   http://127.0.0.1:${PORT[dashboard-backend]}/api/...   (JWT from POST /api/auth/login)
  kis-sim         http://127.0.0.1:${PORT[kis-sim]}/admin/state   orders: /admin/orders   fills: /admin/fills
  logs            $LOGS/<service>.log      follow all: tail -F $LOGS/*.log
  pids            $PIDS
  trades          redis-cli -p $REDIS_PORT -n $REDIS_DB XREVRANGE stream:buy-signals + - COUNT 5
                  mariadb -h $DB_HOST -P $DB_PORT -u$DB_USER $DB_NAME -e 'SELECT * FROM TRADELOG_MOCK ORDER BY LOG_ID DESC LIMIT 10'
  memory          scripts/measure-memory.sh
  stop            scripts/down.sh
EOF
