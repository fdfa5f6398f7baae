// kPainScore and kPainRelief.
#include <gtest/gtest.h>

#include "extract_test_fixture.h"

namespace imr {
namespace {

using testing_extract::dump;
using testing_extract::expect_whole_sentence;
using testing_extract::facts_in;
using testing_extract::of_kind;

TEST(ExtractPainTest, SlashRangeAndWordForms) {
  const std::string t = "She describes her neck pain at 6-7/10 on the visual analog scale.";
  const auto s = of_kind(facts_in(t, Date::ymd(2017, 1, 9)), FactKind::kPainScore);
  ASSERT_EQ(s.size(), 1u) << dump(s);
  EXPECT_EQ(s[0].value, 6.0);
  EXPECT_EQ(s[0].value_max, 7.0);
  EXPECT_EQ(s[0].qualifier, "current");
  EXPECT_EQ(s[0].polarity, Polarity::kAffirmed);
  ASSERT_TRUE(s[0].date.has_value());
  EXPECT_EQ(s[0].date->iso(), "2017-01-09");
  expect_whole_sentence(s[0], t);

  const auto of = of_kind(facts_in("Today he grades the pain 7 out of 10."), FactKind::kPainScore);
  ASSERT_EQ(of.size(), 1u) << dump(of);
  EXPECT_EQ(of[0].value, 7.0);

  const auto vas = of_kind(facts_in("VAS 4 was recorded at intake."), FactKind::kPainScore);
  ASSERT_EQ(vas.size(), 1u) << dump(vas);
  EXPECT_EQ(vas[0].value, 4.0);
}

TEST(ExtractPainTest, WorstLeastAndAverage) {
  const std::string t =
      "Her knee pain reaches 8/10 at its worst, averages 5/10, and is 2/10 at least.";
  const auto s = of_kind(facts_in(t), FactKind::kPainScore);
  ASSERT_EQ(s.size(), 3u) << dump(s);
  EXPECT_EQ(s[0].qualifier, "worst");
  EXPECT_EQ(s[0].value, 8.0);
  EXPECT_EQ(s[1].qualifier, "average");
  EXPECT_EQ(s[1].value, 5.0);
  EXPECT_EQ(s[2].qualifier, "least");
  EXPECT_EQ(s[2].value, 2.0);
  const auto least = of_kind(facts_in("The least pain since the last visit was 3/10."),
                             FactKind::kPainScore);
  ASSERT_EQ(least.size(), 1u) << dump(least);
  EXPECT_EQ(least[0].qualifier, "least");
}

TEST(ExtractPainTest, DatesAndDosesAreNotScores) {
  const auto f = facts_in(
      "He was seen 5/10/14 and 1/5/10 for Norco 10/325 and Percocet 7.5/325 refills.");
  EXPECT_TRUE(of_kind(f, FactKind::kPainScore).empty()) << dump(f);
  const auto g = facts_in("Pain is 12/10 and the dose is 5/100.");
  EXPECT_TRUE(of_kind(g, FactKind::kPainScore).empty()) << dump(g);
}

TEST(ExtractPainTest, WithAndWithoutMedicationGiveTwoScoresAndQuantifiedRelief) {
  const std::string t = "Pain is 3/10 with medications and 9/10 without.";
  const auto facts = facts_in(t);
  const auto s = of_kind(facts, FactKind::kPainScore);
  ASSERT_EQ(s.size(), 2u) << dump(facts);
  EXPECT_EQ(s[0].qualifier, "with_medication");
  EXPECT_EQ(s[0].value, 3.0);
  EXPECT_EQ(s[1].qualifier, "without_medication");
  EXPECT_EQ(s[1].value, 9.0);
  const auto r = of_kind(facts, FactKind::kPainRelief);
  ASSERT_EQ(r.size(), 1u) << dump(facts);
  EXPECT_EQ(r[0].qualifier, "quantified");
  EXPECT_NEAR(*r[0].value, 66.7, 0.01);
  EXPECT_EQ(r[0].subject, "medications");
  expect_whole_sentence(r[0], t);

  const auto g = facts_in("With medications her pain is 4/10 and without them 8/10.");
  const auto gs = of_kind(g, FactKind::kPainScore);
  ASSERT_EQ(gs.size(), 2u) << dump(g);
  EXPECT_EQ(gs[0].qualifier, "with_medication");
  EXPECT_EQ(gs[1].qualifier, "without_medication");
  const auto gr = of_kind(g, FactKind::kPainRelief);
  ASSERT_EQ(gr.size(), 1u) << dump(g);
  EXPECT_EQ(gr[0].value, 50.0);
}

TEST(ExtractPainTest, OnMedicationComparedWithRunningOut) {
  const std::string t =
      "While on his medications the pain usually sits at 4/10, compared with 9/10 when he "
      "runs out.";
  const auto facts = facts_in(t);
  const auto s = of_kind(facts, FactKind::kPainScore);
  ASSERT_EQ(s.size(), 2u) << dump(facts);
  EXPECT_EQ(s[0].qualifier, "with_medication");
  EXPECT_EQ(s[1].qualifier, "without_medication");
  const auto r = of_kind(facts, FactKind::kPainRelief);
  ASSERT_EQ(r.size(), 1u) << dump(facts);
  EXPECT_NEAR(*r[0].value, 55.6, 0.01);
  expect_whole_sentence(r[0], t);
}

TEST(ExtractPainTest, FromToWithMedication) {
  const std::string t = "Tramadol brings his pain down from 7/10 to 4/10 with medication.";
  const auto facts = facts_in(t);
  const auto s = of_kind(facts, FactKind::kPainScore);
  ASSERT_EQ(s.size(), 2u) << dump(facts);
  EXPECT_EQ(s[0].qualifier, "without_medication");
  EXPECT_EQ(s[1].qualifier, "with_medication");
  const auto r = of_kind(facts, FactKind::kPainRelief);
  ASSERT_EQ(r.size(), 1u) << dump(facts);
  EXPECT_NEAR(*r[0].value, 42.9, 0.01);
  EXPECT_EQ(r[0].subject, "tramadol");
}

TEST(ExtractPainTest, PercentReliefAndHalf) {
  const std::string t = "She reports 60% relief from the Percocet.";
  const auto r = of_kind(facts_in(t), FactKind::kPainRelief);
  ASSERT_EQ(r.size(), 1u) << dump(r);
  EXPECT_EQ(r[0].qualifier, "quantified");
  EXPECT_EQ(r[0].value, 60.0);
  EXPECT_EQ(r[0].subject, "oxycodone_apap");
  EXPECT_EQ(r[0].polarity, Polarity::kAffirmed);
  expect_whole_sentence(r[0], t);

  const auto h = of_kind(facts_in("The patch reduces her pain by half."), FactKind::kPainRelief);
  ASSERT_EQ(h.size(), 1u) << dump(h);
  EXPECT_EQ(h[0].value, 50.0);
  EXPECT_EQ(h[0].qualifier, "quantified");
}

TEST(ExtractPainTest, AssertedAndNegatedRelief) {
  const auto a = of_kind(facts_in("He says the medication helps him get through the day."),
                         FactKind::kPainRelief);
  ASSERT_EQ(a.size(), 1u) << dump(a);
  EXPECT_EQ(a[0].qualifier, "asserted");
  EXPECT_EQ(a[0].polarity, Polarity::kAffirmed);
  EXPECT_FALSE(a[0].value.has_value());

  const auto b = of_kind(facts_in("Her back ache improved with her medications."),
                         FactKind::kPainRelief);
  ASSERT_EQ(b.size(), 1u) << dump(b);
  EXPECT_EQ(b[0].qualifier, "asserted");

  const auto c = of_kind(facts_in("She has taken Ultram for months without significant "
                                  "improvement in pain or function."),
                         FactKind::kPainRelief);
  ASSERT_EQ(c.size(), 1u) << dump(c);
  EXPECT_EQ(c[0].polarity, Polarity::kNegated);
  EXPECT_EQ(c[0].subject, "tramadol");

  const auto d = of_kind(facts_in("He notes no pain relief from Soma."), FactKind::kPainRelief);
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d[0].polarity, Polarity::kNegated);
  EXPECT_EQ(d[0].subject, "carisoprodol");
}

// Blind review: QME prose rates pain "on a 10-point scale" and ties each score to taking or
// missing the medication.
TEST(ExtractPainTest, PointScaleWithMissedAndTakenDoses) {
  const std::string t =
      "He puts his usual pain at 6 on a 10-point scale when he skips a dose and at 2 on a "
      "10-point scale when he takes the medication on schedule.";
  const auto facts = facts_in(t);
  const auto s = of_kind(facts, FactKind::kPainScore);
  ASSERT_EQ(s.size(), 2u) << dump(s);
  EXPECT_EQ(s[0].value, 6.0);
  EXPECT_EQ(s[0].qualifier, "without_medication");
  EXPECT_EQ(s[1].value, 2.0);
  EXPECT_EQ(s[1].qualifier, "with_medication");
  const auto r = of_kind(facts, FactKind::kPainRelief);
  ASSERT_EQ(r.size(), 1u) << dump(r);
  EXPECT_EQ(r[0].qualifier, "quantified");
  ASSERT_TRUE(r[0].value.has_value());
  EXPECT_NEAR(*r[0].value, 66.7, 0.05);

  const auto scale = of_kind(facts_in("Neck pain is 5 on a scale of 0 to 10 today."),
                             FactKind::kPainScore);
  ASSERT_EQ(scale.size(), 1u) << dump(scale);
  EXPECT_EQ(scale[0].value, 5.0);
  EXPECT_EQ(scale[0].qualifier, "current");
}

// Blind review: "from 9/10 before pregabalin to 5/10 on it" names the drug between the scores.
TEST(ExtractPainTest, FromBeforeDrugToScoreOnIt) {
  const std::string t = "Her foot pain went from 9/10 before pregabalin to 5/10 on it.";
  const auto facts = facts_in(t);
  const auto s = of_kind(facts, FactKind::kPainScore);
  ASSERT_EQ(s.size(), 2u) << dump(s);
  EXPECT_EQ(s[0].qualifier, "without_medication");
  EXPECT_EQ(s[1].qualifier, "with_medication");
  const auto r = of_kind(facts, FactKind::kPainRelief);
  ASSERT_EQ(r.size(), 1u) << dump(r);
  EXPECT_EQ(r[0].subject, "pregabalin");
  EXPECT_NEAR(*r[0].value, 44.4, 0.05);
  // Without a "from", two scores in a row stay as they are.
  const auto plain = of_kind(facts_in("Pain 9/10 before Lyrica, now 5/10."), FactKind::kPainScore);
  ASSERT_EQ(plain.size(), 2u) << dump(plain);
  EXPECT_EQ(plain[1].qualifier, "current");
}

// Blind review: a percentage change in range of motion or strength is not pain relief.
TEST(ExtractPainTest, PercentChangeOfOtherMeasureIsNotRelief) {
  EXPECT_TRUE(of_kind(facts_in("O: L/S ROM decreased 25%, paraspinal tenderness."),
                      FactKind::kPainRelief)
                  .empty());
  EXPECT_TRUE(of_kind(facts_in("Grip strength improved by 30% since the last visit."),
                      FactKind::kPainRelief)
                  .empty());
  const auto r = of_kind(facts_in("Flexion is limited; Norco reduces her pain by 40%."),
                         FactKind::kPainRelief);
  ASSERT_EQ(r.size(), 1u) << dump(r);
  EXPECT_EQ(r[0].value, 40.0);
}

}  // namespace
}  // namespace imr
