// Statistics over the store's cases for the administrator: cases by status; disputed items by
// guideline topic with their outcomes and how often reviewers changed the engine's draft (per
// topic: where the engine needs work); per reviewer, the signatures with the time on the case,
// the share of drafts accepted unchanged and the signatures made without opening any evidence;
// turnaround against the determination deadline. A pure function of the cases.
//
// The period (a date filter, both ends inclusive, either open): a case counts when it was
// received in the period (cases, statuses, topics); a signature when it was signed in it
// (reviewers, turnaround). Signatures made before the signature kept its review record (an
// older store) count as signed cases and nothing else.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "service/case_document.h"

namespace imr {

struct StatisticsPeriod {
  std::optional<Date> from, to;
  bool contains(const std::string& iso_date_or_time) const;
};

struct TopicStatistics {
  std::string label;           // the topic in words ("Opioids"); "No rule pack" for items none covers
  int items = 0;               // drafted items with this topic
  int decided = 0;             // of those, decided by the reviewer
  int upheld = 0;              // reviewer's decision
  int overturned = 0;
  int changed_from_draft = 0;  // decided differently from the engine's draft
  int engine_upheld = 0;       // the engine's draft decision
  int engine_overturned = 0;
};

struct ReviewerStatistics {
  int signed_cases = 0;
  int with_review_record = 0;       // signatures that kept their review record (the figures below)
  double median_active_minutes = 0;
  int accepted_unchanged = 0;       // drafts signed with nothing changed and no criterion disputed
  int no_evidence_opened = 0;       // signatures made without opening any evidence
  int items = 0;
  int items_changed = 0;
  int criteria_disagreed = 0;
  int on_time = 0;
  int late = 0;
  double median_turnaround_days = 0;  // from the records being complete to the signature
};

struct TurnaroundStatistics {
  int signed_cases = 0;
  int on_time = 0;
  int late = 0;
  double median_days = 0;
  double allowed_days = 0;  // the deadline the regulation sets (30, or 3 expedited)
};

// One signature with its review record (a row of the CSV export).
struct SignatureRow {
  std::string case_id;
  std::string reviewer_id;
  std::string received;
  std::string signed_at;
  bool expedited = false;
  std::string determination_due;
  bool on_time = true;
  double turnaround_days = 0;
  int64_t active_minutes = 0;
  int evidence_opened = 0;
  int items = 0;
  int items_changed = 0;
  int criteria_disagreed = 0;
  bool accepted_unchanged = false;
};

struct CaseStatistics {
  StatisticsPeriod period;
  int cases = 0;
  int open_cases = 0;
  int signed_cases = 0;
  int expedited_cases = 0;
  int no_reviewer_fits = 0;     // open cases waiting for an assignment by hand
  std::map<std::string, int> cases_by_status;
  std::map<std::string, TopicStatistics> items_by_topic;  // by topic code ("" = no rule pack)
  int items_not_drafted = 0;   // items of cases not drafted yet (no topic to count them under)
  int upheld = 0;              // reviewer decisions over all items
  int overturned = 0;
  int changed_from_draft = 0;
  std::map<std::string, ReviewerStatistics> reviewers;  // by reviewer id
  TurnaroundStatistics regular, expedited;
  std::vector<SignatureRow> signatures;  // in the period, by signing time
};

// `topic_label` names a topic code in words.
CaseStatistics compute_statistics(const std::vector<CaseFile>& cases, const StatisticsPeriod& period,
                                  const std::function<std::string(const std::string&)>& topic_label);
nlohmann::json to_json(const CaseStatistics& s);

// One table as CSV (RFC 4180, a header row): "reviewers", "topics" or "signatures".
// std::nullopt for another name.
std::optional<std::string> statistics_csv(const CaseStatistics& s, const std::string& table);

}  // namespace imr
