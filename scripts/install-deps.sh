#!/usr/bin/env bash
# Installs what MotoGestor needs from Debian's packages, only when missing.
# A no-op when everything is present; runs `apt-get update` once otherwise.
set -euo pipefail

packages=(
  # build
  g++ cmake ninja-build ccache pkg-config make git
  # libraries
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libpq-dev libsodium-dev libssl-dev libspdlog-dev libfmt-dev libcli11-dev
  libjwt-dev libgtest-dev libgmock-dev prometheus-cpp-dev libqrencode-dev libcurl4-openssl-dev
  # database (embedded cluster, tests, benchmark)
  postgresql-15 postgresql-client-15
  # black-box tests
  python3-pytest python3-httpx
  # decoding the PIX QR codes in the API tests
  python3-pyzbar
  # load generator for `make bench`
  wrk linux-perf
)
# The web app and its browser tests: Node.js from Debian unless one is present.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
[ "${MOTOGESTOR_SKIP_BROWSER:-0}" = 1 ] || packages+=(chromium)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
# Never let the package create or start a system cluster: we run our own.
$sudo mkdir -p /etc/postgresql-common
[ -f /etc/postgresql-common/createcluster.conf ] ||
  echo "create_main_cluster = false" | $sudo tee /etc/postgresql-common/createcluster.conf >/dev/null
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
