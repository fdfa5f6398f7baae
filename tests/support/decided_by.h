// Test support: asserting which criterion decided an item, and in which state.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "decide/determination.h"
#include "support/knowledge.h"

namespace imr::testing {

// The decision, and the state of the criterion that decided it.
inline void expect_decided_by(const Determination& d, Decision decision, const std::string& criterion,
                              CriterionState state) {
  ASSERT_TRUE(d.decision) << d.rationale;
  EXPECT_EQ(*d.decision, decision) << criteria_dump(d);
  const CriterionResult* c = find_criterion(d, criterion);
  ASSERT_NE(c, nullptr) << criteria_dump(d);
  EXPECT_EQ(c->state, state) << criteria_dump(d);
  EXPECT_TRUE(c->decided) << criteria_dump(d);
}

}  // namespace imr::testing
