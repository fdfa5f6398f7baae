// Parsing one request (the drug and service tables loaded once, outside the loop).
#include <benchmark/benchmark.h>

#include <string>

#include "intake/drug_table.h"
#include "intake/request.h"
#include "intake/request_services.h"

namespace {

const imr::DrugTable& drugs() {
  static const imr::DrugTable t = imr::DrugTable::load(std::string(IMR_DEFAULT_DATA_DIR) + "/drugs.yaml");
  return t;
}

const imr::ServiceTable& services_table() {
  static const imr::ServiceTable t = imr::ServiceTable::load(std::string(IMR_DEFAULT_DATA_DIR) + "/services.yaml");
  return t;
}

void BM_ParseDrugRequest(benchmark::State& state) {
  const imr::ServiceTable& services = services_table();
  const std::string text = "Norco 10/325mg one PO q 4-6H #180";
  for (auto _ : state) benchmark::DoNotOptimize(imr::parse_request(text, drugs(), services));
}
BENCHMARK(BM_ParseDrugRequest);

void BM_ParseServiceRequest(benchmark::State& state) {
  const imr::ServiceTable& services = services_table();
  const std::string text = "Physical therapy 2x week x 6 weeks, lumbar spine";
  for (auto _ : state) benchmark::DoNotOptimize(imr::parse_request(text, drugs(), services));
}
BENCHMARK(BM_ParseServiceRequest);

void BM_ParseLongRequest(benchmark::State& state) {
  const imr::ServiceTable& services = services_table();
  std::string text = "Tramadol 50mg 1 tab po q4-6h prn pain, #120 with 1 refill ";
  while (text.size() < 5000) text += "every 6 to 8 hours as needed 1-2 tabs ";
  for (auto _ : state) benchmark::DoNotOptimize(imr::parse_request(text, drugs(), services));
}
BENCHMARK(BM_ParseLongRequest);

// Body regions alone: a short request, and the 1000-byte cap.
void BM_ReadBodyRegions(benchmark::State& state) {
  const imr::BodyRegionTable& regions = services_table().body_regions();
  std::string text = "PT/OT left hand, right lower leg, lumbar spine L4-5 ";
  if (state.range(0) > 0)
    while (text.size() < 1000) text += "every 6 to 8 hours as needed 1-2 tabs ";
  for (auto _ : state) benchmark::DoNotOptimize(regions.read(text));
}
BENCHMARK(BM_ReadBodyRegions)->Arg(0)->Arg(1);

}  // namespace
