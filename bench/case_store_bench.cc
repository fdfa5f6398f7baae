// The case store at scale (issue 6): 100,000 synthetic cases with their records imported into
// a fresh SQLite store through CaseService::import_batch (batches of 500), then the listings
// a team uses all day: the first page of open cases by due date, one reviewer's queue, and
// the count of open cases.
//
// The import runs once (it is slow); the listings are repeated and reported as medians.
// IMR_BENCH_CASES overrides the number of cases (e.g. a small run under callgrind).
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/timestamp.h"
#include "core/file.h"
#include "decide/engine.h"
#include "service/case_service.h"
#include "store/store.h"
#include "support/synthetic_case.h"

namespace {

constexpr size_t kBatch = 500;
constexpr int kAssigned = 1000;  // cases given a reviewer, for the reviewer's queue

int case_count() {
  const char* env = std::getenv("IMR_BENCH_CASES");
  return env && *env ? std::atoi(env) : 100000;
}


imr::ImportCase synthetic_case(int i) {
  // Received dates spread over November so the due dates differ.
  const int day = 2 + i % 18;
  const std::string received = "2026-11-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
  const std::string json =
      R"({"application_id":"BENCH-APP-)" + std::to_string(1000000 + i) + R"(","received":")" + received +
      R"(","expedited":)" + (i % 10 == 0 ? "true" : "false") +
      R"(,"signed":true,"signed_by":"worker","worker":{"name":"Worker )" + imr::testing::letters(i) +
      R"( Benchperson"},"date_of_injury":"2024-03-08","claims_administrator":{"name":"Harbor Light Claims"},)"
      R"("requesting_physician":{"name":"Dr. Alan Whitcomb, M.D.","specialty":"Physical Medicine & Rehabilitation"},)"
      R"("ur_decision":{"date":"2026-10-20","served":"2026-10-21","service_method":"electronic",)"
      R"("items":[{"request":"Physical therapy 2x/week x 6 weeks, lumbar spine","action":"modified",)"
      R"("certified":"Physical therapy x 6 visits"}]}})";
  imr::ImportCase c;
  c.application = imr::parse_application_json(json, "bench");
  for (int r = 0; r < 1 + i % 2; ++r) {
    imr::IncomingRecord rec;
    rec.title = "Progress report " + std::to_string(r + 1);
    rec.date = imr::Date::ymd(2026, 10, 1 + r);
    rec.sender = "requesting physician";
    rec.source_name = "progress-" + std::to_string(r + 1) + ".txt";
    rec.media_type = "text/plain";
    rec.text = "PR-2 progress report " + std::to_string(r + 1) + " for case " + std::to_string(i) +
               ". Low back pain 6/10, improved with home exercise; requests physical therapy.";
    c.records.push_back(std::move(rec));
  }
  return c;
}

const imr::ServiceContext& context() {
  static const imr::ServiceContext ctx = [] {
    const std::string data = std::string(IMR_SOURCE_DIR) + "/data";
    imr::ServiceContext c = imr::load_service_context(data, imr::load_knowledge(data));
    const imr::Timestamp fixed = *imr::parse_timestamp("2026-11-24T09:00");
    c.clock = [fixed] { return fixed; };
    return c;
  }();
  return ctx;
}

// A fresh SQLite store in its own temporary directory, removed at exit.
struct BenchStore {
  std::filesystem::path dir;
  std::unique_ptr<imr::Store> store;
  std::unique_ptr<imr::CaseService> service;
  std::vector<std::string> case_ids;
  std::string reviewer;  // the reviewer with the most assigned cases

  BenchStore() {
    dir = std::filesystem::temp_directory_path() / ("imr_case_bench_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    store = imr::open_store("sqlite:" + (dir / "store.db").string());
    service = std::make_unique<imr::CaseService>(*store, context());
  }
  ~BenchStore() {
    service.reset();
    store.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }

  // Imports `n` cases; returns the number imported.
  size_t import(int n) {
    size_t imported = 0;
    std::vector<imr::ImportCase> batch;
    for (int i = 0; i < n; ++i) {
      batch.push_back(synthetic_case(i));
      if (batch.size() == kBatch || i == n - 1) {
        imported += service->import_batch(batch, "bench").imported;
        batch.clear();
      }
    }
    return imported;
  }

  // Gives some cases a reviewer (the service's own assignment) so a queue exists.
  void assign_some() {
    service->import_reviewers(imr::read_file(std::string(IMR_FIXTURES_DIR) + "/service/reviewers.json"),
                              "reviewers.json", "bench");
    const auto first = service->open_cases({"", kAssigned, 0});
    for (const auto& entry : first) service->assign(entry.file.id, "bench");
    store->transact([&](imr::StoreTx& tx) {
      int most = -1;
      for (const auto& [id, load] : tx.open_load_by_reviewer())
        if (load.open_total > most) most = load.open_total, reviewer = id;
    });
  }
};

// The store the listings read: filled by BM_Import (or on first use when it is filtered out).
std::unique_ptr<BenchStore>& shared() {
  static std::unique_ptr<BenchStore> s;
  return s;
}

BenchStore& filled() {
  if (!shared()) {
    shared() = std::make_unique<BenchStore>();
    shared()->import(case_count());
  }
  if (shared()->reviewer.empty()) shared()->assign_some();
  return *shared();
}

void BM_ImportCases(benchmark::State& state) {
  const int n = case_count();
  for (auto _ : state) {
    state.PauseTiming();
    shared() = std::make_unique<BenchStore>();
    (void)context();
    state.ResumeTiming();
    const size_t imported = shared()->import(n);
    if (imported != static_cast<size_t>(n)) state.SkipWithError("not every case was imported");
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * n);
  state.counters["cases"] = n;
}
BENCHMARK(BM_ImportCases)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

void BM_OpenCasesFirstPage(benchmark::State& state) {
  BenchStore& s = filled();
  for (auto _ : state) {
    const auto page = s.service->open_cases({"", 50, 0});
    if (page.size() != 50) state.SkipWithError("short page");
    benchmark::DoNotOptimize(page.data());
  }
}
BENCHMARK(BM_OpenCasesFirstPage)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

void BM_ReviewerQueue(benchmark::State& state) {
  BenchStore& s = filled();
  size_t rows = 0;
  for (auto _ : state) {
    const auto page = s.service->open_cases({s.reviewer, 50, 0});
    rows = page.size();
    benchmark::DoNotOptimize(page.data());
  }
  if (rows == 0) state.SkipWithError("the reviewer has no cases");
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_ReviewerQueue)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

void BM_CountOpenCases(benchmark::State& state) {
  BenchStore& s = filled();
  int64_t count = 0;
  for (auto _ : state) {
    s.store->transact([&](imr::StoreTx& tx) { count = tx.count_open_cases(""); });
    benchmark::DoNotOptimize(count);
  }
  state.counters["open"] = static_cast<double>(count);
}
BENCHMARK(BM_CountOpenCases)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

}  // namespace
