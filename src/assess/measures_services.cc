// Measures for services: physical medicine, injections, imaging, devices, programs, home care.
//
// Each reads the parsed request and the record's facts and returns met / not met / not
// documented with its evidence, filling {detail} on every path (and {value}, {count},
// {limit}, {date} where the wording may use them). Criteria that a generic measure can
// express (a fact present, a diagnosis, a prior trial) use those instead.
#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <set>

#include "assess/fact_query.h"
#include "assess/measures.h"
#include "core/text.h"

namespace imr {
namespace {

std::string num(double v) { return format_number(v); }

// "physical_therapy" -> "physical therapy", for wording.
std::string readable(std::string s) {
  for (char& c : s)
    if (c == '_') c = ' ';
  return s;
}

bool in(const std::set<std::string>& s, const std::string& v) { return s.empty() || s.count(v); }

const Fact* first_affirmed(const ItemContext& ctx, FactKind kind, const std::set<std::string>& subjects,
                           const std::set<std::string>& qualifiers = {}) {
  for (const Fact* f : facts_of(ctx, kind))
    if (f->polarity == Polarity::kAffirmed && in(subjects, f->subject) && in(qualifiers, f->qualifier)) return f;
  return nullptr;
}

bool has_diagnosis(const ItemContext& ctx, const std::string& code) {
  for (const Fact* f : facts_of(ctx, FactKind::kDiagnosis))
    if (f->polarity == Polarity::kAffirmed && f->subject == code) return true;
  return false;
}

// Sessions already given of the therapies in `subjects` (the largest count stated).
std::optional<double> sessions_given(const ItemContext& ctx, const std::set<std::string>& subjects,
                                     const Fact** which) {
  std::optional<double> best;
  for (const Fact* f : facts_of(ctx, FactKind::kTherapyCompleted)) {
    if (f->polarity != Polarity::kAffirmed || !in(subjects, f->subject) || !f->value) continue;
    if (!best || *f->value > *best) {
      best = f->value;
      *which = f;
    }
  }
  return best;
}

// Visits requested, plus (args.count_completed, default true) those already given, at
// most max — or the limit args.limits gives for a documented diagnosis ("crps:24").
// args.days_are_sessions: a program's days ("x 10 days") count as its sessions.
Finding total_visits_at_most(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  out.evidence.push_back(request_evidence(ctx.request));
  double limit = *rule.max;
  std::string why;
  for (const auto& pair : list_arg(rule, "limits")) {
    const auto colon = pair.find(':');
    if (colon == std::string::npos) continue;
    const std::string code = pair.substr(0, colon);
    if (has_diagnosis(ctx, code)) {
      limit = std::stod(pair.substr(colon + 1));
      why = " for the documented " + readable(code);
    }
  }
  out.vars["limit"] = num(limit) + why;
  std::optional<double> requested;
  if (ctx.request.visits) requested = *ctx.request.visits;
  else if (arg_true(rule, "days_are_sessions") && ctx.request.duration_days) requested = *ctx.request.duration_days;
  if (!requested) {
    out.vars["detail"] = "the request does not say how many visits";
    out.vars["value"] = out.vars["count"] = "an unstated number of";
    return out;
  }
  double total = *requested;
  std::string detail = num(total) + " visits requested";
  auto it = rule.args.find("count_completed");
  if (it == rule.args.end() || it->second != "false") {
    const Fact* given = nullptr;
    if (auto done = sessions_given(ctx, list_arg(rule, "subject"), &given)) {
      total += *done;
      detail += " plus " + num(*done) + " already given";
      out.evidence.push_back(given->evidence);
    }
  }
  out.vars["count"] = num(total);
  out.vars["value"] = num(*requested);
  out.vars["detail"] = detail;
  out.state = total <= limit ? CriterionState::kMet : CriterionState::kNotMet;
  return out;
}

// Objective gains from the sessions already given: a therapy fact reporting gains, or an
// objective functional improvement in a record that reports the sessions.
Finding therapy_gains(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const auto subjects = list_arg(rule, "subject");
  const Fact* helped = first_affirmed(ctx, FactKind::kTherapyCompleted, subjects, {"helped"});
  const Fact* none = first_affirmed(ctx, FactKind::kTherapyCompleted, subjects, {"no_benefit"});
  if (helped) {
    cite(out, *helped);
    out.vars["detail"] = "gains reported with the sessions given";
    out.state = CriterionState::kMet;
    return out;
  }
  if (none) {
    cite(out, *none);
    out.vars["detail"] = "the record reports no benefit from the sessions given";
    out.state = CriterionState::kNotMet;
    return out;
  }
  std::set<int> records;
  for (const Fact* f : facts_of(ctx, FactKind::kTherapyCompleted))
    if (f->polarity == Polarity::kAffirmed && in(subjects, f->subject)) records.insert(f->evidence.record);
  for (const Fact* f : facts_of(ctx, FactKind::kFunctionalImprovement)) {
    if (f->polarity != Polarity::kAffirmed || f->qualifier != "objective" || !records.count(f->evidence.record))
      continue;
    cite(out, *f);
    out.vars["detail"] = "objective functional gains recorded with the sessions given";
    out.state = CriterionState::kMet;
    return out;
  }
  out.vars["detail"] = records.empty() ? "the sessions already given are not described"
                                       : "no objective functional gain from the sessions is recorded";
  return out;
}

// Conservative care tried and failed (args.any_of: therapies / drug classes; empty takes
// any). args.unless_red_flag: a red flag meets it on its own.
Finding conservative_care_failed(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  if (arg_true(rule, "unless_red_flag")) {
    if (const Fact* rf = first_affirmed(ctx, FactKind::kRedFlag, {})) {
      cite(out, *rf);
      out.vars["detail"] = "a red flag (" + readable(rf->subject) + ") is documented";
      out.vars["value"] = rf->subject;
      out.state = CriterionState::kMet;
      return out;
    }
  }
  const auto any_of = list_arg(rule, "any_of");
  for (const Fact* f : facts_of(ctx, FactKind::kPriorTrial)) {
    if (f->polarity == Polarity::kNegated || (!in(any_of, f->subject) && !in(any_of, class_of(*f, ctx.drugs))))
      continue;
    if (f->qualifier == "failed" || f->qualifier == "not_tolerated") {
      cite(out, *f);
      out.vars["value"] = f->subject;
      out.vars["detail"] = readable(f->subject) + " " + readable(f->qualifier);
      out.state = CriterionState::kMet;
      return out;
    }
  }
  for (const Fact* f : facts_of(ctx, FactKind::kTherapyCompleted)) {
    if (f->polarity == Polarity::kAffirmed && f->qualifier == "no_benefit" && in(any_of, f->subject)) {
      cite(out, *f);
      out.vars["value"] = f->subject;
      out.vars["detail"] = readable(f->subject) + " without benefit";
      out.state = CriterionState::kMet;
      return out;
    }
  }
  out.vars["detail"] = "no course of conservative treatment is documented as having failed";
  return out;
}

// Met when no affirmed fact of args.kind (subject / qualifier lists) is in the record;
// not met when one is. A negated mention ("no radicular signs") is cited when present.
Finding fact_absent(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const FactKind kind = *fact_kind_from_string(rule.args.at("kind"));
  const auto subjects = list_arg(rule, "subject");
  const auto qualifiers = list_arg(rule, "qualifier");
  const Fact* negated = nullptr;
  for (const Fact* f : facts_of(ctx, kind)) {
    if (!in(subjects, f->subject) || !in(qualifiers, f->qualifier)) continue;
    if (f->polarity == Polarity::kAffirmed) {
      cite(out, *f);
      out.vars["value"] = f->subject;
      out.vars["detail"] = "the record documents " + readable(f->subject);
      out.state = CriterionState::kNotMet;
      return out;
    }
    if (f->polarity == Polarity::kNegated && !negated) negated = f;
  }
  if (negated) cite(out, *negated);
  else out.evidence.push_back(request_evidence(ctx.request));
  out.vars["value"] = "none";
  out.vars["detail"] = negated ? "the record rules it out" : "nothing in the record suggests it";
  out.state = CriterionState::kMet;
  return out;
}

std::string check_kind(const CriterionRule& rule) {
  if (!fact_kind_from_string(rule.args.at("kind"))) return "unknown fact kind '" + rule.args.at("kind") + "'";
  return "";
}

// The response to a previous injection of args.subject: at least min percent relief and,
// with args.min_days, lasting that long.
Finding injection_response_at_least(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const auto subjects = list_arg(rule, "subject");
  const Fact* best = nullptr;
  for (const Fact* f : facts_of(ctx, FactKind::kInjectionResponse)) {
    if (!in(subjects, f->subject)) continue;
    if (!best || (f->value && (!best->value || *f->value > *best->value))) best = f;
  }
  out.vars["limit"] = num(*rule.min) + "%";
  if (!best) {
    out.vars["detail"] = "the response to the previous injection is not described";
    out.vars["value"] = "unstated";
    return out;
  }
  cite(out, *best);
  if (best->qualifier == "no_benefit") {
    out.vars["value"] = best->value ? num(*best->value) + "%" : "no";
    out.vars["detail"] = "the previous injection gave no lasting benefit";
    out.state = CriterionState::kNotMet;
    return out;
  }
  if (!best->value) {
    out.vars["value"] = "unquantified";
    out.vars["detail"] = "relief from the previous injection is not quantified";
    return out;
  }
  out.vars["value"] = num(*best->value) + "%";
  if (*best->value < *rule.min) {
    out.vars["detail"] = num(*best->value) + "% relief, below " + num(*rule.min) + "%";
    out.state = CriterionState::kNotMet;
    return out;
  }
  if (auto it = rule.args.find("min_days"); it != rule.args.end()) {
    const int min_days = std::stoi(it->second);
    if (!best->duration_days) {
      out.vars["detail"] = num(*best->value) + "% relief, but how long it lasted is not stated";
      return out;
    }
    out.vars["days"] = describe_days(*best->duration_days);
    if (*best->duration_days < min_days) {
      out.vars["detail"] = num(*best->value) + "% relief lasting " + describe_days(*best->duration_days) +
                           ", shorter than " + describe_days(min_days);
      out.state = CriterionState::kNotMet;
      return out;
    }
    out.vars["detail"] = num(*best->value) + "% relief lasting " + describe_days(*best->duration_days);
  } else {
    out.vars["detail"] = num(*best->value) + "% relief";
  }
  out.state = CriterionState::kMet;
  return out;
}

// A device purchase only after a successful home trial (args.subject: tens, h_wave);
// a rental or trial request meets it.
Finding purchase_after_trial(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const auto subjects = list_arg(rule, "subject");
  if (ctx.request.acquisition != "purchase") {
    out.evidence.push_back(request_evidence(ctx.request));
    out.vars["detail"] = "the request is for a trial or rental, not a purchase";
    out.state = CriterionState::kMet;
    return out;
  }
  for (const Fact* f : facts_of(ctx, FactKind::kDeviceTrial)) {
    if (!in(subjects, f->subject) || f->polarity != Polarity::kAffirmed) continue;
    cite(out, *f);
    if (f->qualifier == "helped") {
      out.vars["detail"] = "a home trial with documented benefit";
      out.state = CriterionState::kMet;
      return out;
    }
    if (f->qualifier == "no_benefit") {
      out.vars["detail"] = "the home trial gave no benefit";
      out.state = CriterionState::kNotMet;
      return out;
    }
    out.vars["detail"] = "a trial is mentioned but its results (use, pain relief, function) are not";
    return out;
  }
  out.vars["detail"] = "no home trial of the device is documented";
  return out;
}

// The request's body region in (or, with args.absent, not in) args.any_of.
Finding request_region(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  out.evidence.push_back(request_evidence(ctx.request));
  if (!ctx.request.region_named()) {
    out.vars["detail"] = "the request does not name a body region";
    out.vars["value"] = "an unstated region";
    return out;
  }
  out.vars["value"] = ctx.request.body_region_label;
  out.vars["detail"] = "the request is for the " + ctx.request.body_region_label;
  // Region ids (data/body_regions.yaml); any region the request names counts.
  const auto any_of = list_arg(rule, "any_of");
  const bool listed = std::any_of(ctx.request.body_regions.begin(), ctx.request.body_regions.end(),
                                  [&](const std::string& id) { return any_of.count(id) > 0; });
  out.state = listed != arg_true(rule, "absent") ? CriterionState::kMet : CriterionState::kNotMet;
  return out;
}

// Time since the injury at least min days (chronic pain of at least three months).
Finding injury_at_least_days(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  if (!ctx.kase.date_of_injury || !ctx.as_of) {
    out.vars["detail"] = "the date of injury is not given";
    out.vars["value"] = "an unknown time";
    return out;
  }
  const int days = ctx.as_of->first_day() - ctx.kase.date_of_injury->first_day();
  out.evidence.push_back(Evidence{-2, 0, 0, "Date of injury " + ctx.kase.date_of_injury->iso()});
  out.vars["date"] = ctx.kase.date_of_injury->iso();
  out.vars["value"] = describe_days(days);
  out.vars["days"] = std::to_string(days);
  out.vars["detail"] = "the injury was on " + ctx.kase.date_of_injury->iso() + ", " + describe_days(days) + " before";
  out.state = days >= *rule.min ? CriterionState::kMet : CriterionState::kNotMet;
  return out;
}

// Hours of care a week (hours a day x days a week from the request) at most max.
Finding hours_per_week_at_most(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  out.evidence.push_back(request_evidence(ctx.request));
  out.vars["limit"] = num(*rule.max);
  if (!ctx.request.hours_per_day || !ctx.request.per_week) {
    out.vars["detail"] = "the request does not state both hours a day and days a week";
    out.vars["value"] = "an unstated number of";
    return out;
  }
  const double hours = *ctx.request.hours_per_day * *ctx.request.per_week;
  out.vars["value"] = num(hours);
  out.vars["count"] = num(hours);
  out.vars["detail"] = num(*ctx.request.hours_per_day) + " hours a day, " + num(*ctx.request.per_week) +
                       " days a week = " + num(hours) + " hours a week";
  out.state = hours <= *rule.max ? CriterionState::kMet : CriterionState::kNotMet;
  return out;
}

// Visits a week at most max.
Finding per_week_at_most(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  out.evidence.push_back(request_evidence(ctx.request));
  out.vars["limit"] = num(*rule.max);
  if (!ctx.request.per_week) {
    out.vars["detail"] = "the request does not state a weekly frequency";
    out.vars["value"] = "unstated";
    return out;
  }
  out.vars["value"] = num(*ctx.request.per_week);
  out.vars["detail"] = num(*ctx.request.per_week) + " a week";
  out.state = *ctx.request.per_week <= *rule.max ? CriterionState::kMet : CriterionState::kNotMet;
  return out;
}

// Spinal levels named in the request ("L4-5 and L5-S1") at most max; one for an
// interlaminar injection (args.interlaminar_max). No level named: met, said so.
Finding injection_levels_at_most(const CriterionRule& rule, const ItemContext& ctx) {
  static const RE2 level(R"((?i)\b([CTLS]\d{1,2})\s*-\s*([CTLS]?\d{1,2})\b)");
  static const RE2 count(R"((?i)\b(two|three|four|2|3|4)[- ]levels?\b)");
  Finding out;
  out.evidence.push_back(request_evidence(ctx.request));
  double limit = *rule.max;
  const std::string lower = to_lower(ctx.request.text);
  if (auto it = rule.args.find("interlaminar_max");
      it != rule.args.end() && lower.find("interlaminar") != std::string::npos)
    limit = std::stod(it->second);
  out.vars["limit"] = num(limit);
  re2::StringPiece input(ctx.request.text);
  std::string a, b;
  int levels = 0;
  while (levels < 10 && RE2::FindAndConsume(&input, level, &a, &b)) ++levels;
  std::string word;
  if (RE2::PartialMatch(ctx.request.text, count, &word)) {
    const int n = word == "two" || word == "2" ? 2 : word == "three" || word == "3" ? 3 : 4;
    levels = std::max(levels, n);
  }
  if (levels == 0) {
    out.vars["value"] = "no";
    out.vars["detail"] = "the request names no spinal level, so it does not exceed " + num(limit);
    out.state = CriterionState::kMet;
    return out;
  }
  out.vars["value"] = std::to_string(levels);
  out.vars["count"] = std::to_string(levels);
  out.vars["detail"] = std::to_string(levels) + (levels == 1 ? " level" : " levels") + " requested";
  out.state = levels <= limit ? CriterionState::kMet : CriterionState::kNotMet;
  return out;
}

const std::set<std::string>& neuro_signs() {
  static const std::set<std::string> s = {"dermatomal_sensory_loss", "weakness", "reflex_change", "positive_slr",
                                          "foot_drop"};
  return s;
}

// Imaging indicated: a red flag, or objective neurological findings on examination.
Finding imaging_indication(const CriterionRule&, const ItemContext& ctx) {
  Finding out;
  if (const Fact* rf = first_affirmed(ctx, FactKind::kRedFlag, {})) {
    cite(out, *rf);
    out.vars["value"] = rf->subject;
    out.vars["detail"] = "a red flag (" + readable(rf->subject) + ")";
    out.state = CriterionState::kMet;
    return out;
  }
  if (const Fact* sign = first_affirmed(ctx, FactKind::kExamFinding, neuro_signs())) {
    cite(out, *sign);
    out.vars["value"] = sign->subject;
    out.vars["detail"] = "objective neurological findings (" + readable(sign->subject) + ")";
    out.state = CriterionState::kMet;
    return out;
  }
  for (const Fact* f : facts_of(ctx, FactKind::kExamFinding)) {
    if (f->polarity == Polarity::kNegated && neuro_signs().count(f->subject)) {
      cite(out, *f);
      out.vars["value"] = "none";
      out.vars["detail"] = "the examination found no neurological deficit";
      out.state = CriterionState::kNotMet;
      return out;
    }
  }
  out.vars["value"] = "none";
  out.vars["detail"] = "neither a red flag nor an objective neurological finding is documented";
  return out;
}

// A repeat study (args.subject: mri, emg_ncv, ...) only for a significant change: a
// progressive deficit or new red flag. No previous study of the region: met.
Finding repeat_study_change(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const auto subjects = list_arg(rule, "subject");
  const Fact* prior = nullptr;
  for (const Fact* f : facts_of(ctx, FactKind::kImagingFinding)) {
    if (!in(subjects, f->subject)) continue;
    const auto& named = ctx.request.body_regions;
    if (!named.empty() && !f->region.empty() && std::find(named.begin(), named.end(), f->region) == named.end())
      continue;
    prior = f;
  }
  if (!prior) {
    out.evidence.push_back(request_evidence(ctx.request));
    out.vars["value"] = "none";
    out.vars["detail"] = "no previous study of this region is documented";
    out.state = CriterionState::kMet;
    return out;
  }
  const Fact* change = first_affirmed(ctx, FactKind::kExamFinding, {}, {"progressive"});
  if (!change) change = first_affirmed(ctx, FactKind::kRedFlag, {});
  out.evidence.push_back(prior->evidence);
  if (prior->date) out.vars["date"] = prior->date->iso();
  out.vars["value"] = prior->qualifier;
  if (change) {
    out.evidence.push_back(change->evidence);
    out.vars["quote"] = change->evidence.text;
    out.vars["detail"] = "a significant change since the previous study (" + readable(change->subject) + ")";
    out.state = CriterionState::kMet;
    return out;
  }
  out.vars["detail"] = "a previous study" + (prior->date ? " (" + prior->date->iso() + ")" : std::string()) +
                       " and no significant change in symptoms or findings since";
  out.state = CriterionState::kNotMet;
  return out;
}

// Loss of function: off work, on restrictions or homebound.
Finding activity_limited(const CriterionRule&, const ItemContext& ctx) {
  Finding out;
  for (const Fact* f : facts_of(ctx, FactKind::kWorkStatus)) {
    if (f->polarity != Polarity::kAffirmed) continue;
    cite(out, *f);
    out.vars["value"] = f->qualifier;
    if (f->qualifier == "full_duty") {
      out.vars["detail"] = "the claimant works full duty";
      out.state = CriterionState::kNotMet;
    } else {
      out.vars["detail"] = "work status: " + readable(f->qualifier);
      out.state = CriterionState::kMet;
    }
    return out;
  }
  if (const Fact* hb = first_affirmed(ctx, FactKind::kHomebound, {})) {
    cite(out, *hb);
    out.vars["value"] = "homebound";
    out.vars["detail"] = "homebound";
    out.state = CriterionState::kMet;
    return out;
  }
  out.vars["value"] = "unknown";
  out.vars["detail"] = "the record does not describe the claimant's work status or limits";
  return out;
}

// A documented condition under active care (a diagnosis, or current medication).
Finding clinical_need(const CriterionRule&, const ItemContext& ctx) {
  Finding out;
  for (const Fact* f : facts_of(ctx, FactKind::kDiagnosis)) {
    if (f->polarity != Polarity::kAffirmed) continue;
    cite(out, *f);
    out.vars["value"] = f->subject;
    out.vars["detail"] = "a documented condition (" + readable(f->subject) + ")";
    out.state = CriterionState::kMet;
    return out;
  }
  out.vars["value"] = "none";
  out.vars["detail"] = "no diagnosis or condition under treatment is documented";
  return out;
}

}  // namespace

std::vector<MeasureSpec> service_measures() {
  return {
      {"total_visits_at_most", total_visits_at_most, false, true, {},
       "visits requested plus those given (args.subject; args.count_completed) at most max; args.limits "
       "'code:N' raises the limit for a diagnosis; args.days_are_sessions counts program days"},
      {"therapy_gains", therapy_gains, false, false, {"subject"},
       "objective functional gains from the sessions of args.subject already given"},
      {"conservative_care_failed", conservative_care_failed, false, false, {},
       "conservative treatment (args.any_of) tried and failed; args.unless_red_flag: a red flag suffices"},
      {"fact_absent", fact_absent, false, false, {"kind"},
       "no affirmed fact of args.kind (subject / qualifier lists) in the record", check_kind},
      {"injection_response_at_least", injection_response_at_least, true, false, {"subject"},
       "a previous injection of args.subject gave at least min % relief (lasting args.min_days)"},
      {"purchase_after_trial", purchase_after_trial, false, false, {"subject"},
       "a device purchase only after a successful home trial of args.subject"},
      {"request_region", request_region, false, false, {"any_of"},
       "the request's body region in args.any_of (args.absent: true wants it not)"},
      {"injury_at_least_days", injury_at_least_days, true, false, {}, "the injury at least min days before"},
      {"hours_per_week_at_most", hours_per_week_at_most, false, true, {},
       "hours a day x days a week in the request at most max"},
      {"per_week_at_most", per_week_at_most, false, true, {}, "visits a week in the request at most max"},
      {"injection_levels_at_most", injection_levels_at_most, false, true, {},
       "spinal levels named in the request at most max (args.interlaminar_max for interlaminar)"},
      {"imaging_indication", imaging_indication, false, false, {},
       "a red flag or objective neurological findings on examination"},
      {"repeat_study_change", repeat_study_change, false, false, {"subject"},
       "a repeat study only for a significant change since the previous one of the region"},
      {"activity_limited", activity_limited, false, false, {},
       "loss of function: off work, on restrictions or homebound"},
      {"clinical_need", clinical_need, false, false, {}, "a documented condition under active care"},
  };
}

}  // namespace imr
