// Measures over the request itself, as the parser read it once: a number it states (visits,
// quantity, visits a week, hours a week, spinal levels, ...) against the guideline's
// limits, whether it states something at all (a frequency, a body part, a duration), and
// the value of a field (the body region, a rental or a purchase, the dosage form).
#include <algorithm>

#include "assess/fact_query.h"
#include "assess/measures.h"
#include "core/text.h"

namespace imr {
namespace {

using S = CriterionState;

// A number the request states, by field name; nullopt when it does not state it.
std::optional<double> request_number_of(const ParsedRequest& r, const std::string& field) {
  if (field == "visits") return r.visits ? std::optional<double>(*r.visits) : std::nullopt;
  if (field == "quantity") return r.quantity ? std::optional<double>(*r.quantity) : std::nullopt;
  if (field == "per_week") return r.per_week;
  if (field == "weeks") return r.weeks ? std::optional<double>(*r.weeks) : std::nullopt;
  if (field == "hours_per_day") return r.hours_per_day;
  if (field == "hours_per_week")
    return r.hours_per_day && r.per_week ? std::optional<double>(*r.hours_per_day * *r.per_week) : std::nullopt;
  if (field == "duration_days") return r.duration_days ? std::optional<double>(*r.duration_days) : std::nullopt;
  if (field == "days_supply") return r.days_supply ? std::optional<double>(r.days_supply->max) : std::nullopt;
  if (field == "refills") return r.refills;
  if (field == "spinal_levels") return r.spinal_levels ? std::optional<double>(*r.spinal_levels) : std::nullopt;
  if (field == "units_per_day") return r.units_per_day ? std::optional<double>(r.units_per_day->max) : std::nullopt;
  return std::nullopt;
}

// A text field of the request, by name ("" when not stated).
std::string request_text_of(const ParsedRequest& r, const std::string& field) {
  if (field == "body_region") return r.region_named() ? r.body_region : "";
  if (field == "acquisition") return r.acquisition;
  if (field == "dosage_form") return !r.dosage_form.empty() ? r.dosage_form : r.drug ? r.drug->default_form : "";
  if (field == "route") return !r.route.empty() ? r.route : r.drug ? r.drug->default_route : "";
  if (field == "frequency") return r.frequency ? r.frequency->text : "";
  if (field == "service") return r.service;
  return "";
}

// The request's figure for args.field at least min and at most max. With
// args.add_certified, what UR already certified of the same item counts too (a modified
// request's remainder is judged with its certified part).
Finding request_number(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  out.evidence.push_back(request_evidence(ctx.request));
  const std::string& field = rule.args.codes("field").front();
  const auto min = rule.args.number_if("min");
  const auto max = rule.args.number_if("max");
  out.vars["limit"] = max ? format_number(*max) : format_number(min.value_or(0));
  std::optional<double> n = request_number_of(ctx.request, field);
  if (!n) {
    // "No level named" cannot exceed a limit on levels: args.unstated_meets.
    out.reason = rule.args.flag("unstated_meets") ? "unstated_within" : "unstated";
    out.state = rule.args.flag("unstated_meets") ? S::kMet : S::kNotDocumented;
    return out;
  }
  double total = *n;
  out.vars["value"] = format_number(*n);
  if (rule.args.flag("add_certified") && ctx.certified) {
    if (auto c = request_number_of(*ctx.certified, field)) total += *c;
  }
  out.vars["count"] = format_number(total);
  if (max && total > *max) {
    out.reason = "over";
    out.state = S::kNotMet;
  } else if (min && total < *min) {
    out.reason = "under";
    out.state = S::kNotMet;
  } else {
    out.reason = "within";
    out.state = S::kMet;
  }
  return out;
}

// The request states args.field (a frequency, a quantity, a body part, a duration).
Finding request_has(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  out.evidence.push_back(request_evidence(ctx.request));
  const std::string& field = rule.args.codes("field").front();
  std::string value = request_text_of(ctx.request, field);
  if (value.empty())
    if (auto n = request_number_of(ctx.request, field)) value = format_number(*n);
  if (value.empty()) {
    out.reason = "missing";
    out.state = S::kNotMet;
    return out;
  }
  out.vars["value"] = value;
  out.reason = "stated";
  out.state = S::kMet;
  return out;
}

// The request's args.field is one of args.any_of (args.absent: is none of them).
Finding request_value_in(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  out.evidence.push_back(request_evidence(ctx.request));
  const std::string& field = rule.args.codes("field").front();
  const std::string value = to_lower(request_text_of(ctx.request, field));
  if (value.empty()) {
    out.reason = "unstated";
    out.state = S::kNotDocumented;
    return out;
  }
  const auto any_of = rule.args.code_set("any_of");
  bool listed = any_of.count(value) > 0;
  if (field == "body_region") {
    // A request may name several regions ("lumbar spine and left knee"): any one counts.
    out.vars["value"] = ctx.request.body_region_label;
    for (const auto& id : ctx.request.body_regions) listed |= any_of.count(id) > 0;
  } else {
    out.vars["value"] = value;
  }
  out.reason = listed ? "listed" : "not_listed";
  out.state = listed != rule.args.flag("absent") ? S::kMet : S::kNotMet;
  return out;
}

const ArgSpec kNumberField{"field", ArgType::kCodes, true, "request_number_field", "the request's figure"};
const ArgSpec kTextField{"field", ArgType::kCodes, true, "request_text_field", "the request's field"};

}  // namespace

std::vector<MeasureContract> request_measures() {
  return {
      {"request_number", request_number,
       "the request's args.field (visits, quantity, per_week, hours_per_week, spinal_levels, ...) at least min "
       "and at most max; args.add_certified counts what UR certified of it",
       {kNumberField,
        {"min", ArgType::kNumber, false, "", "least"},
        {"max", ArgType::kNumber, false, "", "most"},
        {"add_certified", ArgType::kBoolean, false, "", "count the certified part of a modified request"},
        {"unstated_meets", ArgType::kBoolean, false, "", "a request that states no figure meets it"}},
       {{S::kMet, "within", {"value", "count", "limit"}},
        {S::kMet, "unstated_within", {"limit"}, "unstated_meets"},
        {S::kNotMet, "over", {"value", "count", "limit"}},
        {S::kNotMet, "under", {"value", "count", "limit"}},
        {S::kNotDocumented, "unstated", {"limit"}, "!unstated_meets"}},
       {}},
      {"request_has", request_has, "the request states args.field (frequency, quantity, body_region, duration_days, ...)",
       {{"field", ArgType::kCodes, true, "request_field", "the request's field"}},
       {{S::kMet, "stated", {"value"}}, {S::kNotMet, "missing", {}}},
       {}},
      {"request_value_in", request_value_in,
       "the request's args.field (body_region, acquisition, dosage_form, route, service) is one of args.any_of",
       {kTextField,
        {"any_of", ArgType::kCodes, true, "", "values that meet it"},
        {"absent", ArgType::kBoolean, false, "", "met when the value is none of them"}},
       {{S::kMet, "listed", {"value"}, "!absent"},
        {S::kNotMet, "listed", {"value"}, "absent"},
        {S::kMet, "not_listed", {"value"}, "absent"},
        {S::kNotMet, "not_listed", {"value"}, "!absent"},
        {S::kNotDocumented, "unstated", {}}},
       {}},
  };
}

}  // namespace imr
