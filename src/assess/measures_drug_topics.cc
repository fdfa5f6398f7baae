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

std::string generic_of(const Fact& f, const DrugTable& drugs) {
  const Drug* d = drugs.by_key(f.subject);
  return d ? d->generic : f.subject;
}

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
  const auto banned = list_arg(rule, "not_recommended");
  std::vector<std::string> ingredients = ctx.request.ingredients;
  if (ingredients.empty() && ctx.request.drug) ingredients = ctx.request.drug->ingredients;
  if (ingredients.empty()) {
    out.vars["detail"] = "the request does not name its ingredients";
    return out;
  }
  std::set<std::string> bad;
  for (const auto& i : ingredients) {
    const std::string low = to_lower(i);
    for (const auto& b : banned)
      if (low == b || low.find(b) != std::string::npos) bad.insert(low);
  }
  out.vars["items"] = join(ingredients, ", ");
  if (bad.empty()) {
    out.vars["value"] = join(ingredients, ", ");
    out.state = CriterionState::kMet;
  } else {
    out.vars["value"] = joined(bad);
    out.state = CriterionState::kNotMet;
  }
  return out;
}

// --- drug_class_in_use ------------------------------------------------------------------

// A drug of args.class (classes or keys, comma separated) taken now, from the record or
// another disputed request; with args.or_symptom, a documented symptom also meets it;
// with args.absent: true, met when none is taken (not met when one is).
Finding drug_class_in_use(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const InUse u = drugs_in_use(ctx, list_arg(rule, "class"), out);
  if (list_arg(rule, "absent").count("true")) {
    // Wanted absent: one in use fails it; none recorded meets it.
    out.vars["value"] = joined(u.names);
    out.vars["detail"] = "no current " + rule.args.at("class") + " is recorded";
    out.state = u.names.empty() ? CriterionState::kMet : CriterionState::kNotMet;
    return out;
  }
  if (!u.names.empty()) {
    out.vars["value"] = joined(u.names);
    out.state = CriterionState::kMet;
    return out;
  }
  const auto symptoms = list_arg(rule, "or_symptom");
  if (!symptoms.empty()) {
    const Fact* negated = nullptr;
    if (const Fact* f = affirmed_fact(ctx, FactKind::kSymptom, symptoms, &negated)) {
      cite(out, *f);
      out.vars["value"] = f->subject;
      out.state = CriterionState::kMet;
      return out;
    }
  }
  // A past course alone is evidence the drug has been stopped.
  for (const auto& f : ctx.facts) {
    if (f.kind != FactKind::kMedicationUse || f.qualifier != "past") continue;
    if (!list_arg(rule, "class").count(class_of(f, ctx.drugs)) && !list_arg(rule, "class").count(f.subject)) continue;
    cite(out, f);
    out.vars["value"] = generic_of(f, ctx.drugs);
    out.vars["detail"] = generic_of(f, ctx.drugs) + " has been stopped";
    out.state = CriterionState::kNotMet;
    return out;
  }
  out.vars["detail"] = "no current " + rule.args.at("class") + " is recorded";
  return out;
}

// --- gi_risk_factor ---------------------------------------------------------------------

