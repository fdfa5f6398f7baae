// Gaps found in round 2: drug-screen results, relative start dates, bare pain numbers,
// trials stopped for side effects, "other than" exceptions, relief words that belong to past
// trials, and aberrant behaviour in its many wordings. All sentences are our own.
#include <gtest/gtest.h>

#include "extract_test_fixture.h"

namespace imr {
namespace {

using testing_extract::dump;
using testing_extract::expect_whole_sentence;
using testing_extract::facts_in;
using testing_extract::iso;
using testing_extract::of_kind;

const Date kVisit = Date::ymd(2017, 6, 15);

// ---- allergy lists are not side effects ----

TEST(ExtractGapsTest, ReactionsInAnAllergyListAreNotSideEffects) {
  for (const std::string t : {
           "Allergies: Percocet (itching), codeine (nausea).",
           "She is allergic to morphine, which causes vomiting.",
           "Drug intolerances: tramadol - dizziness.",
       }) {
    const auto s = of_kind(facts_in(t, kVisit), FactKind::kSideEffects);
    EXPECT_TRUE(s.empty()) << t << "\n" << dump(s);
  }
  // An effect of the current medication before the allergy list still counts.
  const std::string t = "Norco causes constipation; allergies: sulfa (rash).";
  const auto s = of_kind(facts_in(t, kVisit), FactKind::kSideEffects);
  ASSERT_EQ(s.size(), 1u) << dump(s);
  EXPECT_EQ(s[0].subject, "constipation");
  EXPECT_EQ(s[0].polarity, Polarity::kAffirmed);
}

// ---- drug screens ----

TEST(ExtractGapsTest, HeadedScreenResultIsConsistentAndDatedByItsOwnDate) {
  const std::string t = "UDS 4/11/17: positive for tramadol only, appropriate.";
  const auto s = of_kind(facts_in(t, kVisit), FactKind::kDrugScreen);
  ASSERT_EQ(s.size(), 1u) << dump(s);
  EXPECT_EQ(s[0].qualifier, "consistent");
  EXPECT_EQ(s[0].polarity, Polarity::kAffirmed);
  EXPECT_EQ(s[0].subject, "urine_drug_screen");
  EXPECT_EQ(iso(s[0].date), "2017-04-11");
  expect_whole_sentence(s[0], t);
}

TEST(ExtractGapsTest, ConsistentScreenWordings) {
  for (const std::string t : {
           "Her toxicology from 3/2/17 came back as expected.",
           "The urine drug test on 3/2/17 showed she was compliant.",
           "Urine tox 3/2/17 was positive only for prescribed medications.",
           "UDS 3/2/17 negative for illicit substances.",
           "Pt's UDS 3/2/17 c/w prescribed meds.",
       }) {
    const auto s = of_kind(facts_in(t, kVisit), FactKind::kDrugScreen);
    ASSERT_EQ(s.size(), 1u) << t << "\n" << dump(s);
    EXPECT_EQ(s[0].qualifier, "consistent") << t;
    EXPECT_EQ(s[0].polarity, Polarity::kAffirmed) << t;
    EXPECT_EQ(iso(s[0].date), "2017-03-02") << t;
  }
}

TEST(ExtractGapsTest, MissingPrescribedDrugIsInconsistent) {
  const auto s = of_kind(facts_in("Drug screen today was negative for tramadol despite a refill.", kVisit),
                         FactKind::kDrugScreen);
  ASSERT_EQ(s.size(), 1u) << dump(s);
  EXPECT_EQ(s[0].qualifier, "inconsistent");
  const auto next = of_kind(facts_in("Plan: UDS at next visit.", kVisit), FactKind::kDrugScreen);
  ASSERT_EQ(next.size(), 1u) << dump(next);
  EXPECT_EQ(next[0].qualifier, "ordered");
  const auto month = of_kind(facts_in("Tox screen expected next month.", kVisit),
                             FactKind::kDrugScreen);
  ASSERT_EQ(month.size(), 1u) << dump(month);
  EXPECT_EQ(month[0].qualifier, "ordered");
  const auto other = of_kind(facts_in("UDS 4/2/17: positive for Valium, not prescribed.", kVisit),
                             FactKind::kDrugScreen);
  ASSERT_EQ(other.size(), 1u) << dump(other);
  EXPECT_EQ(other[0].qualifier, "inconsistent");
  EXPECT_EQ(iso(other[0].date), "2017-04-02");
}

TEST(ExtractGapsTest, ScreenDatedAgoAndBareResults) {
  const auto ago = of_kind(facts_in("Her last urine drug screen was 6 months ago.", kVisit),
                           FactKind::kDrugScreen);
  ASSERT_EQ(ago.size(), 1u) << dump(ago);
  EXPECT_EQ(iso(ago[0].date), "2016-12-17");
  EXPECT_EQ(ago[0].qualifier, "done");
  const auto neg = of_kind(facts_in("UDS: negative.", kVisit), FactKind::kDrugScreen);
  ASSERT_EQ(neg.size(), 1u) << dump(neg);
  EXPECT_EQ(neg[0].polarity, Polarity::kAffirmed);  // a result, not a missing screen
  const auto none = of_kind(facts_in("UDS: none on file.", kVisit), FactKind::kDrugScreen);
  ASSERT_EQ(none.size(), 1u) << dump(none);
  EXPECT_EQ(none[0].polarity, Polarity::kNegated);
  const auto tox = of_kind(facts_in("Tox: appropriate.", kVisit), FactKind::kDrugScreen);
  ASSERT_EQ(tox.size(), 1u) << dump(tox);
  EXPECT_EQ(tox[0].qualifier, "consistent");
  const auto pdmp = of_kind(facts_in("CURES 5/30/17: no other prescribers.", kVisit),
                            FactKind::kPdmpCheck);
  ASSERT_EQ(pdmp.size(), 1u) << dump(pdmp);
  EXPECT_EQ(pdmp[0].qualifier, "consistent");
  EXPECT_EQ(pdmp[0].polarity, Polarity::kAffirmed);
  EXPECT_EQ(iso(pdmp[0].date), "2017-05-30");
}

// ---- relative start dates ----

TEST(ExtractGapsTest, RelativeStartsCountBackFromTheNarrativeDate) {
  struct Case {
    std::string text;
    std::string subject;
    std::string since;
    int days;
  };
  const std::vector<Case> cases = {
      {"She was started on Klonopin 0.5 mg nightly two weeks ago.", "clonazepam", "2017-06-01", 14},
      {"Dr. Hale began Lyrica 3 months ago.", "pregabalin", "2017-03-17", 90},
      {"Zanaflex was started last month.", "tizanidine", "2017-05-16", 30},
      {"Started Ultram yesterday for the flare.", "tramadol", "2017-06-14", 1},
      {"He first took Valium a year ago.", "diazepam", "2016-06-15", 365},
  };
  for (const Case& c : cases) {
    const auto meds = of_kind(facts_in(c.text, kVisit), FactKind::kMedicationUse);
    ASSERT_EQ(meds.size(), 1u) << c.text << "\n" << dump(meds);
    EXPECT_EQ(meds[0].subject, c.subject) << c.text;
    EXPECT_EQ(meds[0].polarity, Polarity::kAffirmed) << c.text;
    EXPECT_EQ(iso(meds[0].since), c.since) << c.text;
    EXPECT_EQ(meds[0].duration_days, c.days) << c.text;
    EXPECT_FALSE(meds[0].value.has_value()) << c.text;  // exact, not a lower bound
    expect_whole_sentence(meds[0], c.text);
  }
}

TEST(ExtractGapsTest, RelativeStartUsesTheVisitDateInForce) {
  const std::string t = "A follow-up visit on 2/20/17 was held. He began Nucynta 6 weeks ago.";
  const auto meds = of_kind(facts_in(t, kVisit), FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 1u) << dump(meds);
  EXPECT_EQ(iso(meds[0].date), "2017-02-20");
  EXPECT_EQ(iso(meds[0].since), "2017-01-09");
  EXPECT_EQ(meds[0].duration_days, 42);
}

TEST(ExtractGapsTest, RelativeTimesThatAreNotStartsGiveNoStart) {
  // No known date: nothing to count back from.
  const auto undated = of_kind(facts_in("She was started on Klonopin two weeks ago."),
                               FactKind::kMedicationUse);
  ASSERT_EQ(undated.size(), 1u);
  EXPECT_FALSE(undated[0].since.has_value()) << dump(undated);
  EXPECT_FALSE(undated[0].duration_days.has_value()) << dump(undated);
  // The time is when it was stopped, or when he was seen, not a start of use.
  for (const std::string t : {"He stopped Soma on his own 2 weeks ago.",
                              "He was seen 3 months ago and takes Norco daily."}) {
    const auto meds = of_kind(facts_in(t, kVisit), FactKind::kMedicationUse);
    ASSERT_EQ(meds.size(), 1u) << t;
    EXPECT_FALSE(meds[0].since.has_value()) << t << "\n" << dump(meds);
  }
}

TEST(ExtractGapsTest, SinceAnEventYearOrAnUnknownInjury) {
  const auto surgery = of_kind(facts_in("He has relied on Percocet since his 2014 fusion.", kVisit),
                               FactKind::kMedicationUse);
  ASSERT_EQ(surgery.size(), 1u) << dump(surgery);
  EXPECT_EQ(iso(surgery[0].since), "2014");
  EXPECT_EQ(surgery[0].duration_days, days_from_civil(2017, 6, 15) - days_from_civil(2014, 12, 31));

  const auto injury = of_kind(facts_in("She has used Soma since the injury.", kVisit),
                              FactKind::kMedicationUse);
  ASSERT_EQ(injury.size(), 1u) << dump(injury);
  EXPECT_FALSE(injury[0].since.has_value());
  EXPECT_FALSE(injury[0].duration_days.has_value());

  const auto first = of_kind(facts_in("Ultram was first prescribed in 2012.", kVisit),
                             FactKind::kMedicationUse);
  ASSERT_EQ(first.size(), 1u) << dump(first);
  EXPECT_EQ(iso(first[0].since), "2012");
}

// ---- pain ----

TEST(ExtractGapsTest, BarePainNumbers) {
  const auto one = of_kind(facts_in("Pt rates pain 7 today.", kVisit), FactKind::kPainScore);
  ASSERT_EQ(one.size(), 1u) << dump(one);
  EXPECT_EQ(one[0].value, 7.0);
  EXPECT_EQ(one[0].qualifier, "current");
  EXPECT_EQ(one[0].polarity, Polarity::kAffirmed);
  // A number with a unit after "pain" is a length or a count, not a score.
  for (const std::string t : {"Neck pain 3 weeks after the fall.", "Pain 2 times a day.",
                              "Low back pain 5 years."})
    EXPECT_TRUE(of_kind(facts_in(t, kVisit), FactKind::kPainScore).empty()) << t;
}

TEST(ExtractGapsTest, ChainedScoresTakeTheirMedicationState) {
  const std::string t = "VAS 5 with medication and 8 without.";
  const auto facts = facts_in(t, kVisit);
  const auto s = of_kind(facts, FactKind::kPainScore);
  ASSERT_EQ(s.size(), 2u) << dump(facts);
  EXPECT_EQ(s[0].value, 5.0);
  EXPECT_EQ(s[0].qualifier, "with_medication");
  EXPECT_EQ(s[1].value, 8.0);
  EXPECT_EQ(s[1].qualifier, "without_medication");
  const auto r = of_kind(facts, FactKind::kPainRelief);
  ASSERT_EQ(r.size(), 1u) << dump(facts);
  EXPECT_NEAR(*r[0].value, 37.5, 0.01);

  const auto range = of_kind(facts_in("He rates pain 5-6 with meds, 10 without.", kVisit),
                             FactKind::kPainScore);
  ASSERT_EQ(range.size(), 2u) << dump(range);
  EXPECT_EQ(range[0].value, 5.0);
  EXPECT_EQ(range[0].value_max, 6.0);
  EXPECT_EQ(range[0].qualifier, "with_medication");
  EXPECT_EQ(range[1].value, 10.0);
  EXPECT_EQ(range[1].qualifier, "without_medication");
}

TEST(ExtractGapsTest, WithMedicationScoreAfterWithoutIsAffirmed) {
  const std::string t = "Her pain is 8/10 without medications and 5/10 with medications.";
  const auto facts = facts_in(t, kVisit);
  const auto s = of_kind(facts, FactKind::kPainScore);
  ASSERT_EQ(s.size(), 2u) << dump(facts);
  EXPECT_EQ(s[0].qualifier, "without_medication");
  EXPECT_EQ(s[1].qualifier, "with_medication");
  EXPECT_EQ(s[1].value, 5.0);
  for (const auto& f : facts) EXPECT_EQ(f.polarity, Polarity::kAffirmed) << dump({f});
}

TEST(ExtractGapsTest, CommaQualifierBelongsToTheNextScore) {
  const auto a = of_kind(facts_in("Pain without meds 9/10, with meds 6/10.", kVisit),
                         FactKind::kPainScore);
  ASSERT_EQ(a.size(), 2u) << dump(a);
  EXPECT_EQ(a[0].qualifier, "without_medication");
  EXPECT_EQ(a[1].qualifier, "with_medication");
  const auto b = of_kind(facts_in("Pain level currently 4/10, at worst 8/10.", kVisit),
                         FactKind::kPainScore);
  ASSERT_EQ(b.size(), 2u) << dump(b);
  EXPECT_EQ(b[0].qualifier, "current");
  EXPECT_EQ(b[1].qualifier, "worst");
  const auto c = of_kind(facts_in("Pain 4/10 w/ meds, 7/10 w/o meds.", kVisit),
                         FactKind::kPainScore);
  ASSERT_EQ(c.size(), 2u) << dump(c);
  EXPECT_EQ(c[0].qualifier, "with_medication");
  EXPECT_EQ(c[1].qualifier, "without_medication");
}

TEST(ExtractGapsTest, DownToFromScoresAndNamedDrugRelief) {
  const auto facts = facts_in("Ultram helps; pain comes down to 3/10 from 7/10.", kVisit);
  const auto s = of_kind(facts, FactKind::kPainScore);
  ASSERT_EQ(s.size(), 2u) << dump(facts);
  EXPECT_EQ(s[0].qualifier, "with_medication");
  EXPECT_EQ(s[1].qualifier, "without_medication");
  const auto r = of_kind(facts, FactKind::kPainRelief);
  ASSERT_EQ(r.size(), 1u) << dump(facts);
  EXPECT_EQ(r[0].subject, "tramadol");
  EXPECT_NEAR(*r[0].value, 57.1, 0.01);

  const auto asserted = of_kind(facts_in("Norco helps with the pain.", kVisit), FactKind::kPainRelief);
  ASSERT_EQ(asserted.size(), 1u);
  EXPECT_EQ(asserted[0].subject, "hydrocodone_apap");
  EXPECT_EQ(asserted[0].qualifier, "asserted");
  EXPECT_EQ(asserted[0].polarity, Polarity::kAffirmed);

  const auto range = of_kind(facts_in("She reports 40-50% relief with Lyrica.", kVisit),
                             FactKind::kPainRelief);
  ASSERT_EQ(range.size(), 1u);
  EXPECT_EQ(range[0].value, 40.0);
  EXPECT_EQ(range[0].value_max, 50.0);
}

// ---- prior trials ----

TEST(ExtractGapsTest, TrialStoppedForASideEffectIsNotTolerated) {
  const std::string t = "She tried Lyrica but stopped due to drowsiness.";
  const auto facts = facts_in(t, kVisit);
  const auto p = of_kind(facts, FactKind::kPriorTrial);
  ASSERT_EQ(p.size(), 1u) << dump(facts);
  EXPECT_EQ(p[0].subject, "pregabalin");
  EXPECT_EQ(p[0].qualifier, "not_tolerated");
  EXPECT_EQ(p[0].polarity, Polarity::kAffirmed);
  const auto m = of_kind(facts, FactKind::kMedicationUse);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].qualifier, "past");
}

