// What a case summary says about the claimant: age and sex ("34 yr. old male",
// "58-year-old male", "49 year old female"), the date of injury ("injury on 11/2/13",
// "injury date of 10/05/2007", "date of injury of 08/29/2005", "industrial injury on
// 12-8-10"), and the diagnoses where stated ("diagnosed with A, B and C", "diagnoses
// include(d) ...", "diagnosed as having ..."). Only the first diagnosis statement is read.
// Pure; RE2 only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace imr::letters {

struct ClaimantFacts {
  std::optional<int> age;
  std::string sex;  // "male", "female" or ""
  std::optional<Date> date_of_injury;
  std::vector<std::string> diagnoses;
};

ClaimantFacts read_claimant(std::string_view summary);

// "A, B, C and D" -> {"A", "B", "C", "D"}: splits on commas and semicolons, then on "and"
// inside the last part.
std::vector<std::string> split_diagnoses(std::string_view list);

// The case summary text with whitespace collapsed and the reviewer's boilerplate opening
// ("The expert reviewer developed the following clinical case summary ... records:") removed.
std::string clean_case_summary(std::string_view text);

}  // namespace imr::letters
