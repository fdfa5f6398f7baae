// Writing letter records into the corpus tables (corpus/schema.h), in the caller's transaction.
//
// Idempotent by case number and content hash: a letter already stored is skipped. A letter
// with a known case number and new content (an amended letter) is stored beside the old one;
// the version with the later decision date is current (the later one written, when the dates
// are equal or unknown), and only current versions are searched and counted by default.
// The statistics rollup (corpus_rollup) is kept in step: changes are summed in memory while a
// batch is written and applied by flush(), which the caller runs before committing.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <utility>

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
  // Applies the rollup changes summed since the last flush.
  void flush();

 private:
  struct Count {
    int64_t items = 0, overturned = 0;
  };
  void count(const std::string& dimension, const std::string& value, int sign, bool overturned);
  void count_item(const ItemRecord& item, const LetterRecord& letter, int sign);
  void retire(int64_t letter_id);  // a version no longer current
  int64_t section_id(const CitationRecord& c);

  std::map<std::tuple<std::string, std::string, std::string>, int64_t> sections_;
  sql::Session& s_;
  std::map<std::pair<std::string, std::string>, Count> rollup_;
};

// The dimensions statistics are kept for, and the value an item has in each (an item counts
// once per distinct guideline section its reviewer cited).
std::string section_label(const std::string& family, const std::string& section);
inline constexpr const char* kDimensions[] = {"category", "body_region", "drug_class", "specialty",
                                              "section", "year", "priority", "all"};

}  // namespace imr::corpus
