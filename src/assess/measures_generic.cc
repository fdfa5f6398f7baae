// Generic measures that let a rule pack test facts by name, as data: a fact of a kind
// (with subjects and qualifiers), a diagnosis, a prior treatment, the claimant's age, the
// size of the request. Most service and drug-topic criteria are written with these.
#include <set>

#include "assess/fact_query.h"
#include "assess/measures.h"
#include "core/text.h"

namespace imr {
namespace {

// The facts of `kind` whose subject and qualifier are in the lists (an empty list takes
// any); a subject also matches by the drug class of a drug-key subject.
std::vector<const Fact*> matching(const ItemContext& ctx, FactKind kind, const std::set<std::string>& subjects,
                                  const std::set<std::string>& qualifiers) {
  std::vector<const Fact*> out;
  for (const Fact* f : facts_of(ctx, kind)) {
    if (!subjects.empty() && !subjects.count(f->subject) && !subjects.count(class_of(*f, ctx.drugs))) continue;
    if (!qualifiers.empty() && !qualifiers.count(f->qualifier)) continue;
    out.push_back(f);
  }
  return out;
}

// Affirmed -> met, negated -> not met, none -> not documented (flipped by args.absent:
// true, for criteria that ask for something NOT to be there, such as red flags).
Finding by_polarity(const std::vector<const Fact*>& facts, bool absent_wanted) {
  Finding out;
  const Fact* affirmed = nullptr;
  const Fact* negated = nullptr;
  for (const Fact* f : facts) {
    if (f->polarity == Polarity::kAffirmed) affirmed = f;
    if (f->polarity == Polarity::kNegated && !negated) negated = f;
  }
  const Fact* deciding = affirmed ? affirmed : negated;
  if (!deciding) {
    out.state = CriterionState::kNotDocumented;
    out.vars["detail"] = "nothing in the record speaks to it";
    return out;
  }
  out.evidence.push_back(deciding->evidence);
  if (deciding->date) out.vars["date"] = deciding->date->iso();
  out.vars["quote"] = deciding->evidence.text;
  out.vars["value"] = deciding->subject;
  if (deciding->value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", *deciding->value);
    out.vars["count"] = buf;
  }
  const bool present = deciding == affirmed;
  out.state = present != absent_wanted ? CriterionState::kMet : CriterionState::kNotMet;
  return out;
}

Finding fact_present(const CriterionRule& rule, const ItemContext& ctx) {
  const FactKind kind = *fact_kind_from_string(rule.args.at("kind"));
  return by_polarity(matching(ctx, kind, list_arg(rule, "subject"), list_arg(rule, "qualifier")),
                     arg_true(rule, "absent"));
}

std::string check_fact_present(const CriterionRule& rule) {
  if (!fact_kind_from_string(rule.args.at("kind")))
    return "unknown fact kind '" + rule.args.at("kind") + "'";
  return "";
}

Finding diagnosis_present(const CriterionRule& rule, const ItemContext& ctx) {
  return by_polarity(matching(ctx, FactKind::kDiagnosis, list_arg(rule, "any_of"), {}),
                     arg_true(rule, "absent"));
}

Finding prior_trial(const CriterionRule& rule, const ItemContext& ctx) {
  const auto subjects = list_arg(rule, "any_of");
  Finding f = by_polarity(matching(ctx, FactKind::kPriorTrial, subjects, list_arg(rule, "qualifier")), false);
  if (f.state != CriterionState::kNotDocumented) return f;
  // A past course of the drug counts as a trial of it.
  for (const auto& fact : ctx.facts) {
    if (fact.kind != FactKind::kMedicationUse || fact.polarity != Polarity::kAffirmed) continue;
    if (fact.qualifier == "planned") continue;
    if (subjects.count(fact.subject) || subjects.count(class_of(fact, ctx.drugs))) {
      Finding out;
      out.state = CriterionState::kMet;
      out.evidence.push_back(fact.evidence);
      const Drug* d = ctx.drugs.by_key(fact.subject);
      out.vars["value"] = d ? d->generic : fact.subject;
      if (fact.date) out.vars["date"] = fact.date->iso();
      return out;
    }
  }
  return f;
}

Finding age_at_least(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  if (!ctx.kase.claimant.age) {
    out.vars["detail"] = "the claimant's age is not given";
    return out;
  }
  out.vars["value"] = std::to_string(*ctx.kase.claimant.age);
  out.state = *ctx.kase.claimant.age >= *rule.min ? CriterionState::kMet : CriterionState::kNotMet;
  return out;
}

Finding requested_units_at_most(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  out.evidence.push_back(request_evidence(ctx.request));
  std::optional<double> n;
  if (ctx.request.visits) n = *ctx.request.visits;
  else if (ctx.request.quantity) n = *ctx.request.quantity;
  if (!n) {
    out.vars["detail"] = "the request does not say how many";
    return out;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", *n);
  out.vars["count"] = buf;
  out.vars["value"] = buf;
  out.state = *n <= *rule.max ? CriterionState::kMet : CriterionState::kNotMet;
  return out;
}

}  // namespace

std::vector<MeasureSpec> generic_measures() {
  return {
      {"fact_present", fact_present, false, false, {"kind"},
       "a fact of args.kind (subject / qualifier lists optional) affirmed; args.absent: true wants it absent",
       check_fact_present},
      {"diagnosis_present", diagnosis_present, false, false, {"any_of"},
       "one of the diagnoses in args.any_of documented (args.absent: true wants none)"},
      {"prior_trial", prior_trial, false, false, {"any_of"},
       "a previous treatment among args.any_of (drug keys, classes or therapies) documented"},
      {"age_at_least", age_at_least, true, false, {}, "the claimant's age at least min"},
      {"requested_units_at_most", requested_units_at_most, false, true, {},
       "the visits (or quantity) requested at most max"},
  };
}

}  // namespace imr
