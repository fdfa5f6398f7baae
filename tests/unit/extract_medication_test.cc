// kMedicationUse: qualifiers, durations, start dates, lists, narrative dates.
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

TEST(ExtractMedicationTest, SinceAtLeastPairsEachDrugWithItsOwnDate) {
  const std::string t =
      "The claimant has been using Ativan since at least March 2016 and Percocet since at "
      "least October 2013.";
  const auto meds = of_kind(facts_in(t, Date::ymd(2016, 9, 1)), FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 2u) << dump(meds);
  EXPECT_EQ(meds[0].subject, "lorazepam");
  EXPECT_EQ(meds[0].qualifier, "current");
  EXPECT_EQ(iso(meds[0].since), "2016-03");
  EXPECT_EQ(meds[0].value, 1.0);
  // 2016-09-01 minus the last day of March 2016.
  EXPECT_EQ(meds[0].duration_days, days_from_civil(2016, 9, 1) - days_from_civil(2016, 3, 31));
  EXPECT_EQ(meds[1].subject, "oxycodone_apap");
  EXPECT_EQ(iso(meds[1].since), "2013-10");
  EXPECT_EQ(meds[1].value, 1.0);
  EXPECT_EQ(iso(meds[1].date), "2016-09-01");
  expect_whole_sentence(meds[0], t);
  expect_whole_sentence(meds[1], t);
}

TEST(ExtractMedicationTest, AsEarlyAsIsALowerBoundStart) {
  const std::string t = "Records show she has been on Klonopin as early as 02/11/2015.";
  const auto meds = of_kind(facts_in(t, Date::ymd(2015, 6, 11)), FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 1u) << dump(meds);
  EXPECT_EQ(meds[0].subject, "clonazepam");
  EXPECT_EQ(meds[0].qualifier, "current");
  EXPECT_EQ(iso(meds[0].since), "2015-02-11");
  EXPECT_EQ(meds[0].value, 1.0);
  EXPECT_EQ(meds[0].duration_days, 120);
  expect_whole_sentence(meds[0], t);
}

TEST(ExtractMedicationTest, SinceABareYear) {
  const std::string t = "He has taken Ultram daily since 2011.";
  const auto meds = of_kind(facts_in(t, Date::ymd(2014, 1, 1)), FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 1u) << dump(meds);
  EXPECT_EQ(meds[0].subject, "tramadol");
  EXPECT_EQ(iso(meds[0].since), "2011");
  EXPECT_FALSE(meds[0].value.has_value());
  EXPECT_EQ(meds[0].duration_days, days_from_civil(2014, 1, 1) - days_from_civil(2011, 12, 31));
}

TEST(ExtractMedicationTest, SinceEarlyYear) {
  const std::string t = "She continued Zanaflex, which she has used since early 2012.";
  const auto meds = of_kind(facts_in(t, Date::ymd(2012, 10, 30)), FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 1u) << dump(meds);
  EXPECT_EQ(meds[0].subject, "tizanidine");
  EXPECT_EQ(meds[0].qualifier, "current");
  ASSERT_TRUE(meds[0].since.has_value());
  EXPECT_EQ(meds[0].since->first_day(), days_from_civil(2012, 1, 1));
  EXPECT_EQ(meds[0].duration_days, days_from_civil(2012, 10, 30) - days_from_civil(2012, 4, 30));
}

TEST(ExtractMedicationTest, ForAtLeastMonthsIsALowerBound) {
  const std::string t = "The worker has been prescribed Ativan for at least 6 months.";
  const auto meds = of_kind(facts_in(t), FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 1u) << dump(meds);
  EXPECT_EQ(meds[0].qualifier, "current");
  EXPECT_EQ(meds[0].duration_days, 180);
  EXPECT_EQ(meds[0].value, 1.0);
  EXPECT_FALSE(meds[0].date.has_value());
}

TEST(ExtractMedicationTest, InExcessOfMonths) {
  const std::string t = "Notes indicate she has used Flexeril in excess of 4 months.";
  const auto meds = of_kind(facts_in(t), FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 1u) << dump(meds);
  EXPECT_EQ(meds[0].subject, "cyclobenzaprine");
  EXPECT_EQ(meds[0].duration_days, 120);
  EXPECT_EQ(meds[0].value, 1.0);
}

