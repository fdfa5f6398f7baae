// Narrative dates, date forms and multi-record extraction.
#include <gtest/gtest.h>

#include "extract_test_fixture.h"

namespace imr {
namespace {

using testing_extract::dump;
using testing_extract::expect_sentence;
using testing_extract::facts_in;
using testing_extract::iso;
using testing_extract::of_kind;
using testing_extract::test_drugs;

TEST(ExtractDatesTest, EncounterIntroducersMoveTheNarrativeDate) {
  const std::string t =
      "A 41 year old woman was injured on 12-8-10 at a warehouse. "
      "On 3-9-16, the injured worker reported neck pain rated 7/10. "
      "She rated her pain 5/10 later that week. "
      "According to the 04/22/2016 progress report, her pain was 6/10. "
      "Follow up on 05/20/16 noted pain of 4/10. "
      "Clinical record on 06/17/16 documented pain at 3 out of 10. "
      "The 07/15/2016 report states pain was 2/10.";
  const auto scores = of_kind(facts_in(t, Date::ymd(2016, 8, 1)), FactKind::kPainScore);
  ASSERT_EQ(scores.size(), 6u) << dump(scores);
  EXPECT_EQ(iso(scores[0].date), "2016-03-09");
  EXPECT_EQ(scores[0].value, 7.0);
  EXPECT_EQ(iso(scores[1].date), "2016-03-09");  // no new encounter: still in force
  EXPECT_EQ(iso(scores[2].date), "2016-04-22");
  EXPECT_EQ(iso(scores[3].date), "2016-05-20");
  EXPECT_EQ(iso(scores[4].date), "2016-06-17");
  EXPECT_EQ(scores[4].value, 3.0);
  EXPECT_EQ(iso(scores[5].date), "2016-07-15");
  expect_sentence(scores[2], t, "According to the 04/22/2016 progress report, her pain was 6/10.");
}

TEST(ExtractDatesTest, InjuryAndSurgeryDatesDoNotMoveTheNarrativeDate) {
  const std::string t =
      "A progress note on 9/30/15 was reviewed. "
      "He sustained an injury on 11/4/12 while stocking shelves. "
      "He underwent a lumbar laminectomy on 08/29/2005 and later a fusion on 1/6/2010. "
      "Pain was 8/10.";
  const auto facts = facts_in(t);
  const auto scores = of_kind(facts, FactKind::kPainScore);
  ASSERT_EQ(scores.size(), 1u) << dump(facts);
  EXPECT_EQ(iso(scores[0].date), "2015-09-30");
  const auto surgeries = of_kind(facts, FactKind::kSurgery);
  ASSERT_EQ(surgeries.size(), 2u) << dump(facts);
  EXPECT_EQ(surgeries[0].subject, "lumbar laminectomy");
  EXPECT_EQ(iso(surgeries[0].date), "2005-08-29");
  EXPECT_EQ(surgeries[0].qualifier, "done");
  EXPECT_EQ(surgeries[1].subject, "fusion");
  EXPECT_EQ(iso(surgeries[1].date), "2010-01-06");
  expect_sentence(surgeries[1], t,
                  "He underwent a lumbar laminectomy on 08/29/2005 and later a fusion on "
                  "1/6/2010.");
}

TEST(ExtractDatesTest, TwoEncounterDatesTakeTheLatest) {
  const std::string t = "On 2-3-16 and 3-2-16 pain was rated as 6 of 10.";
  const auto scores = of_kind(facts_in(t), FactKind::kPainScore);
  ASSERT_EQ(scores.size(), 1u) << dump(scores);
  EXPECT_EQ(iso(scores[0].date), "2016-03-02");
  EXPECT_EQ(scores[0].value, 6.0);
}

TEST(ExtractDatesTest, ReviewDatesDoNotMoveTheNarrativeDate) {
  const std::string t =
      "A visit on 4/4/17 was documented. On 4/20/17, the request for Soma was modified to "
      "certify a quantity of 10. Pain stayed at 6/10.";
  const auto facts = facts_in(t);
  const auto ur = of_kind(facts, FactKind::kUrAction);
  ASSERT_EQ(ur.size(), 1u) << dump(facts);
  EXPECT_EQ(iso(ur[0].date), "2017-04-20");
  const auto scores = of_kind(facts, FactKind::kPainScore);
  ASSERT_EQ(scores.size(), 1u) << dump(facts);
  EXPECT_EQ(iso(scores[0].date), "2017-04-04");
}

TEST(ExtractDatesTest, MultiRecordDatesResolveAgainstEachRecord) {
  const std::vector<RecordText> records = {
      {Date::ymd(2014, 10, 6), "PR-2",
       "Subjective: Low back pain is 7/10.\n\nShe has been taking Norco since at least "
       "January 2014.\fA progress note on 9/22/14 stated she also uses Soma."},
      {Date::ymd(2015, 2, 2), "PR-2", "Pain 5/10 today. She remains on Norco for several months."},
      {std::nullopt, "Undated fax", "Pain is 9/10 and she takes Xanax since 2013."},
  };
  const auto facts = extract_facts(records, test_drugs(), testing_extract::test_lexicon());
  const auto meds = of_kind(facts, FactKind::kMedicationUse);
  ASSERT_EQ(meds.size(), 4u) << dump(facts);
  // Record 0: record date for the first sentences, then the note's date.
  EXPECT_EQ(meds[0].evidence.record, 0);
  EXPECT_EQ(iso(meds[0].date), "2014-10-06");
  EXPECT_EQ(iso(meds[0].since), "2014-01");
  EXPECT_EQ(meds[0].duration_days, days_from_civil(2014, 10, 6) - days_from_civil(2014, 1, 31));
  expect_sentence(meds[0], records[0].text,
                  "She has been taking Norco since at least January 2014.");
  EXPECT_EQ(iso(meds[1].date), "2014-09-22");
  EXPECT_EQ(meds[1].subject, "carisoprodol");
  EXPECT_EQ(meds[1].evidence.record, 0);
  // Record 1: the narrative date restarts at the record's own date.
  EXPECT_EQ(meds[2].evidence.record, 1);
  EXPECT_EQ(iso(meds[2].date), "2015-02-02");
  EXPECT_EQ(meds[2].duration_days, 90);
  // Record 2: no date at all, so no duration from the start date.
  EXPECT_EQ(meds[3].evidence.record, 2);
  EXPECT_FALSE(meds[3].date.has_value());
  EXPECT_EQ(iso(meds[3].since), "2013");
  EXPECT_FALSE(meds[3].duration_days.has_value());
  expect_sentence(meds[3], records[2].text, "Pain is 9/10 and she takes Xanax since 2013.", 2);

  const auto scores = of_kind(facts, FactKind::kPainScore);
  ASSERT_EQ(scores.size(), 3u) << dump(facts);
  EXPECT_EQ(scores[0].evidence.record, 0);
  EXPECT_EQ(scores[1].evidence.record, 1);
  EXPECT_EQ(scores[2].evidence.record, 2);
}

TEST(ExtractDatesTest, SentencesWithFormFeedsAndBlankLinesKeepTheirOffsets) {
  const std::string t = "Intro line.\n\nHe reports\n\n constipation from\fNorco daily. Done.";
  const auto facts = facts_in(t);
  const auto se = of_kind(facts, FactKind::kSideEffects);
  ASSERT_EQ(se.size(), 1u) << dump(facts);
  EXPECT_EQ(se[0].subject, "constipation");
  expect_sentence(se[0], t, "He reports\n\n constipation from\fNorco daily.");
}

TEST(ExtractDatesTest, DeterministicAndBoundedOnLongInput) {
  std::string t;
  for (int i = 0; i < 400; ++i) t += "pain 6/10 with Norco and no aberrant behavior noted ";
  const auto a = facts_in(t);
  const auto b = facts_in(t);
  EXPECT_EQ(a, b);
  EXPECT_FALSE(a.empty());
  for (const auto& f : a) {
    EXPECT_LE(f.evidence.end - f.evidence.start, 2000u);
    EXPECT_EQ(f.evidence.text, t.substr(f.evidence.start, f.evidence.end - f.evidence.start));
  }
}

}  // namespace
}  // namespace imr
