// The clinical case summary of a drafted letter, composed from the case and the facts
// found in its records — in our own words, every statement traceable to a fact.
#pragma once

#include <string>

#include "decide/determination.h"
#include "intake/case.h"
#include "intake/drug_table.h"

namespace imr {

std::string compose_case_summary(const Case& c, const Review& review, const DrugTable& drugs);

}  // namespace imr
