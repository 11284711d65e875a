#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 cluster in a temporary
# directory, then removes the cluster. Never touches a system cluster.
#   scripts/with-test-db.sh <command> [args…]
# The command sees:
#   TEST_DATABASE_ADMIN_URL  superuser (creates databases per test suite)
#   TEST_DATABASE_OWNER_URL  the owner role: runs migrations, owns the tables
#   TEST_DATABASE_URL        the application role: no superuser, no BYPASSRLS
#   TEST_PG_SOCKET_DIR, TEST_PG_BIN
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
dir=$(mktemp -d /tmp/motogestor-testdb.XXXXXX)
chmod 755 "$dir"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root: the cluster belongs to `postgres`.
  chown postgres "$dir"
  as_pg=(runuser -u postgres --)
fi

cleanup() {
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${as_pg[@]}" "$PG_BIN/initdb" -D "$dir/data" -U mg_admin --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log"; exit 1; }
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -o \
  "-c listen_addresses='' -c unix_socket_directories='$dir' -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$dir/postgres.log"; exit 1; }

psql_admin() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -U mg_admin -d postgres "$@"; }
psql_admin -c "create role mg_owner login createrole" \
           -c "create role motogestor_app login nosuperuser nobypassrls" \
           -c "create database motogestor owner mg_owner"
# What only a superuser grants, as server/libs/db/superuser.hpp says.
psql_admin -d motogestor -c "alter function textlike(text, text) leakproof"

export TEST_PG_SOCKET_DIR="$dir" TEST_PG_BIN="$PG_BIN"
export TEST_DATABASE_ADMIN_URL="postgresql://mg_admin@/postgres?host=$dir"
export TEST_DATABASE_OWNER_URL="postgresql://mg_owner@/motogestor?host=$dir"
export TEST_DATABASE_URL="postgresql://motogestor_app@/motogestor?host=$dir"
"$@"
