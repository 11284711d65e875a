#!/usr/bin/env bash
# Builds the web app into web/dist. Installs its npm packages (from the lock
# file) only when they changed.
set -euo pipefail
cd "$(dirname "$0")/../web"
[ -f package.json ] || { echo "build-web: no web/package.json, skipping"; exit 0; }
stamp=node_modules/.motogestor-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
# Nothing changed since the last build: keep web/dist.
if [ -f dist/index.html ] && [ -z "$(find src public index.html package-lock.json vite.config.ts \
    tailwind.config.ts -newer dist/index.html -print -quit 2>/dev/null)" ]; then
  exit 0
fi
npm run build --silent
