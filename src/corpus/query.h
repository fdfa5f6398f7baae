// Searching and counting the corpus: the filters `imr corpus search` and `imr corpus stats`
// share, turned into one SQL condition on corpus_items (alias i) for either dialect.
//
// Every filter is optional; given filters must all hold. Text filters compare lower-case,
// whitespace-collapsed forms (corpus/record.h filter_key); `specialty` and `section` match a
// part of the value ("orthopedic" finds "Orthopedic Surgery"), the others match whole values.
// Full text: words must all occur (stemmed: "injections" finds "injection"), a "quoted
// phrase" as a phrase; SQLite FTS5 (porter) and PostgreSQL (english) stem alike for common
// words but not identically.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sql.h"

namespace imr::corpus {

struct Filter {
  std::string text;         // full text over each item's request and rationale
  bool any_word = false;    // any of text's terms (ranked by relevance), not all of them
  std::string category;     // rule topic: "imaging_mri", "opioids"
  std::string body_region;  // "lumbar_spine", "knee", "multiple", "unspecified"
  std::string drug;         // a generic name ("tramadol") or a drug class ("opioid")
  std::string decision;     // "upheld" | "overturned"
  std::string specialty;    // part of the reviewer's first certification
  std::string guideline;    // a family ("MTUS", "ODG", "ACOEM", "OTHER") or part of a guideline's name
  std::string section;      // part of a cited section ("acupuncture", "opioids, criteria")
  std::string priority;     // "standard" | "expedited"
  std::string from, to;     // decision dates, ISO, inclusive
  std::optional<int> year;
  bool all_versions = false;  // include letters replaced by an amended version

  // True when only the fields the rollup keeps are constrained (none: statistics over the
  // whole current corpus come from corpus_rollup).
  bool unconstrained() const;
};

// A filter's SQL: a condition on corpus_items i (and, when `text` is given, the FTS5 table
// f joined on f.rowid = i.id for SQLite, corpus_item_texts t for PostgreSQL), with its
// parameters in order.
struct Where {
  std::string from;  // "corpus_items i", or with the full-text table joined
  std::string condition;
  std::vector<sql::Param> params;
};

// `text_as_subquery`: the full-text condition as "i.id IN (the matches)" on corpus_items i
// alone (for a plan that walks the items in another order and checks each).
Where build_where(const Filter& filter, sql::Dialect dialect, bool text_as_subquery = false);

// The user's words as a full-text query both dialects read alike: quoted terms ('"lumbar"
// "mri"'), joined by OR when any_word; the same text is FTS5 MATCH syntax and what
// PostgreSQL's websearch_to_tsquery reads. Throws InputError when no word is left.
std::string fts_query(std::string_view text, bool any_word = false);

// Checks a filter's values (decision, priority, dates); InputError naming the option otherwise.
void validate(const Filter& filter);

}  // namespace imr::corpus
