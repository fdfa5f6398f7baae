// Opioid monitoring: drug screens, PDMP, agreements, aberrant behaviour, side effects.
#include <gtest/gtest.h>

#include "extract_test_fixture.h"

namespace imr {
namespace {

using testing_extract::dump;
using testing_extract::expect_sentence;
using testing_extract::expect_whole_sentence;
using testing_extract::facts_in;
using testing_extract::iso;
using testing_extract::of_kind;

TEST(ExtractMonitoringTest, DrugScreenResultsAndDates) {
  const std::string t = "A urine drug screen on 6/18/15 was consistent with prescribed medications.";
  const auto a = of_kind(facts_in(t, Date::ymd(2015, 7, 1)), FactKind::kDrugScreen);
  ASSERT_EQ(a.size(), 1u) << dump(a);
  EXPECT_EQ(a[0].qualifier, "consistent");
  EXPECT_EQ(a[0].polarity, Polarity::kAffirmed);
  EXPECT_EQ(iso(a[0].date), "2015-06-18");
  expect_whole_sentence(a[0], t);

  const auto b = of_kind(facts_in("Her UDS from March was inconsistent, showing no hydrocodone."),
                         FactKind::kDrugScreen);
  ASSERT_EQ(b.size(), 1u) << dump(b);
  EXPECT_EQ(b[0].qualifier, "inconsistent");
  EXPECT_EQ(b[0].polarity, Polarity::kAffirmed);

  const auto c = of_kind(facts_in("Prior toxicology results were inconsistent for alprazolam."),
                         FactKind::kDrugScreen);
  ASSERT_EQ(c.size(), 1u) << dump(c);
  EXPECT_EQ(c[0].qualifier, "inconsistent");

  const auto d = of_kind(facts_in("A random UDS was ordered today."), FactKind::kDrugScreen);
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d[0].qualifier, "ordered");
}

TEST(ExtractMonitoringTest, NoDrugScreenIsNegated) {
  const std::string t = "There has been no recent urine toxicology in the chart.";
  const auto a = of_kind(facts_in(t), FactKind::kDrugScreen);
  ASSERT_EQ(a.size(), 1u) << dump(a);
  EXPECT_EQ(a[0].polarity, Polarity::kNegated);
  expect_whole_sentence(a[0], t);
  const auto b = of_kind(facts_in("Drug testing was not documented by the provider."),
                         FactKind::kDrugScreen);
  ASSERT_EQ(b.size(), 1u) << dump(b);
  EXPECT_EQ(b[0].polarity, Polarity::kNegated);
}

TEST(ExtractMonitoringTest, PdmpChecks) {
  const auto a = of_kind(facts_in("The CURES report was reviewed and was appropriate."),
                         FactKind::kPdmpCheck);
  ASSERT_EQ(a.size(), 1u) << dump(a);
  EXPECT_EQ(a[0].polarity, Polarity::kAffirmed);
  EXPECT_EQ(a[0].qualifier, "consistent");
  const auto b = of_kind(facts_in("PDMP checked on 2/2/16."), FactKind::kPdmpCheck);
  ASSERT_EQ(b.size(), 1u) << dump(b);
  EXPECT_EQ(b[0].qualifier, "reviewed");
  EXPECT_EQ(iso(b[0].date), "2016-02-02");
  const auto c = of_kind(facts_in("No CURES report was found in the file."), FactKind::kPdmpCheck);
  ASSERT_EQ(c.size(), 1u) << dump(c);
  EXPECT_EQ(c[0].polarity, Polarity::kNegated);
}

TEST(ExtractMonitoringTest, OpioidAgreement) {
  const std::string t = "A signed narcotic contract is on file.";
  const auto a = of_kind(facts_in(t), FactKind::kOpioidAgreement);
  ASSERT_EQ(a.size(), 1u) << dump(a);
  EXPECT_EQ(a[0].qualifier, "signed");
  EXPECT_EQ(a[0].polarity, Polarity::kAffirmed);
  expect_whole_sentence(a[0], t);
  const auto b = of_kind(facts_in("There is no opioid agreement documented."),
                         FactKind::kOpioidAgreement);
  ASSERT_EQ(b.size(), 1u) << dump(b);
  EXPECT_EQ(b[0].polarity, Polarity::kNegated);
}

TEST(ExtractMonitoringTest, AberrantBehaviour) {
  const auto a = of_kind(
      facts_in("She asked for early refills twice and reported lost prescriptions in May."),
      FactKind::kAberrantBehavior);
  ASSERT_EQ(a.size(), 2u) << dump(a);
  EXPECT_EQ(a[0].subject, "early_refill");
  EXPECT_EQ(a[0].polarity, Polarity::kAffirmed);
  EXPECT_EQ(a[1].subject, "lost_prescription");

  const auto b = of_kind(facts_in("He obtained opioids from multiple prescribers."),
                         FactKind::kAberrantBehavior);
  ASSERT_EQ(b.size(), 1u) << dump(b);
  EXPECT_EQ(b[0].subject, "multiple_prescribers");

  const std::string t = "No aberrant behaviors and no signs of misuse were observed.";
  const auto c = of_kind(facts_in(t), FactKind::kAberrantBehavior);
  ASSERT_EQ(c.size(), 2u) << dump(c);
  EXPECT_EQ(c[0].subject, "aberrant_behavior");
  EXPECT_EQ(c[0].polarity, Polarity::kNegated);
  EXPECT_EQ(c[1].subject, "misuse");
  EXPECT_EQ(c[1].polarity, Polarity::kNegated);
  expect_whole_sentence(c[1], t);

  const auto d = of_kind(facts_in("The notes failed to include any discussion of aberrant "
                                  "drug-taking behavior."),
                         FactKind::kAberrantBehavior);
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d[0].polarity, Polarity::kNegated);
}