TEST(ExtractGapsTest, DrugsTriedWithoutReliefAreFailedTrialsNotCurrentRelief) {
  const std::string t = "Motrin and Tylenol were tried first without adequate relief.";
  const auto facts = facts_in(t, kVisit);
  const auto p = of_kind(facts, FactKind::kPriorTrial);
  ASSERT_EQ(p.size(), 2u) << dump(facts);
  EXPECT_EQ(p[0].subject, "ibuprofen");
  EXPECT_EQ(p[0].qualifier, "failed");
  EXPECT_EQ(p[1].subject, "acetaminophen");
  EXPECT_EQ(p[1].qualifier, "failed");
  EXPECT_TRUE(of_kind(facts, FactKind::kPainRelief).empty()) << dump(facts);
  // One named drug keeps its own relief fact: it says the drug did not help.
  const auto one = of_kind(facts_in("Norco was tried with no relief.", kVisit),
                           FactKind::kPainRelief);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].subject, "hydrocodone_apap");
  EXPECT_EQ(one[0].polarity, Polarity::kNegated);
}

TEST(ExtractGapsTest, TherapyAbbreviationsInATrialList) {
  const auto p = of_kind(facts_in("Pt failed PT, chiro and acupuncture.", kVisit),
                         FactKind::kPriorTrial);
  ASSERT_EQ(p.size(), 3u) << dump(p);
  EXPECT_EQ(p[0].subject, "physical_therapy");
  EXPECT_EQ(p[1].subject, "chiropractic");
  EXPECT_EQ(p[2].subject, "acupuncture");
  for (const auto& f : p) EXPECT_EQ(f.qualifier, "failed");
  // "Pt" as the patient is not physical therapy.
  EXPECT_TRUE(of_kind(facts_in("Pt tried to walk more.", kVisit), FactKind::kPriorTrial).empty());
  const auto g = of_kind(facts_in("NSAIDs caused gastritis.", kVisit), FactKind::kPriorTrial);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].subject, "nsaid");
  EXPECT_EQ(g[0].qualifier, "not_tolerated");
}

