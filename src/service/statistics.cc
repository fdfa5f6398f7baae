#include "service/statistics.h"

#include <algorithm>

namespace imr {

using nlohmann::json;

CaseStatistics compute_statistics(const std::vector<CaseFile>& cases) {
  CaseStatistics s;
  for (const auto& c : cases) {
    ++s.cases;
    s.open_cases += c.open ? 1 : 0;
    s.expedited_cases += c.expedited ? 1 : 0;
    ++s.cases_by_status[to_string(c.status)];
    if (c.status == CaseStatus::kSigned) ++s.signed_cases;
    for (const auto& item : c.doc.items) {
      const bool drafted = c.doc.draft && std::count(c.doc.draft->item_ids.begin(), c.doc.draft->item_ids.end(), item.id);
      TopicStatistics& t = s.items_by_topic[drafted && !item.topic.empty() ? item.topic : "undrafted"];
      ++t.items;
      t.engine_upheld += item.engine_decision == Decision::kUpheld ? 1 : 0;
      t.engine_overturned += item.engine_decision == Decision::kOverturned ? 1 : 0;
      if (!item.decision) continue;
      ++t.decided;
      if (item.decision == Decision::kUpheld) ++t.upheld, ++s.upheld;
      if (item.decision == Decision::kOverturned) ++t.overturned, ++s.overturned;
      if (item.changed()) ++t.changed_from_draft, ++s.changed_from_draft;
    }
  }
  return s;
}

json to_json(const CaseStatistics& s) {
  json topics = json::object();
  for (const auto& [name, t] : s.items_by_topic)
    topics[name] = {{"items", t.items},           {"decided", t.decided},
                    {"upheld", t.upheld},         {"overturned", t.overturned},
                    {"changed_from_draft", t.changed_from_draft},
                    {"engine_upheld", t.engine_upheld}, {"engine_overturned", t.engine_overturned}};
  return {{"cases", s.cases},
          {"open_cases", s.open_cases},
          {"signed_cases", s.signed_cases},
          {"expedited_cases", s.expedited_cases},
          {"cases_by_status", s.cases_by_status},
          {"items_by_topic", topics},
          {"decisions", {{"upheld", s.upheld}, {"overturned", s.overturned}}},
          {"changed_from_draft", s.changed_from_draft}};
}

}  // namespace imr
