#include "assess/assess.h"

#include <algorithm>
#include <cctype>

#include "assess/fact_query.h"
#include "assess/phrases.h"
#include "core/limits.h"
#include "core/text.h"

namespace imr {
namespace {

// The evidence a criterion shows: a measure may match every sentence of a long record set,
// and each disputed item carries its own copy, so an unbounded list made a review's memory
// and output grow with items x input. The state is decided on all of it; the first and last
// limits::kMaxEvidencePerCriterion / 2 (the earliest and the latest) are kept.
std::vector<Evidence> bounded_evidence(std::vector<Evidence> evidence) {
  constexpr size_t kHalf = limits::kMaxEvidencePerCriterion / 2;
  if (evidence.size() <= 2 * kHalf) return evidence;
  evidence.erase(evidence.begin() + kHalf, evidence.end() - kHalf);
  return evidence;
}

bool has_any_diagnosis(const ItemContext& ctx, const std::vector<std::string>& codes) {
  for (const Fact* f : facts_of(ctx, FactKind::kDiagnosis))
    if (f->polarity == Polarity::kAffirmed && std::find(codes.begin(), codes.end(), f->subject) != codes.end())
      return true;
  return false;
}

std::string sentence_case(std::string s) {
  // Wording may open with a generic name ("diazepam is ..."); statements are sentences.
  if (!s.empty() && std::islower(static_cast<unsigned char>(s[0])))
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

}  // namespace

std::string fill_placeholders(const std::string& wording,
                              const std::map<std::string, std::string>& vars) {
  std::string out;
  out.reserve(wording.size() + 64);
  size_t i = 0;
  while (i < wording.size()) {
    if (wording[i] == '{') {
      const size_t end = wording.find('}', i);
      if (end != std::string::npos) {
        auto it = vars.find(wording.substr(i + 1, end - i - 1));
        if (it != vars.end()) {
          out += it->second;
          i = end + 1;
          continue;
        }
      }
    }
    out += wording[i++];
  }
  return out;
}

std::map<std::string, std::string> item_vars(const ParsedRequest& r, const DrugTable& drugs) {
  std::map<std::string, std::string> vars;
  vars["request"] = r.text;
  vars["drug"] = !r.name_as_written.empty() ? r.name_as_written : r.drug ? r.drug->generic : r.text;
  vars["generic"] = r.drug ? r.drug->generic : vars["drug"];
  vars["class"] = drugs.class_label(r.drug ? r.drug->drug_class : "");
  return vars;
}

ItemAssessment assess_item(const RulePack& pack, ItemContext ctx, const Phrases& phrases) {
  ItemAssessment out;
  out.pack = &pack;
  ctx.pack = &pack;
  out.ongoing = is_ongoing_use(ctx, &out.ongoing_evidence);
  out.ongoing_evidence = bounded_evidence(std::move(out.ongoing_evidence));
  ctx.ongoing = out.ongoing;
  out.item_vars = item_vars(ctx.request, ctx.drugs);

  for (const auto& rule : pack.criteria) {
    if (rule.phase == "initiating" && out.ongoing) continue;
    if (rule.phase == "ongoing" && !out.ongoing) continue;
    if (!rule.only_if_diagnosis.empty() && !has_any_diagnosis(ctx, rule.only_if_diagnosis)) continue;
    if (!rule.only_if_request_flag.empty() &&
        std::none_of(rule.only_if_request_flag.begin(), rule.only_if_request_flag.end(),
                     [&](const std::string& f) { return ctx.request.has_flag(f); }))
      continue;
    const MeasureContract* spec = find_measure(rule.measure);
    Finding f = spec->fn(rule, ctx);
    CriterionResult res;
    res.id = rule.id;
    res.title = rule.title;
    res.state = f.state;
    res.reason = f.reason;
    res.role = rule.role;
    res.group = rule.group;
    res.decisive = rule.decisive();
    res.flag = rule.role == Role::kFlag;
    res.citation_id = rule.citation;
    res.looked_for = rule.looked_for;
    res.evidence = bounded_evidence(std::move(f.evidence));
    std::map<std::string, std::string> vars = out.item_vars;
    for (auto& [k, v] : f.vars) vars[k] = v;
    vars["detail"] = collapse_whitespace(fill_placeholders(phrases.phrase(rule.measure, f.reason), vars));
    auto when = rule.when.find(f.reason);
    const std::string& wording = when != rule.when.end()              ? when->second
                                 : f.state == CriterionState::kMet    ? rule.met
                                 : f.state == CriterionState::kNotMet ? rule.not_met
                                                                      : rule.not_documented;
    res.statement = sentence_case(collapse_whitespace(fill_placeholders(wording, vars)));
    if (f.state != CriterionState::kMet)
      res.to_change = collapse_whitespace(fill_placeholders(rule.to_change, vars));
    out.criteria.push_back(std::move(res));
  }
  return out;
}

}  // namespace imr
