#!/usr/bin/env bash
# Browser tests of the web app against the real server and a throwaway PostgreSQL:
#   scripts/with-test-db.sh tests/e2e/run.sh          (from the repository root)
# Needs the server binary (${MOTOGESTOR_BIN:-build/release/server/motogestor}) and a built
# web/dist (cd web && npm ci && npm run build). Drives Debian's Chromium (/usr/bin/chromium)
# through playwright-core; never downloads a browser.
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

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
base_url="http://127.0.0.1:$port"
log="$artifacts/e2e-server.log"
server_pid=""

cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

bin=${MOTOGESTOR_BIN:-build/release/server/motogestor}
[ -x "$bin" ] || { echo "server binary not found: $bin (set MOTOGESTOR_BIN)" >&2; exit 1; }
: "${TEST_DATABASE_OWNER_URL:?run through scripts/with-test-db.sh}"
: "${TEST_DATABASE_URL:?run through scripts/with-test-db.sh}"
# Every test registers its workshops from 127.0.0.1: the per-address registration
# limit (tested in tests/api) would stop the suite past 20.
"$bin" migrate up --database-url "$TEST_DATABASE_OWNER_URL"
JWT_SECRET_KEY=${JWT_SECRET_KEY:-e2e-secret-key-that-is-long-enough-0123456789} \
APP_ENV=test \
FRONTEND_DIST_PATH="$repo/web/dist" \
REGISTRATION_LIMIT_PER_ADDRESS_PER_HOUR=0 \
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
