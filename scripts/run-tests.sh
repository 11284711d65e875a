#!/usr/bin/env bash
# Runs every test suite (the body of `make test`): C++ unit tests, PostgreSQL
# integration tests, black-box API tests, web unit tests and browser tests.
# Each suite that needs a database gets its own throwaway cluster. All suites
# run; the exit status is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN_DIR=${BUILD_DIR:-build/release}/server
export MOTOGESTOR_BIN="$PWD/$BIN_DIR/motogestor"
mkdir -p tests/artifacts

failed=()
suite() {
  local name=$1
  shift
  echo
  echo "=== $name"
  if "$@"; then echo "=== $name: ok"; else echo "=== $name: FAILED"; failed+=("$name"); fi
}

suite "Style (clang-format, ESLint)" make --no-print-directory lint
suite "C++ unit tests" "$BIN_DIR/unit_tests" --gtest_brief=1
suite "PostgreSQL integration tests" scripts/with-test-db.sh "$BIN_DIR/pg_tests" --gtest_brief=1
suite "API tests" scripts/with-test-db.sh /usr/bin/python3 -m pytest tests/api -q
if [ -f web/package.json ]; then
  suite "Web unit tests" bash -c "cd web && npm test --silent"
fi
if [ -x tests/e2e/run.sh ]; then
  suite "Browser tests" scripts/with-test-db.sh tests/e2e/run.sh
fi

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED suites: ${failed[*]}"
  exit 1
fi
echo "All test suites passed."
