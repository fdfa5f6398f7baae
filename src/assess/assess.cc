#include "assess/assess.h"

#include <algorithm>
#include <cctype>

#include "assess/fact_query.h"
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

std::string class_label(const std::string& cls) {
  if (cls == "opioid") return "an opioid analgesic";
  if (cls == "benzodiazepine") return "a benzodiazepine";
  if (cls == "muscle_relaxant") return "a muscle relaxant";
  if (cls == "nsaid") return "a nonsteroidal anti-inflammatory drug";
  if (cls == "anticonvulsant") return "an anti-epilepsy drug";
  if (cls == "antidepressant") return "an antidepressant";
  if (cls == "sleep_aid") return "a sedative-hypnotic";
  if (cls.empty()) return "a medication";
  std::string s = cls;
  std::replace(s.begin(), s.end(), '_', ' ');
  return "a " + s;
}

bool has_diagnosis(const ItemContext& ctx, const std::string& code) {
  for (const Fact* f : facts_of(ctx, FactKind::kDiagnosis))
    if (f->subject == code && f->polarity == Polarity::kAffirmed) return true;
  return false;
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

ItemAssessment assess_item(const RulePack& pack, ItemContext ctx) {
  ItemAssessment out;
  out.pack = &pack;
  out.ongoing = is_ongoing_use(ctx, &out.ongoing_evidence);
  out.ongoing_evidence = bounded_evidence(std::move(out.ongoing_evidence));
  ctx.ongoing = out.ongoing;

  const ParsedRequest& r = ctx.request;
  out.item_vars["request"] = r.text;
  out.item_vars["drug"] = !r.name_as_written.empty() ? r.name_as_written
                          : r.drug                   ? r.drug->generic
                                                     : r.text;
  out.item_vars["generic"] = r.drug ? r.drug->generic : out.item_vars["drug"];
  out.item_vars["class"] = class_label(r.drug ? r.drug->drug_class : "");

  for (const auto& rule : pack.criteria) {
    if (rule.phase == "initiating" && out.ongoing) continue;
    if (rule.phase == "ongoing" && !out.ongoing) continue;
    if (auto it = rule.args.find("only_if_diagnosis");
        it != rule.args.end() && !has_diagnosis(ctx, it->second))
      continue;
    const MeasureSpec* spec = find_measure(rule.measure);
    Finding f = spec->fn(rule, ctx);
    CriterionResult res;
    res.id = rule.id;
    res.title = rule.title;
    res.state = f.state;
    res.decisive = rule.decisive;
    res.flag = rule.flag;
    res.citation_id = rule.citation;
    res.looked_for = rule.looked_for;
    res.evidence = bounded_evidence(std::move(f.evidence));
    std::map<std::string, std::string> vars = out.item_vars;
    for (auto& [k, v] : f.vars) vars[k] = v;
    const std::string& wording = f.state == CriterionState::kMet      ? rule.met
                                 : f.state == CriterionState::kNotMet ? rule.not_met
                                                                      : rule.not_documented;
    res.statement = collapse_whitespace(fill_placeholders(wording, vars));
    // Wording may open with a generic name ("diazepam is ..."); statements are sentences.
    if (!res.statement.empty() && std::islower(static_cast<unsigned char>(res.statement[0])))
      res.statement[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(res.statement[0])));
    if (f.state != CriterionState::kMet)
      res.to_change = collapse_whitespace(fill_placeholders(rule.to_change, vars));
    out.criteria.push_back(std::move(res));
  }
  return out;
}

}  // namespace imr
