#include "render/review_json.h"

namespace imr {

using nlohmann::json;

json to_json(const Evidence& e) {
  return json{{"record", e.record}, {"start", e.start}, {"end", e.end}, {"text", e.text}};
}

std::string citation_text(const EngineCitation& c) {
  std::string s = c.non_mtus ? "Non-MTUS Citation " : "";
  s += c.document + ", " + c.section;
  if (!c.pages.empty()) s += ", Page(s): " + c.pages;
  return s;
}

namespace {

json citation_json(const EngineCitation& c) {
  return json{{"source", c.family},   {"document", c.document}, {"section", c.section},
              {"pages", c.pages},     {"non_mtus", c.non_mtus}, {"text", citation_text(c)}};
}

json fact_json(const Fact& f) {
  json j{{"kind", to_string(f.kind)}, {"polarity", to_string(f.polarity)},
         {"subject", f.subject},     {"qualifier", f.qualifier},
         {"evidence", to_json(f.evidence)}};
  if (f.value) j["value"] = *f.value;
  if (f.value_max) j["value_max"] = *f.value_max;
  if (f.date) j["date"] = f.date->iso();
  if (f.since) j["since"] = f.since->iso();
  if (f.duration_days) j["duration_days"] = *f.duration_days;
  if (!f.region.empty()) j["region"] = f.region;
  return j;
}

json item_json(const Determination& d) {
  json cites = json::array();
  for (const auto& c : d.citations) cites.push_back(citation_json(c));
  json ca = json::array();
  for (const auto& c : d.claims_administrator_citations)
    ca.push_back(json{{"source", c.source}, {"section", c.section}, {"pages", c.pages}, {"text", c.text}});
  json criteria = json::array();
  for (const auto& c : d.criteria) {
    json ev = json::array();
    for (const auto& e : c.evidence) ev.push_back(to_json(e));
    criteria.push_back(json{{"id", c.id},
                            {"title", c.title},
                            {"state", to_string(c.state)},
                            {"reason", c.reason},
                            {"role", to_string(c.role)},
                            {"group", c.group},
                            {"decisive", c.decisive},
                            {"decided", c.decided},
                            {"advisory", c.advisory},
                            {"citation", c.citation_id},
                            {"statement", c.statement},
                            {"looked_for", c.looked_for},
                            {"evidence", ev}});
  }
  json decided_by = json::array();
  for (const auto& c : d.criteria)
    if (c.decided) decided_by.push_back(c.id);
  json j{{"request", d.request},
         {"decided_by", decided_by},
         {"decision", d.decision ? json(to_string(*d.decision)) : json(nullptr)},
         {"status", d.no_rule ? "no_rule" : "drafted"},
         {"topic", d.topic},
         {"rule_pack", d.pack_id},
         {"rules_superseded", d.rules_superseded},
         {"continued_use", d.ongoing},
         {"citations", cites},
         {"claims_administrator_citations", ca},
         {"criteria", criteria},
         {"rationale", d.rationale},
         {"to_change_outcome", d.to_change_outcome},
         {"notes", d.notes}};
  if (!d.formulary_status.empty()) j["formulary_status"] = d.formulary_status;
  return j;
}

}  // namespace

json to_json(const Review& r, bool include_facts) {
  json items = json::array();
  for (const auto& d : r.items) items.push_back(item_json(d));
  json j{{"case_id", r.case_id},
         {"rules_version", r.rules_version},
         {"drugs_version", r.drugs_version},
         {"as_of", r.as_of ? json(r.as_of->iso()) : json(nullptr)},
         {"items", items}};
  if (include_facts) {
    json facts = json::array();
    for (const auto& f : r.facts) facts.push_back(fact_json(f));
    j["facts"] = facts;
  }
  return j;
}

}  // namespace imr
