// Generic measures: a rule pack tests facts by name, as data — a fact of a kind (with
// subjects and qualifiers, recent enough, in the request's region), its absence, a prior
// treatment, a drug class in use, the claimant's age, the time since the injury, and the
// guideline's "not recommended". Most criteria are written with these.
#include <algorithm>

#include "assess/fact_query.h"
#include "assess/measures.h"
#include "core/text.h"

namespace imr {
namespace {

using S = CriterionState;

// Facts named by a criterion's kind / subject / qualifier arguments.
std::vector<const Fact*> named_facts(const CriterionRule& rule, const ItemContext& ctx) {
  const FactKind kind = *fact_kind_from_string(rule.args.codes("kind").front());
  std::vector<const Fact*> facts =
      matching_facts(ctx, kind, rule.args.code_set("subject"), rule.args.code_set("qualifier"));
  if (rule.args.flag("same_region") && !ctx.request.body_region.empty()) {
    // A fact that names another region is about something else; one that names none stays.
    std::erase_if(facts, [&](const Fact* f) { return !f->region.empty() && f->region != ctx.request.body_region; });
  }
  return facts;
}

bool recent(const Fact& f, const ItemContext& ctx, const CriterionRule& rule) {
  if (!rule.args.has("within")) return true;
  const std::optional<int> ref = reference_day(ctx);
  if (!f.date || !ref) return true;  // undated statements are taken as current
  return *ref - f.date->last_day() <= rule.args.days("within");
}

void describe(Finding& out, const Fact& f, const DrugTable& drugs) {
  cite(out, f);
  out.vars["quote"] = f.evidence.text;
  out.vars["value"] = readable(generic_of(f, drugs));
  if (f.value) out.vars["count"] = format_number(*f.value);
}

// A fact present: affirmed -> met ("found"), negated -> not met ("denied"), nothing ->
// not documented ("silent"). args.absent flips met and not met (for what should not be
// there); args.latest lets the latest statement decide; args.within ignores affirmed
// statements older than that ("stale", not met).
Finding fact_present(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const bool absent = rule.args.flag("absent");
  const std::vector<const Fact*> facts = named_facts(rule, ctx);
  const Fact* affirmed = nullptr;
  const Fact* negated = nullptr;
  const Fact* stale = nullptr;
  for (const Fact* f : facts) {
    if (rule.args.flag("latest")) {
      if (f->polarity == Polarity::kUncertain) continue;
      affirmed = negated = nullptr;  // a later statement replaces the earlier ones
    }
    if (f->polarity == Polarity::kAffirmed) {
      if (recent(*f, ctx, rule)) affirmed = f;
      else if (!stale) stale = f;
    }
    if (f->polarity == Polarity::kNegated && (!negated || rule.args.flag("latest"))) negated = f;
  }
  if (affirmed) {
    describe(out, *affirmed, ctx.drugs);
    out.reason = "found";
    out.state = absent ? S::kNotMet : S::kMet;
  } else if (negated) {
    describe(out, *negated, ctx.drugs);
    out.reason = "denied";
    out.state = absent ? S::kMet : S::kNotMet;
  } else if (stale && !absent) {
    describe(out, *stale, ctx.drugs);
    out.vars["date"] = stale->date->iso();
    out.reason = "stale";
    out.state = S::kNotMet;
  } else {
    out.reason = "silent";
    out.state = S::kNotDocumented;
  }
  return out;
}

// Nothing of the kind in the record: met when none is affirmed ("silent", or "denied"
// when the record rules it out), not met when one is ("found").
Finding fact_absent(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const Fact* negated = nullptr;
  for (const Fact* f : named_facts(rule, ctx)) {
    if (f->polarity == Polarity::kAffirmed && recent(*f, ctx, rule)) {
      describe(out, *f, ctx.drugs);
      out.reason = "found";
      out.state = S::kNotMet;
      return out;
    }
    if (f->polarity == Polarity::kNegated && !negated) negated = f;
  }
  if (negated) {
    describe(out, *negated, ctx.drugs);
    out.reason = "denied";
  } else {
    out.evidence.push_back(request_evidence(ctx.request));
    out.reason = "silent";
  }
  out.state = S::kMet;
  return out;
}

// A previous treatment among args.any_of (therapies, drug keys or classes), tried before
// the request; a past or current course of the drug counts. args.other_than_request: the
// requested drug itself does not count.
Finding prior_trial(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const auto any_of = rule.args.code_set("any_of");
  const auto qualifiers = rule.args.code_set("qualifier");
  const std::string own = rule.args.flag("other_than_request") && ctx.request.drug ? ctx.request.drug->key : "";
  const Fact* negated = nullptr;
  for (const Fact* f : matching_facts(ctx, FactKind::kPriorTrial, any_of, qualifiers)) {
    if (!own.empty() && f->subject == own) continue;
    if (f->polarity == Polarity::kNegated) {
      if (!negated) negated = f;
      continue;
    }
    if (f->polarity != Polarity::kAffirmed) continue;
    describe(out, *f, ctx.drugs);
    out.reason = "tried";
    out.state = S::kMet;
    return out;
  }
  if (qualifiers.empty()) {
    for (const Fact* f : matching_facts(ctx, FactKind::kMedicationUse, any_of, {})) {
      if (f->polarity != Polarity::kAffirmed || f->qualifier == "planned" || f->subject == own) continue;
      describe(out, *f, ctx.drugs);
      out.reason = "tried";
      out.state = S::kMet;
      return out;
    }
  }
  if (negated) {
    describe(out, *negated, ctx.drugs);
    out.reason = "not_tried";
    out.state = S::kNotMet;
    return out;
  }
  out.vars["items"] = readable(join(rule.args.codes("any_of"), ", "));
  out.reason = "silent";
  out.state = S::kNotDocumented;
  return out;
}

// A drug of args.class (classes or keys) taken now, from the record or another disputed
// request (the request itself aside). args.absent: met when none is. A course recorded as
// stopped is not use.
Finding drug_class_in_use(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const auto classes = rule.args.code_set("class");
  const std::string own = ctx.request.drug ? ctx.request.drug->key : "";
  std::set<std::string> names;
  for (const Fact* f : matching_facts(ctx, FactKind::kMedicationUse, classes, {})) {
    if (f->polarity != Polarity::kAffirmed || f->qualifier == "past") continue;
    if (rule.args.flag("exclude_trials") && f->qualifier == "trial") continue;
    if (f->subject == own && !rule.args.flag("include_request_drug")) continue;
    cite(out, *f);
    names.insert(generic_of(*f, ctx.drugs));
  }
  for (const auto& r : ctx.all_requests) {
    if (&r == &ctx.request || !r.drug || r.drug->key == own) continue;
    if (!classes.count(r.drug->key) && !classes.count(r.drug->drug_class)) continue;
    out.evidence.push_back(request_evidence(r));
    names.insert(r.drug->generic);
  }
  out.vars["items"] = readable(join(rule.args.codes("class"), ", "));
  if (!names.empty()) {
    out.vars["value"] = join(std::vector<std::string>(names.begin(), names.end()), ", ");
    out.reason = "in_use";
    out.state = rule.args.flag("absent") ? S::kNotMet : S::kMet;
    return out;
  }
  if (rule.args.flag("absent")) {
    out.reason = "none_in_use";
    out.state = S::kMet;
    return out;
  }
  for (const Fact* f : matching_facts(ctx, FactKind::kMedicationUse, classes, {"past"})) {
    if (f->polarity != Polarity::kAffirmed || f->subject == own) continue;
    describe(out, *f, ctx.drugs);
    out.reason = "stopped";
    out.state = S::kNotMet;
    return out;
  }
  out.reason = "silent";
  out.state = S::kNotDocumented;
  return out;
}

// The claimant's age at least min (or at most max).
Finding claimant_age(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  if (!ctx.kase.claimant.age) {
    out.reason = "unknown";
    out.state = S::kNotDocumented;
    return out;
  }
  const int age = *ctx.kase.claimant.age;
  out.evidence.push_back(Evidence{-2, 0, 0, "Age " + std::to_string(age)});
  out.vars["value"] = std::to_string(age);
  const bool ok = age >= rule.args.number_if("min").value_or(0) && age <= rule.args.number_if("max").value_or(200);
  out.reason = ok ? "in_range" : "out_of_range";
  out.state = ok ? S::kMet : S::kNotMet;
  return out;
}

// Days from the injury to the request, at least min and at most max.
Finding days_since_injury(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  if (!ctx.kase.date_of_injury || !ctx.as_of) {
    out.reason = "no_injury_date";
    out.state = S::kNotDocumented;
    return out;
  }
  const int days = ctx.as_of->first_day() - ctx.kase.date_of_injury->first_day();
  out.evidence.push_back(Evidence{-2, 0, 0, "Date of injury " + ctx.kase.date_of_injury->iso()});
  out.vars["date"] = ctx.kase.date_of_injury->iso();
  out.vars["value"] = describe_days(std::max(days, 0));
  out.vars["days"] = std::to_string(days);
  const bool ok = days >= rule.args.number_if("min").value_or(-100000) &&
                  days <= rule.args.number_if("max").value_or(1e9);
  out.reason = ok ? "in_range" : "out_of_range";
  out.state = ok ? S::kMet : S::kNotMet;
  return out;
}

// The guideline does not recommend the treatment at all.
Finding not_recommended(const CriterionRule&, const ItemContext& ctx) {
  Finding out;
  out.evidence.push_back(request_evidence(ctx.request));
  out.reason = "not_recommended";
  out.state = S::kNotMet;
  return out;
}

const std::vector<ArgSpec> kFactArgs = {
    {"kind", ArgType::kCodes, true, "fact_kind", "the fact kind"},
    {"subject", ArgType::kCodes, false, "@kind.subject", "subjects (or drug classes) that count; any when absent"},
    {"qualifier", ArgType::kCodes, false, "@kind.qualifier", "qualifiers that count; any when absent"},
    {"within", ArgType::kDays, false, "", "only statements dated within this span of the request count"},
    {"same_region", ArgType::kBoolean, false, "", "a fact naming another body region than the request's does not count"},
};

std::vector<ArgSpec> with(std::vector<ArgSpec> base, std::vector<ArgSpec> more) {
  base.insert(base.end(), more.begin(), more.end());
  return base;
}

}  // namespace

std::vector<MeasureContract> generic_measures() {
  const std::vector<FactKind> any_kind = {};
  return {
      {"fact_present", fact_present,
       "a fact of args.kind (subject / qualifier lists optional) affirmed; args.absent: true wants it absent",
       with(kFactArgs, {{"absent", ArgType::kBoolean, false, "", "met when the record rules it out"},
                        {"latest", ArgType::kBoolean, false, "", "the latest statement decides"}}),
       {{S::kMet, "found", {"value", "quote"}, "!absent"},
        {S::kNotMet, "found", {"value", "quote"}, "absent"},
        {S::kNotMet, "denied", {"value", "quote"}, "!absent"},
        {S::kMet, "denied", {"value", "quote"}, "absent"},
        {S::kNotMet, "stale", {"value", "quote", "date"}, "!absent"},
        {S::kNotDocumented, "silent", {}}},
       any_kind},
      {"fact_absent", fact_absent, "no affirmed fact of args.kind (subject / qualifier lists) in the record",
       kFactArgs,
       {{S::kNotMet, "found", {"value", "quote"}}, {S::kMet, "denied", {"value", "quote"}}, {S::kMet, "silent", {}}},
       any_kind},
      {"prior_trial", prior_trial,
       "a previous treatment among args.any_of (therapies, drug keys or classes) documented",
       {{"any_of", ArgType::kCodes, true, "prior_trial.subject", "therapies, drugs or drug classes"},
        {"qualifier", ArgType::kCodes, false, "prior_trial.qualifier", "outcomes that count (failed, helped, ...)"},
        {"other_than_request", ArgType::kBoolean, false, "", "the requested drug itself does not count"}},
       {{S::kMet, "tried", {"value", "quote"}},
        {S::kNotMet, "not_tried", {"value", "quote"}},
        {S::kNotDocumented, "silent", {"items"}}},
       {FactKind::kPriorTrial, FactKind::kMedicationUse}},
      {"drug_class_in_use", drug_class_in_use,
       "a drug of args.class (classes or keys) taken now; args.absent: true wants none",
       {{"class", ArgType::kCodes, true, "drug_class_or_drug", "drug classes or drug keys"},
        {"absent", ArgType::kBoolean, false, "", "met when none is taken"},
        {"exclude_trials", ArgType::kBoolean, false, "", "a trial of the drug is not use"},
        {"include_request_drug", ArgType::kBoolean, false, "", "the requested drug itself counts"}},
       {{S::kMet, "in_use", {"value", "items"}, "!absent"},
        {S::kNotMet, "in_use", {"value", "items"}, "absent"},
        {S::kMet, "none_in_use", {"items"}, "absent"},
        {S::kNotMet, "stopped", {"value", "quote", "items"}, "!absent"},
        {S::kNotDocumented, "silent", {"items"}, "!absent"}},
       {FactKind::kMedicationUse}},
      {"claimant_age", claimant_age, "the claimant's age at least min (at most max)",
       {{"min", ArgType::kInteger, false, "", "youngest", 0, 120}, {"max", ArgType::kInteger, false, "", "oldest", 0, 120}},
       {{S::kMet, "in_range", {"value"}}, {S::kNotMet, "out_of_range", {"value"}}, {S::kNotDocumented, "unknown", {}}},
       {}},
      {"days_since_injury", days_since_injury, "the request at least min (at most max) days after the injury",
       {{"min", ArgType::kDays, false, "", "least time"}, {"max", ArgType::kDays, false, "", "most time"}},
       {{S::kMet, "in_range", {"value", "days", "date"}},
        {S::kNotMet, "out_of_range", {"value", "days", "date"}},
        {S::kNotDocumented, "no_injury_date", {}}},
       {}},
      {"not_recommended", not_recommended, "the guideline does not recommend the treatment at all", {},
       {{S::kNotMet, "not_recommended", {}}}, {}},
  };
}

}  // namespace imr
