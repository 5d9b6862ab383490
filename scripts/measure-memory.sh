#!/usr/bin/env bash
# Resident memory of every service process: RSS, and RSS without file-backed pages (RssAnon: what the JVM itself
# holds; news-archiver's memory-mapped index files show up only in the first). Goal: <= 256 MiB per service, the
# suite <= 2.5 GiB. Reads the pids scripts/up.sh recorded (or those in the folder given); with --compose PROJECT,
# the containers of that compose project instead (docker stats).
# Usage: scripts/measure-memory.sh [PID_DIR | --compose PROJECT] [LABEL]
set -euo pipefail
cd "$(dirname "$0")/.."
LIMIT_MIB=${JENNIE_MEMORY_GOAL_MIB:-256}
SUITE_LIMIT_MIB=${JENNIE_SUITE_MEMORY_GOAL_MIB:-2560}

if [ "${1:-}" = "--compose" ]; then
  project=${2:?--compose needs the project name}; label=${3:-now}
  echo "memory ($label), compose project $project (docker stats, MiB):"
  docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' $(docker ps -q --filter "label=com.docker.compose.project=$project") |
    awk -v lim="$LIMIT_MIB" -v slim="$SUITE_LIMIT_MIB" '{ v=$2; u=v; gsub(/[0-9.]/,"",u); gsub(/[A-Za-z]/,"",v);
      m = (u=="GiB") ? v*1024 : (u=="KiB" ? v/1024 : v); if ($1 ~ /redis|mariadb|qdrant|prometheus|grafana/) { infra+=m; tag="(infra)" }
      else { total+=m; tag=(m>lim?"OVER":"ok") } printf "  %-40s %7.0f %s\n", $1, m, tag }
      END { printf "  %-40s %7.0f %s\n", "suite (services)", total, (total>slim?"OVER":"ok") }'
  exit 0
fi

PID_DIR=${1:-${JENNIE_RUN_DIR:-$(pwd)/target/local-run}/pids}
label=${2:-now}
[ -d "$PID_DIR" ] || { echo "measure-memory: no pid folder $PID_DIR (start the suite with scripts/up.sh)" >&2; exit 1; }
printf 'memory (%s), pids in %s, MiB:\n  %-18s %7s %7s %s\n' "$label" "$PID_DIR" service rss anon verdict
total=0; over=0
for f in "$PID_DIR"/*.pid; do
  name=$(basename "$f" .pid)
  case "$name" in redis|mariadb) continue ;; esac
  pid=$(cat "$f")
  if ! [ -r "/proc/$pid/status" ]; then printf '  %-18s %7s %7s %s\n' "$name" - - "not running"; continue; fi
  rss=$(awk '/^VmRSS:/ {print int($2/1024)}' "/proc/$pid/status")
  anon=$(awk '/^RssAnon:/ {print int($2/1024)}' "/proc/$pid/status")
  judged=$rss; [ "$name" = news-archiver ] && judged=$anon   # its mapped index files aside
  verdict=ok; [ "$judged" -gt "$LIMIT_MIB" ] && { verdict="OVER ${LIMIT_MIB}"; over=$((over + 1)); }
  printf '  %-18s %7d %7d %s\n' "$name" "$rss" "$anon" "$verdict"
  total=$((total + judged))
done
suite=ok; [ "$total" -gt "$SUITE_LIMIT_MIB" ] && suite="OVER ${SUITE_LIMIT_MIB}"
printf '  %-18s %7d %7s %s\n' suite "$total" "" "$suite"
echo "memory ($label): suite ${total} MiB, ${over} service(s) over ${LIMIT_MIB} MiB"
