#!/usr/bin/env bash
# make bench: the release server on a seeded throwaway PostgreSQL, loaded with
# wrk, next to pgbench on the same cluster in the same run. See bench/README.md.
#
# Knobs (environment):
#   MOTOGESTOR_BIN        server binary (default build/release/server/motogestor)
#   BENCH_DURATION        seconds per measurement (15)
#   BENCH_WARMUP          seconds of warm-up before each measurement (3)
#   BENCH_TENANTS         workshops (200)           BENCH_ORDERS     orders each (500)
#   BENCH_CUSTOMERS       customers each (200)      BENCH_PARTS      parts each (100)
#   BENCH_RECEIVABLES     receivables each (2500, two payments each: 1M receipts)
#   BENCH_PAYABLES        payables each (300, one payment each)
#   BENCH_GROW            growth factor of the order-list run (10; 0 skips it)
#   BENCH_GROW_TENANTS    tenants that grow (all; fewer makes the growth seed faster)
#   BENCH_C_READ / BENCH_C_WRITE / BENCH_C_HIGH   concurrency (64 / 16 / 256)
#   BENCH_WRK_THREADS     wrk and pgbench threads (number of cores)
#   BENCH_PGBENCH_SCALE   pgbench -i scale (10)
#   DB_POOL_SIZE, WORKER_THREADS, IO_THREADS      the server's (defaults below)
#   BENCH_PERF            measurement names to profile with `perf record -a` (default
#                         "get_order"; "" for none): bench/out/run-*/<name>.perf.txt
#   BENCH_SWEEP           e.g. "4x4 8x8 16x16": also measure GET one order and
#                         POST labor item with each DB_POOL_SIZE x WORKER_THREADS
#                         (server restarted for each)
#   BENCH_KEEP=1          keep the cluster directory (its path is printed)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
PY=/usr/bin/python3
HELPER="$PY $ROOT/bench/bench.py"
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

