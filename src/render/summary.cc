#include "render/summary.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "assess/vocabulary.h"
#include "core/text.h"
#include "render/claimant_sex.h"

namespace imr {
namespace {

std::string readable(std::string code) {
  std::replace(code.begin(), code.end(), '_', ' ');
  return code;
}

std::string list_words(const std::vector<std::string>& items) {
  if (items.empty()) return {};
  if (items.size() == 1) return items[0];
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

std::string score(const Fact& f) {
  char buf[32];
  if (f.value_max && *f.value_max != *f.value) std::snprintf(buf, sizeof buf, "%g-%g/10", *f.value, *f.value_max);
  else std::snprintf(buf, sizeof buf, "%g/10", *f.value);
  return buf;
}

}  // namespace

std::string compose_case_summary(const Case& c, const Review& review, const DrugTable& drugs,
                                 const Vocabulary* vocabulary) {
  const FactKindVocabulary* diagnosis_codes = vocabulary ? vocabulary->kind(FactKind::kDiagnosis) : nullptr;
  auto diagnosis_name = [&](const std::string& code) {
    if (diagnosis_codes) {
      auto it = diagnosis_codes->subjects.find(code);
      if (it != diagnosis_codes->subjects.end()) return it->second;
    }
    return readable(code);
  };
  const std::string sex = c.claimant.sex.empty() ? claimant_sex_from_records(c.records) : c.claimant.sex;
  std::string out;
  auto sentence = [&](const std::string& s) {
    if (s.empty()) return;
    if (!out.empty()) out += ' ';
    out += s;
    if (out.back() != '.') out += '.';
  };

  std::string who = "The claimant";
  if (c.claimant.age || !sex.empty()) {
    who += " is a";
    if (c.claimant.age) who += " " + std::to_string(*c.claimant.age) + "-year-old";
    who += sex.empty() ? " person" : " " + sex;
    if (c.date_of_injury) who += " injured at work on " + c.date_of_injury->iso();
    sentence(who);
  } else if (c.date_of_injury) {
    sentence("The claimant was injured at work on " + c.date_of_injury->iso());
  }

  std::vector<std::string> diagnoses = c.diagnoses;
  if (diagnoses.empty()) {
    std::set<std::string> seen;
    for (const auto& f : review.facts)
      if (f.kind == FactKind::kDiagnosis && f.polarity == Polarity::kAffirmed && seen.insert(f.subject).second)
        diagnoses.push_back(diagnosis_name(f.subject));
  }
  if (!diagnoses.empty()) sentence("Diagnoses in the record include " + list_words(diagnoses));

  std::vector<std::string> surgeries;
  for (const auto& f : review.facts)
    if (f.kind == FactKind::kSurgery && f.polarity == Polarity::kAffirmed && f.qualifier != "planned")
      surgeries.push_back(f.subject + (f.date ? " (" + f.date->iso() + ")" : ""));
  if (!surgeries.empty()) sentence("Surgical history: " + list_words(surgeries));

  // Dated records in order: pain and medications noted in each.
  std::optional<Date> first, last;
  for (const auto& r : c.records) {
    if (!r.date) continue;
    if (!first || r.date->first_day() < first->first_day()) first = r.date;
    if (!last || r.date->last_day() > last->last_day()) last = r.date;
  }
  if (first && last && c.records.size() > 1)
    sentence("The " + std::to_string(c.records.size()) + " records reviewed run from " + first->iso() +
             " to " + last->iso());
  else if (first)
    sentence("The record reviewed is dated " + last->iso());

  std::map<std::string, std::vector<std::string>> meds_by_date;
  std::map<std::string, std::string> pain_by_date;
  for (const auto& f : review.facts) {
    const std::string when = f.date ? f.date->iso() : "";
    if (when.empty()) continue;
    if (f.kind == FactKind::kMedicationUse && f.polarity == Polarity::kAffirmed &&
        (f.qualifier == "current" || f.qualifier.empty())) {
      const Drug* d = drugs.by_key(f.subject);
      const std::string name = d ? d->generic : f.subject;
      auto& v = meds_by_date[when];
      if (std::find(v.begin(), v.end(), name) == v.end()) v.push_back(name);
    }
    if (f.kind == FactKind::kPainScore && f.value && !pain_by_date.count(when) &&
        f.qualifier != "with_medication" && f.qualifier != "without_medication")
      pain_by_date[when] = score(f) + (f.qualifier.empty() || f.qualifier == "current" ? "" : " (" + f.qualifier + ")");
  }
  std::set<std::string> dates;
  for (const auto& [d, _] : meds_by_date) dates.insert(d);
  for (const auto& [d, _] : pain_by_date) dates.insert(d);
  for (const auto& d : dates) {
    std::string s = "On " + d;
    std::vector<std::string> parts;
    if (pain_by_date.count(d)) parts.push_back("pain was rated " + pain_by_date[d]);
    if (meds_by_date.count(d)) parts.push_back("medications noted were " + list_words(meds_by_date[d]));
    sentence(s + ", " + list_words(parts));
  }

  if (c.ur) {
    std::vector<std::string> actions;
    for (const auto& item : c.ur->items) {
      std::string a = item.request + " was " + (item.action.empty() ? "not certified" : item.action);
      if (item.action == "modified" && !item.certified.empty()) a += " to " + item.certified;
      actions.push_back(a);
    }
    std::string s = "Utilization review";
    if (c.ur->date) s += " on " + c.ur->date->iso();
    if (!actions.empty()) sentence(s + ": " + list_words(actions));
  }
  std::vector<std::string> requests;
  for (const auto& r : c.requests) requests.push_back(r);
  sentence("The disputed request" + std::string(requests.size() == 1 ? " is " : "s are ") + list_words(requests));
  return out;
}

}  // namespace imr
