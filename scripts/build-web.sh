#!/usr/bin/env bash
# Builds the reviewer workbench (web/) into web/dist, which `imr serve` serves at `/`.
# Idempotent: installs node_modules only when missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/../web"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "build-web.sh: node and npm are required to build the workbench (web/)." >&2
  echo "  Install Node.js 20 or newer with npm (Debian: apt-get install nodejs npm), then rerun." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "build-web.sh: Node.js 20 or newer is required (found $(node --version))." >&2
  exit 1
fi
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm install --no-save` installs the versions package-lock.json pins without rewriting it.
  # Not `npm ci`: npm 11 writes lock files without the other platforms' optional packages
  # (rollup's, esbuild's) and then `npm ci` refuses those same files as out of sync.
  echo "build-web.sh: installing web dependencies (npm install --no-save, pinned by package-lock.json)"
  npm install --no-save --no-audit --no-fund
fi
npm run build --silent
echo "build-web.sh: built $(pwd)/dist"
