// Measures over medication facts: course length, analgesia, function, monitoring, dose.
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

Finding with(CriterionState s) {
  Finding f;
  f.state = s;
  return f;
}

std::string request_class(const ItemContext& ctx) {
  return ctx.request.drug ? ctx.request.drug->drug_class : std::string();
}

bool mentions_refill(const ParsedRequest& r) {
  const std::string t = to_lower(r.text);
  for (const char* w : {"refill", "continue", "renew", "ongoing"})
    if (t.find(w) != std::string::npos) return true;
  return false;
}

// --- course length -------------------------------------------------------------------

// How long the request's drug class has been in use before the request, as a documented
// lower bound, and the facts that show it.
struct PriorUse {
  std::optional<int> days;         // documented minimum length of prior use
  std::vector<const Fact*> facts;  // every use fact seen
  std::optional<Date> since;       // earliest documented start
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
    if (f->since) {
      const int start = f->since->last_day();
      if (!earliest_start || start < *earliest_start) {
        earliest_start = start;
        out.since = f->since;
      }
    }
    if (f->date) {
      // A dated mention of use is a start no later than that date.
      const int d = f->date->last_day();
      if (!earliest_start || d < *earliest_start) {
        earliest_start = d;
        out.since = f->date;
      }
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
  const std::string scope = rule.args.count("scope") ? rule.args.at("scope") : "class";
  const std::string cls = scope == "drug" ? "" : request_class(ctx);
  const PriorUse prior = prior_use(ctx, cls);
  const double limit = *rule.max;
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
      out.state = CriterionState::kNotMet;
      return out;
    }
    // Within the limit so far: a short course only when the start is known and the whole
    // supply, refills included, still fits.
    // A request that states no quantity adds no supply to judge.
    const bool no_quantity = !ctx.request.quantity && !supply;
    if (prior.start_known && ((supply && *prior.days + supply->max <= limit) || no_quantity)) {
      out.state = CriterionState::kMet;
      return out;
    }
    out.vars["detail"] = "it is recorded in use (" + out.vars["value"] + "), but " +
                         (prior.start_known ? std::string("the request gives no frequency, so its supply cannot be told")
                                            : std::string("when it was started is not documented"));
    out.state = CriterionState::kNotDocumented;
    return out;
  }
  if (supply && supply->min > limit) {
    // The quantity asked for alone outlasts the limit at the stated frequency.
    out.vars["days"] = num(std::floor(supply->min));
    out.vars["value"] = describe_days(static_cast<int>(supply->min)) + " of supply in this request alone";
    out.evidence.push_back(request_evidence(ctx.request));
    out.state = CriterionState::kNotMet;
    return out;
  }
  const bool ongoing = !prior.facts.empty() || mentions_refill(ctx.request);
  if (!ongoing && supply) {
    out.vars["days"] = num(std::floor(supply->max));
    out.vars["value"] = "a new course of " + describe_days(static_cast<int>(supply->max));
    out.evidence.push_back(request_evidence(ctx.request));
    out.state = supply->max <= limit ? CriterionState::kMet : CriterionState::kNotMet;
    return out;
  }
  if (mentions_refill(ctx.request)) out.evidence.push_back(request_evidence(ctx.request));
  out.vars["detail"] = ongoing ? "it is a continuing medication, but the record does not say when it was started"
                               : "the request gives no frequency, so the length of the course cannot be told";
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
  const Fact* asserted = nullptr;
  const Fact* negated = nullptr;
  for (const Fact* f : facts_of(ctx, FactKind::kPainRelief)) {
    if (!about_request_drug(*f, ctx)) continue;
    if (f->polarity == Polarity::kNegated) negated = f;
    else if (f->polarity == Polarity::kAffirmed && f->qualifier == "quantified") {
      if (rule.min && f->value && *f->value < *rule.min) continue;
      cite(out, *f);
      if (f->value) out.vars["value"] = num(*f->value) + "%";
      out.state = CriterionState::kMet;
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
    out.state = relief >= rule.min.value_or(1) ? CriterionState::kMet : CriterionState::kNotMet;
    return out;
  }
  if (negated) {
    cite(out, *negated);
    out.state = CriterionState::kNotMet;
    out.vars["detail"] = "the record states there was no meaningful pain relief";
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
    out.vars["value"] = num(*scores.front()->value) + "/10 on " + scores.front()->date->iso() +
                        " and " + num(*scores.back()->value) + "/10 on " + scores.back()->date->iso();
    out.vars["detail"] = "pain stayed at " + out.vars["value"];
    out.state = CriterionState::kNotMet;
    return out;
  }
  if (asserted) {
    cite(out, *asserted);
    out.vars["detail"] = "the record says the medication helps, but gives no figure";
  } else if (!scores.empty()) {
    cite(out, *scores.back());
    out.vars["detail"] = "the latest pain score is " + num(*scores.back()->value) + "/10 on " +
                         scores.back()->date->iso() + ", with no comparison to pain without the medication";
  } else {
    out.vars["detail"] = "no pain scores tied to the medication were found";
  }
  out.state = CriterionState::kNotDocumented;
  return out;
}

