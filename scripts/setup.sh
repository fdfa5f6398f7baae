#!/usr/bin/env bash
# Installs every Debian package the project needs to build, test and run.
# Idempotent: packages already present are skipped. Runs as root (or with sudo).
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev libre2-dev libyaml-cpp-dev
  libpoppler-cpp-dev poppler-utils
  libsqlite3-dev libsqlitecpp-dev libpqxx-dev libpq-dev postgresql libsodium-dev
  libhpdf-dev fonts-dejavu-core
  scowl wordnet-base hunspell-en-med python3
  libcpp-httplib-dev libboost-dev chromium wrk curl clang libclang-rt-14-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# The workbench (web/) is built with Node.js 20+ and npm; a fresh machine of ours has them.
# Debian 12's own nodejs is 18, too old for the build: it is not a substitute.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "setup: node and npm (Node.js 20 or newer) are needed to build the workbench (web/)" >&2
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
