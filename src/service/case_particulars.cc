#include "service/case_particulars.h"

#include <algorithm>

#include "assess/vocabulary.h"
#include "render/claimant_sex.h"

namespace imr {

using nlohmann::json;

namespace {

std::string words(std::string code) {
  std::replace(code.begin(), code.end(), '_', ' ');
  return code;
}

// The affirmed diagnoses among the draft's facts, by first mention, in the vocabulary's words.
std::vector<std::string> draft_diagnoses(const CaseDraft& draft, const Vocabulary& vocabulary) {
  std::vector<std::string> out;
  if (!draft.review.is_object() || !draft.review.contains("facts") || !draft.review["facts"].is_array()) return out;
  const FactKindVocabulary* codes = vocabulary.kind(FactKind::kDiagnosis);
  for (const json& f : draft.review["facts"]) {
    if (!f.is_object() || f.value("kind", "") != "diagnosis" || f.value("polarity", "") != "affirmed") continue;
    const std::string code = f.value("subject", "");
    if (code.empty()) continue;
    std::string name = words(code);
    if (codes) {
      auto it = codes->subjects.find(code);
      if (it != codes->subjects.end()) name = it->second;
    }
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

json date_json(const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); }

}  // namespace

std::optional<int> age_on(const Date& b, const Date& on) {
  const int age = on.year - b.year - ((on.month < b.month || (on.month == b.month && on.day < b.day)) ? 1 : 0);
  if (age > 0 && age < 120) return age;
  return std::nullopt;
}

CaseParticulars case_particulars(const std::vector<Application>& applications, const std::vector<std::string>& records,
                                 const CaseDraft* draft, const Vocabulary& vocabulary) {
  CaseParticulars p;
  if (!applications.empty()) {
    const Application& a = applications.front();
    p.claimant = a.worker.name;
    p.date_of_injury = a.date_of_injury;
    p.claim_number = a.claim_number;
    p.employer = a.employer.name;
    p.requesting_physician = a.requesting_physician.name;
    p.physician_specialty = a.requesting_physician.specialty;
    if (a.ur) p.ur_date = a.ur->date;
    if (a.worker.date_of_birth) p.age = age_on(*a.worker.date_of_birth, p.ur_date.value_or(a.received));
    for (const auto& app : applications)
      if (app.ur)
        for (const auto& item : app.ur->items) p.ur_actions.push_back({item.request, item.action, item.certified});
  }
  p.sex = claimant_sex_from_texts(std::vector<std::string_view>(records.begin(), records.end()));
  if (draft) p.diagnoses = draft_diagnoses(*draft, vocabulary);
  return p;
}

json to_json(const CaseParticulars& p) {
  json actions = json::array();
  for (const auto& a : p.ur_actions)
    actions.push_back({{"request", a.request}, {"action", a.action}, {"certified", a.certified}});
  return {{"claimant", p.claimant},
          {"age", p.age ? json(*p.age) : json(nullptr)},
          {"sex", p.sex},
          {"date_of_injury", date_json(p.date_of_injury)},
          {"claim_number", p.claim_number},
          {"employer", p.employer},
          {"diagnoses", p.diagnoses},
          {"requesting_physician", p.requesting_physician},
          {"physician_specialty", p.physician_specialty},
          {"ur_date", date_json(p.ur_date)},
          {"ur_actions", actions}};
}

}  // namespace imr
