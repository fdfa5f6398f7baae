// Rationale wording: from an item's assessed criteria to the paragraph a physician
// reviewer reads and signs, in our own words.
#pragma once

#include <string>
#include <vector>

#include "assess/assess.h"
#include "decide/determination.h"
#include "decide/wording.h"

namespace imr {

// Composes the rationale of a decided item: the request, the guideline's position, the
// facts found (with their dates and figures), the criteria not met or not documented —
// or, for an overturn, the criteria met — and the conclusion. Reviewer notes stay out:
// a rationale is letter text.
std::string compose_rationale(const Determination& d, const ItemAssessment& a,
                              const std::string& record_basis, const Wording& w);

// The sentence for an item no rule pack covers.
std::string no_rule_rationale(const Determination& d, const Wording& w);

}  // namespace imr
