// Test support: a rule pack checked both ways on a team-written record. A row names a request,
// a record without its deciding sentence, that sentence, and the criterion it decides; with the
// sentence the item is overturned on that criterion's evidence, without it the item is upheld
// with that criterion not met (or not documented), deciding and stated in the rationale while
// every other criterion still supports the item.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "decide/engine.h"
#include "support/knowledge.h"

namespace imr::testing {

struct BothWaysRow {
  const char* topic;
  const char* request;
  const char* before;
  const char* deciding;
  const char* after;
  const char* criterion;
  Date date;
  Date injury;
};

// One record, one request: the item's determination.
inline Determination review_one_record(const std::string& request, const std::string& text, Date date, Date injury) {
  Case c;
  c.date_of_injury = injury;
  c.records.push_back(Record{date, "Progress report", text});
  c.requests.push_back(request);
  return Engine(bundled_knowledge()).review(c).items.at(0);
}

// A row's record with or without its deciding sentence.
inline Determination review_row(const BothWaysRow& row, bool with_deciding) {
  std::string text = row.before;
  if (with_deciding) text += std::string(" ") + row.deciding;
  if (*row.after) text += std::string(" ") + row.after;
  return review_one_record(row.request, text, row.date, row.injury);
}

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

// With the deciding sentence: overturned, the criterion met on that sentence.
inline void expect_overturned_with(const BothWaysRow& row) {
  const Determination met = review_row(row, true);
  ASSERT_TRUE(met.decision) << met.rationale;
  EXPECT_EQ(met.topic, row.topic);
  EXPECT_EQ(*met.decision, Decision::kOverturned) << met.rationale << "\n" << criteria_dump(met);
  const CriterionResult* c = find_criterion(met, row.criterion);
  ASSERT_NE(c, nullptr) << criteria_dump(met);
  EXPECT_EQ(c->state, CriterionState::kMet);
  ASSERT_FALSE(c->evidence.empty());
  EXPECT_NE(c->evidence[0].text.find(row.deciding), std::string::npos) << c->evidence[0].text;
  EXPECT_EQ(met.rationale.find('{'), std::string::npos) << met.rationale;
}

// Without it: upheld, that criterion deciding and stated, everything else still supporting.
inline void expect_upheld_without(const BothWaysRow& row) {
  const Determination missing = review_row(row, false);
  ASSERT_TRUE(missing.decision);
  EXPECT_EQ(*missing.decision, Decision::kUpheld) << missing.rationale << "\n" << criteria_dump(missing);
  const CriterionResult* gone = find_criterion(missing, row.criterion);
  ASSERT_NE(gone, nullptr) << criteria_dump(missing);
  EXPECT_NE(gone->state, CriterionState::kMet);
  EXPECT_TRUE(gone->decided) << gone->id;
  EXPECT_FALSE(gone->to_change.empty());
  EXPECT_NE(missing.rationale.find(gone->statement), std::string::npos) << missing.rationale;
  EXPECT_TRUE(others_support(missing.criteria, *gone)) << criteria_dump(missing);
  ASSERT_FALSE(missing.citations.empty());
}

inline void expect_both_ways(const BothWaysRow& row) {
  SCOPED_TRACE(std::string(row.criterion) + " / " + row.request);
  expect_overturned_with(row);
  expect_upheld_without(row);
}

}  // namespace imr::testing
