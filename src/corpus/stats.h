// `imr corpus stats`: how often reviewers overturn, by one dimension, over the items a filter
// (corpus/query.h) selects, with counts and a 95% Wilson score interval for each rate.
//
// Over the whole current corpus, or within one category, drug class or year, the counts come
// from the rollups (corpus/rollup.h), kept by the writer in the same transactions as the rows;
// with another filter they are counted from the rows. Both give the same numbers
// (tests/unit/corpus_test.cc checks it).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/query.h"
#include "store/sql.h"

namespace imr::corpus {

struct Rate {
  int64_t items = 0, overturned = 0;
  double rate = 0, low = 0, high = 0;  // overturned / items and its 95% Wilson interval
};

// The Wilson score interval (z = 1.96) of `overturned` out of `items`; all zero for no items.
Rate wilson(int64_t items, int64_t overturned);

struct StatsRow {
  std::string value;  // the dimension's value ("" when the letters do not give one)
  Rate rate;
};

struct Stats {
  std::string dimension;
  Rate total;                 // every item selected
  std::vector<StatsRow> rows;  // most items first, then by value
};

// Dimensions: "category", "body_region", "drug_class", "specialty", "section" (guideline
// family and section the reviewer cited; an item counts once per distinct section), "year",
// "priority". InputError for another.
Stats stats(sql::Database& db, const Filter& filter, const std::string& dimension);

const std::vector<std::string>& stats_dimensions();

}  // namespace imr::corpus
