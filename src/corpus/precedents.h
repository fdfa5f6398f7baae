// Precedents for a request: how often reviewers overturned that kind of request (same
// category and body region) and the most similar past decisions on it (same kind, nearest
// by the words of the request). They inform a reviewer; nothing here feeds the engine's
// decision.
#pragma once

#include <string>
#include <vector>

#include "corpus/search.h"
#include "corpus/stats.h"
#include "intake/drug_table.h"
#include "intake/request_services.h"

namespace imr::corpus {

struct Precedents {
  std::string request, category, body_region;  // the request and the kind it was read as
  Rate rate;                                    // over current items of that kind
  std::vector<SearchHit> similar;               // most similar first
};

// `exclude_case` (a case number) leaves out the letter the request comes from, if stored.
Precedents find_precedents(sql::Database& db, const std::string& request, const DrugTable& drugs,
                           const ServiceTable& services, int limit, const std::string& exclude_case = "");

}  // namespace imr::corpus