// --- function ------------------------------------------------------------------------

Finding functional_improvement_objective(const CriterionRule&, const ItemContext& ctx) {
  Finding out;
  const Fact* asserted = nullptr;
  const Fact* negated = nullptr;
  for (const Fact* f : facts_of(ctx, FactKind::kFunctionalImprovement)) {
    if (f->polarity == Polarity::kNegated) negated = f;
    else if (f->polarity == Polarity::kAffirmed && f->qualifier == "objective") {
      cite(out, *f);
      std::string quote = collapse_whitespace(f->evidence.text);
      while (!quote.empty() && (quote.back() == '.' || quote.back() == ' ')) quote.pop_back();
      out.vars["value"] = quote;
      out.state = CriterionState::kMet;
      return out;
    } else if (f->polarity == Polarity::kAffirmed) {
      asserted = f;
    }
  }
  for (const Fact* f : facts_of(ctx, FactKind::kWorkStatus)) {
    if (f->polarity == Polarity::kAffirmed && (f->qualifier == "full_duty" || f->qualifier == "modified_duty")) {
      cite(out, *f);
      out.vars["value"] = f->qualifier == "full_duty" ? "a return to full duty" : "work on modified duty";
      out.state = CriterionState::kMet;
      return out;
    }
  }
  if (negated) {
    cite(out, *negated);
    out.vars["detail"] = "the record states function did not improve";
    out.state = CriterionState::kNotMet;
    return out;
  }
  if (asserted) {
    cite(out, *asserted);
    out.vars["detail"] = "improvement is asserted, but not measured";
  } else {
    out.vars["detail"] = "no measure of function was found";
  }
  out.state = CriterionState::kNotDocumented;
  return out;
}

// --- monitoring ----------------------------------------------------------------------

// The common shape: affirmed -> one state, negated -> another, absent -> not documented.
Finding presence(const ItemContext& ctx, FactKind kind, CriterionState affirmed,
                 CriterionState negated) {
  Finding out;
  const Fact* last = nullptr;
  for (const Fact* f : facts_of(ctx, kind))
    if (f->polarity != Polarity::kUncertain) last = f;  // latest statement wins
  if (!last) return with(CriterionState::kNotDocumented);
  cite(out, *last);
  out.state = last->polarity == Polarity::kAffirmed ? affirmed : negated;
  return out;
}

Finding pdmp_checked(const CriterionRule&, const ItemContext& ctx) {
  return presence(ctx, FactKind::kPdmpCheck, CriterionState::kMet, CriterionState::kNotMet);
}

Finding opioid_agreement(const CriterionRule&, const ItemContext& ctx) {
  return presence(ctx, FactKind::kOpioidAgreement, CriterionState::kMet, CriterionState::kNotMet);
}

