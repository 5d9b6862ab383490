#!/usr/bin/env bash
# Stops exactly what scripts/up.sh started: the processes whose pids it recorded (each checked to still be the process
# up.sh started, so a recycled pid is never hit), gracefully first (the services drain for up to 30 s), then by force.
# Redis and MariaDB are stopped only if up.sh started them. Logs stay in the run folder.
set -euo pipefail
cd "$(dirname "$0")/.."
RUN_DIR=${JENNIE_RUN_DIR:-$(pwd)/target/local-run}
PIDS=$RUN_DIR/pids
[ -d "$PIDS" ] || { echo "down.sh: nothing recorded in $PIDS"; exit 0; }

ours() { # pid name: true if the pid still runs what up.sh started under that name
  local cmd
  cmd=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) || return 1
  case "$2" in
    redis) [[ $cmd == *redis-server* ]] ;;
    mariadb) [[ $cmd == *mariadbd* ]] ;;
    *) [[ $cmd == *java*"/$2-"*.jar* ]] ;;
  esac
}

stop_all() { # names... : TERM all, wait up to 45 s, then KILL what is left
  local name pid deadline=$((SECONDS + 45)) left
  for name in "$@"; do
    pid=$(cat "$PIDS/$name.pid" 2>/dev/null) || continue
    if ours "$pid" "$name"; then kill -TERM "$pid" 2>/dev/null || true; else rm -f "$PIDS/$name.pid"; fi
  done
  while :; do
    left=()
    for name in "$@"; do
      [ -f "$PIDS/$name.pid" ] || continue
      pid=$(cat "$PIDS/$name.pid")
      if ours "$pid" "$name"; then left+=("$name"); else rm -f "$PIDS/$name.pid"; echo "stopped $name"; fi
    done
    [ ${#left[@]} -eq 0 ] && return
    if [ $SECONDS -ge $deadline ]; then
      for name in "${left[@]}"; do kill -KILL "$(cat "$PIDS/$name.pid")" 2>/dev/null || true; rm -f "$PIDS/$name.pid"
        echo "killed $name (no graceful stop within 45 s)"; done
      return
    fi
    sleep 1
  done
}

services=(buy-scanner buy-executor sell-executor price-monitor command-handler scout-job scheduler-service news-archiver
  dashboard-backend)
stop_all "${services[@]}"
stop_all kis-sim
if [ -f "$PIDS/redis.pid" ]; then stop_all redis; fi
if [ -f "$PIDS/mariadb.pid" ]; then stop_all mariadb; fi
echo "down: logs kept in $RUN_DIR/logs"
