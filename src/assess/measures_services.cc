// Measures for services: courses of therapy (visits against the guideline's numbers,
// gains from the sessions given), conservative care tried, injections' responses, device
// trials, repeat studies, loss of function.
//
// Each reads the parsed request and the record's facts and returns met / not met / not
// documented with its evidence and a reason code; the words are the pack's and
// data/measure_phrases.yaml's. Criteria a generic measure can express (a fact present, a
// diagnosis, a prior trial, a number in the request) use those instead.
#include <algorithm>
#include <cstdio>
#include <set>

#include "assess/fact_query.h"
#include "assess/measures.h"
#include "core/text.h"

namespace imr {
namespace {

using S = CriterionState;

std::string num(double v) { return format_number(v); }

const Fact* first_affirmed(const ItemContext& ctx, FactKind kind, const std::set<std::string>& subjects,
                           const std::set<std::string>& qualifiers = {}) {
  for (const Fact* f : facts_of(ctx, kind))
    if (f->polarity == Polarity::kAffirmed && in_or_any(subjects, f->subject) && in_or_any(qualifiers, f->qualifier))
      return f;
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
    if (f->polarity != Polarity::kAffirmed || !in_or_any(subjects, f->subject) || !f->value) continue;
    if (!best || *f->value > *best) {
      best = f->value;
      *which = f;
    }
  }
  return best;
}

// Visits requested, plus (args.count_completed, default true) those already given and
// (args.add_certified, default true) those UR certified of the same request, at most max —
// or the limit args.limits gives for a documented diagnosis ({crps: 24}).
// args.days_are_sessions: a program's days ("x 10 days") count as its sessions.
// args.tolerance: visits over the limit still accepted (a small overrun of the table).
Finding total_visits_at_most(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  out.evidence.push_back(request_evidence(ctx.request));
  double limit = rule.args.number("max");
  for (const auto& [code, n] : rule.args.code_numbers("limits"))
    if (has_diagnosis(ctx, code)) limit = n;
  out.vars["limit"] = num(limit);
  auto requested_of = [&](const ParsedRequest& r) -> std::optional<double> {
    if (r.visits) return *r.visits;
    if (rule.args.flag("days_are_sessions") && r.duration_days) return *r.duration_days;
    return std::nullopt;
  };
  const std::optional<double> requested = requested_of(ctx.request);
  if (!requested) {
    out.reason = "unstated";
    out.state = S::kNotDocumented;
    return out;
  }
  double total = *requested;
  double given = 0;
  if (rule.args.flag("count_completed", true)) {
    const Fact* which = nullptr;
    if (auto done = sessions_given(ctx, rule.args.code_set("subject"), &which)) {
      given = *done;
      out.evidence.push_back(which->evidence);
    }
  }
  double certified = 0;
  if (rule.args.flag("add_certified", true) && ctx.certified)
    if (auto c = requested_of(*ctx.certified)) certified = *c;
  // Sessions given may be the certified ones: count whichever is larger, not both.
  total += std::max(given, certified);
  out.vars["value"] = num(*requested);
  out.vars["count"] = num(total);
  out.vars["given"] = num(std::max(given, certified));
  const double tolerance = rule.args.number_if("tolerance").value_or(0);
  if (total <= limit) {
    out.reason = given + certified > 0 ? "within_with_given" : "within";
    out.state = S::kMet;
  } else if (total <= limit + tolerance) {
    out.reason = "slightly_over";
    out.state = S::kMet;
  } else {
    out.reason = given + certified > 0 ? "over_with_given" : "over";
    out.state = S::kNotMet;
  }
  return out;
}

// Gains from the sessions already given: a therapy fact reporting gains (objective, or with
// args.accept_reported a benefit the claimant reports), or an objective functional
// improvement in a record that reports the sessions.
Finding therapy_gains(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const auto subjects = rule.args.code_set("subject");
  std::set<std::string> good = {"helped"};
  if (rule.args.flag("accept_reported")) good.insert("reported_benefit");
  const Fact* helped = first_affirmed(ctx, FactKind::kTherapyCompleted, subjects, good);
  const Fact* none = first_affirmed(ctx, FactKind::kTherapyCompleted, subjects, {"no_benefit"});
  if (helped) {
    cite(out, *helped);
    out.vars["quote"] = helped->evidence.text;
    out.reason = "gains";
    out.state = S::kMet;
    return out;
  }
  if (none) {
    cite(out, *none);
    out.vars["quote"] = none->evidence.text;
    out.reason = "no_benefit";
    out.state = S::kNotMet;
    return out;
  }
  std::set<int> records;
  for (const Fact* f : facts_of(ctx, FactKind::kTherapyCompleted))
    if (f->polarity == Polarity::kAffirmed && in_or_any(subjects, f->subject)) records.insert(f->evidence.record);
  for (const Fact* f : facts_of(ctx, FactKind::kFunctionalImprovement)) {
    if (f->polarity != Polarity::kAffirmed || f->qualifier != "objective" || !records.count(f->evidence.record))
      continue;
    cite(out, *f);
    out.vars["quote"] = f->evidence.text;
    out.reason = "objective_gains";
    out.state = S::kMet;
    return out;
  }
  out.reason = records.empty() ? "sessions_not_described" : "no_gain_recorded";
  out.state = S::kNotDocumented;
  return out;
}

// Conservative care tried (args.any_of: therapies / drug classes; empty takes any) and not
// resolved: failed, not tolerated, or (args.ongoing_counts) under way with symptoms
// persisting. args.unless_red_flag: a red flag meets it on its own.
// The outcome `fact` decides: its sentence quoted, its subject named.
Finding decided_by(Finding& out, const Fact& fact, const char* reason, CriterionState state) {
  cite(out, fact);
  out.vars["quote"] = fact.evidence.text;
  out.vars["value"] = readable(fact.subject);
  out.reason = reason;
  out.state = state;
  return out;
}

Finding conservative_care_failed(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  if (rule.args.flag("unless_red_flag")) {
    if (const Fact* rf = first_affirmed(ctx, FactKind::kRedFlag, {})) {
      cite(out, *rf);
      out.vars["quote"] = rf->evidence.text;
      out.vars["value"] = readable(rf->subject);
      out.reason = "red_flag";
      out.state = S::kMet;
      return out;
    }
  }
  const auto any_of = rule.args.code_set("any_of");
  auto counts = [&](const Fact& f) { return in_or_any(any_of, f.subject) || in_or_any(any_of, class_of(f, ctx.drugs)); };
  for (const Fact* f : facts_of(ctx, FactKind::kPriorTrial)) {
    if (f->polarity == Polarity::kNegated || !counts(*f)) continue;
    if (f->qualifier == "failed" || f->qualifier == "not_tolerated") {
      return decided_by(out, *f, "failed", S::kMet);
    }
  }
  for (const Fact* f : facts_of(ctx, FactKind::kTherapyCompleted)) {
    if (f->polarity == Polarity::kAffirmed && f->qualifier == "no_benefit" && in_or_any(any_of, f->subject)) {
      return decided_by(out, *f, "failed", S::kMet);
    }
  }
  // Care that is helping is not a failure: the guideline waits for it.
  for (const Fact* f : facts_of(ctx, FactKind::kTherapyCompleted)) {
    if (f->polarity == Polarity::kAffirmed && (f->qualifier == "helped" || f->qualifier == "reported_benefit") &&
        in_or_any(any_of, f->subject)) {
      return decided_by(out, *f, "improving", S::kNotMet);
    }
  }
  if (rule.args.flag("ongoing_counts")) {
    // Care given (or under way) with the complaint persisting: what reviewers accept as
    // "not responding" once it has had some weeks.
    for (const Fact* f : facts_of(ctx, FactKind::kPriorTrial)) {
      if (f->polarity != Polarity::kAffirmed || !counts(*f)) continue;
      if (rule.args.has("kinds_of_care") && !rule.args.code_set("kinds_of_care").count(f->subject)) continue;
      return decided_by(out, *f, "tried", S::kMet);
    }
    for (const Fact* f : facts_of(ctx, FactKind::kTherapyCompleted)) {
      if (f->polarity != Polarity::kAffirmed || !in_or_any(any_of, f->subject)) continue;
      return decided_by(out, *f, "tried", S::kMet);
    }
  }
  out.reason = "none_failed";
  out.state = S::kNotDocumented;
  return out;
}

// The response to a previous injection of args.subject: at least min percent relief and,
// with args.min_days, lasting that long.
Finding injection_response_at_least(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const auto subjects = rule.args.code_set("subject");
  const double min = rule.args.number("min");
  const Fact* best = nullptr;
  for (const Fact* f : facts_of(ctx, FactKind::kInjectionResponse)) {
    if (!in_or_any(subjects, f->subject)) continue;
    if (!best || (f->value && (!best->value || *f->value > *best->value))) best = f;
  }
  out.vars["limit"] = num(min) + "%";
  if (!best) {
    out.reason = "not_described";
    out.state = S::kNotDocumented;
    return out;
  }
  cite(out, *best);
  if (best->qualifier == "no_benefit") {
    out.vars["value"] = best->value ? num(*best->value) + "%" : "no";
    out.reason = "no_benefit";
    out.state = S::kNotMet;
    return out;
  }
  if (!best->value) {
    out.reason = "unquantified";
    out.state = S::kNotDocumented;
    return out;
  }
  out.vars["value"] = num(*best->value) + "%";
  if (*best->value < min) {
    out.reason = "below";
    out.state = S::kNotMet;
    return out;
  }
  if (rule.args.has("min_days")) {
    const int min_days = rule.args.days("min_days");
    out.vars["min_days"] = describe_days(min_days);
    if (!best->duration_days) {
      out.reason = "duration_unstated";
      out.state = S::kNotDocumented;
      return out;
    }
    out.vars["days"] = describe_days(*best->duration_days);
    if (*best->duration_days < min_days) {
      out.reason = "too_short";
      out.state = S::kNotMet;
      return out;
    }
    out.reason = "lasting";
    out.state = S::kMet;
    return out;
  }
  out.reason = "enough";
  out.state = S::kMet;
  return out;
}

// A device purchase only after a successful home trial (args.subject: tens, h_wave); a
// rental or trial request meets it.
Finding purchase_after_trial(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const auto subjects = rule.args.code_set("subject");
  if (ctx.request.acquisition != "purchase") {
    out.evidence.push_back(request_evidence(ctx.request));
    out.reason = "not_a_purchase";
    out.state = S::kMet;
    return out;
  }
  for (const Fact* f : facts_of(ctx, FactKind::kDeviceTrial)) {
    if (!in_or_any(subjects, f->subject) || f->polarity != Polarity::kAffirmed) continue;
    cite(out, *f);
    if (f->qualifier == "helped") {
      out.reason = "trial_helped";
      out.state = S::kMet;
    } else if (f->qualifier == "no_benefit") {
      out.reason = "trial_failed";
      out.state = S::kNotMet;
    } else {
      out.reason = "trial_results_unstated";
      out.state = S::kNotDocumented;
    }
    return out;
  }
  out.reason = "no_trial";
  out.state = S::kNotDocumented;
  return out;
}

// A repeat study (args.subject: mri, ct, xray, emg_ncv) only for a significant change: a
// progressive deficit or a new red flag. No previous study of the region: met.
Finding repeat_study_change(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const auto subjects = rule.args.code_set("subject");
  const Fact* prior = nullptr;
  for (const Fact* f : facts_of(ctx, FactKind::kImagingFinding)) {
    if (!in_or_any(subjects, f->subject) || f->polarity != Polarity::kAffirmed) continue;
    if (!ctx.request.body_region.empty() && !f->region.empty() && f->region != ctx.request.body_region) continue;
    prior = f;
  }
  if (!prior) {
    out.evidence.push_back(request_evidence(ctx.request));
    out.reason = "no_prior_study";
    out.state = S::kMet;
    return out;
  }
  const Fact* change = first_affirmed(ctx, FactKind::kExamFinding, {}, {"progressive"});
  if (!change) change = first_affirmed(ctx, FactKind::kRedFlag, {});
  cite(out, *prior);
  out.vars["value"] = readable(prior->qualifier);
  out.vars["quote"] = prior->evidence.text;
  if (change) {
    out.evidence.push_back(change->evidence);
    out.vars["change"] = change->evidence.text;
    out.reason = "changed";
    out.state = S::kMet;
    return out;
  }
  if (prior->date) out.vars["date"] = prior->date->iso();
  out.reason = prior->date ? "no_change_since" : "no_change";
  out.state = S::kNotMet;
  return out;
}

// Loss of function: off work, on restrictions or homebound.
Finding activity_limited(const CriterionRule&, const ItemContext& ctx) {
  Finding out;
  for (const Fact* f : facts_of(ctx, FactKind::kWorkStatus)) {
    if (f->polarity != Polarity::kAffirmed) continue;
    cite(out, *f);
    out.vars["value"] = readable(f->qualifier);
    out.reason = f->qualifier == "full_duty" ? "full_duty" : "limited";
    out.state = f->qualifier == "full_duty" ? S::kNotMet : S::kMet;
    return out;
  }
  if (const Fact* hb = first_affirmed(ctx, FactKind::kHomebound, {})) {
    cite(out, *hb);
    out.vars["value"] = "homebound";
    out.reason = "limited";
    out.state = S::kMet;
    return out;
  }
  out.reason = "unknown";
  out.state = S::kNotDocumented;
  return out;
}

}  // namespace

