#!/usr/bin/env bash
# The decision-corpus benchmark (issue 17, docs/corpus.md): writes N synthetic letters
# (`imr corpus generate`), ingests them into a fresh store (`imr corpus add`, letters/s and
# the CPU seconds it took), times the standard searches, statistics and precedents on it
# (`imr corpus bench`: median and 95th percentile), and ingests the real letters in
# ../shared/real-letters (PDF) into another fresh store for the PDF rate.
#
#   scripts/bench-corpus.sh --letters 100000
#   scripts/bench-corpus.sh --letters 100000 --store postgresql://user@host/db   (an empty database)
#   BUILD_DIR=build-bench WORK=/big/disk scripts/bench-corpus.sh --letters 1000000
# A measurement, not a test: run it on a quiet machine; the figures go in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
LETTERS=100000
STORE=""
RUNS=30
while [ $# -gt 0 ]; do
  case "$1" in
    --letters) LETTERS="$2"; shift 2 ;;
    --store) STORE="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    *) echo "usage: $0 [--letters N] [--store postgresql://...] [--runs N]" >&2; exit 2 ;;
  esac
done
BUILD_DIR="${BUILD_DIR:-build}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" --parallel "$(nproc)" --target imr >/dev/null
IMR="$BUILD_DIR/src/imr"

work="$(mktemp -d "${WORK:-/tmp}/imr-bench-corpus.XXXXXX")"
trap 'rm -rf "$work"' EXIT
[ -n "$STORE" ] || STORE="$work/corpus.db"

echo "== $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== generate $LETTERS synthetic letters"
/usr/bin/time -f "generate: %e s wall" "$IMR" corpus generate --out "$work/letters" --letters "$LETTERS"
echo "== imr corpus add (text letters) into ${STORE//:*@/:***@}"
/usr/bin/time -f "ingest: %e s wall, %U s user + %S s system CPU, %M KiB peak memory" \
  "$IMR" corpus add "$work/letters" --store "$STORE" --quiet
if [ "${STORE#postgres}" = "$STORE" ]; then du -h "$STORE" | sed 's/^/store size: /'; fi
echo "== queries, $RUNS runs each"
"$IMR" corpus bench --store "$STORE" --runs "$RUNS"
if [ -d ../shared/real-letters ]; then
  echo "== imr corpus add (the real PDF letters) into a fresh SQLite store"
  /usr/bin/time -f "ingest: %e s wall, %U s user + %S s system CPU (PDF text in child processes)" \
    "$IMR" corpus add ../shared/real-letters --store "$work/real.db" --quiet
fi
