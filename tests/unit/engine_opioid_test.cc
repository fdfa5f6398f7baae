// The review engine on team-written opioid cases: a record that documents everything the
// MTUS asks for continued opioid therapy is overturned; remove any one element and the
// draft is upheld with that element named.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "decide/engine.h"
#include "support/knowledge.h"

namespace imr {
namespace {

using testing::bundled_knowledge;

// The complete record, one sentence per element so each can be removed alone.
const std::vector<std::pair<std::string, std::string>> kElements = {
    {"history", "Seen for chronic cervical pain with occipital headaches after a forklift collision."},
    {"use", "She has taken morphine sulfate ER 15 mg twice daily since June 2015."},
    {"pain_relief", "On the medication her pain averages 3/10, compared with 8/10 when she runs out."},
    {"function", "She can now stand at her workstation for 2 hours, up from 20 minutes, and works full duty."},
    {"side_effects", "She reports no nausea, dizziness or other side effects."},
    {"aberrant", "No aberrant behaviors have been observed and refills have been on schedule."},
    {"drug_screen", "Her most recent urine toxicology, collected 04/28/2016, was consistent with the prescribed regimen."},
    {"pdmp", "A CURES query today showed prescriptions from this office only."},
    {"agreement", "An opioid treatment agreement was signed and is kept in the chart."},
    {"plan", "Continue MS Contin 15 mg every 12 hours."},
};

// Which criterion each removable element feeds.
const std::map<std::string, std::string> kCriterionFor = {
    {"pain_relief", "opioids.pain_relief"}, {"function", "opioids.function"},
    {"side_effects", "opioids.side_effects"}, {"aberrant", "opioids.aberrant_behavior"},
    {"drug_screen", "opioids.drug_screen"}, {"pdmp", "opioids.pdmp"},
    {"agreement", "opioids.agreement"},
};

Case make_case(const std::string& without, const std::string& request = "MS Contin 15mg 1 tab q12h #60") {
  Case c;
  c.case_id = "T-OPI";
  c.claimant.age = 44;
  c.claimant.sex = "female";
  std::string text;
  for (const auto& [key, sentence] : kElements)
    if (key != without) text += sentence + " ";
  c.records.push_back(Record{Date::ymd(2016, 5, 10), "Pain medicine follow-up", text});
  c.requests.push_back(request);
  return c;
}

const CriterionResult* criterion(const Determination& d, const std::string& id) {
  for (const auto& c : d.criteria)
    if (c.id == id) return &c;
  return nullptr;
}

TEST(EngineOpioidTest, CompleteRecordIsOverturned) {
  const Engine engine(bundled_knowledge());
  const Review r = engine.review(make_case(""));
  ASSERT_EQ(r.items.size(), 1u);
  const Determination& d = r.items[0];
  ASSERT_TRUE(d.decision);
  EXPECT_EQ(*d.decision, Decision::kOverturned) << d.rationale;
  EXPECT_EQ(d.topic, "opioids");
  EXPECT_TRUE(d.ongoing);
  for (const auto& [element, id] : kCriterionFor) {
    const CriterionResult* c = criterion(d, id);
    ASSERT_NE(c, nullptr) << id;
    EXPECT_EQ(c->state, CriterionState::kMet) << id << ": " << c->statement;
    EXPECT_FALSE(c->evidence.empty()) << id;
  }
  const CriterionResult* dose = criterion(d, "opioids.dose");
  ASSERT_NE(dose, nullptr);
  EXPECT_EQ(dose->state, CriterionState::kMet);
  EXPECT_NE(dose->statement.find("30 MME/day"), std::string::npos) << dose->statement;
  EXPECT_NE(d.rationale.find("medically necessary"), std::string::npos);
  EXPECT_EQ(d.rationale.find("not medically necessary"), std::string::npos);
  EXPECT_TRUE(d.to_change_outcome.empty());
}

class EngineOpioidRemovalTest : public ::testing::TestWithParam<std::string> {};

TEST_P(EngineOpioidRemovalTest, MissingElementIsUpheldAndNamed) {
  const std::string element = GetParam();
  const Engine engine(bundled_knowledge());
  const Review r = engine.review(make_case(element));
  const Determination& d = r.items[0];
  ASSERT_TRUE(d.decision);
  EXPECT_EQ(*d.decision, Decision::kUpheld) << element << ": " << d.rationale;
  const CriterionResult* c = criterion(d, kCriterionFor.at(element));
  ASSERT_NE(c, nullptr);
  EXPECT_NE(c->state, CriterionState::kMet) << c->statement;
  // The missing element is named in the rationale and in what would change the outcome.
  EXPECT_NE(d.rationale.find(c->statement), std::string::npos) << d.rationale;
  ASSERT_FALSE(d.to_change_outcome.empty());
  EXPECT_NE(std::find(d.to_change_outcome.begin(), d.to_change_outcome.end(), c->to_change),
            d.to_change_outcome.end());
  // Every other element is still met.
  for (const auto& [other, id] : kCriterionFor) {
    if (other == element) continue;
    EXPECT_EQ(criterion(d, id)->state, CriterionState::kMet) << "removing " << element << " broke " << id;
  }
}

INSTANTIATE_TEST_SUITE_P(EachElement, EngineOpioidRemovalTest,
                         ::testing::Values("pain_relief", "function", "side_effects", "aberrant",
                                           "drug_screen", "pdmp", "agreement"));

TEST(EngineOpioidTest, DoseAbove120MmeIsUpheld) {
  const Engine engine(bundled_knowledge());
  Case c = make_case("", "MS Contin 100mg 1 tab q8h #90");
  const Review r = engine.review(c);
  const Determination& d = r.items[0];
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  const CriterionResult* dose = criterion(d, "opioids.dose");
  EXPECT_EQ(dose->state, CriterionState::kNotMet);
  EXPECT_NE(dose->statement.find("300 MME/day"), std::string::npos) << dose->statement;
  EXPECT_NE(d.rationale.find("above the 120 MME/day"), std::string::npos) << d.rationale;
}

TEST(EngineOpioidTest, InconsistentScreenIsNotMet) {
  const Engine engine(bundled_knowledge());
  Case c = make_case("drug_screen");
  c.records[0].text += "A urine drug screen on 03/02/2016 was positive for cocaine and negative for the prescribed morphine.";
  const Determination d = engine.review(c).items[0];
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  EXPECT_EQ(criterion(d, "opioids.drug_screen")->state, CriterionState::kNotMet);
}

TEST(EngineOpioidTest, OpioidWithBenzodiazepineIsSaid) {
  const Engine engine(bundled_knowledge());
  Case c = make_case("agreement");
  c.records[0].text += "She also takes alprazolam 0.5 mg at night for sleep.";
  const Determination d = engine.review(c).items[0];
  const CriterionResult* benzo = criterion(d, "opioids.benzodiazepine");
  ASSERT_NE(benzo, nullptr);
  EXPECT_EQ(benzo->state, CriterionState::kNotMet);
  EXPECT_NE(d.rationale.find("alprazolam"), std::string::npos) << d.rationale;
}

TEST(EngineOpioidTest, MissingFrequencyIsSaid) {
  const Engine engine(bundled_knowledge());
  const Determination d = engine.review(make_case("", "MS Contin 15mg #60")).items[0];
  EXPECT_EQ(criterion(d, "opioids.frequency")->state, CriterionState::kNotMet);
  EXPECT_NE(d.rationale.find("does not state how often"), std::string::npos) << d.rationale;
}

}  // namespace
}  // namespace imr
