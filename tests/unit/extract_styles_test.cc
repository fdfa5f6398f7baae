// The same facts as different clinicians write them: terse PR-2 notes with abbreviations,
// medication lists under upper-case headings, bullet lists, QME narrative and UR-letter
// prose. All text is our own.
#include <gtest/gtest.h>

#include <algorithm>

#include "extract_test_fixture.h"

namespace imr {
namespace {

using testing_extract::dump;
using testing_extract::expect_sentence;
using testing_extract::facts_in;
using testing_extract::iso;
using testing_extract::of_kind;

const Date kVisit = Date::ymd(2017, 6, 15);

TEST(ExtractStylesTest, TersePr2Note) {
  const std::string t =
      "S: Pt c/o LBP radiating to L leg, 7/10 w/o meds, 4/10 w/ meds. A: lumbar radiculopathy. "
      "P: refill Norco 10/325 #90, Flexeril 10 mg qhs prn spasm. UDS 5/2/17 c/w Rx. CURES reviewed, "
      "appropriate. TTD x 6 wks.";
  const auto facts = facts_in(t, kVisit);
  const auto s = of_kind(facts, FactKind::kPainScore);
  ASSERT_EQ(s.size(), 2u) << dump(facts);
  EXPECT_EQ(s[0].value, 7.0);
  EXPECT_EQ(s[0].qualifier, "without_medication");
  EXPECT_EQ(s[1].value, 4.0);
  EXPECT_EQ(s[1].qualifier, "with_medication");
  const auto meds = of_kind(facts, FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 2u) << dump(facts);
  EXPECT_EQ(meds[0].subject, "hydrocodone_apap");
  EXPECT_EQ(meds[0].qualifier, "current");
  EXPECT_EQ(meds[1].subject, "cyclobenzaprine");
  const auto uds = of_kind(facts, FactKind::kDrugScreen);
  ASSERT_EQ(uds.size(), 1u) << dump(facts);
  EXPECT_EQ(uds[0].qualifier, "consistent");
  EXPECT_EQ(iso(uds[0].date), "2017-05-02");
  expect_sentence(uds[0], t, "UDS 5/2/17 c/w Rx.");
  const auto pdmp = of_kind(facts, FactKind::kPdmpCheck);
  ASSERT_EQ(pdmp.size(), 1u) << dump(facts);
  EXPECT_EQ(pdmp[0].qualifier, "consistent");
  const auto work = of_kind(facts, FactKind::kWorkStatus);
  ASSERT_EQ(work.size(), 1u) << dump(facts);
  EXPECT_EQ(work[0].qualifier, "ttd");
  const auto dx = of_kind(facts, FactKind::kDiagnosis);
  ASSERT_FALSE(dx.empty());
  EXPECT_EQ(dx[0].subject, "radiculopathy");
}

TEST(ExtractStylesTest, HeadedMedicationListAndAllergies) {
  const std::string t =
      "CURRENT MEDICATIONS:\n- Norco 10/325 mg 1 PO q6h PRN pain\n- Xanax 0.5 mg 1 PO qhs\n\n"
      "ALLERGIES: Percocet (itching)";
  const auto meds = of_kind(facts_in(t, kVisit), FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 2u) << dump(meds);
  EXPECT_EQ(meds[0].subject, "hydrocodone_apap");
  EXPECT_EQ(meds[1].subject, "alprazolam");
  for (const auto& m : meds) {
    EXPECT_EQ(m.qualifier, "current");
    EXPECT_EQ(m.polarity, Polarity::kAffirmed);
  }
  expect_sentence(meds[1], t, "- Xanax 0.5 mg 1 PO qhs");
}

TEST(ExtractStylesTest, BulletListWithStartsAndStops) {
  const std::string t =
      "\xe2\x80\xa2 Ultram ER 150 mg daily \xe2\x80\x93 started 4 months ago by PCP\n"
      "\xe2\x80\xa2 Lyrica 75 mg BID \xe2\x80\x93 d/c'd 2/2017 due to weight gain";
  const auto facts = facts_in(t, kVisit);
  const auto meds = of_kind(facts, FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 2u) << dump(facts);
  EXPECT_EQ(meds[0].subject, "tramadol");
  EXPECT_EQ(meds[0].qualifier, "current");
  EXPECT_EQ(iso(meds[0].since), "2017-02-15");
  EXPECT_EQ(meds[0].duration_days, 120);
  EXPECT_EQ(meds[1].subject, "pregabalin");
  EXPECT_EQ(meds[1].qualifier, "past");
  const auto p = of_kind(facts, FactKind::kPriorTrial);
  ASSERT_EQ(p.size(), 1u) << dump(facts);
  EXPECT_EQ(p[0].subject, "pregabalin");
  EXPECT_EQ(p[0].qualifier, "not_tolerated");
}

TEST(ExtractStylesTest, QmeNarrative) {
  const std::string t =
      "In my opinion, the applicant has been maintained on Norco for at least two years "
      "without documented functional gains, and the records do not contain a signed opioid "
      "agreement.";
  const auto facts = facts_in(t, kVisit);
  const auto meds = of_kind(facts, FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 1u) << dump(facts);
  EXPECT_EQ(meds[0].qualifier, "current");
  EXPECT_EQ(meds[0].duration_days, 730);
  EXPECT_EQ(meds[0].value, 1.0);
  EXPECT_EQ(meds[0].polarity, Polarity::kAffirmed);
  const auto fn = of_kind(facts, FactKind::kFunctionalImprovement);
  ASSERT_EQ(fn.size(), 1u) << dump(facts);
  EXPECT_EQ(fn[0].polarity, Polarity::kNegated);
  const auto ag = of_kind(facts, FactKind::kOpioidAgreement);
  ASSERT_EQ(ag.size(), 1u) << dump(facts);
  EXPECT_EQ(ag[0].polarity, Polarity::kNegated);
}

TEST(ExtractStylesTest, UrLetterSentence) {
  const std::string t =
      "The request for Soma 350 mg #60 was non-certified by utilization review on 6/1/17 "
      "because muscle relaxants are recommended only short-term.";
  const auto facts = facts_in(t, kVisit);
  const auto ur = of_kind(facts, FactKind::kUrAction);
  ASSERT_EQ(ur.size(), 1u) << dump(facts);
  EXPECT_EQ(ur[0].subject, "carisoprodol");
  EXPECT_EQ(ur[0].qualifier, "denied");
  EXPECT_EQ(iso(ur[0].date), "2017-06-01");
  const auto meds = of_kind(facts, FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 1u);
  EXPECT_EQ(meds[0].qualifier, "planned");
}

TEST(ExtractStylesTest, AbbreviationsForHistoryAndStatus) {
  const auto ps = of_kind(facts_in("Pt is P&S as of 2/3/17; RTW modified duty.", kVisit),
                          FactKind::kWorkStatus);
  ASSERT_EQ(ps.size(), 2u) << dump(ps);
  EXPECT_EQ(ps[0].qualifier, "permanent_stationary");
  EXPECT_EQ(ps[1].qualifier, "modified_duty");
  const auto neg = facts_in("She is not currently taking Norco.", kVisit);
  const auto m = of_kind(neg, FactKind::kMedicationUse);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].polarity, Polarity::kNegated);
  const auto none = of_kind(facts_in("No aberrant behaviors. No early refill requests.", kVisit),
                            FactKind::kAberrantBehavior);
  ASSERT_EQ(none.size(), 2u) << dump(none);
  for (const auto& f : none) EXPECT_EQ(f.polarity, Polarity::kNegated);
}

