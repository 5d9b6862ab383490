#!/bin/sh
# First start of an empty MariaDB volume only (docker-entrypoint-initdb.d). The image has already created
# MARIADB_DATABASE (jennie_db) and MARIADB_USER; this adds the mock profile's database (jennie_mock, so simulated
# trades never mix with real ones) and lets the application user own both. The services create their tables themselves
# (Flyway, in the background), so nothing else is needed here. Sourced by the entrypoint (official image and the
# offline stand-in alike), hence plain sh and no exit.
jennie_user="${MARIADB_USER:-jennie}"
jennie_sql() {
  if command -v docker_process_sql >/dev/null 2>&1; then
    docker_process_sql
  elif [ -S /run/mysqld/init.sock ]; then
    mariadb --socket=/run/mysqld/init.sock -uroot -p"${MARIADB_ROOT_PASSWORD}"
  else
    mariadb -uroot -p"${MARIADB_ROOT_PASSWORD}"
  fi
}
jennie_sql <<SQL
CREATE DATABASE IF NOT EXISTS \`${MARIADB_DATABASE:-jennie_db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS \`jennie_mock\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
GRANT ALL PRIVILEGES ON \`${MARIADB_DATABASE:-jennie_db}\`.* TO '${jennie_user}'@'%';
GRANT ALL PRIVILEGES ON \`jennie_mock\`.* TO '${jennie_user}'@'%';
FLUSH PRIVILEGES;
SQL