// ---- side effects and negation ----

TEST(ExtractGapsTest, ExceptionToADenialIsAffirmed) {
  const std::string t = "Denies side effects other than mild constipation.";
  const auto se = of_kind(facts_in(t, kVisit), FactKind::kSideEffects);
  ASSERT_EQ(se.size(), 1u) << dump(se);
  EXPECT_EQ(se[0].subject, "constipation");
  EXPECT_EQ(se[0].polarity, Polarity::kAffirmed);
  expect_whole_sentence(se[0], t);
  const auto two = of_kind(facts_in("No side effects besides dry mouth from Ultram.", kVisit),
                           FactKind::kSideEffects);
  ASSERT_EQ(two.size(), 1u) << dump(two);
  EXPECT_EQ(two[0].subject, "dry_mouth");
  EXPECT_EQ(two[0].polarity, Polarity::kAffirmed);
  // "no other" still negates.
  const auto other = of_kind(facts_in("No other side effects from Soma.", kVisit),
                             FactKind::kSideEffects);
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].polarity, Polarity::kNegated);
}

TEST(ExtractGapsTest, DenialOfSideEffectsDoesNotDenyTheDrug) {
  const auto facts = facts_in("He denies any side effects from Norco.", kVisit);
  const auto m = of_kind(facts, FactKind::kMedicationUse);
  ASSERT_EQ(m.size(), 1u) << dump(facts);
  EXPECT_EQ(m[0].polarity, Polarity::kAffirmed);
  const auto se = of_kind(facts, FactKind::kSideEffects);
  ASSERT_EQ(se.size(), 1u) << dump(facts);
  EXPECT_EQ(se[0].polarity, Polarity::kNegated);
  // A trigger right before the name still denies it.
  const auto no = of_kind(facts_in("She denies taking Xanax.", kVisit), FactKind::kMedicationUse);
  ASSERT_EQ(no.size(), 1u);
  EXPECT_EQ(no[0].polarity, Polarity::kNegated);
}

