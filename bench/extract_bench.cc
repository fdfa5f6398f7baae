// Fact extraction from one seed-sized record (~4 KB of our own clinical prose).
#include <benchmark/benchmark.h>

#include <string>

#include "extract/extract.h"
#include "intake/drug_table.h"

namespace {

const imr::DrugTable& bench_drugs() {
  static const imr::DrugTable table = imr::DrugTable::parse(R"(version: b
classes: {opioid: opioid, benzodiazepine: benzodiazepine, muscle_relaxant: muscle relaxant, anticonvulsant: anticonvulsant}
drugs:
  - {key: hydrocodone_apap, generic: hydrocodone/acetaminophen, ingredients: [hydrocodone, acetaminophen], brands: [Norco, Vicodin, Lortab], class: opioid, topic: opioids, mme: {per_mg: 1}}
  - {key: oxycodone_apap, generic: oxycodone/acetaminophen, ingredients: [oxycodone, acetaminophen], brands: [Percocet, Endocet], class: opioid, topic: opioids, mme: {per_mg: 1.5}}
  - {key: tramadol, generic: tramadol, brands: [Ultram], class: opioid, topic: opioids, mme: {per_mg: 0.1}}
  - {key: alprazolam, generic: alprazolam, brands: [Xanax], class: benzodiazepine, topic: benzodiazepines}
  - {key: lorazepam, generic: lorazepam, brands: [Ativan], class: benzodiazepine, topic: benzodiazepines}
  - {key: carisoprodol, generic: carisoprodol, brands: [Soma], class: muscle_relaxant, topic: muscle_relaxants}
  - {key: cyclobenzaprine, generic: cyclobenzaprine, brands: [Flexeril, Amrix], class: muscle_relaxant, topic: muscle_relaxants}
  - {key: gabapentin, generic: gabapentin, brands: [Neurontin], class: anticonvulsant, topic: anticonvulsants}
)",
                                                            "bench.yaml");
  return table;
}

// About 4 KB, written for the benchmark (not taken from any letter).
std::string record_text() {
  const std::string para =
      "The injured worker is a 52 year old carpenter who fell from a ladder on 4/9/12 and "
      "hurt his lower back. Diagnoses include lumbar radiculitis, chronic pain syndrome and "
      "depressed mood. A progress note on 2/11/16 documented back pain of 7/10 without "
      "medication and 4/10 with medication. He has been taking Percocet since at least June "
      "2014 and Ativan for at least 6 months. He reports constipation but denies sedation. "
      "A urine drug screen on 1/4/16 was consistent and the CURES report was reviewed. He "
      "can now walk 25 minutes, up from 10. Treatment to date has included physical therapy, "
      "acupuncture and epidural injections. He is on modified duty. On 2/25/16, the request "
      "for Ativan was modified to certify a quantity of 20 for weaning purposes. ";
  std::string t;
  while (t.size() < 4000) t += para;
  return t;
}

void BM_ExtractRecord(benchmark::State& state) {
  const std::string text = record_text();
  const imr::RecordText record{imr::Date::ymd(2016, 3, 1), "PR-2", text};
  size_t facts = 0;
  for (auto _ : state) {
    auto f = imr::extract_record_facts(record, 0, bench_drugs());
    facts = f.size();
    benchmark::DoNotOptimize(f);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["facts"] = static_cast<double>(facts);
}
BENCHMARK(BM_ExtractRecord)->Unit(benchmark::kMillisecond);

}  // namespace
