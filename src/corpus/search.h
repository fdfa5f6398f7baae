// `imr corpus search`: items matching a filter (corpus/query.h), newest first or by
// relevance, each with a snippet of its rationale where the words found are marked «so».
//
// The page is the same as ordering every match; what a broad search does not do is count
// past kExactTotalBound (the total is then a lower bound, flagged), and, by relevance,
// join more than the best-ranked few hundred full-text matches to the items when those
// already fill the page (SQLite: FTS5 ranks the matches alone, then the filters are checked
// on the best; more are taken while the page is not surely full).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/query.h"
#include "store/sql.h"

namespace imr::corpus {

inline constexpr const char* kMarkStart = "«";
inline constexpr const char* kMarkEnd = "»";

// Totals are counted exactly up to this many items; past it, a search says "10,000+".
inline constexpr int64_t kExactTotalBound = 10000;

struct SearchOptions {
  Filter filter;
  bool by_relevance = false;  // newest first otherwise (relevance needs filter.text)
  int limit = 20;
  int offset = 0;
  bool count_total = true;  // false: SearchResult::total is left 0 (a caller that shows no total)
  int64_t total_bound = kExactTotalBound;  // counted exactly up to this many
  bool every_match = false;  // order every match, no shortcut (tests compare the shortcuts with it)
};

struct SearchHit {
  int64_t item_id = 0, letter_id = 0;
  int position = 0;
  std::string case_number, decision_date, request, decision, category, body_region, drug, drug_class, specialty,
      priority, snippet;
  bool current = true;
};

struct SearchResult {
  int64_t total = 0;  // items matching, over every page (the bound when there are more)
  bool total_is_lower_bound = false;  // more than SearchOptions::total_bound items match
  std::vector<SearchHit> hits;
};

SearchResult search(sql::Database& db, const SearchOptions& options);

// One stored letter as `imr parse` printed it, with its case number and whether it is the
// current version; nullopt when no letter has that id.
struct StoredLetter {
  int64_t id = 0;
  std::string case_number, letter_json, source_name;
  bool current = true;
};
std::optional<StoredLetter> find_letter(sql::Database& db, int64_t letter_id);

}  // namespace imr::corpus
