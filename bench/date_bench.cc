#include <benchmark/benchmark.h>

#include "core/date.h"

static void BM_FindDate(benchmark::State& state) {
  const std::string s = "A progress note on 5/30/14 indicated the claimant had 9/10 pain.";
  for (auto _ : state) benchmark::DoNotOptimize(imr::find_date(s));
}
BENCHMARK(BM_FindDate);
