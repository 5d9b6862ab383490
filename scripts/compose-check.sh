#!/usr/bin/env bash
# docker-compose.yml for real, in CI: validates the `real`, `observability` and `mock` profiles (`config`), builds the
# service images from the jars Maven built (one Dockerfile, layers reused between services), starts the mock profile
# (Redis, MariaDB, kis-sim, the nine services), waits until every container is healthy, runs a trading morning on
# kis-sim until a trade is in TRADELOG_MOCK and on the dashboard API (logged in, as a user would), prints the memory
# of every container and ends with `down -v`, checking that no container, volume or network of the run is left.
# Qdrant, vLLM and Grafana images cannot be had offline: those profiles are checked with `config` only, and the mock
# run names its services (Qdrant is in `infra` but nothing in `mock` needs it).
# Works with `docker compose` (v2) and Debian's `docker-compose` 1.29. Needs the jars (./mvnw -B package) and the
# base images (../shared/tools/offline-images/build.sh on machines without a registry).
# Prints one summary line: "compose: ... ok in N s" or exits non-zero naming the step that failed.
set -euo pipefail
cd "$(dirname "$0")/.."
began=$SECONDS
project=${COMPOSE_CHECK_PROJECT:-jennie-ci-$$}
speed=${COMPOSE_CHECK_SPEED:-10}
timeout_healthy=${COMPOSE_CHECK_HEALTHY_SECONDS:-900}
timeout_trade=${COMPOSE_CHECK_TRADE_SECONDS:-420}

if docker compose version >/dev/null 2>&1; then compose_cmd=(docker compose); else compose_cmd=(docker-compose); fi
compose() { "${compose_cmd[@]}" -p "$project" "$@"; }
say() { printf '== compose: %s (%d s)\n' "$*" "$((SECONDS - began))"; }
fail() { printf 'compose: FAILED - %s\n' "$*" >&2; exit 1; }

# Every host port random (127.0.0.1: picks a free one): CI shares the machine with other builds.
for v in REDIS MARIADB QDRANT QDRANT_GRPC KIS_SIM BUY_SCANNER BUY_EXECUTOR SELL_EXECUTOR PRICE_MONITOR COMMAND_HANDLER \
  SCOUT_JOB SCHEDULER_SERVICE NEWS_ARCHIVER DASHBOARD_BACKEND VLLM_LLM VLLM_EMBED PROMETHEUS GRAFANA; do
  export "${v}_BIND=127.0.0.1:"
done
export MARIADB_ROOT_PASSWORD=ci-root MARIADB_PASSWORD=ci-jennie JENNIE_IMAGE_TAG=ci DASHBOARD_PASSWORD=ci-console-$$
export JENNIE_CLOCK_START=2026-03-04T10:00:00+09:00 JENNIE_CLOCK_SPEED=$speed
services=(redis mariadb kis-sim buy-scanner-mock buy-executor-mock sell-executor-mock price-monitor-mock
  command-handler-mock scout-job-mock scheduler-service-mock news-archiver-mock dashboard-backend-mock)

say "${compose_cmd[*]} $("${compose_cmd[@]}" version --short 2>/dev/null || true), project $project"
for profile in real observability mock; do
  compose --profile "$profile" config -q || fail "config of profile $profile"
done
echo "config: profiles real, observability and mock are valid"

for image in redis:7 mariadb:10.11 eclipse-temurin:17-jre; do
  docker image inspect "$image" >/dev/null 2>&1 || docker pull -q "$image" >/dev/null 2>&1 ||
    fail "image $image is missing and cannot be pulled (run ../shared/tools/offline-images/build.sh)"
done

cleanup() {
  local rc=$?
  if [ "$rc" != 0 ]; then
    echo "compose: state at failure:" >&2
    compose --profile mock ps >&2 || true
    for s in "${services[@]}"; do
      echo "--- $s (last 25 lines)" >&2; compose --profile mock logs --no-color --tail 25 "$s" >&2 2>/dev/null || true
    done
  fi
  compose --profile mock down -v --remove-orphans --timeout 45 >/dev/null 2>&1 || true
  exit "$rc"
}
trap cleanup EXIT