TEST(ExtractGapsTest, FallingAsleepOnADrugIsSedation) {
  const auto se = of_kind(facts_in("He reports falling asleep at his desk on Soma.", kVisit),
                          FactKind::kSideEffects);
  ASSERT_EQ(se.size(), 1u) << dump(se);
  EXPECT_EQ(se[0].subject, "sedation");
  EXPECT_EQ(se[0].polarity, Polarity::kAffirmed);
}

// ---- aberrant behaviour ----

TEST(ExtractGapsTest, AberrantBehaviourWordings) {
  struct Case {
    std::string text;
    std::string subject;
  };
  const std::vector<Case> cases = {
      {"Refills were requested early twice this quarter after she ran out of tablets.",
       "early_refill"},
      {"He ran out of his pills early again.", "early_refill"},
      {"She lost her prescription on the bus.", "lost_prescription"},
      {"He obtained Percocet from another doctor in May.", "multiple_prescribers"},
      {"There were three ER visits for pain medication this year.", "drug_seeking"},
      {"His wife says he takes more than prescribed.", "escalation"},
  };
  for (const Case& c : cases) {
    const auto a = of_kind(facts_in(c.text, kVisit), FactKind::kAberrantBehavior);
    ASSERT_EQ(a.size(), 1u) << c.text << "\n" << dump(a);
    EXPECT_EQ(a[0].subject, c.subject) << c.text;
    EXPECT_EQ(a[0].polarity, Polarity::kAffirmed) << c.text;
    expect_whole_sentence(a[0], c.text);
  }
  const auto none = of_kind(facts_in("No early refill requests.", kVisit),
                            FactKind::kAberrantBehavior);
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].polarity, Polarity::kNegated);
  // Being examined by another physician is not a second prescriber.
  EXPECT_TRUE(of_kind(facts_in("He was evaluated by another physician.", kVisit),
                      FactKind::kAberrantBehavior)
                  .empty());
}

