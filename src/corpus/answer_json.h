// The corpus's answers as JSON, in the one shape `imr corpus ... --format json` prints and the
// workbench API (/api/corpus/, docs/api.md) sends: rates with their counts and interval,
// search hits, statistics tables and precedents.
#pragma once

#include <cstddef>

#include <nlohmann/json.hpp>

#include "corpus/precedents.h"
#include "corpus/search.h"
#include "corpus/stats.h"

namespace imr::corpus {

// {"items", "overturned", "rate", "low", "high"}
nlohmann::json to_json(const Rate& rate);
// {"item_id", "letter_id", "position", "case_number", "decision_date", "request", "decision",
//  "category", "body_region", "drug", "drug_class", "specialty", "priority", "current", "snippet"}
nlohmann::json to_json(const SearchHit& hit);
// {"dimension", "total": Rate, "rows": [Rate + "value"]}, the first `top` rows (0: all) and
// "rows_total", how many there were.
nlohmann::json to_json(const Stats& stats, size_t top = 0);
// {"request", "category", "body_region", "rate": Rate, "similar": [SearchHit]}
nlohmann::json to_json(const Precedents& precedents);

}  // namespace imr::corpus
