#include "decide/policy.h"

#include <map>
#include <set>

namespace imr {

Decision apply_policy(std::vector<CriterionResult>& criteria) {
  std::map<std::string, bool> groups;  // indication group -> one met
  bool requirement_failed = false;
  bool requirement_met = false;
  for (const auto& c : criteria) {
    if (c.advisory) continue;
    if (c.role == Role::kIndication) groups[c.group] |= c.state == CriterionState::kMet;
    if (c.role == Role::kRequirement) {
      requirement_failed |= c.state == CriterionState::kNotMet;
      requirement_met |= c.state == CriterionState::kMet;
    }
  }
  bool groups_met = true;
  for (const auto& [_, met] : groups) groups_met &= met;
  const bool overturned = !requirement_failed && (groups.empty() ? requirement_met : groups_met);

  for (auto& c : criteria) {
    c.decided = false;
    if (c.advisory) continue;
    if (overturned) {
      c.decided = (c.role == Role::kIndication || c.role == Role::kRequirement) && c.state == CriterionState::kMet;
    } else if (c.role == Role::kRequirement) {
      c.decided = c.state == CriterionState::kNotMet;
    } else if (c.role == Role::kIndication) {
      c.decided = !groups[c.group];
    }
  }
  return overturned ? Decision::kOverturned : Decision::kUpheld;
}

}  // namespace imr
