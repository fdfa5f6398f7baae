// A criterion's result: met, not met, or not documented — three states, never collapsed —
// with the evidence it rests on and the values its wording needs.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "extract/fact.h"

namespace imr {

enum class CriterionState { kMet, kNotMet, kNotDocumented };

inline const char* to_string(CriterionState s) {
  switch (s) {
    case CriterionState::kMet: return "met";
    case CriterionState::kNotMet: return "not_met";
    case CriterionState::kNotDocumented: return "not_documented";
  }
  return "not_documented";
}

// How a criterion weighs in the decision (docs/decision-policy.md):
//  - an indication, documented, supports necessity; the item is necessary only when every
//    indication group has one indication met (a criterion alone is its own group);
//  - a requirement decides against when its absence is documented (not met) — a
//    contraindication, a request over the guideline's limit; not documented, it is neutral;
//  - a supporting element is cited and said but never decides;
//  - a flag is a safety concern stated whatever the decision.
enum class Role { kIndication, kRequirement, kSupporting, kFlag };

inline const char* to_string(Role r) {
  switch (r) {
    case Role::kIndication: return "indication";
    case Role::kRequirement: return "requirement";
    case Role::kSupporting: return "supporting";
    case Role::kFlag: return "flag";
  }
  return "supporting";
}

// What a measure found.
struct Finding {
  CriterionState state = CriterionState::kNotDocumented;
  std::string reason;  // the outcome's reason code, declared in the measure's contract
  std::vector<Evidence> evidence;
  // Values for the criterion's wording: {value}, {date}, {count}, ... (see measures.h).
  std::map<std::string, std::string> vars;
};

// A criterion evaluated for one disputed item.
struct CriterionResult {
  std::string id;
  std::string title;
  CriterionState state = CriterionState::kNotDocumented;
  std::string reason;     // the measure's reason code for the state
  Role role = Role::kIndication;
  std::string group;      // indications: the group it belongs to
  bool decisive = true;   // an indication or a requirement (may decide the item)
  bool decided = false;   // this criterion decided the draft (see decide/policy.h)
  bool advisory = false;  // from a companion pack (weaning): advice, not a test
  bool flag = false;      // a safety flag stated whatever the decision
  std::string citation_id;
  std::string looked_for;
  std::string statement;  // the rationale wording for its state, placeholders filled
  std::string to_change;  // filled when not met / not documented
  std::vector<Evidence> evidence;
};

}  // namespace imr
