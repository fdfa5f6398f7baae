#!/usr/bin/env bash
# Configures and builds into ./build (Release-with-debug-info, Ninja), then the workbench
# web app into web/dist (scripts/build-web.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --parallel "$(nproc)"
bash scripts/build-web.sh
