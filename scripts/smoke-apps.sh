#!/usr/bin/env bash
# Starts every app with `java -jar` against a throwaway Redis and the local MariaDB, checks /actuator/health is UP,
# stops Redis and checks every app stays alive and reports DOWN, restarts Redis and checks every app is UP again.
# Needs the jars built (./mvnw -B verify or package). Prints one summary line; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

REDIS_PORT=${SMOKE_REDIS_PORT:-16379}
DB_NAME=${SMOKE_DB_NAME:-jennie_smoke}
TIMEOUT=${SMOKE_TIMEOUT_SECONDS:-420}
WORK=$(mktemp -d)
declare -A PORTS=(
  [buy-scanner]=8081 [buy-executor]=8082 [sell-executor]=8083 [price-monitor]=8088 [command-handler]=8091
  [scout-job]=8087 [scheduler-service]=8095 [news-archiver]=8092 [dashboard-backend]=8090 [kis-sim]=9443)
declare -A PIDS=()

# The runnable jar: <app>-<version>-exec.jar where a module keeps a plain main artifact (buy-executor), else <app>-<version>.jar.
jar_of() { local dir=$1; [ "$dir" = kis-sim ] && dir=infrastructure/kis-sim
  ls "$dir"/target/"$1"-*-exec.jar 2>/dev/null | head -1 | grep . || ls "$dir"/target/"$1"-*.jar | grep -v original | head -1; }

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  mariadb -h 127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS \`$DB_NAME\`" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

start_redis() {
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$WORK" \
    --logfile "$WORK/redis.log"
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.2; done
  echo "smoke: throwaway Redis did not start on $REDIS_PORT" >&2; exit 1
}

status_of() { curl -s -m 5 "http://127.0.0.1:$1/actuator/health" | grep -o '"status":"[A-Z]*"' | tail -1 | cut -d'"' -f4 || true; }

wait_all() { # wait_all STATUS — every app answers its health with STATUS and its process is alive
  local want=$1 deadline=$((SECONDS + TIMEOUT)) pending
  while :; do
    pending=()
    for app in "${!PORTS[@]}"; do
      kill -0 "${PIDS[$app]}" 2>/dev/null || { echo "smoke: $app died; log:" >&2; tail -40 "$WORK/$app.log" >&2; exit 1; }
      [ "$(status_of "${PORTS[$app]}")" = "$want" ] || pending+=("$app")
    done
    [ ${#pending[@]} -eq 0 ] && return
    if [ $SECONDS -ge $deadline ]; then echo "smoke: not $want within ${TIMEOUT}s: ${pending[*]}" >&2; exit 1; fi
    sleep 2
  done
}

start_redis
# the services' JVM flags as the launcher runs them (one per line in infrastructure/jvm.options)
JAVA_FLAGS=$(grep -v -e '^#' -e '^[[:space:]]*$' infrastructure/jvm.options | tr '\n' ' ')
mariadb -h 127.0.0.1 -uroot -e "CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4"
# No KIS here: price-monitor's price feed is switched off, or it would (rightly) report DOWN during KRX hours.
for app in "${!PORTS[@]}"; do
  PRICE_FEED_ENABLED=false REDIS_URL="redis://127.0.0.1:$REDIS_PORT" MARIADB_HOST=127.0.0.1 MARIADB_PORT=3306 MARIADB_DBNAME="$DB_NAME" \
    SERVER_PORT="${PORTS[$app]}" java $JAVA_FLAGS -jar "$(jar_of "$app")" \
    --spring.data.redis.timeout=1s > "$WORK/$app.log" 2>&1 &
  PIDS[$app]=$!
done
started=$SECONDS
wait_all UP
up_after=$((SECONDS - started))

redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
down_at=$SECONDS
wait_all DOWN
down_after=$((SECONDS - down_at))
sleep 5   # stay down a while: nobody may crash-loop
wait_all DOWN
lines=$(grep -l "Cannot reach Redis" "$WORK"/*.log | wc -l)

start_redis
back_at=$SECONDS
wait_all UP
back_after=$((SECONDS - back_at))

echo "smoke: ${#PORTS[@]}/${#PORTS[@]} apps UP after ${up_after}s, DOWN ${down_after}s after Redis stopped (clear log line in $lines), UP again ${back_after}s after Redis returned"
