// The query half of the scale benchmark (scripts/bench-corpus.sh): a fixed set of searches,
// statistics and precedents, each run `runs` times against a store, with the median and the
// 95th percentile of their wall time. For measuring, not for tests (machines are noisy).
#pragma once

#include <string>
#include <vector>

#include "intake/drug_table.h"
#include "intake/request_services.h"
#include "store/sql.h"

namespace imr::corpus {

struct QueryTiming {
  std::string name;
  double p50_ms = 0, p95_ms = 0, max_ms = 0;
  // The CPU time this process spent (a database server's own is not counted): on a busy
  // machine the wall time includes waiting for a core, the CPU time does not.
  double cpu_p50_ms = 0, cpu_p95_ms = 0;
  long long results = 0;  // items found (search) or rows (stats), from the last run
};

std::vector<QueryTiming> time_queries(sql::Database& db, int runs, const DrugTable& drugs,
                                      const ServiceTable& services);

}  // namespace imr::corpus
