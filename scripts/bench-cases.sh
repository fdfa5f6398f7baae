#!/usr/bin/env bash
# The case-store benchmark (issue 6): builds imr and imr_bench, runs bench/case_store_bench.cc
# (100,000 cases imported through CaseService::import_batch into SQLite, then the open-case
# listings), then times the CLI path: `imr case import` of a generated 100,000-case JSON Lines
# file into a fresh SQLite store. Prints cases/second for both imports and the listing times.
#
#   scripts/bench-cases.sh            # 100,000 cases
#   CASES=20000 scripts/bench-cases.sh
#   BUILD_DIR=build-bench scripts/bench-cases.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CASES="${CASES:-100000}"
BUILD_DIR="${BUILD_DIR:-build}"

cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIMR_BUILD_BENCH=ON >/dev/null
cmake --build "$BUILD_DIR" --parallel "$(nproc)" --target imr imr_bench

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== Library: CaseService::import_batch, $CASES cases, batches of 500 (SQLite)"
IMR_BENCH_CASES="$CASES" "$BUILD_DIR/bench/imr_bench" --benchmark_filter='BM_(ImportCases|OpenCases|ReviewerQueue|CountOpen)' \
  --benchmark_out="$work/bench.json" --benchmark_out_format=json
awk '
  /"name": "BM_ImportCases/ { imp = 1 }
  imp && /"items_per_second"/ { gsub(/[,]/, ""); printf "library import: %.0f cases/s\n", $2; imp = 0 }
  /"name": "BM_[A-Za-z]+\/repeats:[0-9]+_median"/ { gsub(/[",]/, ""); name = $2 }
  name != "" && /"real_time"/ { gsub(/[,]/, ""); printf "%-32s median %.3f ms\n", name ":", $2; name = "" }
' "$work/bench.json"

echo "== CLI: imr case import, $CASES cases, --batch 500 (SQLite)"
awk -v n="$CASES" 'BEGIN {
  for (i = 0; i < n; i++) {
    w = ""; k = i
    for (j = 0; j < 5; j++) { w = w sprintf("%c", 97 + k % 26); k = int(k / 26) }
    day = 2 + i % 18
    printf "{\"application\":{\"application_id\":\"CLI-APP-%07d\",\"received\":\"2026-11-%02d\",", i, day
    printf "\"signed\":true,\"signed_by\":\"worker\",\"worker\":{\"name\":\"Worker %s Cliperson\"},", toupper(substr(w, 1, 1)) substr(w, 2)
    printf "\"date_of_injury\":\"2024-03-08\",\"requesting_physician\":{\"name\":\"Dr. Alan Whitcomb, M.D.\",\"specialty\":\"Physical Medicine & Rehabilitation\"},"
    printf "\"ur_decision\":{\"date\":\"2026-10-20\",\"served\":\"2026-10-21\",\"service_method\":\"electronic\","
    printf "\"items\":[{\"request\":\"Physical therapy 2x/week x 6 weeks, lumbar spine\",\"action\":\"modified\",\"certified\":\"Physical therapy x 6 visits\"}]}},"
    printf "\"records\":["
    for (r = 1; r <= 1 + i % 2; r++)
      printf "%s{\"title\":\"Progress report %d\",\"date\":\"2026-10-0%d\",\"sender\":\"requesting physician\",\"text\":\"PR-2 progress report %d for case %d. Low back pain 6/10, improved with home exercise; requests physical therapy.\"}", (r > 1 ? "," : ""), r, r, r, i
    printf "]}\n"
  }
}' >"$work/cases.jsonl"

start=$(date +%s.%N)
"$BUILD_DIR/src/imr" case import "$work/cases.jsonl" --store "sqlite:$work/cli.db" --batch 500 \
  --as bench --now 2026-11-24T09:00 --format json >"$work/cli.json"
end=$(date +%s.%N)
cat "$work/cli.json"
awk -v s="$start" -v e="$end" -v n="$CASES" 'BEGIN { printf "cli import: %.1f s, %.0f cases/s (includes loading the knowledge)\n", e - s, n / (e - s) }'