// ---- medication qualifiers ----

TEST(ExtractGapsTest, AllergyIsNotUseAndSwitchedToIsCurrent) {
  const auto allergy = facts_in("He is allergic to Percocet.", kVisit);
  EXPECT_TRUE(of_kind(allergy, FactKind::kMedicationUse).empty()) << dump(allergy);
  const auto p = of_kind(allergy, FactKind::kPriorTrial);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].qualifier, "not_tolerated");
  EXPECT_TRUE(of_kind(facts_in("ALLERGIES: Tylenol #3 (rash).", kVisit), FactKind::kMedicationUse)
                  .empty());
  // A use verb after the allergy ends the allergy list.
  const auto both = facts_in("He is allergic to sulfa and takes Norco daily.", kVisit);
  const auto used = of_kind(both, FactKind::kMedicationUse);
  ASSERT_EQ(used.size(), 1u) << dump(both);
  EXPECT_EQ(used[0].qualifier, "current");
  EXPECT_TRUE(of_kind(both, FactKind::kPriorTrial).empty()) << dump(both);

  const auto sw = of_kind(facts_in("She was switched from Percocet to Nucynta 3 months ago.", kVisit),
                          FactKind::kMedicationUse);
  ASSERT_EQ(sw.size(), 2u) << dump(sw);
  EXPECT_EQ(sw[0].subject, "oxycodone_apap");
  EXPECT_EQ(sw[0].qualifier, "past");
  EXPECT_EQ(sw[1].subject, "tapentadol");
  EXPECT_EQ(sw[1].qualifier, "current");
  EXPECT_EQ(iso(sw[1].since), "2017-03-17");
}

