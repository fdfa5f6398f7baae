#!/usr/bin/env bash
# The test suite under sanitizers, and a short run of every fuzz target (what CI runs after
# the ordinary suite; docs/hardening.md).
#
#   build-san   clang, ASan + UBSan (+ libFuzzer coverage): every unit test except the browser
#               test, then each fuzz target for IMR_FUZZ_SECONDS (default 20) from the seed
#               corpus in fuzz/corpus/;
#   build-tsan  clang, TSan: the server, login, store and case-service tests (the code that
#               runs threads; tests/CMakeLists.txt picks them).
#
# IMR_TEST_PG_URL, when set, gives the PostgreSQL store tests their server, as in test.sh.
# IMR_SANITIZE_ONLY=asan|tsan|fuzz runs one part.
set -euo pipefail
cd "$(dirname "$0")/.."
only="${IMR_SANITIZE_ONLY:-all}"
jobs="$(nproc)"
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
common=(-G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only"
        -DIMR_BUILD_BENCH=OFF "${launcher[@]}")
# The server tests check that a body or a socket is refused: many short-lived threads and
# sockets. Leak checking covers the whole run; UBSan stops at the first report.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"

time_of() { local start=$SECONDS; "$@"; echo "sanitize: $1 ${*:2:3}... took $((SECONDS - start)) s"; }

if [ "$only" = all ] || [ "$only" = asan ] || [ "$only" = fuzz ]; then
  cmake -S . -B build-san "${common[@]}" -DIMR_SANITIZE=address,undefined -DIMR_FUZZ=ON >/dev/null
  time_of cmake --build build-san --parallel "$jobs"
fi
if [ "$only" = all ] || [ "$only" = asan ]; then
  # The browser test drives the ordinary build's server; everything else runs here.
  time_of ctest --test-dir build-san --output-on-failure --parallel "$jobs" -E '^browser_workbench$'
fi
if [ "$only" = all ] || [ "$only" = fuzz ]; then
  seconds="${IMR_FUZZ_SECONDS:-20}"
  status=0
  for t in build-san/fuzz/*_fuzz; do
    name=$(basename "$t")
    mkdir -p "build-san/corpus/$name" "build-san/artifacts/$name"
    if ! "$t" "build-san/corpus/$name" "fuzz/corpus/$name" -max_total_time="$seconds" -timeout=25 \
         -rss_limit_mb=2560 -max_len=65536 -artifact_prefix="build-san/artifacts/$name/" \
         >"build-san/$name.log" 2>&1; then
      echo "sanitize: fuzz target $name FAILED" >&2
      tail -40 "build-san/$name.log" >&2
      status=1
    else
      echo "sanitize: fuzz $name: $(grep -E '^#[0-9]+' "build-san/$name.log" | tail -1)"
    fi
  done
  [ "$status" -eq 0 ] || exit 1
fi
if [ "$only" = all ] || [ "$only" = tsan ]; then
  cmake -S . -B build-tsan "${common[@]}" -DIMR_SANITIZE=thread >/dev/null
  time_of cmake --build build-tsan --parallel "$jobs" --target imr_tests imr
  time_of build-tsan/tests/imr_tests
fi
