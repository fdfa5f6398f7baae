// Test support: team-written engine cases for rule packs, table-driven. A request reviewed on
// one dated record; a row decided one way with a deciding sentence and the other way without
// it (the upheld one naming the criterion that decided it, in its rationale); a request the
// guideline rejects whatever the record says.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "decide/engine.h"
#include "support/knowledge.h"

namespace imr::testing {

// The one disputed item of a case with one treating physician's report.
inline Determination review_on_record(const std::string& request, const std::string& record, Date date, Date injury) {
  Case c;
  c.date_of_injury = injury;
  c.records.push_back(Record{date, "Treating physician report", record});
  c.requests.push_back(request);
  const Engine engine(bundled_knowledge());
  return engine.review(c).items.at(0);
}

// One record, decided one way with `sentence` and the other way without it.
struct BothWaysRow {
  const char* topic;
  const char* request;
  const char* record;       // the record without the sentence
  const char* sentence;     // the sentence that changes the decision
  bool sentence_overturns;  // with the sentence: overturned (true) or upheld (false)
  const char* criterion;    // the criterion that decides the upheld one
  Date date;
  Date injury;
};

inline void expect_both_ways(const BothWaysRow& row) {
  SCOPED_TRACE(std::string(row.topic) + " / " + row.request);
  const std::string with = std::string(row.record) + " " + row.sentence;
  const Determination a = review_on_record(row.request, with, row.date, row.injury);
  const Determination b = review_on_record(row.request, row.record, row.date, row.injury);
  ASSERT_TRUE(a.decision && b.decision) << criteria_dump(a) << criteria_dump(b);
  EXPECT_EQ(a.topic, row.topic);
  EXPECT_EQ(b.topic, row.topic);
  const Determination& overturned = row.sentence_overturns ? a : b;
  const Determination& upheld = row.sentence_overturns ? b : a;
  EXPECT_EQ(*overturned.decision, Decision::kOverturned) << criteria_dump(overturned);
  EXPECT_EQ(*upheld.decision, Decision::kUpheld) << criteria_dump(upheld);
  const CriterionResult* c = find_criterion(upheld, row.criterion);
  ASSERT_NE(c, nullptr) << criteria_dump(upheld);
  EXPECT_NE(c->state, CriterionState::kMet);
  EXPECT_TRUE(c->decided) << criteria_dump(upheld);
  EXPECT_NE(upheld.rationale.find(c->statement), std::string::npos) << upheld.rationale;
  EXPECT_EQ(upheld.rationale.find('{'), std::string::npos) << upheld.rationale;
  EXPECT_EQ(overturned.rationale.find('{'), std::string::npos) << overturned.rationale;
}

// A request the guideline does not support whatever the record says: upheld, with the
// criterion that says why.
struct RequestDecidesRow {
  const char* topic;
  const char* request;
  const char* criterion;
  const char* statement_has;  // a word the deciding statement must contain
};

inline void expect_request_decides(const RequestDecidesRow& row, const std::string& record, Date date, Date injury) {
  SCOPED_TRACE(row.request);
  const Determination d = review_on_record(row.request, record, date, injury);
  ASSERT_TRUE(d.decision) << criteria_dump(d);
  EXPECT_EQ(d.topic, row.topic);
  EXPECT_EQ(*d.decision, Decision::kUpheld) << criteria_dump(d);
  const CriterionResult* c = find_criterion(d, row.criterion);
  ASSERT_NE(c, nullptr) << criteria_dump(d);
  EXPECT_EQ(c->state, CriterionState::kNotMet) << c->statement;
  EXPECT_TRUE(c->decided);
  EXPECT_NE(c->statement.find(row.statement_has), std::string::npos) << c->statement;
}

}  // namespace imr::testing
