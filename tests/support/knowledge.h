// Test support: the bundled knowledge (drug table, rule packs), loaded once per process.
#pragma once

#include <memory>
#include <string>

#include "decide/engine.h"

namespace imr::testing {

inline std::shared_ptr<const Knowledge> bundled_knowledge() {
  static const std::shared_ptr<const Knowledge> k = load_knowledge(std::string(IMR_SOURCE_DIR) + "/data");
  return k;
}

}  // namespace imr::testing

#include <map>
#include <vector>

#include "assess/criterion.h"

namespace imr::testing {

// The decision policy as a test states it: every indication group has a met indication
// and no requirement is documented as not met (advisory criteria aside).
inline bool policy_supports(const std::vector<CriterionResult>& criteria, std::string* why = nullptr) {
  std::map<std::string, bool> groups;
  for (const auto& c : criteria) {
    if (c.advisory) continue;
    if (c.role == Role::kIndication) groups[c.group] |= c.state == CriterionState::kMet;
    if (c.role == Role::kRequirement && c.state == CriterionState::kNotMet) {
      if (why) *why = "requirement " + c.id + " not met: " + c.statement;
      return false;
    }
  }
  for (const auto& [g, met] : groups)
    if (!met) {
      if (why) *why = "no indication met in group " + g;
      return false;
    }
  return true;
}

// The criteria of `criteria` other than those of `except`'s group support the item.
inline bool others_support(const std::vector<CriterionResult>& criteria, const CriterionResult& except) {
  std::vector<CriterionResult> rest;
  for (const auto& c : criteria)
    if (c.id != except.id && !(c.role == Role::kIndication && c.group == except.group && except.role == Role::kIndication))
      rest.push_back(c);
  return policy_supports(rest);
}

}  // namespace imr::testing

#include "decide/determination.h"

namespace imr::testing {

// The criterion of a drafted item with this id, or nullptr.
inline const CriterionResult* find_criterion(const Determination& d, const std::string& id) {
  for (const auto& c : d.criteria)
    if (c.id == id) return &c;
  return nullptr;
}

// Every criterion of a drafted item, one a line ("id=state: statement"), for failure messages.
inline std::string criteria_dump(const Determination& d) {
  std::string s;
  for (const auto& c : d.criteria) s += c.id + "=" + std::string(to_string(c.state)) + ": " + c.statement + "\n";
  return s;
}

}  // namespace imr::testing