// Shorthand and its long form give the same facts (data/lexicon/shorthand.yaml): each pair is
// one finding written twice.
TEST(ExtractStylesTest, ShorthandReadsAsItsLongForm) {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"Treatment to date has included physical therapy, TENS unit and acupuncture.",
       "tx to date has included physical therapy, TENS unit and acupuncture."},
      {"Six chiropractic visits without documentation of functional improvement.",
       "Six chiropractic visits w/o documentation of functional improvement."},
      {"He complains of low back pain radiating to the left leg.", "He c/o low back pain radiating to the left leg."},
      {"Status post right knee arthroscopy in 2015.", "S/p right knee arthroscopy in 2015."},
      {"Positive straight leg raise on the left with decreased sensation at L5.",
       "(+) straight leg raise on the left w/ decr sensation at L5."},
      {"History of gastritis with NSAIDs.", "h/o gastritis w/ NSAIDs."},
  };
  auto signature = [](const std::vector<Fact>& facts) {
    std::vector<std::string> out;
    for (const auto& f : facts)
      out.push_back(std::string(to_string(f.kind)) + ":" + f.subject + ":" + f.qualifier + ":" +
                    std::string(to_string(f.polarity)));
    std::sort(out.begin(), out.end());
    return out;
  };
  for (const auto& [long_form, shorthand] : pairs) {
    const auto a = facts_in(long_form, kVisit), b = facts_in(shorthand, kVisit);
    EXPECT_FALSE(a.empty()) << long_form;
    EXPECT_EQ(signature(a), signature(b)) << long_form << "\n" << shorthand << "\n" << dump(a) << dump(b);
  }
}

// "The PT helped" is the therapy; "the pt reports" is the patient.
TEST(ExtractStylesTest, PtAsTherapyOrPatient) {
  const auto helped = of_kind(facts_in("The PT helped with flexibility and she walks farther.", kVisit), FactKind::kPriorTrial);
  ASSERT_EQ(helped.size(), 1u) << dump(helped);
  EXPECT_EQ(helped[0].subject, "physical_therapy");
  const auto sessions = of_kind(facts_in("The PT was not helpful for her neck.", kVisit), FactKind::kPriorTrial);
  ASSERT_EQ(sessions.size(), 1u) << dump(sessions);
  EXPECT_EQ(sessions[0].subject, "physical_therapy");
  EXPECT_TRUE(of_kind(facts_in("The pt reports neck pain after the fall.", kVisit), FactKind::kPriorTrial).empty());
}

}  // namespace
}  // namespace imr