TEST(ExtractGapsTest, WorkStatusTakesItsOwnDate) {
  const auto w = of_kind(facts_in("Returned to full duty 5/1/17.", kVisit), FactKind::kWorkStatus);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].qualifier, "full_duty");
  EXPECT_EQ(iso(w[0].date), "2017-05-01");
  const auto ps = of_kind(facts_in("Pt is P&S as of 2/3/17.", kVisit), FactKind::kWorkStatus);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].qualifier, "permanent_stationary");
  EXPECT_EQ(iso(ps[0].date), "2017-02-03");
}


}  // namespace
}  // namespace imr

namespace imr {
namespace {

// A medication list where each drug carries its own dose: a duration written after the last
// drug belongs to that drug alone; a bare list ("Valium and Norco since ...") shares it.
TEST(ExtractListDurationTest, DurationStaysWithTheDrugThatCarriesIt) {
  const std::string t = "Meds: Norco 10/325 1 PO q6h prn, Flexeril 10 mg TID, Tizanidine 4 mg QHS x 2 yrs.";
  const auto uses = of_kind(facts_in(t, kVisit), FactKind::kMedicationUse);
  ASSERT_EQ(uses.size(), 3u) << dump(uses);
  EXPECT_FALSE(uses[0].duration_days) << dump(uses);
  EXPECT_FALSE(uses[1].duration_days) << dump(uses);
  ASSERT_TRUE(uses[2].duration_days);
  EXPECT_EQ(*uses[2].duration_days, 730);
  const auto shared = of_kind(facts_in("She takes Ativan and Soma for the past three years.", kVisit),
                              FactKind::kMedicationUse);
  ASSERT_EQ(shared.size(), 2u);
  EXPECT_EQ(shared[0].duration_days, std::optional<int>(1095));
  EXPECT_EQ(shared[1].duration_days, std::optional<int>(1095));
}

TEST(ExtractListDurationTest, ChartingShorthandForSideEffects) {
  for (const std::string t : {"No SE.", "S/E: none reported.", "Denies AEs."}) {
    const auto se = of_kind(facts_in(t, kVisit), FactKind::kSideEffects);
    ASSERT_EQ(se.size(), 1u) << t << dump(se);
    EXPECT_EQ(se[0].polarity, Polarity::kNegated) << t;
  }
}

}  // namespace
}  // namespace imr

namespace imr {
namespace {

// A start cue in the clause and a date brought in by "in" / "on" after the drug.
TEST(ExtractStartDateTest, StartedDrugDatedLaterInTheClause) {
  const Date visit = Date::ymd(2016, 5, 1);
  const auto a = of_kind(facts_in("She began Norco 10 mg twice daily in the spring of 2014.", visit),
                         FactKind::kMedicationUse);
  ASSERT_EQ(a.size(), 1u) << dump(a);
  ASSERT_TRUE(a[0].since);
  EXPECT_EQ(a[0].since->last_day(), days_from_civil(2014, 5, 31));
  EXPECT_EQ(a[0].duration_days, std::optional<int>(days_from_civil(2016, 5, 1) - days_from_civil(2014, 5, 31)));
  // No start cue: a time of day is not a start date.
  const auto b = of_kind(facts_in("She takes Norco in the evening on weekdays.", visit), FactKind::kMedicationUse);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_FALSE(b[0].since);
}

}  // namespace
}  // namespace imr
