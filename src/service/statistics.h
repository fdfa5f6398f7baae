// Statistics over the store's cases for the administrator's dashboard: cases by status,
// disputed items by guideline topic with their outcomes, and how often reviewers changed the
// engine's draft (per topic: where the engine needs work). A pure function of the cases.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "service/case_document.h"

namespace imr {

struct TopicStatistics {
  int items = 0;               // disputed items with this topic in the engine's draft
  int decided = 0;             // of those, decided by the reviewer
  int upheld = 0;              // reviewer's decision
  int overturned = 0;
  int changed_from_draft = 0;  // decided differently from the engine's draft
  int engine_upheld = 0;       // the engine's draft decision
  int engine_overturned = 0;
};

struct CaseStatistics {
  int cases = 0;
  int open_cases = 0;
  int signed_cases = 0;
  int expedited_cases = 0;
  std::map<std::string, int> cases_by_status;
  std::map<std::string, TopicStatistics> items_by_topic;  // "undrafted" for items without a draft
  int upheld = 0;              // reviewer decisions over all items
  int overturned = 0;
  int changed_from_draft = 0;
};

CaseStatistics compute_statistics(const std::vector<CaseFile>& cases);
nlohmann::json to_json(const CaseStatistics& s);

}  // namespace imr