Finding side_effects_documented(const CriterionRule&, const ItemContext& ctx) {
  Finding out;
  std::vector<std::string> effects;
  for (const Fact* f : facts_of(ctx, FactKind::kSideEffects)) {
    cite(out, *f);
    if (f->polarity == Polarity::kAffirmed && !f->subject.empty() && f->qualifier != "assessed")
      effects.push_back(f->subject);
    if (f->qualifier == "intolerable") {
      out.vars["detail"] = "the side effects are described as intolerable";
      out.state = CriterionState::kNotMet;
      return out;
    }
  }
  if (out.evidence.empty()) return with(CriterionState::kNotDocumented);
  out.vars["value"] = effects.empty() ? "no adverse effects reported" : "reported " + join(effects, ", ");
  out.state = CriterionState::kMet;
  return out;
}

Finding aberrant_behavior_absent(const CriterionRule&, const ItemContext& ctx) {
  Finding out;
  for (const Fact* f : facts_of(ctx, FactKind::kDrugScreen)) {
    if (f->polarity == Polarity::kAffirmed && f->qualifier == "inconsistent") {
      cite(out, *f);
      out.vars["detail"] = "an inconsistent drug screen";
      out.state = CriterionState::kNotMet;
      return out;
    }
  }
  Finding p = presence(ctx, FactKind::kAberrantBehavior, CriterionState::kNotMet, CriterionState::kMet);
  if (p.state == CriterionState::kNotMet) p.vars["detail"] = p.vars["quote"];
  return p;
}

Finding drug_screen_consistent(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const double max_age = rule.max.value_or(365);
  const std::optional<int> ref = reference_day(ctx);
  const Fact* latest = nullptr;
  for (const Fact* f : facts_of(ctx, FactKind::kDrugScreen)) {
    if (f->polarity == Polarity::kUncertain) continue;
    if (f->qualifier == "ordered") continue;
    if (!latest || (f->date && latest->date && f->date->last_day() >= latest->date->last_day()) ||
        (f->date && !latest->date))
      latest = f;
  }
  if (!latest) {
    out.vars["detail"] = "no drug screen was found in the record";
    out.state = CriterionState::kNotDocumented;
    return out;
  }
  cite(out, *latest);
  if (latest->polarity == Polarity::kNegated) {
    out.vars["detail"] = "the record states no drug screen was done";
    out.state = CriterionState::kNotMet;
    return out;
  }
  if (latest->qualifier == "inconsistent") {
    out.vars["detail"] = "the latest screen was inconsistent with the prescribed medications";
    out.state = CriterionState::kNotMet;
    return out;
  }
  if (latest->qualifier != "consistent") {
    out.vars["detail"] = "a screen is mentioned without its result";
    out.state = CriterionState::kNotDocumented;
    return out;
  }
  if (latest->date && ref && *ref - latest->date->last_day() > max_age) {
    out.vars["detail"] = "the last consistent screen, on " + latest->date->iso() + ", is more than " +
                         describe_days(static_cast<int>(max_age)) + " old";
    out.state = CriterionState::kNotDocumented;
    return out;
  }
  out.vars["value"] = latest->date ? "on " + latest->date->iso() : "undated";
  out.state = CriterionState::kMet;
  return out;
}

// --- dose ----------------------------------------------------------------------------

Finding combined_mme(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  double total_max = 0;
  std::vector<std::string> parts;
  bool own_known = false;
  std::set<std::string> counted;

  auto add_request = [&](const ParsedRequest& r, bool own) {
    if (!r.drug || r.drug->drug_class != "opioid" || counted.count(r.drug->key)) return;
    std::optional<Range> mme = r.mme_per_day;
    std::string how = r.text;
    if (!mme) {
      // The request omits its frequency; the record may state the dose taken.
      if (auto dose = dose_in_record(ctx, *r.drug)) {
        mme = dose->mme;
        how = dose->text + " (dose as recorded)";
        cite(out, *dose->fact);
      }
    }
    if (!mme) return;
    counted.insert(r.drug->key);
    if (own) own_known = true;
    total_max += mme->max;
    parts.push_back(how + ": " + range_text(*mme) + " MME/day");
    out.evidence.push_back(request_evidence(r));
  };
  add_request(ctx.request, true);
  for (const auto& r : ctx.all_requests)
    if (&r != &ctx.request) add_request(r, false);
  // Other opioids the record shows the claimant taking.
  for (const auto& d : ctx.drugs.drugs()) {
    if (d.drug_class != "opioid" || counted.count(d.key)) continue;
    if (medication_use(ctx, "", d.key).empty()) continue;
    if (auto dose = dose_in_record(ctx, d)) {
      counted.insert(d.key);
      total_max += dose->mme.max;
      parts.push_back(dose->text + ": " + range_text(dose->mme) + " MME/day");
      cite(out, *dose->fact);
    }
  }
  out.vars["limit"] = num(*rule.max);
  out.vars["detail"] = join(parts, "; ");
  out.vars["value"] = num(total_max);
  if (total_max > *rule.max) {
    out.state = CriterionState::kNotMet;
  } else if (own_known) {
    out.state = CriterionState::kMet;
  } else {
    out.vars["detail"] = "the daily dose of the request cannot be computed (no frequency given)";
    out.state = CriterionState::kNotDocumented;
  }
  return out;
}

