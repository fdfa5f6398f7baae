// The particulars of a case for the reviewer's case header: who the claimant is (name, age,
// sex), the injury, the diagnoses, the requesting physician and the utilization review being
// disputed, gathered from the applications, the records and the engine's draft. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "service/application.h"
#include "service/case_document.h"

namespace imr {

class Vocabulary;

struct UrActionLine {
  std::string request;
  std::string action;     // denied | modified | delayed
  std::string certified;  // what UR certified when it modified
};

struct CaseParticulars {
  std::string claimant;                 // the injured worker's name
  std::optional<int> age;               // at the UR decision (else the first application's receipt)
  std::string sex;                      // as the records state it: "female", "male" or ""
  std::optional<Date> date_of_injury;
  std::string claim_number;
  std::string employer;
  std::vector<std::string> diagnoses;   // found in the records by the draft, in words
  std::string requesting_physician;
  std::string physician_specialty;
  std::optional<Date> ur_date;
  std::vector<UrActionLine> ur_actions;
};

// Whole years from a date of birth to a day; nullopt outside 1..119.
std::optional<int> age_on(const Date& birth, const Date& on);

// `records` are the case's record texts; `draft` may be null (no diagnoses then).
CaseParticulars case_particulars(const std::vector<Application>& applications, const std::vector<std::string>& records,
                                 const CaseDraft* draft, const Vocabulary& vocabulary);
nlohmann::json to_json(const CaseParticulars& p);

}  // namespace imr
