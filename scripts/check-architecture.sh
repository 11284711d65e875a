#!/usr/bin/env bash
# The layering rules of docs/architecture.md, checked on the sources (part of
# `make lint`):
#   - libs/ names no module and no composition root;
#   - a module includes another module only through its public headers
#     (<module>.hpp, events.hpp, ids.hpp);
#   - HTTP words (ApiError, errors::, libs/http) stay out of stores and domain code.
set -euo pipefail
cd "$(dirname "$0")/../server"
failed=0
fail() {
  echo "architecture: $*" >&2
  failed=1
}

while IFS= read -r line; do
  fail "libs/ must not include modules or app: $line"
done < <(grep -rnE '#include "(modules|app)/' libs || true)

for dir in modules/*/; do
  module=$(basename "$dir")
  while IFS= read -r line; do
    file=${line%%:*}
    target=$(sed -E 's/.*#include "modules\/([a-z_]+)\/([^"]+)".*/\1 \2/' <<<"${line#*:*:}")
    other=${target%% *}
    header=${target#* }
    [ "$other" = "$module" ] && continue
    case "$header" in
      "$other.hpp" | events.hpp | ids.hpp) ;;
      *) fail "$file includes modules/$other/$header: use its public header" ;;
    esac
  done < <(grep -rnE '#include "modules/' "$dir" || true)
  for layer in store domain; do
    [ -d "$dir$layer" ] || continue
    while IFS= read -r line; do
      fail "HTTP words belong in api/, not $layer: $line"
    done < <(grep -rnE 'ApiError|errors::|#include "libs/http/|#include "libs/api/' "$dir$layer" || true)
  done
done
exit $failed
