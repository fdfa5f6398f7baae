// Statistics read from the rollups instead of counted from the rows, when they answer the
// question exactly: corpus_rollup holds, for every dimension's value, the current items and
// the overturned among them; corpus_rollup_pairs the same within each value of a category,
// a drug class or a year (corpus/writer.h kPairFilterDimensions). Both are kept by the writer
// in the ingest's transactions, and migration 2 fills the pairs from the rows already stored.
//
// A filter is answered from them when, besides a value of the dimension asked for, it fixes
// at most one of those (a drug given as a class no item is named by counts as its class),
// and nothing else. tests/unit/corpus_test.cc checks every answer against counting the rows.
#pragma once

#include <optional>
#include <string>

#include "corpus/query.h"
#include "corpus/stats.h"
#include "store/sql.h"

namespace imr::corpus {

// nullopt when the rollups cannot answer `filter` by `dimension`; rows unsorted.
std::optional<Stats> stats_from_rollup(sql::Session& s, const Filter& filter, const std::string& dimension);

}  // namespace imr::corpus
