#!/usr/bin/env bash
# Installs the Debian packages Parley needs to build, test and benchmark, and
# nothing that is already there. Works as root or through sudo.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config clang-format
  clang libclang-rt-14-dev
  libcaf-dev librocksdb-dev nlohmann-json3-dev libcpp-httplib-dev
  libcurl4-openssl-dev libssl-dev libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev
  libjemalloc-dev libsodium-dev libsimdjson-dev tzdata
  liblinear-dev libstemmer-dev libicu-dev
  libpango1.0-dev libcairo2-dev fonts-dejavu-core fonts-lohit-deva poppler-utils
  libzip-dev libpugixml-dev libpoppler-cpp-dev
  libpq-dev postgresql-15
  wrk curl python3
)

# `install-deps.sh peer`: also the peer of ../shared/bench (make bench-compare).
if [ "${1:-}" = peer ]; then
  packages+=(python3-fastapi python3-uvicorn python3-sqlalchemy python3-aiosqlite python3-greenlet
    python3-httpx python3-uvloop python3-httptools nodejs)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The console's build (web/) and its browser tests: Node.js with npm, and
# Chromium. A Node.js from elsewhere (NodeSource bundles npm) is kept as it is.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v chromium >/dev/null || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
