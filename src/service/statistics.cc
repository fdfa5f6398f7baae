#include "service/statistics.h"

namespace imr {

using nlohmann::json;

namespace {

std::string text_at(const json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

CaseStatistics compute_statistics(const std::vector<CaseRow>& cases) {
  CaseStatistics s;
  for (const auto& row : cases) {
    ++s.cases;
    s.open_cases += row.open ? 1 : 0;
    s.expedited_cases += row.expedited ? 1 : 0;
    ++s.cases_by_status[row.status];
    if (row.status == "signed") ++s.signed_cases;
    const json doc = json::parse(row.document, nullptr, false);
    if (!doc.is_object() || !doc.contains("items") || !doc["items"].is_array()) continue;
    const json* drafted = nullptr;
    if (doc.contains("draft") && doc["draft"].is_object()) {
      const json& review = doc["draft"]["review"];
      if (review.is_object() && review.contains("items") && review["items"].is_array()) drafted = &review["items"];
    }
    const json& items = doc["items"];
    for (size_t i = 0; i < items.size(); ++i) {
      const json& item = items[i];
      std::string topic = drafted && i < drafted->size() ? text_at((*drafted)[i], "topic") : "";
      if (topic.empty()) topic = "undrafted";
      TopicStatistics& t = s.items_by_topic[topic];
      ++t.items;
      const std::string engine = text_at(item, "engine_decision");
      const std::string decision = text_at(item, "decision");
      t.engine_upheld += engine == "upheld" ? 1 : 0;
      t.engine_overturned += engine == "overturned" ? 1 : 0;
      if (decision.empty()) continue;
      ++t.decided;
      if (decision == "upheld") ++t.upheld, ++s.upheld;
      if (decision == "overturned") ++t.overturned, ++s.overturned;
      if (decision != engine) ++t.changed_from_draft, ++s.changed_from_draft;
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