TEST(ExtractMedicationTest, ForThePastThreeYearsIsExact) {
  const std::string t = "He has been taking Vicodin for the past three years.";
  const auto meds = of_kind(facts_in(t), FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 1u) << dump(meds);
  EXPECT_EQ(meds[0].subject, "hydrocodone_apap");
  EXPECT_EQ(meds[0].duration_days, 1095);
  EXPECT_FALSE(meds[0].value.has_value());
}

TEST(ExtractMedicationTest, WordNumbersAndTimesForms) {
  const auto a = of_kind(facts_in("She used Soma for two weeks after the fall."),
                         FactKind::kMedicationUse);
  ASSERT_EQ(a.size(), 1u) << dump(a);
  EXPECT_EQ(a[0].duration_days, 14);
  const auto b = of_kind(facts_in("Flexeril 10 mg was prescribed x 3 weeks."),
                         FactKind::kMedicationUse);
  ASSERT_EQ(b.size(), 1u) << dump(b);
  EXPECT_EQ(b[0].duration_days, 21);
  const auto c = of_kind(facts_in("She has relied on Xanax for a couple of months."),
                         FactKind::kMedicationUse);
  ASSERT_EQ(c.size(), 1u) << dump(c);
  EXPECT_EQ(c[0].duration_days, 60);
}

TEST(ExtractMedicationTest, VagueLengthsFollowTheDocumentedConvention) {
  const auto several = of_kind(facts_in("He had been on Percocet for several months."),
                               FactKind::kMedicationUse);
  ASSERT_EQ(several.size(), 1u) << dump(several);
  EXPECT_EQ(several[0].duration_days, 90);
  EXPECT_EQ(several[0].qualifier, "current");

  const auto bare = of_kind(facts_in("She has needed Soma several months now."),
                            FactKind::kMedicationUse);
  ASSERT_EQ(bare.size(), 1u) << dump(bare);
  EXPECT_EQ(bare[0].duration_days, 90);
  const auto ago = of_kind(facts_in("He started Soma several months ago."),
                           FactKind::kMedicationUse);
  ASSERT_EQ(ago.size(), 1u) << dump(ago);
  EXPECT_FALSE(ago[0].duration_days.has_value());

  const auto years = of_kind(facts_in("She has used Valium for years to sleep."),
                             FactKind::kMedicationUse);
  ASSERT_EQ(years.size(), 1u) << dump(years);
  EXPECT_EQ(years[0].duration_days, 365);
  EXPECT_EQ(years[0].value, 1.0);

  const auto longterm = of_kind(facts_in("There is a long-term history of Norco and Klonopin use."),
                                FactKind::kMedicationUse);
  ASSERT_EQ(longterm.size(), 2u) << dump(longterm);
  for (const auto& f : longterm) {
    EXPECT_EQ(f.duration_days, 180);
    EXPECT_EQ(f.value, 1.0);
    EXPECT_EQ(f.qualifier, "current");
  }
  EXPECT_EQ(longterm[1].subject, "clonazepam");

  const auto chronic = of_kind(facts_in("Chronic use of Ultram was noted by the examiner."),
                               FactKind::kMedicationUse);
  ASSERT_EQ(chronic.size(), 1u) << dump(chronic);
  EXPECT_EQ(chronic[0].duration_days, 180);
}

TEST(ExtractMedicationTest, AListSharesTheQualifierOfItsVerb) {
  const std::string t =
      "Therapy so far has included medication including Neurontin, Ativan, Duragesic, and "
      "Vicodin.";
  const auto meds = of_kind(facts_in(t), FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 4u) << dump(meds);
  EXPECT_EQ(meds[0].subject, "gabapentin");
  EXPECT_EQ(meds[1].subject, "lorazepam");
  EXPECT_EQ(meds[2].subject, "fentanyl_patch");
  EXPECT_EQ(meds[3].subject, "hydrocodone_apap");
  for (const auto& f : meds) {
    EXPECT_EQ(f.qualifier, "current");
    EXPECT_FALSE(f.duration_days.has_value());
    expect_whole_sentence(f, t);
  }
}

TEST(ExtractMedicationTest, AListSharesTheDurationAfterIt) {
  const auto meds = of_kind(
      facts_in("She has taken Soma, Ativan and Ultram for at least eight months."),
      FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 3u) << dump(meds);
  for (const auto& f : meds) {
    EXPECT_EQ(f.duration_days, 240);
    EXPECT_EQ(f.value, 1.0);
  }
}

