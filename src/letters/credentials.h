// The expert reviewer's credentials, from either way letters state them:
//   the block  "State(s) of Licensure: Iowa, California  Certification(s)/Specialty: A, B"
//   the sentence "... is Board Certified in X, has a subspecialty in Y and is licensed to
//                 practice in Z."
// Licensure lists split on commas and "and"; certifications and subspecialties split on
// commas and semicolons only ("Physical Medicine & Rehabilitation", "Public Health & General
// Preventive Medicine" stay whole). Pure.
#pragma once

#include <string_view>

#include "letters/letter.h"

namespace imr::letters {

// `text` is the part of the letter that holds the credentials (any whitespace).
ReviewerCredentials read_credentials(std::string_view text);

}  // namespace imr::letters
