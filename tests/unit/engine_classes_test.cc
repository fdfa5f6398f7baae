// The review engine on team-written benzodiazepine, muscle-relaxant and carisoprodol cases:
// new short courses are overturned, long-term use upheld.
#include <gtest/gtest.h>

#include "decide/engine.h"
#include "support/knowledge.h"

namespace imr {
namespace {

using testing::bundled_knowledge;

Determination review_one(const std::string& record_text, const std::string& request,
                         Date date = Date::ymd(2016, 3, 1)) {
  Case c;
  c.records.push_back(Record{date, "Treating physician report", record_text});
  c.requests.push_back(request);
  const Engine engine(bundled_knowledge());
  return engine.review(c).items.at(0);
}

const CriterionResult& criterion(const Determination& d, const std::string& id) {
  for (const auto& c : d.criteria)
    if (c.id == id) return c;
  ADD_FAILURE() << "no criterion " << id;
  static const CriterionResult none;
  return none;
}

TEST(EngineBenzodiazepineTest, NewShortCourseIsOverturned) {
  const Determination d = review_one(
      "A teacher assaulted by a student last week now has panic attacks and cannot sleep. No prior "
      "use of sedatives. Diazepam 2 mg twice daily is started today for ten days while she begins "
      "counseling.",
      "Diazepam 2mg 1 tab bid #20");
  ASSERT_TRUE(d.decision);
  EXPECT_EQ(*d.decision, Decision::kOverturned) << d.rationale;
  EXPECT_EQ(d.topic, "benzodiazepines");
  EXPECT_EQ(criterion(d, "benzodiazepines.course").state, CriterionState::kMet);
  EXPECT_NE(d.rationale.find("is therefore medically necessary"), std::string::npos);
}

TEST(EngineBenzodiazepineTest, LongTermUseIsUpheldWithDuration) {
  const Determination d = review_one(
      "Chronic knee pain since a 2011 fall. She has used alprazolam 1 mg three times a day since "
      "at least January 2014 for anxiety. Pain is 5/10.",
      "Alprazolam 1mg tid #90", Date::ymd(2015, 11, 2));
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  const CriterionResult& c = criterion(d, "benzodiazepines.course");
  EXPECT_EQ(c.state, CriterionState::kNotMet);
  EXPECT_NE(c.statement.find("about 21 months"), std::string::npos) << c.statement;
  ASSERT_FALSE(c.evidence.empty());
  EXPECT_NE(c.evidence[0].text.find("since at least January 2014"), std::string::npos);
}

TEST(EngineBenzodiazepineTest, SupplyAloneBeyondFourWeeksIsUpheld) {
  const Determination d = review_one("New anxiety after a workplace injury. Clonazepam is prescribed.",
                                     "Clonazepam 0.5mg 1 tab bid #120");
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  EXPECT_EQ(criterion(d, "benzodiazepines.course").state, CriterionState::kNotMet);
}

TEST(EngineBenzodiazepineTest, RefillWithoutStartDateIsNotDocumented) {
  const Determination d = review_one("Follow-up for lumbar strain. Pain is 6/10.", "Refill of Ativan 1mg #30");
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  const CriterionResult& c = criterion(d, "benzodiazepines.course");
  EXPECT_EQ(c.state, CriterionState::kNotDocumented);
  ASSERT_FALSE(c.evidence.empty());
  EXPECT_EQ(c.evidence[0].record, -1);  // the request itself says "refill"
}

// Seen in use a few weeks before the request, with no start date: that is a lower bound,
// not a short course.
TEST(EngineBenzodiazepineTest, InUseWithoutStartDateIsNotAShortCourse) {
  Case c;
  c.records.push_back(Record{Date::ymd(2016, 2, 3), "Progress note",
                             "He rates back pain 6/10 and sleeps poorly. He takes temazepam at night."});
  c.ur = UrDecision{Date::ymd(2016, 2, 22), {}};
  c.requests.push_back("Temazepam 15mg #30 with 2 refills");
  const Engine engine(testing::bundled_knowledge());
  const Determination d = engine.review(c).items.at(0);
  EXPECT_EQ(*d.decision, Decision::kUpheld) << d.rationale;
  const CriterionResult& course = criterion(d, "benzodiazepines.course");
  EXPECT_EQ(course.state, CriterionState::kNotDocumented) << course.statement;
  EXPECT_NE(course.statement.find("when it was started is not documented"), std::string::npos) << course.statement;
}

TEST(EngineMuscleRelaxantTest, ShortCourseForAcuteFlareIsOverturned) {
  const Determination d = review_one(
      "Known chronic lumbar pain, stable until two days ago when an acute exacerbation with muscle "
      "spasm followed shoveling at a job site. Methocarbamol 750 mg three times daily is prescribed "
      "for five days.",
      "Methocarbamol 750mg 1 tab tid #15");
  ASSERT_TRUE(d.decision);
  EXPECT_EQ(*d.decision, Decision::kOverturned) << d.rationale;
  EXPECT_EQ(criterion(d, "muscle_relaxants.acute_flare").state, CriterionState::kMet);
  EXPECT_EQ(criterion(d, "muscle_relaxants.course").state, CriterionState::kMet);
}

TEST(EngineMuscleRelaxantTest, LongTermUseIsUpheld) {
  const Determination d = review_one(
      "He has taken methocarbamol 750 mg three times daily for the past three years for back spasm. "
      "Pain is 7/10.",
      "Methocarbamol 750mg tid #90");
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  EXPECT_EQ(criterion(d, "muscle_relaxants.course").state, CriterionState::kNotMet);
  EXPECT_EQ(criterion(d, "muscle_relaxants.acute_flare").state, CriterionState::kNotDocumented);
}

TEST(EngineCarisoprodolTest, NotRecommendedEvenShortTerm) {
  const Determination d = review_one(
      "Acute flare of neck spasm three days ago. Carisoprodol 350 mg at bedtime for one week.",
      "Carisoprodol 350mg qhs #7");
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  EXPECT_EQ(d.topic, "carisoprodol");
  EXPECT_EQ(criterion(d, "carisoprodol.recommended").state, CriterionState::kNotMet);
  ASSERT_FALSE(d.citations.empty());
  EXPECT_EQ(d.citations[0].section, "Carisoprodol (Soma)");
  EXPECT_EQ(d.citations[0].pages, "29");
}

TEST(EngineNoRuleTest, UncoveredRequestIsRoutedNotGuessed) {
  const Determination d = review_one("Chronic knee osteoarthritis.", "Diagnostic ultrasound of the right knee");
  EXPECT_TRUE(d.no_rule);
  EXPECT_FALSE(d.decision.has_value());
  EXPECT_NE(d.rationale.find("routed to the physician reviewer"), std::string::npos);
}

}  // namespace
}  // namespace imr