BIN=${MOTOGESTOR_BIN:-build/release/server/motogestor}
[[ $BIN = /* ]] || BIN="$ROOT/$BIN"
DURATION=${BENCH_DURATION:-15}
WARMUP=${BENCH_WARMUP:-3}
PERF_POINTS=${BENCH_PERF-get_order}
TENANTS=${BENCH_TENANTS:-200}
ORDERS=${BENCH_ORDERS:-500}
CUSTOMERS=${BENCH_CUSTOMERS:-200}
PARTS=${BENCH_PARTS:-100}
RECEIVABLES=${BENCH_RECEIVABLES:-2500}
PAYABLES=${BENCH_PAYABLES:-300}
GROW=${BENCH_GROW:-10}
GROW_TENANTS=${BENCH_GROW_TENANTS:-$TENANTS}
C_READ=${BENCH_C_READ:-64}
C_WRITE=${BENCH_C_WRITE:-16}
C_HIGH=${BENCH_C_HIGH:-256}
CORES=$(nproc)
WRK_THREADS=${BENCH_WRK_THREADS:-$CORES}
PGBENCH_SCALE=${BENCH_PGBENCH_SCALE:-10}
# The server's pool and workers: 2 connections and 4 workers per core unless
# set (from BENCH_SWEEP on 2 cores, see README.md: few connections cost
# PostgreSQL less CPU per request; a few more workers than connections keep
# the pool busy while a worker does HTTP and JSON).
POOL=${DB_POOL_SIZE:-$(( 2 * CORES ))}
WORKERS=${WORKER_THREADS:-$(( 4 * CORES ))}
IO=${IO_THREADS:-1}
PASSWORD='bench-senha-123'
JWT_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')

for tool in wrk pgbench psql; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done
[ -x "$PG_BIN/initdb" ] || { echo "bench: PostgreSQL 15 server binaries not in $PG_BIN" >&2; exit 1; }
[ -x "$BIN" ] || { echo "bench: no server binary at $BIN (make build, or set MOTOGESTOR_BIN)" >&2; exit 1; }
(( GROW_TENANTS <= TENANTS )) || GROW_TENANTS=$TENANTS

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT_DIR="$ROOT/bench/out"
RUN="$OUT_DIR/run-$STAMP"          # raw outputs of this run
REPORT="$OUT_DIR/results-$STAMP.md"
mkdir -p "$RUN"
RESULTS="$RUN/results.jsonl"
META="$RUN/meta.tsv"
: >"$RESULTS"
: >"$META"
meta() { printf '%s\t%s\n' "$1" "$2" >>"$META"; }
say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
T_START=$(date +%s)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# ------------------------------------------------------------- cluster
DIR=$(mktemp -d /tmp/motogestor-bench.XXXXXX)
chmod 755 "$DIR"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$DIR"           # PostgreSQL refuses to run as root
  as_pg=(runuser -u postgres --)
fi
SERVER_PID=
PG_STARTED=

stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_server
  [ -f "$DIR/server.log" ] && cp "$DIR/server.log" "$RUN/server.log" 2>/dev/null
  [ -f "$DIR/postgres.log" ] && cp "$DIR/postgres.log" "$RUN/postgres.log" 2>/dev/null
  if [ -n "$PG_STARTED" ]; then
    "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$DIR/data" -m fast -t 30 stop >/dev/null 2>&1 ||
      "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then say "kept $DIR"; else rm -rf "$DIR"; fi
  if [ $rc -ne 0 ]; then
    say "FAILED (exit $rc); raw outputs in ${RUN#$ROOT/}"
    [ -f "$RUN/server.log" ] && { echo "--- server.log (tail)" >&2; tail -n 20 "$RUN/server.log" >&2; }
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PG_PORT=$($HELPER freeport)
say "PostgreSQL 15 in $DIR (unix socket; TCP 127.0.0.1:$PG_PORT)"
"${as_pg[@]}" "$PG_BIN/initdb" -D "$DIR/data" -U mg_admin --auth=trust -E UTF8 --locale=C.UTF-8 \
  >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
# Durable settings: fsync stays on. synchronous_commit=off is set for the whole
# cluster, so the server and pgbench -N commit the same way.
PG_SETTINGS=(
  -c listen_addresses=127.0.0.1 -c "port=$PG_PORT" -c "unix_socket_directories=$DIR"
  -c max_connections=$((C_HIGH + POOL + 64)) -c shared_buffers=256MB
  -c fsync=on -c synchronous_commit=off -c full_page_writes=on
  -c max_wal_size=4GB -c checkpoint_timeout=30min -c effective_cache_size=1GB
  -c maintenance_work_mem=256MB -c log_min_messages=warning -c log_checkpoints=on
  -c jit=off -c random_page_cost=1.1
  -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on
)
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -w -t 60 \
  -o "${PG_SETTINGS[*]}" start >/dev/null || { cat "$DIR/postgres.log" >&2; exit 1; }
PG_STARTED=1
POSTMASTER_PID=$(head -1 "$DIR/data/postmaster.pid")

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PG_PORT" -U mg_admin "$@"; }
psql_admin -d postgres \
  -c "create role mg_owner login createrole" \
  -c "create role motogestor_app login nosuperuser nobypassrls" \
  -c "create database motogestor owner mg_owner" \
  -c "create database pgbench"
OWNER_URL="postgresql://mg_owner@/motogestor?host=$DIR&port=$PG_PORT"
APP_URL="postgresql://motogestor_app@/motogestor?host=$DIR&port=$PG_PORT"
db() { psql_admin -d motogestor "$@"; }
for d in motogestor pgbench; do psql_admin -d "$d" -c "create extension pg_stat_statements"; done
# What only a superuser grants, as server/libs/db/superuser.hpp says.
db -c "alter function textlike(text, text) leakproof"

say "migrations: motogestor migrate up"
APP_ENV=test LOG_LEVEL=warn "$BIN" migrate up --database-url "$OWNER_URL" >"$RUN/migrate.log" 2>&1 ||
  { cat "$RUN/migrate.log" >&2; exit 1; }

# ------------------------------------------------------------- server
HTTP_PORT=$($HELPER freeport)
BASE="http://127.0.0.1:$HTTP_PORT"

start_server() {  # pool workers
  local pool=$1 workers=$2
  env -i PATH="$PATH" HOME="${HOME:-/root}" LANG=C.UTF-8 \
    APP_ENV=test LOG_LEVEL=warn JWT_SECRET_KEY="$JWT_SECRET" REGISTRATION_LIMIT_PER_ADDRESS_PER_HOUR=0 \
    DB_POOL_SIZE="$pool" WORKER_THREADS="$workers" IO_THREADS="$IO" \
    RATE_LIMIT_PER_TENANT_PER_MINUTE=0 MOTOGESTOR_DATA_DIR="$DIR/server-data" \
    "$BIN" serve --host 127.0.0.1 --port "$HTTP_PORT" --database-url "$APP_URL" \
    >>"$DIR/server.log" 2>&1 &
  SERVER_PID=$!
  if ! $HELPER wait-http "$BASE/health" 30 || ! kill -0 "$SERVER_PID" 2>/dev/null; then
    tail -n 30 "$DIR/server.log" >&2
    exit 1
  fi
  SERVER_POOL=$pool SERVER_WORKERS=$workers
}

say "server: $BIN (DB_POOL_SIZE=$POOL WORKER_THREADS=$WORKERS IO_THREADS=$IO LOG_LEVEL=warn APP_ENV=test)"
start_server "$POOL" "$WORKERS"

# One real Argon2id hash, made by the server itself, for every seeded user.
$HELPER register "$BASE" hash@bench.motogestor.test "$PASSWORD"
HASH=$(db -At -c "select password_hash from users where email = 'hash@bench.motogestor.test'")
[[ $HASH == '$argon2id$'* ]] || { echo "bench: unexpected password hash '$HASH'" >&2; exit 1; }

# ------------------------------------------------------------- seed
say "seed: $TENANTS tenants × $ORDERS orders ($CUSTOMERS customers, $PARTS parts each)"
MAX_ORDERS=$(( ORDERS * (GROW > 1 ? GROW : 1) ))
STOCK=$(( 200 + 8 * MAX_ORDERS / PARTS ))
t0=$(date +%s.%N)
db -v tenants="$TENANTS" -v customers="$CUSTOMERS" -v parts="$PARTS" -v stock="$STOCK" \
   -v hash="$HASH" -f bench/seed.sql >"$RUN/seed.log"
db -v target="$ORDERS" -v grow_tenants="$TENANTS" -v max_orders="$MAX_ORDERS" \
   -f bench/seed_orders.sql >>"$RUN/seed.log"
db -v receivables="$RECEIVABLES" -v payables="$PAYABLES" -f bench/seed_payments.sql >>"$RUN/seed.log"
db -c "vacuum (analyze)" -c "checkpoint"
SEED_S=$(elapsed "$t0")
say "seeded in ${SEED_S%.*} s (vacuum analyze included)"

# The data must be what the app expects (bench/check.sql): every foreign key
# holds, counters match the orders, the stock ledger adds up, totals are the
# sums of the items.
check_data() { db -f bench/check.sql; }
check_data

say "pgbench -i -s $PGBENCH_SCALE (database pgbench of the same cluster)"
pgbench -i -q -s "$PGBENCH_SCALE" -h "$DIR" -p "$PG_PORT" -U mg_admin pgbench >"$RUN/pgbench-init.log" 2>&1 ||
  { cat "$RUN/pgbench-init.log" >&2; exit 1; }
psql_admin -d pgbench -c "checkpoint"

counts() {
  db -At -F ' ' -c "select (select count(*) from bench.tenants), (select count(*) from customers),
    (select count(*) from motorcycles), (select count(*) from parts), (select count(*) from service_orders),
    (select count(*) from service_order_items), (select count(*) from service_order_history),
    (select count(*) from stock_movements), pg_size_pretty(pg_database_size('motogestor'))"
}
read -r N_T N_C N_M N_P N_O N_I N_H N_S DB_SIZE_V DB_SIZE_U <<<"$(counts)"
read -r N_R N_B N_PAY <<<"$(db -At -F ' ' -c "select (select count(*) from receivables),
  (select count(*) from payables), (select count(*) from payments)")"

# Real ids, per tenant, for the Lua scripts; then one login per tenant.
dump_tenants() {
  db -At -F $'\t' -c "
    select bt.idx, bt.tenant_id, bt.owner_email,
      (select string_agg(id::text, ' ' order by id) from service_orders o where o.tenant_id = bt.tenant_id),
      (select string_agg(id::text, ' ' order by id) from service_orders o
        where o.tenant_id = bt.tenant_id and status in ('OPEN', 'IN_PROGRESS')),
      (select string_agg(customer_id || ':' || id, ' ' order by id) from motorcycles m
        where m.tenant_id = bt.tenant_id and m.is_active)
    from bench.tenants bt order by bt.idx" >"$DIR/tenants.raw"
}
dump_tenants

# A restart after the seed: a fresh pool and fresh prepared statements, and
# the peak-memory figure starts from a server that never saw an empty database.
stop_server
start_server "$POOL" "$WORKERS"
say "logging in one user per tenant ($TENANTS logins, Argon2id)"
t0=$(date +%s.%N)
$HELPER login "$BASE" "$PASSWORD" "$DIR/tenants.raw" "$DIR/tenants.tsv" >/dev/null
LOGIN_S=$(elapsed "$t0")
$HELPER preflight "$BASE" "$DIR/tenants.tsv" "$ORDERS" >&2

# ------------------------------------------------------------- measuring
cpu_now() { $HELPER cpu "${SERVER_PID:-0}" "$POSTMASTER_PID" "$@"; }
hwm_kib() { awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status"; }
# VmHWM is reset before each measurement; the maximum over the pieces is the
# server's lifetime peak (logins included).
LIFE_HWM=0
reset_hwm() {
  local h
  h=$(hwm_kib)
  (( h > LIFE_HWM )) && LIFE_HWM=$h
  echo 5 >"/proc/$SERVER_PID/clear_refs" 2>/dev/null || true
}

# pg_stat_statements: reset before a measurement, the top statements after
# (calls, plans, total execution ms, total planning ms, text).
pgss_reset() { psql_admin -d motogestor -At -c "select pg_stat_statements_reset()" >/dev/null; }
pgss_dump() {
  psql_admin -d motogestor -At -F $'\t' -c "
    select calls, plans, round(total_exec_time::numeric, 1), round(total_plan_time::numeric, 1),
           regexp_replace(left(query, 400), '\s+', ' ', 'g')
    from pg_stat_statements s join pg_database d on d.oid = s.dbid
    where d.datname = '$1' and query !~* 'pg_stat_statements'
    order by total_exec_time + total_plan_time desc limit 8"
}

progress() {  # last JSON line of results → one human line
  tail -n 1 "$RESULTS" | $PY -c '
import json, sys
r = json.loads(sys.stdin.read())
e = r.get("non2xx", 0) + sum(r.get(k, 0) for k in ("connect_errors", "read_errors", "write_errors", "timeouts"))
p50 = "%.2f" % r["p50_ms"] if r.get("p50_ms") is not None else "-"
p99 = "%.2f" % r["p99_ms"] if r.get("p99_ms") is not None else "-"
print("  %-44s c=%-4d %9.1f req/s  p50 %7s ms  p99 %7s ms  errors %d%s" % (
    r["label"], r["conc"], r["rps"] or 0, p50, p99, e, "  INVALID" if r["invalid"] else ""))' >&2
}

# measure_wrk NAME LABEL SCRIPT CONC CEILING [extra Lua args]
measure_wrk() {
  local name=$1 label=$2 script=$3 conc=$4 ceiling=$5
  shift 5
  local threads=$(( WRK_THREADS < conc ? WRK_THREADS : conc ))
  local args=(-t "$threads" -c "$conc" --timeout 5s --latency -s "bench/lua/$script" "$BASE"
              -- "$DIR/tenants.tsv" "$@")
  if (( WARMUP > 0 )); then
    wrk -d "${WARMUP}s" "${args[@]}" >"$RUN/$name.warmup.txt" 2>&1 ||
      { cat "$RUN/$name.warmup.txt" >&2; exit 1; }
  fi
  reset_hwm
  pgss_reset
  local c0 c1
  local perf_pid=""
  if [[ " $PERF_POINTS " == *" $name "* ]]; then
    # Software clock events (no hardware counters here), every process, with stacks.
    perf record -a -g -e cpu-clock -F 499 -o "$RUN/$name.perf.data" -- sleep "$DURATION" \
      >"$RUN/$name.perf.log" 2>&1 &
    perf_pid=$!
  fi
  c0=$(cpu_now "$RUN/$name.snap0")
  { TIMEFORMAT='%R %U %S'; time wrk -d "${DURATION}s" "${args[@]}" >"$RUN/$name.txt" 2>&1; } \
    2>"$RUN/$name.time" || { cat "$RUN/$name.txt" >&2; exit 1; }
  c1=$(cpu_now "$RUN/$name.snap1")
  if [ -n "$perf_pid" ]; then
    wait "$perf_pid" || true
    perf report -i "$RUN/$name.perf.data" --no-children --sort comm,dso,symbol --stdio \
      --percent-limit 0.7 2>/dev/null | grep -v '^#' | grep -v '^$' | head -60 >"$RUN/$name.perf.txt" || true
    perf report -i "$RUN/$name.perf.data" --no-children --sort comm --stdio 2>/dev/null |
      grep -v '^#' | grep -v '^$' | head -12 >"$RUN/$name.perf.comm.txt" || true
    say "profile of $name: ${RUN#$ROOT/}/$name.perf.txt"
  fi
  pgss_dump motogestor >"$RUN/$name.pgss.tsv"
  $HELPER record --name "$name" --label "$label" --kind wrk --conc "$conc" --out "$RUN/$name.txt" \
    --ceiling "$ceiling" --cpu0 "$c0" --cpu1 "$c1" --time "$RUN/$name.time" --hwm "$(hwm_kib)" \
    --pgss "$RUN/$name.pgss.tsv" --snap0 "$RUN/$name.snap0" --snap1 "$RUN/$name.snap1" \
    --exclude-pids "$SERVER_PID $POSTMASTER_PID $$" >>"$RESULTS"
  rm -f "$RUN/$name.snap0" "$RUN/$name.snap1"
  progress
}

# measure_pgbench NAME LABEL MODE CONC
measure_pgbench() {
  local name=$1 label=$2 mode=$3 conc=$4
  local threads=$(( WRK_THREADS < conc ? WRK_THREADS : conc ))
  local args=(-n "$mode" -M prepared -c "$conc" -j "$threads" -h "$DIR" -p "$PG_PORT" -U mg_admin)
  if (( WARMUP > 0 )); then
    pgbench "${args[@]}" -T "$WARMUP" pgbench >"$RUN/$name.warmup.txt" 2>&1 ||
      { cat "$RUN/$name.warmup.txt" >&2; exit 1; }
  fi
  local logdir="$RUN/$name.log.d" c0 c1
  mkdir -p "$logdir"
  pgss_reset
  c0=$(cpu_now "$RUN/$name.snap0")
  # Latencies of a 10% sample of transactions, for p50/p99.
  { TIMEFORMAT='%R %U %S'; time pgbench "${args[@]}" -T "$DURATION" -l --sampling-rate=0.1 \
      --log-prefix="$logdir/pgbench_log" pgbench >"$RUN/$name.txt" 2>&1; } 2>"$RUN/$name.time" ||
    { cat "$RUN/$name.txt" >&2; exit 1; }
  c1=$(cpu_now "$RUN/$name.snap1")
  pgss_dump pgbench >"$RUN/$name.pgss.tsv"
  $HELPER record --name "$name" --label "$label" --kind pgbench --conc "$conc" --out "$RUN/$name.txt" \
    --logdir "$logdir" --cpu0 "$c0" --cpu1 "$c1" --time "$RUN/$name.time" \
    --pgss "$RUN/$name.pgss.tsv" --snap0 "$RUN/$name.snap0" --snap1 "$RUN/$name.snap1" \
    --exclude-pids "$POSTMASTER_PID $$" >>"$RESULTS"
  rm -f "$RUN/$name.snap0" "$RUN/$name.snap1"
  rm -rf "$logdir"
  progress
}

if [ -n "${BENCH_SWEEP:-}" ]; then
  say "sweep: GET one order (c=$C_READ) and POST labor item (c=$C_WRITE) for each DB_POOL_SIZE x WORKER_THREADS in '$BENCH_SWEEP'"
  for combo in $BENCH_SWEEP; do
    p=${combo%x*} w=${combo#*x}
    stop_server
    start_server "$p" "$w"
    measure_wrk "sweep_get_${p}x${w}" "sweep: GET one order, pool $p, workers $w" get_order.lua "$C_READ" ""
    measure_wrk "sweep_item_${p}x${w}" "sweep: POST labor item, pool $p, workers $w" add_labor_item.lua "$C_WRITE" ""
  done
  stop_server
  start_server "$POOL" "$WORKERS"
fi

say "reads (c=$C_READ), ${DURATION}s each after ${WARMUP}s of warm-up"
measure_pgbench pgbench_select "pgbench -S (ceiling for reads)" -S "$C_READ"
measure_wrk get_order "GET /api/management/os/{id}" get_order.lua "$C_READ" pgbench_select
measure_wrk list_orders "GET /api/management/os?limit=50" list_orders.lua "$C_READ" pgbench_select
GROWTH_BASE=list_orders
if (( GROW > 1 && GROW_TENANTS < TENANTS )); then
  measure_wrk list_base "GET …/os?limit=50, first $GROW_TENANTS tenants, $ORDERS orders" \
    list_orders.lua "$C_READ" pgbench_select "$GROW_TENANTS"
  GROWTH_BASE=list_base
fi
grow_counts() {  # orders per tenant of the growing tenants: avg min max
  db -At -F ' ' -c "select round(avg(n)), min(n), max(n) from (select count(o.id) n
    from bench.tenants bt left join service_orders o on o.tenant_id = bt.tenant_id
    where bt.idx <= $GROW_TENANTS group by bt.idx) x"
}
read -r BASE_AVG BASE_MIN BASE_MAX <<<"$(grow_counts)"
measure_wrk search_customers "GET /api/management/customers?q=…" search_customers.lua "$C_READ" pgbench_select
measure_wrk report_summary "GET /api/financial/reports/summary (1 year)" report_summary.lua "$C_READ" pgbench_select
measure_wrk cashflow "GET /api/financial/cashflow/summary (30 days)" cashflow.lua "$C_READ" pgbench_select

say "writes (c=$C_WRITE)"
measure_pgbench pgbench_nonselect "pgbench -N (ceiling for writes)" -N "$C_WRITE"
measure_wrk add_labor_item "POST /api/management/os/{id}/items (labor)" add_labor_item.lua "$C_WRITE" pgbench_nonselect
measure_wrk create_order "POST /api/management/os" create_order.lua "$C_WRITE" pgbench_nonselect

say "mixed load at c=$C_HIGH (peak memory)"
measure_wrk mixed_c256 "mixed (50% one, 20% list, 15% search, 15% writes)" mixed.lua "$C_HIGH" ""

GROWTH_NOTE="Not measured (BENCH_GROW=$GROW)."
GROWTH_LABEL=""
if (( GROW > 1 )); then
  TARGET=$(( ORDERS * GROW ))
  read -r _ PRE_MIN PRE_MAX <<<"$(grow_counts)"
  if (( PRE_MAX >= TARGET )); then
    say "WARNING: the write runs already gave some tenant $PRE_MAX orders (>= $TARGET): the growth is less than ${GROW}x"
  fi
  say "growth: tenants 1..$GROW_TENANTS to $TARGET orders each (now $PRE_MIN..$PRE_MAX)"
  t0=$(date +%s.%N)
  db -v target="$TARGET" -v grow_tenants="$GROW_TENANTS" -v max_orders="$MAX_ORDERS" \
     -f bench/seed_orders.sql >>"$RUN/seed.log"
  db -c "vacuum (analyze)" -c "checkpoint"
  GROW_S=$(elapsed "$t0")
  check_data
  read -r _ _ _ _ N_O2 N_I2 _ _ DB2_V DB2_U <<<"$(counts)"
  read -r GROWN_AVG GROWN_MIN GROWN_MAX <<<"$(grow_counts)"
  say "grown in ${GROW_S%.*} s: $N_O2 orders, $DB2_V $DB2_U"
  measure_wrk list_grown "GET …/os?limit=50, first $GROW_TENANTS tenants, $TARGET orders" \
    list_orders.lua "$C_READ" pgbench_select "$GROW_TENANTS"
  if (( GROW_TENANTS == TENANTS )); then
    GROWTH_LABEL="$TENANTS tenants × $ORDERS → × $TARGET orders"
    GROWTH_NOTE="All $TENANTS tenants measured at $ORDERS orders each (\`list_orders\`, before the write runs) and again at $TARGET orders each (\`list_grown\`): the whole database grew from $N_O to $N_O2 orders ($DB_SIZE_V $DB_SIZE_U → $DB2_V $DB2_U)."
  else
    GROWTH_LABEL="$GROW_TENANTS tenants, $ORDERS → $TARGET orders each"
    GROWTH_NOTE="The first $GROW_TENANTS of $TENANTS tenants measured at $ORDERS orders each (\`list_base\`, before the write runs) and again at $TARGET orders each (\`list_grown\`); the other tenants kept theirs, so the database went from $N_O to $N_O2 orders ($DB_SIZE_V $DB_SIZE_U → $DB2_V $DB2_U), not tenfold: per tenant, the size a tenant's list query sees, grew ${GROW}×."
  fi
  GROWTH_NOTE="$GROWTH_NOTE Orders per measured tenant: $BASE_AVG ($BASE_MIN–$BASE_MAX) at the first measurement, $GROWN_AVG ($GROWN_MIN–$GROWN_MAX) at the second (the orders created by the write runs count towards the target). Growth seed, VACUUM ANALYZE included: ${GROW_S%.*} s."
fi

h=$(hwm_kib)
(( h > LIFE_HWM )) && LIFE_HWM=$h
stop_server

# ------------------------------------------------------------- report
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ] || COMMIT="$COMMIT (+ uncommitted changes)"
meta _started "$(date -u -d "@$T_START" '+%Y-%m-%d %H:%M:%S UTC')"
meta _cores "$CORES"
meta _growth_base "$GROWTH_BASE"
meta _growth_label "$GROWTH_LABEL"
meta _growth_note "$GROWTH_NOTE"
meta _server_lifetime_hwm_kib "$LIFE_HWM"
meta "machine" "$CORES cores ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, Linux $(uname -r); load average at start: $LOAD_START"
meta "commit" "$COMMIT"
meta "server" "${BIN#$ROOT/} ($(date -u -r "$BIN" '+%Y-%m-%d %H:%M UTC')); APP_ENV=test, LOG_LEVEL=warn (no per-request logs), DB_POOL_SIZE=$POOL, WORKER_THREADS=$WORKERS, IO_THREADS=$IO, rate limit off"
meta "PostgreSQL" "$("$PG_BIN/postgres" --version | awk '{print $3}'), throwaway cluster in /tmp; shared_buffers=256MB, fsync=on, synchronous_commit=off (cluster-wide: the server and pgbench -N commit alike), full_page_writes=on, max_wal_size=4GB, max_connections=$((C_HIGH + POOL + 64))"
meta "transport" "server → PostgreSQL and pgbench → PostgreSQL both over the unix socket; wrk → server over loopback TCP (keep-alive)"
meta "data" "$N_T tenants × $ORDERS orders: $N_C customers, $N_M motorcycles, $N_P parts, $N_O orders, $N_I items, $N_H status changes, $N_S stock movements; $N_R receivables, $N_B payables, $N_PAY payments (bench/seed_payments.sql); $DB_SIZE_V $DB_SIZE_U; seeded in ${SEED_S%.*} s (SQL, generate_series, as superuser with correct tenant_id), then VACUUM ANALYZE"
meta "users" "3 per tenant sharing one Argon2id hash made by the server; $TENANTS logins (one per tenant) took ${LOGIN_S%.*} s"
meta "ceiling" "pgbench -i -s $PGBENCH_SCALE in database pgbench of the same cluster; pgbench -M prepared -j $WRK_THREADS at the same concurrency and duration; p50/p99 from a 10% sample of transactions"
meta "load" "wrk $(wrk --version 2>&1 | head -1 | awk '{print $2}') -t $WRK_THREADS, ${DURATION}s per measurement after ${WARMUP}s of warm-up; Lua picks a random tenant (its token) and one of its real ids per request and counts every non-2xx"
meta "run time" "$(( $(date +%s) - T_START )) s"
meta "raw outputs" "${RUN#$ROOT/}"

$HELPER report "$RESULTS" "$META" >"$REPORT"
cat "$REPORT"
say "report: ${REPORT#$ROOT/}"
if grep -q '"invalid": true' "$RESULTS"; then
  say "INVALID: some measurements had errors (see the report)"
  exit 3
fi
