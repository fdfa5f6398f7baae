#include "decide/rationale.h"

#include "assess/assess.h"
#include "core/text.h"

namespace imr {
namespace {

void add_sentence(std::string& out, std::string s) {
  if (s.empty()) return;
  // Wording may open with a generic name ("diazepam is ..."): sentences start upper case.
  if (s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  if (!out.empty()) out += ' ';
  out += s;
  if (out.back() != '.' && out.back() != '?' && out.back() != '!') out += '.';
}

}  // namespace

std::string compose_rationale(const Determination& d, const ItemAssessment& a,
                              const std::string& record_basis) {
  std::string out;
  const auto& vars = a.item_vars;
  std::string opening = "The request is for " + d.request;
  if (d.parsed.kind == ParsedRequest::Kind::kDrug) {
    opening += ". " + vars.at("drug");
    if (!iequals(vars.at("drug"), vars.at("generic"))) opening += " (" + vars.at("generic") + ")";
    opening += " is " + vars.at("class");
  }
  add_sentence(out, opening);
  add_sentence(out, collapse_whitespace(fill_placeholders(a.pack->position, vars)));
  add_sentence(out, record_basis);

  const bool overturned = d.decision == Decision::kOverturned;
  // For an overturn, what the record documents; for an uphold, what it lacks first,
  // then what it does show.
  for (const auto& c : d.criteria)
    if (c.decisive && (overturned ? c.state == CriterionState::kMet : c.state != CriterionState::kMet))
      add_sentence(out, c.statement);
  if (!overturned)
    for (const auto& c : d.criteria)
      if (c.decisive && c.state == CriterionState::kMet) add_sentence(out, c.statement);
  // Supporting concerns speak to an uphold; when every decisive MTUS criterion is met only
  // the safety flags are said, the rest stay in the criteria list for the reviewer.
  for (const auto& c : d.criteria)
    if (!c.decisive && !c.advisory && c.state == CriterionState::kNotMet && (c.flag || !overturned))
      add_sentence(out, c.statement);
  for (const auto& n : d.notes) add_sentence(out, n);
  for (const auto& c : d.criteria)
    if (c.advisory) add_sentence(out, c.statement);

  if (overturned)
    add_sentence(out, "The request for " + d.request + " is therefore medically necessary");
  else
    add_sentence(out, "The request for " + d.request + " is therefore not medically necessary");
  return out;
}

std::string no_rule_rationale(const Determination& d) {
  std::string out = "No rule pack covers this request";
  if (d.parsed.kind == ParsedRequest::Kind::kService && !d.parsed.service.empty())
    out += " (" + d.parsed.service + ")";
  else if (d.parsed.drug)
    out += " (" + d.parsed.drug->generic + ", topic " + d.parsed.drug->topic + ")";
  else if (d.parsed.kind == ParsedRequest::Kind::kUnknown)
    out += " (the drug or service was not recognised)";
  out += ". The engine does not guess: the item is routed to the physician reviewer to decide "
         "from the record and the guidelines.";
  return out;
}

}  // namespace imr
