#include "intake/request_json.h"

#include <cmath>

namespace imr {
namespace {

using nlohmann::json;

double round4(double v) { return std::round(v * 10000.0) / 10000.0; }

json range_json(const std::optional<Range>& r) {
  if (!r) return nullptr;
  return json{{"min", round4(r->min)}, {"max", round4(r->max)}};
}

template <typename T>
json optional_json(const std::optional<T>& v) {
  if (!v) return nullptr;
  if constexpr (std::is_floating_point_v<T>) return round4(*v);
  else return *v;
}

const char* kind_name(ParsedRequest::Kind k) {
  switch (k) {
    case ParsedRequest::Kind::kDrug: return "drug";
    case ParsedRequest::Kind::kService: return "service";
    case ParsedRequest::Kind::kUnknown: break;
  }
  return "unknown";
}

}  // namespace

json to_json(const ParsedRequest& r) {
  json j;
  j["text"] = r.text;
  j["kind"] = kind_name(r.kind);
  if (r.drug)
    j["drug"] = {{"key", r.drug->key},
                 {"generic", r.drug->generic},
                 {"class", r.drug->drug_class},
                 {"topic", r.drug->topic}};
  else
    j["drug"] = nullptr;
  j["name_as_written"] = r.name_as_written;
  j["brand"] = r.brand;
  j["ingredients"] = r.ingredients;
  j["strengths"] = json::array();
  for (const auto& s : r.strengths) j["strengths"].push_back({{"value", s.value}, {"unit", s.unit}});
  j["dosage_form"] = r.dosage_form;
  j["route"] = r.route;
  j["extended_release"] = r.extended_release;
  j["quantity"] = optional_json(r.quantity);
  j["refills"] = r.refills;
  j["units_per_dose"] = range_json(r.units_per_dose);
  if (r.frequency)
    j["frequency"] = {{"text", r.frequency->text},
                      {"code", r.frequency->code},
                      {"doses_per_day", range_json(r.frequency->doses_per_day)},
                      {"prn", r.frequency->prn}};
  else
    j["frequency"] = nullptr;
  j["frequency_given"] = r.frequency_given();
  j["duration_days"] = optional_json(r.duration_days);
  j["units_per_day"] = range_json(r.units_per_day);
  j["days_supply"] = range_json(r.days_supply);
  j["mme_per_day"] = range_json(r.mme_per_day);
  j["service"] = r.service;
  j["service_topic"] = r.service_topic;
  j["topic"] = r.topic();
  j["body_region"] = r.body_region;
  j["body_regions"] = r.body_regions;
  j["body_region_label"] = r.body_region_label;
  j["laterality"] = r.laterality;
  j["visits"] = optional_json(r.visits);
  j["per_week"] = optional_json(r.per_week);
  j["weeks"] = optional_json(r.weeks);
  j["hours_per_day"] = optional_json(r.hours_per_day);
  j["acquisition"] = r.acquisition;
  j["notes"] = r.notes;
  return j;
}

}  // namespace imr
