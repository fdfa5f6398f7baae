// Measures for the drug topics beyond the seeds' classes (NSAIDs and PPIs, anti-epilepsy
// drugs, antidepressants, topicals, sleep aids, laxatives, drug testing, ...).
//
// Each reads the extracted facts and the parsed request only; thresholds and lists come
// from the rule pack's min / max / args so that the guideline content stays data.
#include <algorithm>
#include <cstdio>
#include <set>

#include "assess/fact_query.h"
#include "assess/measures.h"
#include "core/text.h"

namespace imr {
namespace {

using S = CriterionState;

std::string joined(const std::set<std::string>& names) {
  return join(std::vector<std::string>(names.begin(), names.end()), ", ");
}

// Drugs of a class (or keys) the claimant takes now: record use that is not past or merely
// planned, plus the other disputed requests. The request under review is left out.
struct InUse {
  std::set<std::string> names;     // generic names
  std::set<std::string> keys;      // drug keys
};

InUse drugs_in_use(const ItemContext& ctx, const std::set<std::string>& classes_or_keys, Finding& out) {
  InUse u;
  const std::string own = ctx.request.drug ? ctx.request.drug->key : "";
  for (const auto& f : ctx.facts) {
    if (f.kind != FactKind::kMedicationUse || f.polarity != Polarity::kAffirmed) continue;
    if (f.qualifier == "past" || f.subject == own) continue;
    if (!classes_or_keys.count(f.subject) && !classes_or_keys.count(class_of(f, ctx.drugs))) continue;
    cite(out, f);
    u.names.insert(generic_of(f, ctx.drugs));
    u.keys.insert(f.subject);
  }
  for (const auto& r : ctx.all_requests) {
    if (&r == &ctx.request || !r.drug || r.drug->key == own) continue;
    if (!classes_or_keys.count(r.drug->key) && !classes_or_keys.count(r.drug->drug_class)) continue;
    out.evidence.push_back(request_evidence(r));
    u.names.insert(r.drug->generic);
    u.keys.insert(r.drug->key);
  }
  return u;
}

// The first affirmed fact of `kind` whose subject is in `subjects` (negated ones are
// returned through `negated`).
const Fact* affirmed_fact(const ItemContext& ctx, FactKind kind, const std::set<std::string>& subjects,
                          const Fact** negated = nullptr) {
  for (const Fact* f : facts_of(ctx, kind)) {
    if (!subjects.count(f->subject)) continue;
    if (f->polarity == Polarity::kAffirmed) return f;
    if (negated && f->polarity == Polarity::kNegated && !*negated) *negated = f;
  }
  return nullptr;
}

// --- compound_ingredients_recommended --------------------------------------------------

// Any ingredient of the requested topical on args.not_recommended makes the whole product
// not recommended (MTUS p. 111). The ingredients are the parsed request's.
Finding compound_ingredients_recommended(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  out.evidence.push_back(request_evidence(ctx.request));
  const auto& banned = rule.args.codes("not_recommended");
  std::vector<std::string> ingredients = ctx.request.ingredients;
  if (ingredients.empty() && ctx.request.drug) ingredients = ctx.request.drug->ingredients;
  if (ingredients.empty()) {
    out.reason = "ingredients_unstated";
    out.state = S::kNotDocumented;
    return out;
  }
  std::set<std::string> bad;
  for (const auto& i : ingredients) {
    const std::string low = to_lower(i);
    for (const auto& b : banned)
      if (low == b || low.find(b) != std::string::npos) bad.insert(low);
  }
  out.vars["items"] = join(ingredients, ", ");
  out.vars["value"] = bad.empty() ? join(ingredients, ", ") : joined(bad);
  out.reason = bad.empty() ? "all_recommended" : "one_not_recommended";
  out.state = bad.empty() ? S::kMet : S::kNotMet;
  return out;
}

// --- gi_risk_factor ---------------------------------------------------------------------

// MTUS p. 68-69: age over `min`, a history in args.history (peptic ulcer, GI bleeding), a
// drug of args.with_drugs taken with the NSAID (aspirin, a corticosteroid, an
// anticoagulant), several drugs of args.class at once — or a symptom in args.symptoms or a
// condition in args.conditions. Met on any one; all found are reported.
Finding gi_risk_factor(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  std::vector<std::string> found;
  if (ctx.kase.claimant.age && *ctx.kase.claimant.age > rule.args.number("min"))
    found.push_back("age " + std::to_string(*ctx.kase.claimant.age));
  if (const Fact* f = affirmed_fact(ctx, FactKind::kDiagnosis, rule.args.code_set("history"))) {
    cite(out, *f);
    found.push_back("a history of " + readable(f->subject));
  }
  Finding scratch;
  const InUse with = drugs_in_use(ctx, rule.args.code_set("with_drugs"), scratch);
  if (!with.names.empty()) {
    for (const auto& e : scratch.evidence) out.evidence.push_back(e);
    found.push_back(joined(with.names) + " taken with it");
  }
  Finding same;
  const InUse n = drugs_in_use(ctx, rule.args.code_set("class"), same);
  if (n.keys.size() >= 2) {
    for (const auto& e : same.evidence) out.evidence.push_back(e);
    found.push_back("more than one of the class (" + joined(n.names) + ")");
  }
  const Fact* negated_symptom = nullptr;
  if (const Fact* f = affirmed_fact(ctx, FactKind::kSymptom, rule.args.code_set("symptoms"), &negated_symptom)) {
    cite(out, *f);
    found.push_back("symptoms (" + readable(f->subject) + ")");
  } else if (const Fact* g = affirmed_fact(ctx, FactKind::kDiagnosis, rule.args.code_set("conditions"))) {
    cite(out, *g);
    found.push_back(readable(g->subject));
  }
  if (!found.empty()) {
    out.vars["value"] = join(found, "; ");
    out.reason = "risk_found";
    out.state = S::kMet;
    return out;
  }
  if (negated_symptom) {
    cite(out, *negated_symptom);
    out.reason = "symptoms_denied";
    out.state = S::kNotMet;
    return out;
  }
  out.reason = "none_recorded";
  out.state = S::kNotDocumented;
  return out;
}

// --- topical_site -----------------------------------------------------------------------

// The body part a topical is for: a site in args.amenable (knee, elbow, hand, ...) named in
// the request or in a diagnosis sentence; a site in args.excluded (spine, hip, shoulder)
// fails it.
Finding topical_site(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const auto& amenable = rule.args.codes("amenable");
  const auto& excluded = rule.args.codes("excluded");
  auto scan = [&](const std::string& text, std::string* good, std::string* bad) {
    const std::string low = to_lower(text);
    for (const auto& w : amenable)
      if (good->empty() && low.find(readable(w)) != std::string::npos) *good = readable(w);
    for (const auto& w : excluded)
      if (bad->empty() && low.find(readable(w)) != std::string::npos) *bad = readable(w);
  };
  std::string good, bad;
  scan(ctx.request.text, &good, &bad);
  if (!good.empty() || !bad.empty()) out.evidence.push_back(request_evidence(ctx.request));
  if (good.empty() && bad.empty()) {
    for (const Fact* f : facts_of(ctx, FactKind::kDiagnosis)) {
      if (f->polarity != Polarity::kAffirmed) continue;
      std::string g, b;
      scan(f->evidence.text + " " + f->region, &g, &b);
      if (g.empty() && b.empty()) continue;
      cite(out, *f);
      if (good.empty()) good = g;
      if (bad.empty()) bad = b;
    }
  }
  if (!good.empty() && bad.empty()) {
    out.vars["value"] = good;
    out.reason = "amenable";
    out.state = S::kMet;
  } else if (!bad.empty()) {
    out.vars["value"] = bad;
    out.reason = "excluded";
    out.state = S::kNotMet;
  } else {
    out.reason = "site_unstated";
    out.state = S::kNotDocumented;
  }
  return out;
}

// --- daily_dose_at_most -----------------------------------------------------------------

// The requested daily dose of args.ingredient (mg/day: strength x units per day) at most
// max. A combination counts the strength listed for that ingredient.
Finding daily_dose_at_most(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  out.evidence.push_back(request_evidence(ctx.request));
  const std::string& want = rule.args.codes("ingredient").front();
  const double max = rule.args.number("max");
  out.vars["limit"] = format_number(max) + " mg/day";
  const auto& ings = ctx.request.ingredients;
  size_t idx = ings.size();
  for (size_t i = 0; i < ings.size(); ++i)
    if (to_lower(ings[i]) == want) idx = i;
  if (idx == ings.size() && ings.empty() && ctx.request.drug && ctx.request.drug->generic == want) idx = 0;
  const auto& strengths = ctx.request.strengths;
  const Strength* s = nullptr;
  if (idx < strengths.size()) s = &strengths[idx];
  else if (strengths.size() == 1) s = &strengths[0];
  if (!s || !ctx.request.units_per_day || s->unit != "mg") {
    out.reason = "dose_unstated";
    out.state = S::kNotDocumented;
    return out;
  }
  const double mg = s->value * ctx.request.units_per_day->max;
  out.vars["value"] = format_number(mg) + " mg/day";
  out.reason = mg <= max ? "within" : "over";
  out.state = mg <= max ? S::kMet : S::kNotMet;
  return out;
}

// --- screen_due -------------------------------------------------------------------------

// A urine drug screen is due: aberrant behaviour or an inconsistent result (high risk:
// testing as often as monthly), else no screen within `max` days (low risk: yearly). A
// screen inside that window with no risk marker is not due yet.
Finding screen_due(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  for (const Fact* f : facts_of(ctx, FactKind::kAberrantBehavior)) {
    if (f->polarity != Polarity::kAffirmed) continue;
    cite(out, *f);
    out.reason = "aberrant_behavior";
    out.state = S::kMet;
    return out;
  }
  const Fact* last = nullptr;
  for (const Fact* f : facts_of(ctx, FactKind::kDrugScreen)) {
    if (f->polarity != Polarity::kAffirmed) continue;
    if (f->qualifier == "inconsistent") {
      cite(out, *f);
      out.reason = "inconsistent_before";
      out.state = S::kMet;
      return out;
    }
    if (f->qualifier == "ordered" || !f->date) continue;
    if (!last || f->date->last_day() > last->date->last_day()) last = f;
  }
  const std::optional<int> ref = reference_day(ctx);
  if (!last) {
    out.reason = "no_earlier_screen";
    out.state = S::kMet;
    return out;
  }
  cite(out, *last);
  const int gap = ref ? *ref - last->date->last_day() : 0;
  out.vars["days"] = std::to_string(gap);
  out.vars["value"] = describe_days(gap);
  out.vars["date"] = last->date->iso();
  const bool due = gap >= rule.args.days("max");
  out.reason = due ? "interval_passed" : "recent_screen";
  out.state = due ? S::kMet : S::kNotMet;
  return out;
}

}  // namespace

std::vector<MeasureContract> drug_topic_measures() {
  return {
      {"compound_ingredients_recommended", compound_ingredients_recommended,
       "no ingredient of the requested topical is on args.not_recommended",
       {{"not_recommended", ArgType::kCodes, true, "", "ingredients the guideline does not recommend"}},
       {{S::kMet, "all_recommended", {"value", "items"}},
        {S::kNotMet, "one_not_recommended", {"value", "items"}},
        {S::kNotDocumented, "ingredients_unstated", {}}},
       {}},
      {"gi_risk_factor", gi_risk_factor,
       "a GI risk factor with NSAIDs (age over min, a history in args.history, a drug of args.with_drugs, several of "
       "args.class) or a symptom / condition",
       {{"min", ArgType::kInteger, true, "", "age above which age is a risk", 0, 120},
        {"history", ArgType::kCodes, true, "diagnosis.subject", "conditions in the history"},
        {"with_drugs", ArgType::kCodes, true, "drug_class_or_drug", "drugs taken with it"},
        {"class", ArgType::kCodes, true, "drug_class", "the class of which two at once is a risk"},
        {"symptoms", ArgType::kCodes, true, "symptom.subject", "symptoms"},
        {"conditions", ArgType::kCodes, false, "diagnosis.subject", "conditions"}},
       {{S::kMet, "risk_found", {"value"}}, {S::kNotMet, "symptoms_denied", {"quote"}}, {S::kNotDocumented, "none_recorded", {}}},
       {FactKind::kDiagnosis, FactKind::kMedicationUse, FactKind::kSymptom}},
      {"topical_site", topical_site, "the site treated is one in args.amenable, not one in args.excluded",
       {{"amenable", ArgType::kCodes, true, "", "sites the topical suits"},
        {"excluded", ArgType::kCodes, true, "", "sites it does not"}},
       {{S::kMet, "amenable", {"value"}}, {S::kNotMet, "excluded", {"value"}}, {S::kNotDocumented, "site_unstated", {}}},
       {FactKind::kDiagnosis}},
      {"daily_dose_at_most", daily_dose_at_most, "the requested daily dose of args.ingredient at most max mg",
       {{"ingredient", ArgType::kCodes, true, "", "the ingredient"}, {"max", ArgType::kNumber, true, "", "mg per day"}},
       {{S::kMet, "within", {"value", "limit"}}, {S::kNotMet, "over", {"value", "limit"}},
        {S::kNotDocumented, "dose_unstated", {"limit"}}},
       {}},
      {"screen_due", screen_due,
       "a drug screen is due: aberrant behaviour, an inconsistent result, or none within max days",
       {{"max", ArgType::kDays, true, "", "the interval for a low-risk claimant"}},
       {{S::kMet, "aberrant_behavior", {"quote"}},
        {S::kMet, "inconsistent_before", {"quote"}},
        {S::kMet, "no_earlier_screen", {}},
        {S::kMet, "interval_passed", {"value", "days", "date", "quote"}},
        {S::kNotMet, "recent_screen", {"value", "days", "date", "quote"}}},
       {FactKind::kAberrantBehavior, FactKind::kDrugScreen}},
  };
}

}  // namespace imr
