// A whole review: a seed-sized case (a team-written letter with several items, its case
// summary as the record) through extraction, assessment, decision and the letter.
#include <benchmark/benchmark.h>

#include <string>

#include "core/file.h"
#include "decide/engine.h"
#include "intake/letter_case.h"
#include "letters/letter.h"
#include "render/letter_text.h"
#include "render/summary.h"

namespace {

void BM_ReviewWholeCase(benchmark::State& state) {
  const std::string file = std::string(IMR_FIXTURES_DIR) + "/letters/modern_sentence_multi.txt";
  const auto knowledge = imr::load_knowledge(std::string(IMR_SOURCE_DIR) + "/data");
  const imr::Engine engine(knowledge);
  const imr::Case c = imr::case_from_letter(imr::read_letter(imr::read_file(file), file));
  for (auto _ : state) {
    const imr::Review r = engine.review(c);
    const std::string letter =
        imr::render_letter_text(c, r, imr::compose_case_summary(c, r, knowledge->drugs));
    benchmark::DoNotOptimize(letter.data());
  }
  state.counters["items"] = static_cast<double>(c.requests.size());
}
BENCHMARK(BM_ReviewWholeCase)->Unit(benchmark::kMicrosecond);

void BM_LoadKnowledge(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(imr::load_knowledge(std::string(IMR_SOURCE_DIR) + "/data"));
}
BENCHMARK(BM_LoadKnowledge)->Unit(benchmark::kMillisecond);

}  // namespace
