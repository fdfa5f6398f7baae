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

// What a measure found.
struct Finding {
  CriterionState state = CriterionState::kNotDocumented;
  std::vector<Evidence> evidence;
  // Values for the criterion's wording: {value}, {date}, {detail}, ... (see measures.h).
  std::map<std::string, std::string> vars;
};

// A criterion evaluated for one disputed item.
struct CriterionResult {
  std::string id;
  std::string title;
  CriterionState state = CriterionState::kNotDocumented;
  bool decisive = true;
  bool advisory = false;  // from a companion pack (weaning): advice, not a test
  bool flag = false;      // a safety flag stated whatever the decision
  std::string citation_id;
  std::string looked_for;
  std::string statement;  // the rationale wording for its state, placeholders filled
  std::string to_change;  // filled when not met / not documented
  std::vector<Evidence> evidence;
};

}  // namespace imr
