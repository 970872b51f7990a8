#!/usr/bin/env bash
# A PostgreSQL server on loopback for the tests: install Debian's package if needed, start a
# cluster, create the test role and database. Prints nothing on success; the tests read
# EIPMAP_TEST_POSTGRES_URL (the Makefile sets it to the URL below).
set -euo pipefail
PGPORT="${EIPMAP_PG_PORT:-5432}"
USER_NAME=eipmap
DB_NAME=eipmap_test
PASSWORD=eipmap-test
as_root() {
  if [ "$(id -u)" = "0" ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "PostgreSQL is missing and this needs root: install Debian's 'postgresql' package" >&2; exit 1; fi
}
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
if ! pg_isready -q -h 127.0.0.1 -p "$PGPORT"; then
  version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
    as_root pg_createcluster -p "$PGPORT" "$version" main >/dev/null
  fi
  as_root pg_ctlcluster "$version" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PGPORT" && break; sleep 1; done
fi
psql_admin() { as_root su postgres -c "psql -p $PGPORT -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='$USER_NAME'")" != "1" ]; then
  psql_admin "CREATE ROLE $USER_NAME LOGIN PASSWORD '$PASSWORD'"
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'")" != "1" ]; then
  psql_admin "CREATE DATABASE $DB_NAME OWNER $USER_NAME"
fi
