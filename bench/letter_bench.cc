// Reading one seed-sized letter (a team-written fixture, so it runs on a fresh clone).
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "letters/letter.h"

namespace {

std::string load(const std::string& name) {
  std::ifstream in(std::string(IMR_FIXTURES_DIR) + "/letters/" + name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void BM_ReadLetter(benchmark::State& state, const char* name) {
  const std::string text = load(name);
  if (text.empty()) {
    state.SkipWithError("fixture missing");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(imr::read_letter(text, name));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

void BM_ParseCitations(benchmark::State& state) {
  const std::string line =
      "Decision based on MTUS Chronic Pain Treatment Guidelines Opioids, Criteria for Use Page(s): "
      "76-80. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Pain, Opioids.";
  for (auto _ : state) benchmark::DoNotOptimize(imr::parse_citations(line));
}

}  // namespace

BENCHMARK_CAPTURE(BM_ReadLetter, modern_4_items, "modern_sentence_multi.txt");
BENCHMARK_CAPTURE(BM_ReadLetter, pdf_style_2_items, "modern_pdf_style.txt");
BENCHMARK_CAPTURE(BM_ReadLetter, notice_2_items, "notice_two_items.txt");
BENCHMARK(BM_ParseCitations);
