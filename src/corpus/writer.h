// Writing letter records into the corpus tables (corpus/schema.h), in the caller's transaction.
//
// Idempotent by case number and content hash: a letter already stored is skipped. A letter
// with a known case number and new content (an amended letter) is stored beside the old one;
// the version with the later decision date is current (the later one written, when the dates
// are equal or unknown), and only current versions are searched and counted by default.
// The statistics rollups (corpus_rollup by one dimension, corpus_rollup_pairs by a filter
// dimension's value and a second dimension) are kept in step: changes are summed in memory
// while a batch is written and applied by flush(), which the caller runs before committing.
// flush() also indexes the batch's texts for full-text search (SQLite: one statement for
// the whole batch, as FTS5 writes its index once per statement).
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "corpus/record.h"
#include "store/sql.h"

namespace imr::corpus {

enum class WriteOutcome { added, amended, skipped };

class Writer {
 public:
  explicit Writer(sql::Session& session) : s_(session) {}
  // Stores one letter (its items, citations and full-text rows); `now` is the ISO timestamp
  // recorded as ingested_at.
  WriteOutcome write(const LetterRecord& letter, const std::string& now);
  // Applies the rollup changes summed since the last flush and indexes the texts written.
  void flush();

 private:
  struct Count {
    int64_t items = 0, overturned = 0;
  };
  void count_item(const ItemRecord& item, const LetterRecord& letter, int sign);
  void retire(int64_t letter_id);  // a version no longer current
  int64_t section_id(const CitationRecord& c);

  std::map<std::tuple<std::string, std::string, std::string>, int64_t> sections_;
  sql::Session& s_;
  int64_t first_unindexed_item_ = 0;  // SQLite: items written since the last flush start here
  std::map<std::pair<std::string, std::string>, Count> rollup_;
  // (filter dimension, its value, dimension, value) -> count
  std::map<std::tuple<std::string, std::string, std::string, std::string>, Count> pairs_;
};

// The dimensions statistics are kept for, and the value an item has in each (an item counts
// once per distinct guideline section its reviewer cited).
std::string section_label(const std::string& family, const std::string& section);
inline constexpr const char* kDimensions[] = {"category", "body_region", "drug_class", "specialty",
                                              "section", "year", "priority", "all"};
// The dimensions whose every value has its own rollup by each other dimension (the filters
// statistics most often use alone: a kind of request, a drug class, a year).
inline constexpr const char* kPairFilterDimensions[] = {"category", "drug_class", "year"};

// Each dimension's values for one item (one value each; any number of sections, "all" once;
// and its drug's generic name, "drug", which corpus_rollup keeps but the pairs do not).
std::vector<std::pair<std::string, std::string>> dimension_values(const ItemRecord& item, const std::string& specialty,
                                                                  int year, const std::string& priority);

}  // namespace imr::corpus
