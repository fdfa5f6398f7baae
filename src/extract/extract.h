// Fact extraction from free clinical text.
//
// Splits each record into sentences, keeps the "narrative date" in force (a record's own
// date, then "A progress note on 5/30/14 indicated ..." moves it), finds drugs through the
// drug table, and turns sentences into Facts with their evidence. Negation ("denied any
// side effects", "no documentation of", "without") and uncertainty ("unclear whether",
// "possible") are scoped to the clause they govern.
//
// Pure: no I/O, no global state; RE2 only (linear time); safe from many threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "extract/fact.h"
#include "extract/lexicon.h"
#include "intake/drug_table.h"

namespace imr {

struct RecordText {
  std::optional<Date> date;  // the record's date, when known
  std::string title;
  std::string text;
};

// Extracts facts from every record, in record order then text order. Deterministic. The
// lexicon adds the findings it names (data/lexicon); without one, only the built-in
// detectors run.
std::vector<Fact> extract_facts(const std::vector<RecordText>& records, const DrugTable& drugs,
                                const Lexicon& lexicon = empty_lexicon());

// Extracts facts from one record (index `record` is written into each Evidence).
std::vector<Fact> extract_record_facts(const RecordText& record, int record_index,
                                       const DrugTable& drugs, const Lexicon& lexicon = empty_lexicon());

}  // namespace imr
