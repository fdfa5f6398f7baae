// Measuring the engine against real reviewers: run it blind on each letter's case summary
// and disputed requests, then compare decisions and cited MTUS sections.
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
  std::string topic;                   // the engine's rule topic ("" = no rule)
  Decision reviewer = Decision::kUpheld;
  std::optional<Decision> engine;      // empty = no rule (routed to the reviewer)
  bool agree = false;
  std::vector<std::string> reviewer_mtus_sections;  // "Benzodiazepines p. 24"
  std::vector<std::string> engine_mtus_sections;
  std::optional<bool> citation_match;  // empty when the reviewer cited no MTUS section
};

struct EvalTotals {
  int items = 0;
  int decided = 0;   // items the engine decided (not "no rule")
  int no_rule = 0;
  int agree = 0;
  // confusion[reviewer][engine], index 0 = upheld, 1 = overturned (decided items only).
  int confusion[2][2] = {{0, 0}, {0, 0}};
  double agreement = 0;        // agree / decided
  std::optional<double> overturn_recall;  // engine overturned / reviewer overturned
  std::optional<double> kappa;            // Cohen's kappa over decided items
  int citation_checked = 0;
  int citation_agree = 0;
};

struct EvalReport {
  std::vector<EvalItem> items;
  EvalTotals totals;
  std::map<std::string, EvalTotals> by_topic;
};

// Compares one letter's items with the engine's review of it.
std::vector<EvalItem> compare_letter(const Letter& letter, const Review& review);

// Totals over items (overall or for one topic).
EvalTotals summarize(const std::vector<EvalItem>& items);
EvalReport make_report(std::vector<EvalItem> items);

// Whether two MTUS citations name the same guideline section: the same topic head word
// ("Opioids, Criteria for Use" ~ "opioids"), or overlapping pages ("82-92" ~ "88-89").
bool same_section(const Citation& reviewer, const EngineCitation& engine);

}  // namespace imr
