// The claimant's sex as the records state it, for the letter's case summary and the case
// header ("a 55-year-old female", never "person" when the record says "she").
//
// A statement of age and sex ("55-year-old female", "a 48 yo man", "Sex: F", "Gender: male")
// decides when the records hold one (the most frequent, ties undecided). Otherwise the
// pronouns decide: she/her/hers/herself, Mrs./Ms. against he/him/his/himself, Mr., when one
// side has at least three times the other's count (records speak of the patient; a physician
// or a relative mentioned as well rarely outweighs that). Otherwise "" (not guessed). Pure
// and deterministic.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "intake/case.h"

namespace imr {

// "female", "male" or "".
std::string claimant_sex_from_texts(const std::vector<std::string_view>& texts);
std::string claimant_sex_from_records(const std::vector<Record>& records);

}  // namespace imr