TEST(ExtractMedicationTest, PastPlannedAndTrialQualifiers) {
  const auto past = of_kind(facts_in("Soma was discontinued in the spring."), FactKind::kMedicationUse);
  ASSERT_EQ(past.size(), 1u) << dump(past);
  EXPECT_EQ(past[0].qualifier, "past");

  const auto weaned = of_kind(facts_in("She was weaned off Valium last year and continues Ultram."),
                              FactKind::kMedicationUse);
  ASSERT_EQ(weaned.size(), 2u) << dump(weaned);
  EXPECT_EQ(weaned[0].qualifier, "past");
  EXPECT_EQ(weaned[1].qualifier, "current");

  const auto planned = of_kind(
      facts_in("The physician requested authorization for Zanaflex 4mg #60 and Norco 5/325 #90."),
      FactKind::kMedicationUse);
  ASSERT_EQ(planned.size(), 2u) << dump(planned);
  EXPECT_EQ(planned[0].qualifier, "planned");
  EXPECT_EQ(planned[1].qualifier, "planned");
  EXPECT_EQ(planned[1].subject, "hydrocodone_apap");

  const auto trial = of_kind(facts_in("A trial of Butrans was started in 2013."), FactKind::kMedicationUse);
  ASSERT_EQ(trial.size(), 1u) << dump(trial);
  EXPECT_EQ(trial[0].qualifier, "trial");

  const auto previously = of_kind(facts_in("He was previously on Percocet."), FactKind::kMedicationUse);
  ASSERT_EQ(previously.size(), 1u) << dump(previously);
  EXPECT_EQ(previously[0].qualifier, "past");
}

TEST(ExtractMedicationTest, NegatedUse) {
  const std::string t = "She denies taking Xanax at this time.";
  const auto meds = of_kind(facts_in(t), FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 1u) << dump(meds);
  EXPECT_EQ(meds[0].polarity, Polarity::kNegated);
  expect_whole_sentence(meds[0], t);
}

TEST(ExtractMedicationTest, NarrativeDateFromAProgressNote) {
  const std::string t =
      "The worker was hurt lifting boxes on 3/14/12. A progress report on 6/2/15 noted he "
      "remained on Norco. He also uses Soma at night.";
  const auto meds = of_kind(facts_in(t, Date::ymd(2015, 7, 1)), FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 2u) << dump(meds);
  EXPECT_EQ(iso(meds[0].date), "2015-06-02");
  EXPECT_EQ(iso(meds[1].date), "2015-06-02");
  expect_sentence(meds[0], t, "A progress report on 6/2/15 noted he remained on Norco.");
  expect_sentence(meds[1], t, "He also uses Soma at night.");
}

// Blind review: "morphine sulfate extended-release" is the long-acting form, not the
// immediate-release one its first words name.
TEST(ExtractMedicationTest, ReleaseModifierNamesTheLongActingTwin) {
  const DrugTable table = DrugTable::parse(R"(version: t
classes: {opioid: an opioid, benzodiazepine: a benzodiazepine, muscle_relaxant: a muscle relaxant, nsaid: an NSAID, anticonvulsant: an anti-epilepsy drug, analgesic: an analgesic}
drugs:
  - {key: morphine_ir, generic: morphine, ingredients: [morphine], misspellings: [morphine sulfate], class: opioid, topic: opioids, mme: {per_mg: 1}}
  - {key: morphine_er, generic: morphine extended-release, ingredients: [morphine], brands: [MS Contin], class: opioid, topic: opioids, mme: {per_mg: 1}, long_acting: true}
  - {key: gabapentin, generic: gabapentin, class: anticonvulsant, topic: anticonvulsants}
)",
                                           "t.yaml");
  auto keys = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const auto& f : extract_record_facts(RecordText{std::nullopt, "note", text}, 0, table))
      if (f.kind == FactKind::kMedicationUse) out.push_back(f.subject);
    return out;
  };
  EXPECT_EQ(keys("She takes morphine sulfate extended-release 30 mg twice daily."),
            std::vector<std::string>{"morphine_er"});
  EXPECT_EQ(keys("He takes morphine ER 15 mg every 12 hours."),
            std::vector<std::string>{"morphine_er"});
  EXPECT_EQ(keys("She takes morphine sulfate 15 mg every 4 hours."),
            std::vector<std::string>{"morphine_ir"});
  // No long-acting twin in the table: the name stays as written.
  EXPECT_EQ(keys("He takes gabapentin ER 600 mg nightly."),
            std::vector<std::string>{"gabapentin"});
}

}  // namespace
}  // namespace imr