// MTUS p. 68-69: age over `min`, a history of peptic ulcer / GI bleeding / perforation,
// aspirin, a corticosteroid or an anticoagulant with the NSAID (the drug keys or classes in
// args.with_drugs), several NSAIDs at once — or GI symptoms. Met on any one; all found are
// reported.
Finding gi_risk_factor(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  std::vector<std::string> found;
  if (ctx.kase.claimant.age && *ctx.kase.claimant.age > *rule.min)
    found.push_back("age " + std::to_string(*ctx.kase.claimant.age));
  if (const Fact* f = affirmed_fact(ctx, FactKind::kDiagnosis, {"peptic_ulcer", "gi_bleed"})) {
    cite(out, *f);
    found.push_back(f->subject == "gi_bleed" ? "a history of GI bleeding" : "a history of peptic ulcer");
  }
  Finding scratch;
  const InUse with = drugs_in_use(ctx, list_arg(rule, "with_drugs"), scratch);
  if (!with.names.empty()) {
    for (const auto& e : scratch.evidence) out.evidence.push_back(e);
    found.push_back(joined(with.names) + " taken with it");
  }
  Finding nsaids;
  const InUse n = drugs_in_use(ctx, {"nsaid"}, nsaids);
  if (n.keys.size() >= 2) {
    for (const auto& e : nsaids.evidence) out.evidence.push_back(e);
    found.push_back("more than one NSAID (" + joined(n.names) + ")");
  }
  const Fact* negated_symptom = nullptr;
  if (const Fact* f = affirmed_fact(ctx, FactKind::kSymptom, {"heartburn", "dyspepsia", "gi_bleed"}, &negated_symptom)) {
    cite(out, *f);
    found.push_back("GI symptoms (" + f->subject + ")");
  } else if (const Fact* g = affirmed_fact(ctx, FactKind::kDiagnosis, {"gerd"})) {
    cite(out, *g);
    found.push_back("reflux disease");
  }
  if (!found.empty()) {
    out.vars["value"] = join(found, "; ");
    out.state = CriterionState::kMet;
    return out;
  }
  if (negated_symptom) {
    cite(out, *negated_symptom);
    out.vars["detail"] = "GI symptoms are denied and no risk factor is recorded";
    out.state = CriterionState::kNotMet;
    return out;
  }
  out.vars["detail"] = "no GI risk factor or GI symptom is recorded";
  return out;
}

// --- topical_site -----------------------------------------------------------------------

// The body part a topical is for: a joint in args.amenable (knee, elbow, hand, ...) named in
// the request or in a diagnosis sentence; a site in args.excluded (spine, hip, shoulder)
// fails it.
Finding topical_site(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const auto amenable = list_arg(rule, "amenable");
  const auto excluded = list_arg(rule, "excluded");
  auto scan = [&](const std::string& text, std::string* good, std::string* bad) {
    const std::string low = to_lower(text);
    for (const auto& w : amenable)
      if (good->empty() && low.find(w) != std::string::npos) *good = w;
    for (const auto& w : excluded)
      if (bad->empty() && low.find(w) != std::string::npos) *bad = w;
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
    out.state = CriterionState::kMet;
  } else if (!bad.empty()) {
    out.vars["value"] = bad;
    out.state = CriterionState::kNotMet;
  } else {
    out.vars["detail"] = "the body part to be treated is not named";
  }
  return out;
}

// --- other_drug_tried -------------------------------------------------------------------

// A previous trial of another drug among args.any_of (classes or keys) — the requested
// drug itself does not count — or of a therapy named there.
Finding other_drug_tried(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const auto any_of = list_arg(rule, "any_of");
  const std::string own = ctx.request.drug ? ctx.request.drug->key : "";
  const Fact* negated = nullptr;
  for (const Fact* f : facts_of(ctx, FactKind::kPriorTrial)) {
    if (f->subject == own) continue;
    if (!any_of.count(f->subject) && !any_of.count(class_of(*f, ctx.drugs))) continue;
    if (f->polarity == Polarity::kNegated) {
      if (!negated) negated = f;
      continue;
    }
    cite(out, *f);
    out.vars["value"] = generic_of(*f, ctx.drugs);
    out.state = CriterionState::kMet;
    return out;
  }
  for (const auto& f : ctx.facts) {
    if (f.kind != FactKind::kMedicationUse || f.polarity != Polarity::kAffirmed) continue;
    if (f.qualifier == "planned" || f.subject == own) continue;
    if (!any_of.count(f.subject) && !any_of.count(class_of(f, ctx.drugs))) continue;
    cite(out, f);
    out.vars["value"] = generic_of(f, ctx.drugs);
    out.state = CriterionState::kMet;
    return out;
  }
  if (negated) {
    cite(out, *negated);
    out.vars["detail"] = "the record says it was not tried";
    out.state = CriterionState::kNotMet;
    return out;
  }
  out.vars["detail"] = "no earlier trial of " + rule.args.at("any_of") + " is recorded";
  return out;
}

// --- dosage_form_in ---------------------------------------------------------------------

