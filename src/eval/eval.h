// Measuring the engine against real reviewers: run it blind on each letter's case summary
// and disputed requests, then compare decisions and cited MTUS sections.
//
// Every figure is over ALL disputed items read from the letters. An item the engine did not
// decide ("no rule": routed to the reviewer) counts as not overturned, so sending a hard
// case to the reviewer never raises a score; coverage says how many were decided.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/citation.h"
#include "decide/determination.h"
#include "letters/letter.h"

namespace imr {

struct EvalItem {
  std::string file;
  std::string request;
  std::string category;                // the letter item's category (its request's topic)
  std::string body_region;             // the letter item's body region id
  std::string topic;                   // the engine's rule topic ("" = no rule)
  Decision reviewer = Decision::kUpheld;
  std::optional<Decision> engine;      // empty = no rule (routed to the reviewer)
  bool agree = false;                  // engine decided and agrees with the reviewer
  std::vector<std::string> decided_by;  // ids of the criteria that decided the draft
  std::vector<std::string> reviewer_mtus_sections;  // "Benzodiazepines p. 24"
  std::vector<std::string> engine_mtus_sections;
  std::optional<bool> citation_match;  // empty when the reviewer cited no MTUS section
  // The engine's answer as scored: an undecided item counts as upheld (not overturned).
  Decision scored() const { return engine.value_or(Decision::kUpheld); }
};

struct EvalTotals {
  int items = 0;
  int decided = 0;   // items the engine decided (not "no rule")
  int no_rule = 0;
  int agree = 0;     // over all items, undecided = upheld
  int agree_decided = 0;  // among decided items
  // confusion[reviewer][engine] over all items, index 0 = upheld, 1 = overturned; an
  // undecided item is in the engine-upheld column.
  int confusion[2][2] = {{0, 0}, {0, 0}};
  double coverage = 0;   // decided / items
  double agreement = 0;  // agree / items
  std::optional<double> overturn_recall;     // both overturned / reviewer overturned
  std::optional<double> overturn_precision;  // both overturned / engine overturned
  std::optional<double> kappa;               // Cohen's kappa over all items
  int citation_checked = 0;
  int citation_agree = 0;
  int reviewer_overturned() const { return confusion[1][0] + confusion[1][1]; }
  int engine_overturned() const { return confusion[0][1] + confusion[1][1]; }
};

struct EvalReport {
  std::vector<EvalItem> items;
  EvalTotals totals;
  std::map<std::string, EvalTotals> by_category;  // by the letter item's category
};

// Compares one letter's items with the engine's review of it. The letter's items carry
// their category and body region (classify_letter_items) when the caller filled them.
std::vector<EvalItem> compare_letter(const Letter& letter, const Review& review);

// Totals over items (overall or for one category).
EvalTotals summarize(const std::vector<EvalItem>& items);
EvalReport make_report(std::vector<EvalItem> items);

// Whether two MTUS citations name the same guideline section: the same topic head word
// ("Opioids, Criteria for Use" ~ "opioids"), or overlapping pages ("82-92" ~ "88-89").
bool same_section(const Citation& reviewer, const EngineCitation& engine);

}  // namespace imr
