#include "decide/rationale.h"

#include "assess/assess.h"
#include "core/text.h"

namespace imr {
namespace {

void add_sentence(std::string& out, std::string s) {
  s = collapse_whitespace(s);
  if (s.empty()) return;
  // Wording may open with a generic name ("diazepam is ..."): sentences start upper case.
  if (s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  if (!out.empty()) out += ' ';
  out += s;
  if (out.back() != '.' && out.back() != '?' && out.back() != '!') out += '.';
}

}  // namespace

std::string compose_rationale(const Determination& d, const ItemAssessment& a, const std::string& record_basis,
                              const Wording& w) {
  std::string out;
  const auto& vars = a.item_vars;
  if (d.parsed.kind == ParsedRequest::Kind::kDrug)
    add_sentence(out, w.sentence(iequals(vars.at("drug"), vars.at("generic")) ? "opening_drug_generic" : "opening_drug",
                                 vars));
  else
    add_sentence(out, w.sentence("opening_service", vars));
  add_sentence(out, fill_placeholders(a.pack->position, vars));
  add_sentence(out, record_basis);

  const bool overturned = d.decision == Decision::kOverturned;
  // What decided it first; for an uphold then what the record does show.
  for (const auto& c : d.criteria)
    if (c.decided && !c.advisory) add_sentence(out, c.statement);
  if (!overturned)
    for (const auto& c : d.criteria)
      if (!c.decided && c.decisive && !c.advisory && c.state == CriterionState::kMet) add_sentence(out, c.statement);
  // Supporting concerns speak to an uphold; safety flags are said either way.
  for (const auto& c : d.criteria)
    if (!c.decisive && !c.advisory && c.state == CriterionState::kNotMet && (c.flag || !overturned))
      add_sentence(out, c.statement);
  for (const auto& c : d.criteria)
    if (c.advisory) add_sentence(out, c.statement);

  add_sentence(out, w.sentence(overturned ? "closing_overturned" : "closing_upheld", vars));
  return out;
}

std::string no_rule_rationale(const Determination& d, const Wording& w) {
  std::string out;
  if (d.parsed.kind == ParsedRequest::Kind::kService && !d.parsed.service.empty())
    out = w.sentence("no_rule_service", {{"service", d.parsed.service}});
  else if (d.parsed.drug)
    out = w.sentence("no_rule_drug", {{"generic", d.parsed.drug->generic}, {"topic", d.parsed.drug->topic}});
  else if (d.parsed.kind == ParsedRequest::Kind::kUnknown)
    out = w.sentence("no_rule_unknown", {});
  add_sentence(out, w.sentence("no_rule", {}));
  return out;
}

}  // namespace imr