TEST(ExtractMonitoringTest, SideEffects) {
  const std::string t = "She denied any adverse effects from her medicines.";
  const auto a = of_kind(facts_in(t), FactKind::kSideEffects);
  ASSERT_EQ(a.size(), 1u) << dump(a);
  EXPECT_EQ(a[0].polarity, Polarity::kNegated);
  EXPECT_EQ(a[0].subject, "side_effects");
  expect_whole_sentence(a[0], t);

  const auto b = of_kind(facts_in("He reports constipation and drowsiness with Percocet."),
                         FactKind::kSideEffects);
  ASSERT_EQ(b.size(), 2u) << dump(b);
  EXPECT_EQ(b[0].subject, "constipation");
  EXPECT_EQ(b[0].polarity, Polarity::kAffirmed);
  EXPECT_EQ(b[1].subject, "sedation");

  const auto c = of_kind(facts_in("Side effects of the opioid regimen were reviewed with him."),
                         FactKind::kSideEffects);
  ASSERT_EQ(c.size(), 1u) << dump(c);
  EXPECT_EQ(c[0].qualifier, "assessed");
  EXPECT_EQ(c[0].polarity, Polarity::kAffirmed);

  // Dizziness after a head injury is not a medication effect.
  const auto d = of_kind(facts_in("Since the concussion he has dizziness and headaches."),
                         FactKind::kSideEffects);
  EXPECT_TRUE(d.empty()) << dump(d);

  const auto i = of_kind(facts_in("He stopped Soma because the sedation was intolerable."),
                         FactKind::kSideEffects);
  ASSERT_EQ(i.size(), 1u) << dump(i);
  EXPECT_EQ(i[0].subject, "sedation");
  EXPECT_EQ(i[0].qualifier, "intolerable");

  const auto e = of_kind(facts_in("No nausea, sedation or constipation from Ultram."),
                         FactKind::kSideEffects);
  ASSERT_EQ(e.size(), 3u) << dump(e);
  for (const auto& f : e) EXPECT_EQ(f.polarity, Polarity::kNegated) << f.subject;
}

// Blind review: a terse PR-2 line lists effects with no word for medication, and the denial
// covers the whole comma list.
TEST(ExtractMonitoringTest, DeniedBareListOfOpioidEffects) {
  const auto a = of_kind(facts_in("Denies constipation, drowsiness, itching."),
                         FactKind::kSideEffects);
  ASSERT_EQ(a.size(), 3u) << dump(a);
  EXPECT_EQ(a[0].subject, "constipation");
  EXPECT_EQ(a[1].subject, "sedation");
  EXPECT_EQ(a[2].subject, "pruritus");
  for (const auto& f : a) EXPECT_EQ(f.polarity, Polarity::kNegated) << dump(a);
  // A single symptom without medication context is still not an adverse effect.
  EXPECT_TRUE(of_kind(facts_in("Reports dizziness since the fall."), FactKind::kSideEffects)
                  .empty());
  // A list that is not bare keeps each item's own polarity.
  const auto b = of_kind(facts_in("Denies constipation but reports nausea and sedation."),
                         FactKind::kSideEffects);
  ASSERT_EQ(b.size(), 3u) << dump(b);
  EXPECT_EQ(b[0].polarity, Polarity::kNegated);
  EXPECT_EQ(b[1].polarity, Polarity::kAffirmed);
  EXPECT_EQ(b[2].polarity, Polarity::kAffirmed);
}

}  // namespace
}  // namespace imr
