#include "corpus/timing.h"

#include <algorithm>
#include <tuple>
#include <utility>
#include <chrono>
#include <ctime>
#include <functional>

#include "corpus/precedents.h"
#include "corpus/search.h"
#include "corpus/stats.h"

namespace imr::corpus {
namespace {

Filter with(std::function<void(Filter&)> set) {
  Filter f;
  set(f);
  return f;
}

double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// The median and the 95th percentile of `ms` (sorted here).
std::pair<double, double> p50_p95(std::vector<double>& ms) {
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, static_cast<size_t>(ms.size() * 0.95))]};
}

}  // namespace

std::vector<QueryTiming> time_queries(sql::Database& db, int runs, const DrugTable& drugs,
                                      const ServiceTable& services) {
  struct Query {
    std::string name;
    std::function<long long()> run;
  };
  auto search_query = [&](std::string name, Filter f, bool relevance) {
    return Query{std::move(name), [&db, f, relevance] {
                   SearchOptions o;
                   o.filter = f;
                   o.by_relevance = relevance;
                   return static_cast<long long>(search(db, o).total);
                 }};
  };
  auto stats_query = [&](std::string name, Filter f, std::string by) {
    return Query{std::move(name), [&db, f, by] { return static_cast<long long>(stats(db, f, by).rows.size()); }};
  };
  const std::vector<Query> queries = {
      search_query("search 'lumbar mri', newest", with([](Filter& f) { f.text = "lumbar mri"; }), false),
      search_query("search 'function', by relevance", with([](Filter& f) { f.text = "function"; }), true),
      search_query("search MRI lumbar overturned (no text)", with([](Filter& f) {
                     f.category = "imaging_mri";
                     f.body_region = "lumbar_spine";
                     f.decision = "overturned";
                   }), false),
      search_query("search opioid class 2018-2019", with([](Filter& f) {
                     f.drug = "opioid";
                     f.from = "2018-01-01";
                     f.to = "2019-12-31";
                   }), false),
      search_query("search MTUS section 'opioids'", with([](Filter& f) {
                     f.guideline = "MTUS";
                     f.section = "opioids";
                   }), false),
      search_query("search 'surgery' by orthopaedic reviewers", with([](Filter& f) {
                     f.text = "surgery";
                     f.specialty = "orthopaedic";
                   }), false),
      stats_query("stats by category (whole corpus)", Filter{}, "category"),
      stats_query("stats by section (whole corpus)", Filter{}, "section"),
      stats_query("stats by year, opioids", with([](Filter& f) { f.category = "opioids"; }), "year"),
      stats_query("stats by specialty, 'function'", with([](Filter& f) { f.text = "function"; }), "specialty"),
      stats_query("stats by section, opioid class", with([](Filter& f) { f.drug = "opioid"; }), "section"),
      stats_query("stats by category, 2016", with([](Filter& f) { f.year = 2016; }), "category"),
      Query{"precedents 'MRI of the lumbar spine'",
            [&] { return static_cast<long long>(find_precedents(db, "MRI of the lumbar spine", drugs, services, 5).similar.size()); }},
  };
  std::vector<QueryTiming> out;
  for (const Query& q : queries) {
    std::vector<double> ms, cpu;
    QueryTiming t;
    t.name = q.name;
    for (int i = 0; i < std::max(1, runs); ++i) {
      const auto start = std::chrono::steady_clock::now();
      const double cpu_start = cpu_ms();
      t.results = q.run();
      cpu.push_back(cpu_ms() - cpu_start);
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::tie(t.p50_ms, t.p95_ms) = p50_p95(ms);
    t.max_ms = ms.back();
    std::tie(t.cpu_p50_ms, t.cpu_p95_ms) = p50_p95(cpu);
    out.push_back(t);
  }
  return out;
}

}  // namespace imr::corpus
