#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang with ASan + UBSan) into build-fuzz and runs them.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   each target for SECONDS (default 60), one at a time
#
# IMR_FUZZ_CPU=1 makes SECONDS a CPU budget per target (for a busy machine, where wall time says
# little), counting the CPU of earlier runs of the target that ended well or were interrupted
# from outside (SIGINT to the fuzzer: "stopped" in the summary); IMR_FUZZ_LANES=2 runs
# two targets at once. IMR_FUZZ_TIMEOUT sets libFuzzer's -timeout (default 25 s). It is
# wall-clock time: at nice 19 on a loaded machine an input of half a second of CPU can take 25 s,
# so long runs at low priority need a larger one (re-run a slow input at normal priority to see
# its CPU time).
#
# Each run starts from the seed corpus kept in the tree (fuzz/corpus/<target>/) and works in a
# scratch corpus under build-fuzz/corpus/<target>/ (new inputs the fuzzer finds stay there;
# copy the interesting ones into fuzz/corpus/ by hand, minimised with -merge=1). A crash, a
# leak, or an input slower than -timeout fails the script and leaves the input in
# build-fuzz/artifacts/<target>/. The summary line of each run (executions, coverage, corpus)
# goes to build-fuzz/fuzz-summary.tsv. IMR_FUZZ_NICE=19 runs the fuzzers at lowest priority.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
all=(letter_fuzz pdf_fuzz case_json_fuzz application_json_fuzz reviewers_json_fuzz request_fuzz extract_fuzz http_fuzz redact_fuzz)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=None \
  -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" -DIMR_FUZZ=ON -DIMR_SANITIZE=address,undefined \
  -DIMR_BUILD_TESTS=OFF -DIMR_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
cmake --build build-fuzz --parallel "$(nproc)" --target "${targets[@]}"

summary=build-fuzz/fuzz-summary.tsv
[ -f "$summary" ] || printf 'target\twall_seconds\tcpu_seconds\texecs\tcov\tft\tcorpus\tresult\n' >"$summary"

# CPU seconds (user + system, all threads) the process PID has used so far.
cpu_of() { awk -v tck="$(getconf CLK_TCK)" '{print int(($14+$15)/tck)}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# Runs one target; prints its summary line. With IMR_FUZZ_CPU=1 the budget is CPU seconds: the
# fuzzer runs until it has used that much CPU (however long that takes on a busy machine) and is
# then interrupted, which libFuzzer answers with its final statistics and exit code 72.
run_target() {
  local t="$1" work="build-fuzz/corpus/$1" artifacts="build-fuzz/artifacts/$1/" log="build-fuzz/$1.log"
  mkdir -p "$work" "$artifacts" "fuzz/corpus/$t"
  local budget="$seconds" limit="$seconds" start cpu=0 rc=0 result=ok
  if [ "${IMR_FUZZ_CPU:-0}" = 1 ]; then
    # The budget is cumulative: CPU seconds of earlier runs of this target that ended well
    # (in the summary) count towards it, so a run cut short is taken up where it stopped.
    local spent
    spent=$(awk -F'\t' -v t="$t" '$1 == t && ($8 == "ok" || $8 == "stopped") {s += $3} END {print s + 0}' "$summary")
    budget=$((seconds - spent))
    if [ "$budget" -le 0 ]; then echo "fuzz: $t: ${spent} CPU s already spent of ${seconds}"; return 0; fi
    limit=$((budget * 100))
  fi
  echo "fuzz: $t for ${budget}s$([ "${IMR_FUZZ_CPU:-0}" = 1 ] && echo ' of CPU')"
  start=$(date +%s)
  nice -n "${IMR_FUZZ_NICE:-0}" "build-fuzz/fuzz/$t" "$work" "fuzz/corpus/$t" \
    -max_total_time="$limit" -timeout="${IMR_FUZZ_TIMEOUT:-25}" -rss_limit_mb=2560 -max_len=65536 \
    -artifact_prefix="$artifacts" -print_final_stats=1 -detect_leaks=1 >"$log" 2>&1 &
  local pid=$! interrupted=0
  while kill -0 "$pid" 2>/dev/null; do
    cpu=$(cpu_of "$pid")
    if [ "${IMR_FUZZ_CPU:-0}" = 1 ] && [ "$cpu" -ge "$budget" ] && [ "$interrupted" = 0 ]; then
      kill -INT "$pid"; interrupted=1
    fi
    sleep 2
  done
  wait "$pid" || rc=$?
  if [ "$rc" != 0 ] && ! { [ "$interrupted" = 1 ] && [ "$rc" = 72 ]; }; then result=FAILED; fi
  # Interrupted from outside (SIGINT to the fuzzer, e.g. to free the machine): what ran counts.
  if [ "$rc" = 72 ] && [ "$interrupted" = 0 ] && grep -q 'libFuzzer: run interrupted' "$log"; then result=stopped; fi
  grep -q -E 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|SUMMARY: UndefinedBehaviorSanitizer' "$log" && result=FAILED
  local wall=$(( $(date +%s) - start ))
  # The last status line: "#N ... cov: C ft: F corp: K/..."
  local line execs cov ft corp
  line=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  execs=$(sed -nE 's/^stat::number_of_executed_units: ([0-9]+).*/\1/p' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$line")
  cov=$(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<<"$line")
  ft=$(sed -nE 's/.*ft: ([0-9]+).*/\1/p' <<<"$line")
  corp=$(sed -nE 's/.*corp: ([0-9]+).*/\1/p' <<<"$line")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$wall" "$cpu" "${execs:-0}" "${cov:-0}" "${ft:-0}" "${corp:-0}" "$result" >>"$summary"
  echo "fuzz: $t: $result, ${wall} s wall, ${cpu} CPU s, ${execs:-0} runs, cov ${cov:-0}, ft ${ft:-0}, corpus ${corp:-0}"
  if [ "$result" = FAILED ]; then tail -40 "$log" >&2; return 1; fi
}

# IMR_FUZZ_LANES=N runs N targets at a time (one per core); the default is one.
lanes="${IMR_FUZZ_LANES:-1}"
status=0
pids=()
for ((lane = 0; lane < lanes; lane++)); do
  (
    lane_status=0
    for ((i = lane; i < ${#targets[@]}; i += lanes)); do run_target "${targets[$i]}" || lane_status=1; done
    exit "$lane_status"
  ) &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit "$status"
