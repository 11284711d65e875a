#!/usr/bin/env bash
# Browser tests of the web app against the real server and a throwaway PostgreSQL:
#   scripts/with-test-db.sh tests/e2e/run.sh          (from the repository root)
# Needs the server binary (${MOTOGESTOR_BIN:-build/release/server/motogestor}) and a built
# web/dist (cd web && npm ci && npm run build). Drives Debian's Chromium (/usr/bin/chromium)
# through playwright-core; never downloads a browser.
# Starts the provider fakes of tests/fakes/ (WhatsApp Cloud, Evolution, Telegram) on
# 127.0.0.1 for the messaging tests; their base URLs reach the tests as FAKE_<PROVIDER>_URL.
# Extra arguments are passed to `node --test` (e.g. a single test file).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
e2e="$repo/tests/e2e"
artifacts="$repo/tests/artifacts"
mkdir -p "$artifacts/screenshots"

[ -f web/dist/index.html ] || { echo "web/dist is not built: cd web && npm ci && npm run build" >&2; exit 1; }
[ -x /usr/bin/chromium ] || [ -n "${CHROMIUM_PATH:-}" ] || { echo "Chromium not found at /usr/bin/chromium" >&2; exit 1; }

if [ ! -d "$e2e/node_modules/playwright-core" ]; then
  (cd "$e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}
port=$(free_port)
base_url="http://127.0.0.1:$port"
log="$artifacts/e2e-server.log"
server_pid=""
fake_pids=()

cleanup() {
  for pid in "$server_pid" "${fake_pids[@]}"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
}
trap cleanup EXIT INT TERM

# The provider fakes, each on its own free port, answering before the tests start.
for provider in whatsapp evolution telegram; do
  fake_port=$(free_port)
  /usr/bin/python3 tests/fakes/run.py "$provider" 127.0.0.1 "$fake_port" \
    >"$artifacts/e2e-fake-$provider.log" 2>&1 </dev/null &
  fake_pids+=("$!")
  fake_url="http://127.0.0.1:$fake_port"
  for _ in $(seq 1 100); do
    if curl -fsS "$fake_url/_fake/sent?account=-" >/dev/null 2>&1; then break; fi
    sleep 0.1
  done
  curl -fsS "$fake_url/_fake/sent?account=-" >/dev/null ||
    { echo "fake $provider did not start:" >&2; cat "$artifacts/e2e-fake-$provider.log" >&2; exit 1; }
  export "FAKE_${provider^^}_URL=$fake_url"
done

bin=${MOTOGESTOR_BIN:-build/release/server/motogestor}
[ -x "$bin" ] || { echo "server binary not found: $bin (set MOTOGESTOR_BIN)" >&2; exit 1; }
: "${TEST_DATABASE_OWNER_URL:?run through scripts/with-test-db.sh}"
: "${TEST_DATABASE_URL:?run through scripts/with-test-db.sh}"
# Every test registers its workshops from 127.0.0.1: the per-address registration
# limit (tested in tests/api) would stop the suite past 20. The messaging relay runs every
# 100 ms with fast retries, as in the API tests (tests/api/support/messaging.py); webhook and
# portal links name this server.
"$bin" migrate up --database-url "$TEST_DATABASE_OWNER_URL"
JWT_SECRET_KEY=${JWT_SECRET_KEY:-e2e-secret-key-that-is-long-enough-0123456789} \
APP_ENV=test \
FRONTEND_DIST_PATH="$repo/web/dist" \
REGISTRATION_LIMIT_PER_ADDRESS_PER_HOUR=0 \
PUBLIC_BASE_URL="$base_url" \
MESSAGING_SECRET_KEY=${MESSAGING_SECRET_KEY:-5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f} \
MESSAGING_RELAY_INTERVAL_MS=100 \
MESSAGING_RETRY_BASE_MS=200 \
MESSAGING_MAX_ATTEMPTS=3 \
MESSAGING_LEASE_SECONDS=4 \
MESSAGING_HTTP_TIMEOUT_MS=1500 \
  "$bin" serve --host 127.0.0.1 --port "$port" --database-url "$TEST_DATABASE_URL" >"$log" 2>&1 &
server_pid=$!

for _ in $(seq 1 150); do
  if curl -fsS "$base_url/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "server exited before answering /health:" >&2
    tail -n 50 "$log" >&2
    exit 1
  fi
  sleep 0.2
done
curl -fsS "$base_url/health" >/dev/null || { echo "server did not answer /health" >&2; tail -n 50 "$log" >&2; exit 1; }

status=0
if [ "$#" -gt 0 ]; then
  BASE_URL="$base_url" node --test --test-concurrency=1 "$@" || status=$?
else
  BASE_URL="$base_url" node --test --test-concurrency=1 "$e2e"/*.test.mjs || status=$?
fi
if [ "$status" -ne 0 ]; then
  echo "--- last lines of the server log ($log) ---" >&2
  tail -n 40 "$log" >&2
fi
echo "screenshots: $artifacts/screenshots"
exit "$status"
