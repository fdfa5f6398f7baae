// The clinical case summary of a drafted letter, composed from the case and the facts
// found in its records — in our own words, every statement traceable to a fact.
#pragma once

#include <string>

#include "decide/determination.h"
#include "intake/case.h"
#include "intake/drug_table.h"

namespace imr {

class Vocabulary;

// The claimant's sex is the case's, else what the records state (render/claimant_sex.h).
// Diagnoses are named by the vocabulary's description of their code when one is given
// ("complex regional pain syndrome", not "crps").
std::string compose_case_summary(const Case& c, const Review& review, const DrugTable& drugs,
                                 const Vocabulary* vocabulary = nullptr);

}  // namespace imr
