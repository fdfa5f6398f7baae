// The decision policy: how a pack's criteria, each with its role, decide an item.
//
// Modelled on how reviewers weigh the guideline (docs/decision-policy.md):
//   - the item is medically necessary when every indication group has an indication met
//     (an indication alone is its own group; "objective findings" and "failed conservative
//     care" are two groups: both halves are needed) and no requirement is documented as
//     not met (a request over the guideline's limit, a contraindication, a surgery that is
//     itself not necessary);
//   - a requirement that is not documented does not decide by itself;
//   - supporting criteria and flags never decide.
// A pack with no indications decides on its requirements alone, and needs one of them met.
// The criteria that decided the draft are marked (CriterionResult::decided): for an
// uphold, each requirement not met and every criterion of each unmet indication group;
// for an overturn, the indications met and the requirements met.
#pragma once

#include <vector>

#include "assess/criterion.h"
#include "core/citation.h"

namespace imr {

// Decides and marks the deciding criteria in place.
Decision apply_policy(std::vector<CriterionResult>& criteria);

}  // namespace imr