Finding frequency_stated(const CriterionRule&, const ItemContext& ctx) {
  Finding out;
  out.evidence.push_back(request_evidence(ctx.request));
  if (ctx.request.frequency) {
    out.vars["value"] = ctx.request.frequency->text;
    out.state = CriterionState::kMet;
  } else {
    out.state = CriterionState::kNotMet;
  }
  return out;
}

Finding no_concurrent_class(const CriterionRule& rule, const ItemContext& ctx) {
  const std::string& cls = rule.args.at("class");
  Finding out;
  std::set<std::string> names;
  for (const Fact* f : medication_use(ctx, cls)) {
    if (f->qualifier == "past") continue;
    if (ctx.request.drug && f->subject == ctx.request.drug->key) continue;
    cite(out, *f);
    const Drug* d = ctx.drugs.by_key(f->subject);
    names.insert(d ? d->generic : f->subject);
  }
  for (const auto& r : ctx.all_requests) {
    if (&r == &ctx.request || !r.drug || r.drug->drug_class != cls) continue;
    names.insert(r.drug->generic);
    out.evidence.push_back(request_evidence(r));
  }
  if (names.empty()) {
    // Met only on a recorded medication list that lacks the class; silence is not evidence.
    for (const auto& f : ctx.facts)
      if (f.kind == FactKind::kMedicationUse && f.polarity == Polarity::kAffirmed &&
          f.qualifier != "past")
        cite(out, f);
    out.vars["detail"] = "no concurrent " + cls + " is recorded";
    out.state = out.evidence.empty() ? CriterionState::kNotDocumented : CriterionState::kMet;
    return out;
  }
  out.vars["value"] = join(std::vector<std::string>(names.begin(), names.end()), ", ");
  out.state = CriterionState::kNotMet;
  return out;
}

Finding acute_flare(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const std::optional<int> ref = reference_day(ctx);
  const double recent = rule.max.value_or(30);
  const Fact* found = nullptr;
  for (const Fact* f : facts_of(ctx, FactKind::kAcuteFlare)) {
    if (f->polarity == Polarity::kUncertain) continue;
    found = f;
  }
  if (!found) {
    out.vars["detail"] = "no acute exacerbation is described";
    out.state = CriterionState::kNotDocumented;
    return out;
  }
  cite(out, *found);
  if (found->polarity == Polarity::kNegated) {
    out.vars["detail"] = "it states there is no new flare";
    out.state = CriterionState::kNotMet;
    return out;
  }
  if (found->date && ref && *ref - found->date->last_day() > recent) {
    out.vars["detail"] = "the flare described on " + found->date->iso() + " is not recent";
    out.state = CriterionState::kNotMet;
    return out;
  }
  out.state = CriterionState::kMet;
  return out;
}

Finding not_recommended(const CriterionRule&, const ItemContext& ctx) {
  Finding out;
  out.evidence.push_back(request_evidence(ctx.request));
  out.state = CriterionState::kNotMet;
  return out;
}

