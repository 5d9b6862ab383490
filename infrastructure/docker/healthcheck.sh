#!/bin/bash
# Container health = the service's actuator readiness (Redis, MariaDB and the schema answer). Plain bash (/dev/tcp):
# the JRE base images promise neither curl nor wget. Port: SERVER_PORT, else the default the app's own
# application.properties gives (server.port=${SERVER_PORT:8081}), else the first argument.
port=${SERVER_PORT:-}
if [ -z "$port" ] && [ -f /app/BOOT-INF/classes/application.properties ]; then
  port=$(sed -n 's/^server\.port=\${SERVER_PORT:\([0-9]*\)}.*/\1/p' /app/BOOT-INF/classes/application.properties | head -1)
fi
port=${port:-${1:-8080}}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 5 status <&3 || exit 1
exec 3<&-
case "$status" in *" 200"*) exit 0 ;; *) exit 1 ;; esac
