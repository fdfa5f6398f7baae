// Cases where a naive reading goes wrong: negation reaching too far, a cue belonging to
// the next drug, restrictions read as function, headings with "none".
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "extract_test_fixture.h"

namespace imr {
namespace {

using testing_extract::dump;
using testing_extract::expect_sentence;
using testing_extract::expect_whole_sentence;
using testing_extract::facts_in;
using testing_extract::of_kind;

TEST(ExtractRegressionTest, ImperativeCueBelongsToTheNextDrug) {
  const std::string t = "Plan: keep Ultram, start Zanaflex 2 mg #30, discontinue Flexeril.";
  const auto meds = of_kind(facts_in(t), FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 3u) << dump(meds);
  EXPECT_EQ(meds[0].subject, "tramadol");
  EXPECT_EQ(meds[1].subject, "tizanidine");
  EXPECT_EQ(meds[1].qualifier, "planned");
  EXPECT_EQ(meds[2].subject, "cyclobenzaprine");
  EXPECT_EQ(meds[2].qualifier, "past");
  expect_whole_sentence(meds[2], t);  // "Plan:" mid-line does not end a sentence
}

TEST(ExtractRegressionTest, PassiveCueAfterAListAppliesToTheList) {
  const auto meds = of_kind(facts_in("Ativan and Soma were stopped in January."),
                            FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 2u) << dump(meds);
  EXPECT_EQ(meds[0].qualifier, "past");
  EXPECT_EQ(meds[1].qualifier, "past");
}

TEST(ExtractRegressionTest, DistantNegationDoesNotDenyTheDrug) {
  const std::string t = "There is no evidence of functional improvement from Flexeril.";
  const auto facts = facts_in(t);
  const auto meds = of_kind(facts, FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 1u) << dump(facts);
  EXPECT_EQ(meds[0].polarity, Polarity::kAffirmed);
  const auto fn = of_kind(facts, FactKind::kFunctionalImprovement);
  ASSERT_EQ(fn.size(), 1u) << dump(facts);
  EXPECT_EQ(fn[0].polarity, Polarity::kNegated);
}

TEST(ExtractRegressionTest, WithoutDoesNotNegateScoresOrDrugs) {
  const auto facts = facts_in("Her pain is 9/10 without Vicodin and 6/10 with Vicodin.");
  const auto scores = of_kind(facts, FactKind::kPainScore);
  ASSERT_EQ(scores.size(), 2u) << dump(facts);
  EXPECT_EQ(scores[0].qualifier, "without_medication");
  EXPECT_EQ(scores[1].qualifier, "with_medication");
  for (const auto& f : scores) EXPECT_EQ(f.polarity, Polarity::kAffirmed);
  for (const auto& f : of_kind(facts, FactKind::kMedicationUse))
    EXPECT_EQ(f.polarity, Polarity::kAffirmed);
  const auto relief = of_kind(facts, FactKind::kPainRelief);
  ASSERT_EQ(relief.size(), 1u) << dump(facts);
  EXPECT_NEAR(*relief[0].value, 33.3, 0.01);
  EXPECT_EQ(relief[0].subject, "hydrocodone_apap");
}

TEST(ExtractRegressionTest, HeadingAnsweredNone) {
  const std::string t = "Side effects: none.";
  const auto se = of_kind(facts_in(t), FactKind::kSideEffects);
  ASSERT_EQ(se.size(), 1u) << dump(se);
  EXPECT_EQ(se[0].polarity, Polarity::kNegated);
  expect_whole_sentence(se[0], t);
}

TEST(ExtractRegressionTest, NotCheckedAfterTheConcept) {
  const auto p = of_kind(facts_in("The state PDMP was not checked before refilling."),
                         FactKind::kPdmpCheck);
  ASSERT_EQ(p.size(), 1u) << dump(p);
  EXPECT_EQ(p[0].polarity, Polarity::kNegated);
}

TEST(ExtractRegressionTest, LiftingRestrictionIsNotFunction) {
  const auto facts = facts_in("He should avoid lifting more than 15 pounds at work.");
  EXPECT_TRUE(of_kind(facts, FactKind::kFunctionalImprovement).empty()) << dump(facts);
}

TEST(ExtractRegressionTest, WillBeWeanedIsATaperOfACurrentDrug) {
  const auto facts = facts_in("She will be weaned off Klonopin over six weeks.");
  const auto meds = of_kind(facts, FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 1u) << dump(facts);
  EXPECT_EQ(meds[0].qualifier, "current");
  const auto taper = of_kind(facts, FactKind::kTaperPlan);
  ASSERT_EQ(taper.size(), 1u) << dump(facts);
  EXPECT_EQ(taper[0].subject, "clonazepam");
}

TEST(ExtractRegressionTest, InjuredWorkerIsNotAnInjuryDate) {
  const auto facts = facts_in("On 5-6-17, the injured worker rated pain 4/10.");
  const auto s = of_kind(facts, FactKind::kPainScore);
  ASSERT_EQ(s.size(), 1u) << dump(facts);
  ASSERT_TRUE(s[0].date.has_value());
  EXPECT_EQ(s[0].date->iso(), "2017-05-06");
}

TEST(ExtractRegressionTest, ConjunctionWithNewSubjectEndsTheScope) {
  const auto facts =
      facts_in("His pain is worse without the pills and he has withdrawal symptoms at night.");
  const auto dep = of_kind(facts, FactKind::kDependence);
  ASSERT_EQ(dep.size(), 1u) << dump(facts);
  EXPECT_EQ(dep[0].polarity, Polarity::kAffirmed);
}

TEST(ExtractRegressionTest, RespiratoryDepressionIsNotADiagnosisOfDepression) {
  const auto facts = facts_in("He was warned about respiratory depression with Ativan and Norco.");
  EXPECT_TRUE(of_kind(facts, FactKind::kDiagnosis).empty()) << dump(facts);
  const auto se = of_kind(facts, FactKind::kSideEffects);
  ASSERT_EQ(se.size(), 1u) << dump(facts);
  EXPECT_EQ(se[0].subject, "respiratory_depression");
}

TEST(ExtractRegressionTest, ActiveVoiceReviewActionsPairWithTheDrugAfterThem) {
  const std::string t =
      "Utilization review on 1/9/17 non-certified the Ativan and certified the Ultram.";
  const auto ur = of_kind(facts_in(t), FactKind::kUrAction);
  ASSERT_EQ(ur.size(), 2u) << dump(ur);
  EXPECT_EQ(ur[0].subject, "lorazepam");
  EXPECT_EQ(ur[0].qualifier, "denied");
  EXPECT_EQ(ur[1].subject, "tramadol");
  EXPECT_EQ(ur[1].qualifier, "certified");
  ASSERT_TRUE(ur[1].date.has_value());
  EXPECT_EQ(ur[1].date->iso(), "2017-01-09");
  expect_whole_sentence(ur[0], t);
}

TEST(ExtractRegressionTest, PercentReliefWithBaseVerb) {
  const auto r = of_kind(facts_in("Her pills reduce her pain by about 35%."), FactKind::kPainRelief);
  ASSERT_EQ(r.size(), 1u) << dump(r);
  EXPECT_EQ(r[0].value, 35.0);
  EXPECT_EQ(r[0].qualifier, "quantified");
}

TEST(ExtractRegressionTest, AcuteSpasmsAreAFlareDatedByTheirSentence) {
  const auto f = of_kind(facts_in("Flexeril was given on 2/7/17 for acute lumbar spasms."),
                         FactKind::kAcuteFlare);
  ASSERT_EQ(f.size(), 1u) << dump(f);
  ASSERT_TRUE(f[0].date.has_value());
  EXPECT_EQ(f[0].date->iso(), "2017-02-07");
}

TEST(ExtractRegressionTest, HasUsedIsCurrentUseNotAPriorTrial) {
  const auto facts = facts_in("He has used Percocet twice daily since 2012.");
  EXPECT_TRUE(of_kind(facts, FactKind::kPriorTrial).empty()) << dump(facts);
  const auto meds = of_kind(facts, FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 1u) << dump(facts);
  EXPECT_EQ(meds[0].qualifier, "current");
  ASSERT_TRUE(meds[0].since.has_value());
  EXPECT_EQ(meds[0].since->iso(), "2012");
}

TEST(ExtractRegressionTest, SameFactsFromManyThreads) {
  const std::string t =
      "A progress note on 3/1/16 noted pain 6/10 with Norco and 9/10 without. She has taken "
      "Soma since at least May 2015. No aberrant behaviors. UDS was consistent.";
  const auto expected = facts_in(t, Date::ymd(2016, 3, 2));
  ASSERT_GE(expected.size(), 6u) << dump(expected);
  std::vector<std::vector<Fact>> results(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&, i] {
      for (int k = 0; k < 20; ++k) results[i] = facts_in(t, Date::ymd(2016, 3, 2));
    });
  for (auto& th : threads) th.join();
  for (const auto& r : results) EXPECT_EQ(r, expected);
}

}  // namespace
}  // namespace imr