Finding opioid_tolerant(const CriterionRule&, const ItemContext& ctx) {
  Finding out;
  for (const Fact* f : medication_use(ctx, "opioid")) {
    if (f->qualifier == "trial") continue;
    cite(out, *f);
    const Drug* d = ctx.drugs.by_key(f->subject);
    out.vars["value"] = d ? d->generic : f->subject;
    out.state = CriterionState::kMet;
    return out;
  }
  out.vars["detail"] = "no prior around-the-clock opioid use is recorded";
  out.state = CriterionState::kNotDocumented;
  return out;
}

Finding non_opioid_tried(const CriterionRule&, const ItemContext& ctx) {
  static const std::set<std::string> kFirstLine = {
      "nsaid", "nsaids", "acetaminophen", "tylenol", "antidepressant", "tricyclic",
      "anticonvulsant", "gabapentin", "physical_therapy", "analgesic"};
  Finding out;
  const Fact* negated = nullptr;
  for (const Fact* f : facts_of(ctx, FactKind::kPriorTrial)) {
    const std::string cls = class_of(*f, ctx.drugs);
    const bool first_line = kFirstLine.count(f->subject) || cls == "nsaid" || cls == "analgesic" ||
                            cls == "antidepressant" || cls == "anticonvulsant";
    if (!first_line) continue;
    if (f->polarity == Polarity::kNegated) { negated = f; continue; }
    cite(out, *f);
    out.vars["value"] = f->subject;
    out.state = CriterionState::kMet;
    return out;
  }
  for (const auto& f : ctx.facts) {
    if (f.kind != FactKind::kMedicationUse || f.polarity != Polarity::kAffirmed) continue;
    const std::string cls = class_of(f, ctx.drugs);
    if (cls == "nsaid" || cls == "analgesic" || cls == "antidepressant" || cls == "anticonvulsant") {
      cite(out, f);
      const Drug* d = ctx.drugs.by_key(f.subject);
      out.vars["value"] = d ? d->generic : f.subject;
      out.state = CriterionState::kMet;
      return out;
    }
  }
  if (negated) {
    cite(out, *negated);
    out.state = CriterionState::kNotMet;
    return out;
  }
  out.vars["detail"] = "no trial of non-opioid analgesics is recorded";
  out.state = CriterionState::kNotDocumented;
  return out;
}

Finding baseline_documented(const CriterionRule&, const ItemContext& ctx) {
  Finding out;
  const auto scores = facts_of(ctx, FactKind::kPainScore);
  if (scores.empty()) {
    out.vars["detail"] = "no baseline pain score was found";
    out.state = CriterionState::kNotDocumented;
    return out;
  }
  cite(out, *scores.front());
  if (scores.front()->value) out.vars["value"] = num(*scores.front()->value) + "/10";
  out.state = CriterionState::kMet;
  return out;
}

Finding ur_weaning(const CriterionRule&, const ItemContext& ctx) {
  Finding out;
  for (const Fact* f : facts_of(ctx, FactKind::kUrAction)) {
    if (f->qualifier != "modified" && f->qualifier != "weaning") continue;
    if (!f->subject.empty() && ctx.request.drug && f->subject != ctx.request.drug->key) continue;
    cite(out, *f);
    if (f->value) out.vars["value"] = num(*f->value);
    out.state = CriterionState::kMet;
    return out;
  }
  if (ctx.kase.ur) {
    for (const auto& item : ctx.kase.ur->items) {
      if (item.action != "modified") continue;
      const ParsedRequest ur_req = parse_request(item.request, ctx.drugs);
      if (ur_req.drug && ctx.request.drug && ur_req.drug != ctx.request.drug) continue;
      out.vars["value"] = item.certified.empty() ? "a smaller quantity" : item.certified;
      out.evidence.push_back(Evidence{-2, 0, item.request.size(), item.request});
      out.state = CriterionState::kMet;
      return out;
    }
  }
  return with(CriterionState::kNotDocumented);
}

