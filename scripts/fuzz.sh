#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang with ASan + UBSan) into build-fuzz and runs them.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   each target for SECONDS (default 60), one at a time
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
all=(letter_fuzz pdf_fuzz case_json_fuzz application_json_fuzz reviewers_json_fuzz request_fuzz extract_fuzz http_fuzz)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=None \
  -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" -DIMR_FUZZ=ON -DIMR_SANITIZE=address,undefined \
  -DIMR_BUILD_TESTS=OFF -DIMR_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
cmake --build build-fuzz --parallel "$(nproc)" --target "${targets[@]}"

summary=build-fuzz/fuzz-summary.tsv
[ -f "$summary" ] || printf 'target\tseconds\tcpu_seconds\texecs\tcov\tft\tcorpus\tresult\n' >"$summary"
status=0
for t in "${targets[@]}"; do
  work="build-fuzz/corpus/$t"
  artifacts="build-fuzz/artifacts/$t/"
  mkdir -p "$work" "$artifacts" "fuzz/corpus/$t"
  log="build-fuzz/$t.log"
  echo "fuzz: $t for ${seconds}s"
  result=ok
  cpu_before=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
  nice -n "${IMR_FUZZ_NICE:-0}" "build-fuzz/fuzz/$t" "$work" "fuzz/corpus/$t" \
    -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 -max_len=65536 \
    -artifact_prefix="$artifacts" -print_final_stats=1 -detect_leaks=1 >"$log" 2>&1 || result=FAILED
  # CPU time the fuzzer used (children's user+system ticks of this shell, in seconds).
  cpu=$(( ($(awk '{print $14+$15+$16+$17}' /proc/$$/stat) - cpu_before) / $(getconf CLK_TCK) ))
  # The last status line: "#N DONE cov: C ft: F corp: K/..."
  line=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  execs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$line")
  cov=$(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<<"$line")
  ft=$(sed -nE 's/.*ft: ([0-9]+).*/\1/p' <<<"$line")
  corp=$(sed -nE 's/.*corp: ([0-9]+).*/\1/p' <<<"$line")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$seconds" "$cpu" "${execs:-0}" "${cov:-0}" "${ft:-0}" "${corp:-0}" "$result" >>"$summary"
  echo "fuzz: $t: $result, ${cpu} CPU s, ${execs:-0} runs, cov ${cov:-0}, ft ${ft:-0}, corpus ${corp:-0}"
  if [ "$result" != ok ]; then
    status=1
    tail -40 "$log" >&2
  fi
done
exit "$status"