// The requested dosage form is one of args.allowed ("patch"); other forms fail.
Finding dosage_form_in(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  out.evidence.push_back(request_evidence(ctx.request));
  std::string form = ctx.request.dosage_form;
  if (form.empty() && ctx.request.drug) form = ctx.request.drug->default_form;
  if (form.empty()) {
    out.vars["detail"] = "the request does not give the form";
    return out;
  }
  out.vars["value"] = form;
  out.state = list_arg(rule, "allowed").count(to_lower(form)) ? CriterionState::kMet : CriterionState::kNotMet;
  return out;
}

// --- daily_dose_at_most -----------------------------------------------------------------

// The requested daily dose of args.ingredient (mg/day: strength x units per day) at most
// max. A combination counts the strength listed for that ingredient.
Finding daily_dose_at_most(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  out.evidence.push_back(request_evidence(ctx.request));
  const std::string& want = rule.args.at("ingredient");
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
    out.vars["detail"] = "the request does not give both the strength and how many are taken a day";
    return out;
  }
  const double mg = s->value * ctx.request.units_per_day->max;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", mg);
  out.vars["value"] = std::string(buf) + " mg/day";
  std::snprintf(buf, sizeof buf, "%g", *rule.max);
  out.vars["limit"] = std::string(buf) + " mg/day";
  out.state = mg <= *rule.max ? CriterionState::kMet : CriterionState::kNotMet;
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
    out.vars["value"] = "aberrant drug-related behaviour";
    out.state = CriterionState::kMet;
    return out;
  }
  const Fact* last = nullptr;
  for (const Fact* f : facts_of(ctx, FactKind::kDrugScreen)) {
    if (f->polarity != Polarity::kAffirmed) continue;
    if (f->qualifier == "inconsistent") {
      cite(out, *f);
      out.vars["value"] = "an inconsistent earlier screen";
      out.state = CriterionState::kMet;
      return out;
    }
    if (f->qualifier == "ordered" || !f->date) continue;
    if (!last || f->date->last_day() > last->date->last_day()) last = f;
  }
  const std::optional<int> ref = reference_day(ctx);
  if (!last) {
    out.vars["value"] = "no earlier screen on record";
    out.vars["detail"] = "no dated earlier screen is recorded";
    out.state = CriterionState::kMet;
    return out;
  }
  cite(out, *last);
  const int gap = ref ? *ref - last->date->last_day() : 0;
  out.vars["days"] = std::to_string(gap);
  out.vars["value"] = "the last screen on " + last->date->iso() + ", " + describe_days(gap) + " ago";
  out.state = gap >= *rule.max ? CriterionState::kMet : CriterionState::kNotMet;
  return out;
}

}  // namespace

std::vector<MeasureSpec> drug_topic_measures() {
  return {
      {"compound_ingredients_recommended", compound_ingredients_recommended, false, false, {"not_recommended"},
       "no ingredient of the requested topical is on args.not_recommended"},
      {"drug_class_in_use", drug_class_in_use, false, false, {"class"},
       "a drug of args.class (classes or keys) taken now; args.or_symptom: a symptom also meets it"},
      {"gi_risk_factor", gi_risk_factor, true, false, {"with_drugs"},
       "a GI risk factor with NSAIDs (age over min, ulcer/bleed history, aspirin/steroid/anticoagulant, "
       "several NSAIDs) or GI symptoms"},
      {"topical_site", topical_site, false, false, {"amenable", "excluded"},
       "the site treated is a joint in args.amenable, not one in args.excluded"},
      {"other_drug_tried", other_drug_tried, false, false, {"any_of"},
       "an earlier trial of another drug among args.any_of (the requested drug excluded)"},
      {"dosage_form_in", dosage_form_in, false, false, {"allowed"},
       "the requested dosage form is one of args.allowed"},
      {"daily_dose_at_most", daily_dose_at_most, false, true, {"ingredient"},
       "the requested daily dose of args.ingredient at most max mg"},
      {"screen_due", screen_due, false, true, {},
       "a drug screen is due: aberrant behaviour, an inconsistent result, or none within max days"},
  };
}

}  // namespace imr