say "build (one Dockerfile, build arg MODULE, context = the module directory)"
build_began=$SECONDS
compose --profile mock build kis-sim "${services[@]:3}" >/tmp/compose-check-build-$$.log 2>&1 ||
  { tail -40 /tmp/compose-check-build-$$.log >&2; fail "image build"; }
rm -f /tmp/compose-check-build-$$.log
build_seconds=$((SECONDS - build_began))

say "up --profile mock (${#services[@]} services)"
compose --profile mock up -d --no-build "${services[@]}" >/dev/null
up_began=$SECONDS
health_of() { docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$1" 2>/dev/null; }
while :; do
  pending=()
  for s in "${services[@]}"; do
    id=$(compose --profile mock ps -q "$s")
    [ -n "$id" ] || fail "$s has no container"
    [ "$(docker inspect -f '{{.State.Status}}' "$id")" = exited ] && fail "$s exited"
    [ "$(health_of "$id")" = healthy ] || pending+=("$s")
  done
  [ ${#pending[@]} -eq 0 ] && break
  [ $((SECONDS - up_began)) -ge "$timeout_healthy" ] && fail "not healthy within ${timeout_healthy}s: ${pending[*]}"
  sleep 5
done
healthy_seconds=$((SECONDS - up_began))
say "all ${#services[@]} containers healthy after ${healthy_seconds} s"
scripts/measure-memory.sh --compose "$project" "after start-up"

# ---------------------------------------------------------------- a trading morning on kis-sim
host_port() { compose --profile mock port "$1" "$2" | tail -1 | sed 's/^0\.0\.0\.0:/127.0.0.1:/'; }
sim="http://$(host_port kis-sim 9443)"
dashboard="http://$(host_port dashboard-backend-mock 8090)"
rcli() { compose --profile mock exec -T redis redis-cli -n 1 "$@"; }
sql() { compose --profile mock exec -T mariadb mariadb -ujennie -p"$MARIADB_PASSWORD" -N -B jennie_mock -e "$1"; }
code=005930
# The market's now, from the anchor the services share (jennie:clock in Redis db 1).
clock=$(rcli GET jennie:clock)
start=$(sed 's/.*"start":"\([^"]*\)".*/\1/' <<<"$clock")
anchor=$(sed 's/.*"anchor":"\([^"]*\)".*/\1/' <<<"$clock")
market_now_epoch() { echo $(( $(date -d "$start" +%s) + ( $(date +%s) - $(date -d "$anchor" +%s) ) * speed )); }
p0=$(curl -fsS "$sim/admin/prices/$code" | sed 's/.*"price":\([0-9]*\).*/\1/')
# The scanner's bars come from the live prices (kis-sim's trades -> price-monitor's feed -> kis:prices and
# STOCK_MINUTE_PRICE): a rising zigzag of minute closes (+2 steps, -1 step, each held for a minute of trades, one per
# market second; RSI 66.7 under the scanner's guard of 70), as e2e's TradingDayTest scripts it; the scanner signals
# once the stock holds 20 bars and has gained enough over them (about 21 market minutes, two real minutes at 10x).
tick=100; step=$(( (p0 * 3 / 1000 + tick / 2) / tick * tick )); [ "$step" -lt "$tick" ] && step=$tick
# The starter hot watchlist, as scripts/up.sh writes it when no LLM is configured: without an OpenAI-compatible
# server the scout approves nothing, and running the data jobs and the scout here would take minutes of the CI budget
# for a path e2e's TradingDayTest proves (data jobs -> scout with a fake LLM -> the watchlist the scanner trades).
key="hot_watchlist:v$(date +%s)"
rcli SET "$key" "{\"generated_at\":\"$(date -u +%Y-%m-%dT%H:%M:%S+00:00)\",\"market_regime\":\"SIDEWAYS\",\"score_threshold\":0.0,\"stocks\":[{\"code\":\"$code\",\"name\":\"삼성전자\",\"llm_score\":72.0,\"rank\":1,\"is_tradable\":true,\"strategies\":[],\"trade_tier\":\"TIER1\",\"hybrid_score\":72.0}]}" EX 86400 >/dev/null
rcli SET hot_watchlist:active "$key" >/dev/null
pad=$(( 60 - $(market_now_epoch) % 60 ))
path=$(awk -v base="$p0" -v step="$step" -v pad="$pad" 'BEGIN {
  for (t = 0; t < pad; t++) printf "%s%d", (n++ ? "," : ""), base
  for (i = 1; i <= 40; i++) { c = base + step * int(i / 2) + (i % 2 == 1 ? 2 * step : 0)
    for (t = 0; t < 60; t++) printf ",%d", c }
  for (t = 0; t < 600; t++) printf ",%d", c }')
say "trading morning: $code from $p0, a rising zigzag of 40 minute bars (step $step) at kis-sim"
curl -fsS -H 'Content-Type: application/json' -X POST "$sim/admin/prices/$code" \
  -d "{\"path\":[$path],\"replace\":true}" >/dev/null
trade_began=$SECONDS
while :; do
  bought=$(sql "SELECT COUNT(*) FROM TRADELOG_MOCK WHERE STOCK_CODE = '$code' AND TRADE_TYPE = 'BUY'" 2>/dev/null || echo 0)
  [ "${bought:-0}" -ge 1 ] && break
  [ $((SECONDS - trade_began)) -ge "$timeout_trade" ] &&
    fail "no BUY of $code in TRADELOG_MOCK within ${timeout_trade}s (signals: $(rcli XLEN stream:buy-signals))"
  sleep 3
done
trade=$(sql "SELECT CONCAT(TRADE_TYPE, ' ', QUANTITY, ' @ ', PRICE) FROM TRADELOG_MOCK WHERE STOCK_CODE = '$code' ORDER BY LOG_ID LIMIT 1")
say "trade: $code $trade after $((SECONDS - trade_began)) s (kis-sim orders: $(curl -fsS "$sim/admin/orders" | grep -o '"odno"' | wc -l))"
# The position on the dashboard API, as a user sees it: log in (POST /api/auth/login), then the positions with the token.
token=$(curl -fsS -m 10 -H 'Content-Type: application/json' -X POST "$dashboard/api/auth/login" \
  -d "{\"username\":\"admin\",\"password\":\"$DASHBOARD_PASSWORD\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/') ||
  fail "dashboard login refused"
positions=$(curl -fsS -m 10 -H "Authorization: Bearer $token" "$dashboard/api/portfolio/positions") ||
  fail "GET /api/portfolio/positions failed"
grep -q "\"$code\"" <<<"$positions" || fail "the dashboard API shows no position of $code: $positions"
echo "dashboard: GET /api/portfolio/positions shows $code: $(grep -o "{[^{}]*\"$code\"[^{}]*}" <<<"$positions" | head -1)"
scripts/measure-memory.sh --compose "$project" "after the trade"

# ---------------------------------------------------------------- down -v leaves nothing behind
say "down -v"
trap - EXIT
compose --profile mock down -v --remove-orphans --timeout 45 >/dev/null
left_containers=$(docker ps -aq --filter "label=com.docker.compose.project=$project" | wc -l)
left_volumes=$(docker volume ls -q --filter "label=com.docker.compose.project=$project" | wc -l)
left_networks=$(docker network ls -q --filter "label=com.docker.compose.project=$project" | wc -l)
[ "$left_containers$left_volumes$left_networks" = 000 ] ||
  fail "left behind: $left_containers container(s), $left_volumes volume(s), $left_networks network(s)"
echo "compose: config real/observability/mock ok, build ${build_seconds} s, ${#services[@]} healthy in ${healthy_seconds} s, trade $code $trade, down -v clean; ok in $((SECONDS - began)) s"
