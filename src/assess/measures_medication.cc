// Measures over medication facts: course length, analgesia, function, monitoring, dose.
// Each returns a reason code with its state; the words are data (measure_phrases.yaml).
#include "assess/measures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "assess/fact_query.h"
#include "core/text.h"

namespace imr {
namespace {

std::string num(double v) { return format_number(v); }

std::string range_text(const Range& r) {
  return r.min == r.max ? num(r.min) : num(r.min) + "-" + num(r.max);
}

using S = CriterionState;

Finding with(CriterionState s, const char* reason) {
  Finding f;
  f.state = s;
  f.reason = reason;
  return f;
}

std::string request_class(const ItemContext& ctx) {
  return ctx.request.drug ? ctx.request.drug->drug_class : std::string();
}

bool mentions_refill(const ParsedRequest& r) { return r.has_flag("continuation"); }

// --- course length -------------------------------------------------------------------

// How long the request's drug class has been in use before the request, as a documented
// lower bound, and the facts that show it.
struct PriorUse {
  std::optional<int> days;         // documented minimum length of prior use
  std::vector<const Fact*> facts;  // every use fact seen
  // The earliest start the record states ("since April 2015", or a stated length of use
  // counted back from its date) — never merely the date of a note that shows the drug in use.
  std::optional<Date> since;
  // Whether the record says when use began ("since April 2015", "started two weeks ago"),
  // rather than only showing it in use on some dates; only then is `days` the length of
  // the course and not just a lower bound of it.
  bool start_known = false;
};

PriorUse prior_use(const ItemContext& ctx, const std::string& drug_class) {
  PriorUse out;
  out.facts = medication_use(ctx, drug_class, ctx.request.drug ? ctx.request.drug->key : "");
  const std::optional<int> ref = reference_day(ctx);
  std::optional<int> earliest_start;
  std::optional<int> latest_use;
  for (const Fact* f : out.facts) {
    if (f->duration_days && *f->duration_days > 0)
      out.days = std::max(out.days.value_or(0), *f->duration_days);
    // value == 1 marks a lower bound ("since at least", "in excess of").
    if ((f->since || f->duration_days) && f->value.value_or(0) != 1) out.start_known = true;
    std::optional<Date> stated_start = f->since;
    if (!stated_start && f->date && f->duration_days && *f->duration_days > 0)
      stated_start = civil_from_days(f->date->first_day() - *f->duration_days);
    if (stated_start && (!out.since || stated_start->last_day() < out.since->last_day())) out.since = stated_start;
    if (stated_start) {
      const int start = stated_start->last_day();
      if (!earliest_start || start < *earliest_start) earliest_start = start;
    }
    if (f->date) {
      // A dated mention of use is a start no later than that date (but not a start date).
      const int d = f->date->last_day();
      if (!earliest_start || d < *earliest_start) earliest_start = d;
      latest_use = std::max(latest_use.value_or(d), d);
    }
  }
  if (earliest_start) {
    const int end = std::max(ref.value_or(*earliest_start), latest_use.value_or(*earliest_start));
    const int span = end - *earliest_start;
    // One dated mention at the reference date shows use, not its length.
    if (span > 0) out.days = std::max(out.days.value_or(0), span);
  }
  return out;
}

Finding course_length(const CriterionRule& rule, const ItemContext& ctx) {
  const bool by_drug = rule.args.codes("scope") == std::vector<std::string>{"drug"};
  const std::string cls = by_drug ? "" : request_class(ctx);
  const PriorUse prior = prior_use(ctx, cls);
  const double limit = rule.args.days("max");
  Finding out;
  out.vars["limit"] = describe_days(static_cast<int>(limit));
  for (const Fact* f : prior.facts) cite(out, *f);
  // Refills extend the course: each is another supply of the same size.
  std::optional<Range> supply = ctx.request.days_supply;
  if (supply && ctx.request.refills > 0) {
    supply->min *= 1 + ctx.request.refills;
    supply->max *= 1 + ctx.request.refills;
  }

  if (prior.days) {
    const int least = *prior.days + (supply ? static_cast<int>(std::floor(supply->min)) : 0);
    out.vars["days"] = std::to_string(least);
    out.vars["value"] = describe_days(*prior.days) + (prior.since ? " (since " + prior.since->iso() + ")" : "");
    if (least > limit) {
      out.reason = "too_long";
      out.state = CriterionState::kNotMet;
      return out;
    }
    // Within the limit so far: a short course only when the start is known and the whole
    // supply, refills included, still fits.
    // A request that states no quantity adds no supply to judge.
    const bool no_quantity = !ctx.request.quantity && !supply;
    if (prior.start_known && ((supply && *prior.days + supply->max <= limit) || no_quantity)) {
      out.reason = "short_course";
      out.state = CriterionState::kMet;
      return out;
    }
    out.reason = prior.start_known ? "in_use_supply_unknown" : "in_use_start_unknown";
    out.state = CriterionState::kNotDocumented;
    return out;
  }
  if (supply && supply->min > limit) {
    // The quantity asked for alone outlasts the limit at the stated frequency.
    out.vars["days"] = num(std::floor(supply->min));
    out.vars["value"] = describe_days(static_cast<int>(supply->min)) + " of supply in this request alone";
    out.evidence.push_back(request_evidence(ctx.request));
    out.reason = "supply_too_long";
    out.state = CriterionState::kNotMet;
    return out;
  }
  const bool ongoing = !prior.facts.empty() || mentions_refill(ctx.request);
  if (!ongoing && supply) {
    out.vars["days"] = num(std::floor(supply->max));
    out.vars["value"] = "a new course of " + describe_days(static_cast<int>(supply->max));
    out.evidence.push_back(request_evidence(ctx.request));
    out.reason = supply->max <= limit ? "new_short_course" : "new_course_too_long";
    out.state = supply->max <= limit ? CriterionState::kMet : CriterionState::kNotMet;
    return out;
  }
  if (mentions_refill(ctx.request)) out.evidence.push_back(request_evidence(ctx.request));
  out.reason = ongoing ? "continuing_start_unknown" : "no_frequency";
  out.state = CriterionState::kNotDocumented;
  return out;
}

// --- analgesia -----------------------------------------------------------------------

bool about_request_drug(const Fact& f, const ItemContext& ctx) {
  if (f.subject.empty() || f.subject == "medications" || f.subject == "medication") return true;
  if (!ctx.request.drug) return false;
  if (f.subject == ctx.request.drug->key) return true;
  return class_of(f, ctx.drugs) == ctx.request.drug->drug_class;
}

Finding pain_relief_quantified(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const auto min = rule.args.number_if("min");
  const Fact* asserted = nullptr;
  const Fact* negated = nullptr;
  for (const Fact* f : facts_of(ctx, FactKind::kPainRelief)) {
    if (!about_request_drug(*f, ctx)) continue;
    if (f->polarity == Polarity::kNegated) negated = f;
    else if (f->polarity == Polarity::kAffirmed && f->qualifier == "quantified") {
      if (min && f->value && *f->value < *min) continue;
      cite(out, *f);
      out.vars["value"] = f->value ? num(*f->value) + "%" : collapse_whitespace(f->evidence.text);
      out.reason = "quantified";
      out.state = S::kMet;
      return out;
    } else if (f->polarity == Polarity::kAffirmed) {
      asserted = f;
    }
  }
  // Scores with and without medication in the same record quantify relief.
  const Fact* with_med = nullptr;
  const Fact* without_med = nullptr;
  for (const Fact* f : facts_of(ctx, FactKind::kPainScore)) {
    if (f->qualifier == "with_medication") with_med = f;
    if (f->qualifier == "without_medication") without_med = f;
  }
  if (with_med && without_med && with_med->value && without_med->value && *without_med->value > 0) {
    const double relief = (*without_med->value - *with_med->value) / *without_med->value * 100.0;
    cite(out, *with_med);
    cite(out, *without_med);
    out.vars["value"] = num(std::round(relief)) + "% (" + num(*without_med->value) + "/10 without, " +
                        num(*with_med->value) + "/10 with medication)";
    const bool enough = relief >= min.value_or(1);
    out.reason = enough ? "scores_show_relief" : "scores_show_no_relief";
    out.state = enough ? S::kMet : S::kNotMet;
    return out;
  }
  if (negated) {
    cite(out, *negated);
    out.reason = "no_relief";
    out.state = S::kNotMet;
    return out;
  }
  // Pain that stays as high across visits on the medication shows no relief.
  std::vector<const Fact*> scores;
  for (const Fact* f : facts_of(ctx, FactKind::kPainScore))
    if (f->date && f->value && (f->qualifier == "current" || f->qualifier == "average" || f->qualifier.empty()))
      scores.push_back(f);
  std::stable_sort(scores.begin(), scores.end(), [](const Fact* a, const Fact* b) {
    return a->date->first_day() < b->date->first_day();
  });
  if (scores.size() >= 2 && scores.front()->date->first_day() < scores.back()->date->first_day() &&
      *scores.back()->value >= *scores.front()->value && *scores.back()->value >= 5) {
    cite(out, *scores.front());
    cite(out, *scores.back());
    out.vars["value"] = num(*scores.front()->value) + "/10 on " + scores.front()->date->iso() + " and " +
                        num(*scores.back()->value) + "/10 on " + scores.back()->date->iso();
    out.reason = "pain_unchanged";
    out.state = S::kNotMet;
    return out;
  }
  if (asserted) {
    cite(out, *asserted);
    out.reason = "asserted_only";
  } else if (!scores.empty()) {
    cite(out, *scores.back());
    out.vars["value"] = num(*scores.back()->value) + "/10";
    out.vars["date"] = scores.back()->date->iso();
    out.reason = "score_without_comparison";
  } else {
    out.reason = "no_scores";
  }
  out.state = S::kNotDocumented;
  return out;
}

// --- function ------------------------------------------------------------------------

Finding functional_improvement_objective(const CriterionRule&, const ItemContext& ctx) {
  Finding out;
  const Fact* asserted = nullptr;
  const Fact* negated = nullptr;
  const Fact* reported = nullptr;
  for (const Fact* f : facts_of(ctx, FactKind::kFunctionalImprovement)) {
    if (f->polarity == Polarity::kNegated) negated = f;
    else if (f->polarity == Polarity::kAffirmed && f->qualifier == "reported" && !reported) reported = f;
    else if (f->polarity == Polarity::kAffirmed && f->qualifier == "objective") {
      cite(out, *f);
      std::string quote = collapse_whitespace(f->evidence.text);
      while (!quote.empty() && (quote.back() == '.' || quote.back() == ' ')) quote.pop_back();
      out.vars["value"] = quote;
      out.reason = "measured";
      out.state = S::kMet;
      return out;
    } else if (f->polarity == Polarity::kAffirmed) {
      asserted = f;
    }
  }
  for (const Fact* f : facts_of(ctx, FactKind::kWorkStatus)) {
    if (f->polarity == Polarity::kAffirmed && (f->qualifier == "full_duty" || f->qualifier == "modified_duty")) {
      cite(out, *f);
      out.vars["value"] = f->qualifier == "full_duty" ? "a return to full duty" : "work on modified duty";
      out.reason = "working";
      out.state = S::kMet;
      return out;
    }
  }
  if (negated) {
    cite(out, *negated);
    out.reason = "no_improvement";
    out.state = S::kNotMet;
    return out;
  }
  if (reported) {
    cite(out, *reported);
    out.reason = "reported_only";
  } else {
    if (asserted) cite(out, *asserted);
    out.reason = asserted ? "asserted_only" : "no_measure";
  }
  out.state = S::kNotDocumented;
  return out;
}

// --- monitoring ----------------------------------------------------------------------

Finding side_effects_documented(const CriterionRule&, const ItemContext& ctx) {
  Finding out;
  std::vector<std::string> effects;
  for (const Fact* f : facts_of(ctx, FactKind::kSideEffects)) {
    cite(out, *f);
    if (f->polarity == Polarity::kAffirmed && !f->subject.empty() && f->qualifier != "assessed")
      effects.push_back(readable(f->subject));
    if (f->qualifier == "intolerable") {
      out.reason = "intolerable";
      out.state = S::kNotMet;
      return out;
    }
  }
  if (out.evidence.empty()) return with(S::kNotDocumented, "not_asked");
  out.vars["value"] = effects.empty() ? "no adverse effects reported" : "reported " + join(effects, ", ");
  out.reason = "reviewed";
  out.state = S::kMet;
  return out;
}

Finding aberrant_behavior_absent(const CriterionRule&, const ItemContext& ctx) {
  Finding out;
  for (const Fact* f : facts_of(ctx, FactKind::kDrugScreen)) {
    if (f->polarity == Polarity::kAffirmed && f->qualifier == "inconsistent") {
      cite(out, *f);
      out.vars["quote"] = f->evidence.text;
      out.reason = "inconsistent_screen";
      out.state = S::kNotMet;
      return out;
    }
  }
  const Fact* last = nullptr;
  for (const Fact* f : facts_of(ctx, FactKind::kAberrantBehavior))
    if (f->polarity != Polarity::kUncertain) last = f;  // latest statement wins
  if (!last) return with(S::kNotDocumented, "not_assessed");
  cite(out, *last);
  out.vars["quote"] = last->evidence.text;
  out.reason = last->polarity == Polarity::kAffirmed ? "present" : "none_observed";
  out.state = last->polarity == Polarity::kAffirmed ? S::kNotMet : S::kMet;
  return out;
}

Finding drug_screen_consistent(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const int max_age = rule.args.has("max") ? rule.args.days("max") : 365;
  out.vars["limit"] = describe_days(max_age);
  const std::optional<int> ref = reference_day(ctx);
  const Fact* latest = nullptr;
  for (const Fact* f : facts_of(ctx, FactKind::kDrugScreen)) {
    if (f->polarity == Polarity::kUncertain) continue;
    if (f->qualifier == "ordered") continue;
    if (!latest || (f->date && latest->date && f->date->last_day() >= latest->date->last_day()) ||
        (f->date && !latest->date))
      latest = f;
  }
  if (!latest) return with(S::kNotDocumented, "none_found");
  cite(out, *latest);
  if (latest->polarity == Polarity::kNegated) {
    out.reason = "not_done";
    out.state = S::kNotMet;
    return out;
  }
  if (latest->qualifier == "inconsistent") {
    out.reason = "inconsistent";
    out.state = S::kNotMet;
    return out;
  }
  if (latest->qualifier != "consistent") {
    out.reason = "result_unstated";
    out.state = S::kNotDocumented;
    return out;
  }
  if (latest->date && ref && *ref - latest->date->last_day() > max_age) {
    out.vars["date"] = latest->date->iso();
    out.reason = "too_old";
    out.state = S::kNotDocumented;
    return out;
  }
  out.vars["value"] = latest->date ? "on " + latest->date->iso() : "undated";
  out.reason = "consistent";
  out.state = S::kMet;
  return out;
}

}  // namespace

// --- dose ----------------------------------------------------------------------------

OpioidDoseTotal opioid_dose_total(const ItemContext& ctx, Finding& out) {
  OpioidDoseTotal t;
  std::set<std::string> counted;

  auto add_recorded = [&](const Drug& d) {
    const Fact* dose = dose_in_record(ctx, d);
    if (!dose) return false;
    counted.insert(d.key);
    t.mme += *dose->mme_max;
    t.parts.push_back(dose->dose + " (dose as recorded): " + range_text({*dose->mme_min, *dose->mme_max}) + " MME/day");
    cite(out, *dose);
    return true;
  };
  auto add_request = [&](const ParsedRequest& r, bool own) {
    if (!r.drug || r.drug->drug_class != "opioid" || counted.count(r.drug->key)) return;
    if (!r.drug->mme) {
      // No conversion factor on purpose (buprenorphine): it adds nothing to the sum, so its
      // own dose is not what is missing.
      counted.insert(r.drug->key);
      if (own) t.own_known = true;
      t.parts.push_back(r.text + ": excluded from MME sums");
      return;
    }
    if (!r.mme_per_day) {
      // The request omits its frequency; the record may state the dose taken.
      if (add_recorded(*r.drug)) {
        if (own) t.own_known = true;
        out.evidence.push_back(request_evidence(r));
      }
      return;
    }
    counted.insert(r.drug->key);
    if (own) t.own_known = true;
    t.mme += r.mme_per_day->max;
    t.parts.push_back(r.text + ": " + range_text(*r.mme_per_day) + " MME/day");
    out.evidence.push_back(request_evidence(r));
  };
  add_request(ctx.request, true);
  for (const auto& r : ctx.all_requests)
    if (&r != &ctx.request) add_request(r, false);
  // Other opioids the record shows the claimant taking.
  for (const auto& d : ctx.drugs.drugs()) {
    if (d.drug_class != "opioid" || counted.count(d.key)) continue;
    if (medication_use(ctx, "", d.key).empty()) continue;
    add_recorded(d);
  }
  return t;
}

namespace {

Finding combined_mme(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const double max = rule.args.number("max");
  const OpioidDoseTotal total = opioid_dose_total(ctx, out);
  out.vars["limit"] = num(max);
  out.vars["items"] = join(total.parts, "; ");
  out.vars["value"] = num(total.mme);
  if (total.mme > max) {
    out.reason = "over";
    out.state = S::kNotMet;
  } else if (total.own_known) {
    out.reason = "within";
    out.state = S::kMet;
  } else {
    out.reason = "dose_unknown";
    out.state = S::kNotDocumented;
  }
  return out;
}

Finding no_concurrent_class(const CriterionRule& rule, const ItemContext& ctx) {
  const auto classes = rule.args.code_set("class");
  Finding out;
  out.vars["items"] = readable(join(rule.args.codes("class"), ", "));
  std::set<std::string> names;
  for (const auto& cls : classes)
    for (const Fact* f : medication_use(ctx, cls)) {
      if (f->qualifier == "past") continue;
      if (ctx.request.drug && f->subject == ctx.request.drug->key) continue;
      cite(out, *f);
      const Drug* d = ctx.drugs.by_key(f->subject);
      names.insert(d ? d->generic : f->subject);
    }
  for (const auto& r : ctx.all_requests) {
    if (&r == &ctx.request || !r.drug || !classes.count(r.drug->drug_class)) continue;
    names.insert(r.drug->generic);
    out.evidence.push_back(request_evidence(r));
  }
  if (names.empty()) {
    // Met only on a recorded medication list that lacks the class; silence is not evidence.
    for (const auto& f : ctx.facts)
      if (f.kind == FactKind::kMedicationUse && f.polarity == Polarity::kAffirmed && f.qualifier != "past")
        cite(out, f);
    out.reason = out.evidence.empty() ? "no_medication_list" : "none";
    out.state = out.evidence.empty() ? S::kNotDocumented : S::kMet;
    return out;
  }
  out.vars["value"] = join(std::vector<std::string>(names.begin(), names.end()), ", ");
  out.reason = "concurrent";
  out.state = S::kNotMet;
  return out;
}

}  // namespace

std::vector<MeasureContract> medication_measures() {
  return {
      {"course_length", course_length,
       "length of use of the drug class (prior use + this supply) against a maximum (args.scope: drug counts only "
       "the requested drug)",
       {{"max", ArgType::kDays, true, "", "the longest course"},
        {"scope", ArgType::kCodes, false, "course_scope", "class (default) or drug"}},
       {{S::kNotMet, "too_long", {"value", "days", "limit"}},
        {S::kMet, "short_course", {"value", "days", "limit"}},
        {S::kNotDocumented, "in_use_supply_unknown", {"value", "days", "limit"}},
        {S::kNotDocumented, "in_use_start_unknown", {"value", "days", "limit"}},
        {S::kNotMet, "supply_too_long", {"value", "days", "limit"}},
        {S::kMet, "new_short_course", {"value", "days", "limit"}},
        {S::kNotMet, "new_course_too_long", {"value", "days", "limit"}},
        {S::kNotDocumented, "continuing_start_unknown", {"limit"}},
        {S::kNotDocumented, "no_frequency", {"limit"}}},
       {FactKind::kMedicationUse}},
      {"pain_relief_quantified", pain_relief_quantified,
       "pain relief from the medication stated with figures (percent, or scores with/without); min: least percent",
       {{"min", ArgType::kNumber, false, "", "least percent relief", 0, 100}},
       {{S::kMet, "quantified", {"value", "quote"}},
        {S::kMet, "scores_show_relief", {"value", "quote"}},
        {S::kNotMet, "scores_show_no_relief", {"value", "quote"}},
        {S::kNotMet, "no_relief", {"quote"}},
        {S::kNotMet, "pain_unchanged", {"value", "quote"}},
        {S::kNotDocumented, "asserted_only", {"quote"}},
        {S::kNotDocumented, "score_without_comparison", {"value", "date", "quote"}},
        {S::kNotDocumented, "no_scores", {}}},
       {FactKind::kPainRelief, FactKind::kPainScore}},
      {"functional_improvement_objective", functional_improvement_objective,
       "objective, quantified functional improvement or return to work", {},
       {{S::kMet, "measured", {"value", "quote"}},
        {S::kMet, "working", {"value", "quote"}},
        {S::kNotMet, "no_improvement", {"quote"}},
        {S::kNotDocumented, "asserted_only", {"quote"}},
        {S::kNotDocumented, "reported_only", {"quote"}},
        {S::kNotDocumented, "no_measure", {}}},
       {FactKind::kFunctionalImprovement, FactKind::kWorkStatus}},
      {"side_effects_documented", side_effects_documented, "adverse effects asked about and recorded", {},
       {{S::kMet, "reviewed", {"value", "quote"}}, {S::kNotMet, "intolerable", {"quote"}}, {S::kNotDocumented, "not_asked", {}}},
       {FactKind::kSideEffects}},
      {"aberrant_behavior_absent", aberrant_behavior_absent,
       "aberrant drug-taking behaviour assessed and absent (inconsistent screens count)", {},
       {{S::kNotMet, "inconsistent_screen", {"quote"}},
        {S::kNotMet, "present", {"quote"}},
        {S::kMet, "none_observed", {"quote"}},
        {S::kNotDocumented, "not_assessed", {}}},
       {FactKind::kAberrantBehavior, FactKind::kDrugScreen}},
      {"drug_screen_consistent", drug_screen_consistent,
       "a recent urine drug screen consistent with the prescribed medications (max = its age)",
       {{"max", ArgType::kDays, false, "", "the oldest screen that counts"}},
       {{S::kMet, "consistent", {"value", "limit", "quote"}},
        {S::kNotMet, "not_done", {"limit", "quote"}},
        {S::kNotMet, "inconsistent", {"limit", "quote"}},
        {S::kNotDocumented, "none_found", {"limit"}},
        {S::kNotDocumented, "result_unstated", {"limit", "quote"}},
        {S::kNotDocumented, "too_old", {"limit", "date", "quote"}}},
       {FactKind::kDrugScreen}},
      {"combined_mme", combined_mme, "total morphine equivalents per day of all opioids against a maximum",
       {{"max", ArgType::kNumber, true, "", "MME per day"}},
       {{S::kNotMet, "over", {"value", "limit", "items"}},
        {S::kMet, "within", {"value", "limit", "items"}},
        {S::kNotDocumented, "dose_unknown", {"value", "limit", "items"}}},
       {FactKind::kMedicationUse}},
      {"no_concurrent_class", no_concurrent_class,
       "no concurrent drug of args.class (e.g. an opioid with a benzodiazepine)",
       {{"class", ArgType::kCodes, true, "drug_class", "drug classes"}},
       {{S::kNotMet, "concurrent", {"value", "items"}},
        {S::kMet, "none", {"items"}},
        {S::kNotDocumented, "no_medication_list", {"items"}}},
       {FactKind::kMedicationUse}},
  };
}

// A service is "ongoing" — more of a course already given — when the record reports what
// the governing pack calls a prior course (sessions, an injection's response, a device
// trial of the same service), or UR certified part of the same request.
static bool service_given_before(const ItemContext& ctx, std::vector<Evidence>* evidence) {
  if (ctx.certified) {
    if (evidence) evidence->push_back(Evidence{-2, 0, ctx.certified->text.size(), ctx.certified->text});
    return true;
  }
  // "Additional physical therapy", "continue chiropractic": more of a course, whatever the
  // record says of the sessions given (docs/decision-policy.md, Phases).
  if (mentions_refill(ctx.request)) {
    if (evidence) evidence->push_back(request_evidence(ctx.request));
    return true;
  }
  if (!ctx.pack || !ctx.pack->prior_course_kind) return false;
  const std::set<std::string> subjects(ctx.pack->prior_course_subjects.begin(), ctx.pack->prior_course_subjects.end());
  for (const Fact* f : facts_of(ctx, *ctx.pack->prior_course_kind)) {
    if (f->polarity != Polarity::kAffirmed || !in_or_any(subjects, f->subject)) continue;
    if (evidence) evidence->push_back(f->evidence);
    return true;
  }
  return false;
}

bool is_ongoing_use(const ItemContext& ctx, std::vector<Evidence>* evidence) {
  if (ctx.request.kind == ParsedRequest::Kind::kService) return service_given_before(ctx, evidence);
  const std::string cls = request_class(ctx);
  const auto uses = medication_use(ctx, cls, ctx.request.drug ? ctx.request.drug->key : "");
  for (const Fact* f : uses)
    if (evidence) evidence->push_back(f->evidence);
  if (!uses.empty()) return true;
  if (mentions_refill(ctx.request)) {
    if (evidence) evidence->push_back(request_evidence(ctx.request));
    return true;
  }
  return false;
}

}  // namespace imr