std::vector<MeasureSpec> medication_list() {
  return {
      {"course_length", course_length, false, true, {},
       "length of use of the drug class (prior use + this supply) against a maximum in days"},
      {"pain_relief_quantified", pain_relief_quantified, false, false, {},
       "pain relief from the medication stated with figures (percent, or scores with/without)"},
      {"functional_improvement_objective", functional_improvement_objective, false, false, {},
       "objective, quantified functional improvement or return to work"},
      {"side_effects_documented", side_effects_documented, false, false, {},
       "adverse effects asked about and recorded"},
      {"aberrant_behavior_absent", aberrant_behavior_absent, false, false, {},
       "aberrant drug-taking behaviour assessed and absent (inconsistent screens count)"},
      {"drug_screen_consistent", drug_screen_consistent, false, false, {},
       "a recent urine drug screen consistent with the prescribed medications (max = age in days)"},
      {"pdmp_checked", pdmp_checked, false, false, {}, "CURES/PDMP report reviewed"},
      {"opioid_agreement", opioid_agreement, false, false, {}, "a signed opioid agreement"},
      {"combined_mme", combined_mme, false, true, {},
       "total morphine equivalents per day of all opioids against a maximum"},
      {"frequency_stated", frequency_stated, false, false, {}, "the request states its frequency"},
      {"no_concurrent_class", no_concurrent_class, false, false, {"class"},
       "no concurrent drug of args.class (e.g. an opioid with a benzodiazepine)"},
      {"acute_flare", acute_flare, false, false, {},
       "an acute exacerbation documented (max = how recent, in days)"},
      {"not_recommended", not_recommended, false, false, {},
       "the guideline does not recommend the treatment at all"},
      {"opioid_tolerant", opioid_tolerant, false, false, {}, "prior opioid use (opioid tolerance)"},
      {"non_opioid_tried", non_opioid_tried, false, false, {},
       "first-line non-opioid treatment tried (NSAIDs, acetaminophen, adjuvants)"},
      {"baseline_documented", baseline_documented, false, false, {},
       "baseline pain (and function) recorded before starting"},
      {"ur_weaning", ur_weaning, false, false, {},
       "UR modified the request to a smaller quantity (weaning)"},
  };
}

}  // namespace

std::vector<MeasureSpec> medication_measures() { return medication_list(); }

// A service is "ongoing" — more of a course already given — when the record reports
// sessions, an injection's response or a device trial of the same service.
static bool service_given_before(const ItemContext& ctx, std::vector<Evidence>* evidence) {
  struct Given {
    const char* topic;
    FactKind kind;
    const char* subjects;  // comma-separated fact subjects
  };
  static constexpr Given kGiven[] = {
      {"physical_medicine", FactKind::kTherapyCompleted, "physical_therapy,aquatic_therapy"},
      {"aquatic_therapy", FactKind::kTherapyCompleted, "aquatic_therapy"},
      {"manual_therapy", FactKind::kTherapyCompleted, "chiropractic"},
      {"acupuncture", FactKind::kTherapyCompleted, "acupuncture"},
      {"massage_therapy", FactKind::kTherapyCompleted, "massage"},
      {"psychological_treatment", FactKind::kTherapyCompleted, "psychotherapy"},
      {"functional_restoration", FactKind::kTherapyCompleted, "functional_restoration"},
      {"epidural_steroid_injections", FactKind::kInjectionResponse, "epidural"},
      {"facet_injections", FactKind::kInjectionResponse, "facet"},
      {"radiofrequency_ablation", FactKind::kInjectionResponse, "radiofrequency"},
      {"trigger_point_injections", FactKind::kInjectionResponse, "trigger_point"},
      {"viscosupplementation", FactKind::kInjectionResponse, "knee_injection"},
      {"tens", FactKind::kDeviceTrial, "tens"},
      {"h_wave", FactKind::kDeviceTrial, "h_wave"},
  };
  for (const Given& g : kGiven) {
    if (ctx.request.service_topic != g.topic) continue;
    const auto subjects = split(g.subjects, ',');
    for (const Fact* f : facts_of(ctx, g.kind)) {
      if (f->polarity != Polarity::kAffirmed) continue;
      if (std::find(subjects.begin(), subjects.end(), f->subject) == subjects.end()) continue;
      if (evidence) evidence->push_back(f->evidence);
      return true;
    }
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
