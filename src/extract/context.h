// What every detector sees of one sentence: its normalized text, negation scopes, drug
// mentions, dates with their roles, and how to turn a match into a Fact with evidence.
// Internal to src/extract.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "extract/dates.h"
#include "extract/drug_mentions.h"
#include "extract/fact.h"
#include "extract/negation.h"
#include "extract/sentences.h"

namespace imr::extract_detail {

class SentenceContext {
 public:
  SentenceContext(int record, std::string_view record_text, const Sentence& sentence,
                  const DrugTable& drugs);

  std::string_view norm() const { return sentence_.norm; }
  const std::vector<DrugMention>& drugs() const { return drugs_; }
  const DrugTable& table() const { return table_; }
  const std::vector<SentenceDate>& dates() const { return dates_; }
  const PolarityScopes& scopes() const { return scopes_; }
  std::optional<Date> narrative_date() const { return sentence_.date; }
  int record() const { return record_; }
  size_t sentence_start() const { return sentence_.start; }

  // A fact of `kind` for a concept written at [start, end) of norm(): polarity from the
  // scopes, date = narrative date in force, evidence = this sentence.
  Fact make(FactKind kind, size_t start, size_t end) const;

  // An explicit date in the same clause as [start, end) that is not a date of injury or
  // of surgery (unless `surgery`), nearest to it; else nullopt.
  std::optional<Date> date_near(size_t start, size_t end, bool surgery = false) const;

  // The clause around a position: bounded by ';', ':' and "but"/"however"/"although".
  // Boundaries are found once per sentence; each call is a binary search.
  Span clause(size_t pos) const;

  // Whether the sentence is an instruction or plan rather than an account ("Continue the home
  // exercise program.", "Plan: request physical therapy", "Will start TENS"): what it names
  // is to be done, not evidence that it was.
  bool instruction() const { return instruction_; }

  // The drug key when the sentence names exactly one drug (any number of times), else "".
  std::string single_drug_key() const;
  // Drugs named inside [start, end).
  std::vector<const DrugMention*> drugs_in(size_t start, size_t end) const;

 private:
  int record_;
  const DrugTable& table_;
  std::string_view raw_;
  const Sentence& sentence_;
  PolarityScopes scopes_;
  std::vector<DrugMention> drugs_;
  std::vector<SentenceDate> dates_;
  bool instruction_ = false;
  // Clause boundaries of norm(), found once: {position, length}, in text order.
  std::vector<std::pair<size_t, size_t>> bounds_;
};

}  // namespace imr::extract_detail