std::vector<MeasureContract> service_measures() {
  return {
      {"total_visits_at_most", total_visits_at_most,
       "visits requested plus those given (args.subject) or certified, at most max; args.limits raises the limit "
       "for a diagnosis; args.tolerance accepts a small overrun",
       {{"max", ArgType::kNumber, true, "", "the guideline's number of visits"},
        {"subject", ArgType::kCodes, false, "therapy_completed.subject", "therapies whose sessions count"},
        {"limits", ArgType::kCodeNumbers, false, "diagnosis.subject", "a higher number for a diagnosis"},
        {"count_completed", ArgType::kBoolean, false, "", "count sessions already given (default true)"},
        {"add_certified", ArgType::kBoolean, false, "", "count what UR certified of the request (default true)"},
        {"days_are_sessions", ArgType::kBoolean, false, "", "a program's days count as its sessions"},
        {"tolerance", ArgType::kNumber, false, "", "visits over the limit still accepted", 0, 10}},
       {{S::kMet, "within", {"value", "count", "limit", "given"}},
        {S::kMet, "within_with_given", {"value", "count", "limit", "given"}},
        {S::kMet, "slightly_over", {"value", "count", "limit", "given"}},
        {S::kNotMet, "over", {"value", "count", "limit", "given"}},
        {S::kNotMet, "over_with_given", {"value", "count", "limit", "given"}},
        {S::kNotDocumented, "unstated", {"limit"}}},
       {FactKind::kTherapyCompleted, FactKind::kDiagnosis}},
      {"therapy_gains", therapy_gains, "functional gains from the sessions of args.subject already given",
       {{"subject", ArgType::kCodes, true, "therapy_completed.subject", "therapies"},
        {"accept_reported", ArgType::kBoolean, false, "", "a benefit the claimant reports counts"}},
       {{S::kMet, "gains", {"quote"}},
        {S::kMet, "objective_gains", {"quote"}},
        {S::kNotMet, "no_benefit", {"quote"}},
        {S::kNotDocumented, "sessions_not_described", {}},
        {S::kNotDocumented, "no_gain_recorded", {}}},
       {FactKind::kTherapyCompleted, FactKind::kFunctionalImprovement}},
      {"conservative_care_failed", conservative_care_failed,
       "conservative treatment (args.any_of) tried without resolving the complaint; args.unless_red_flag: a red flag "
       "suffices; args.ongoing_counts: care under way with the complaint persisting counts",
       {{"any_of", ArgType::kCodes, false, "prior_trial.subject", "treatments that count"},
        {"unless_red_flag", ArgType::kBoolean, false, "", "a red flag meets it"},
        {"ongoing_counts", ArgType::kBoolean, false, "", "care tried with the complaint persisting counts"},
        {"kinds_of_care", ArgType::kCodes, false, "prior_trial.subject", "with ongoing_counts: which care counts"}},
       {{S::kMet, "red_flag", {"value", "quote"}},
        {S::kMet, "failed", {"value", "quote"}},
        {S::kMet, "tried", {"value", "quote"}},
        {S::kNotMet, "improving", {"value", "quote"}},
        {S::kNotDocumented, "none_failed", {}}},
       {FactKind::kPriorTrial, FactKind::kTherapyCompleted, FactKind::kRedFlag}},
      {"injection_response_at_least", injection_response_at_least,
       "a previous injection of args.subject gave at least min % relief (lasting args.min_days)",
       {{"min", ArgType::kNumber, true, "", "percent relief", 0, 100},
        {"subject", ArgType::kCodes, true, "injection_response.subject", "injections"},
        {"min_days", ArgType::kDays, false, "", "how long the relief must last"}},
       {{S::kMet, "enough", {"value", "limit", "quote"}},
        {S::kMet, "lasting", {"value", "limit", "days", "min_days", "quote"}},
        {S::kNotMet, "no_benefit", {"value", "limit", "quote"}},
        {S::kNotMet, "below", {"value", "limit", "quote"}},
        {S::kNotMet, "too_short", {"value", "limit", "days", "min_days", "quote"}},
        {S::kNotDocumented, "not_described", {"limit"}},
        {S::kNotDocumented, "unquantified", {"limit", "quote"}},
        {S::kNotDocumented, "duration_unstated", {"value", "limit", "min_days", "quote"}}},
       {FactKind::kInjectionResponse}},
      {"purchase_after_trial", purchase_after_trial, "a device purchase only after a successful home trial of args.subject",
       {{"subject", ArgType::kCodes, true, "device_trial.subject", "devices"}},
       {{S::kMet, "not_a_purchase", {}},
        {S::kMet, "trial_helped", {"quote"}},
        {S::kNotMet, "trial_failed", {"quote"}},
        {S::kNotDocumented, "trial_results_unstated", {"quote"}},
        {S::kNotDocumented, "no_trial", {}}},
       {FactKind::kDeviceTrial}},
      {"repeat_study_change", repeat_study_change,
       "a repeat study only for a significant change since the previous one of the region",
       {{"subject", ArgType::kCodes, true, "imaging_finding.subject", "studies"}},
       {{S::kMet, "no_prior_study", {}},
        {S::kMet, "changed", {"value", "quote", "change"}},
        {S::kNotMet, "no_change", {"value", "quote"}},
        {S::kNotMet, "no_change_since", {"value", "quote", "date"}}},
       {FactKind::kImagingFinding, FactKind::kExamFinding, FactKind::kRedFlag}},
      {"activity_limited", activity_limited, "loss of function: off work, on restrictions or homebound", {},
       {{S::kMet, "limited", {"value", "quote"}}, {S::kNotMet, "full_duty", {"value", "quote"}}, {S::kNotDocumented, "unknown", {}}},
       {FactKind::kWorkStatus, FactKind::kHomebound}},
  };
}

}  // namespace imr
