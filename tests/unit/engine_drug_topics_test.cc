// The review engine on team-written cases for the drug topics beyond the seeds (NSAIDs, PPIs,
// anti-epilepsy drugs, antidepressants, tramadol and the other opioids, topicals, lidocaine,
// acetaminophen, sleep aids, laxatives, antiemetics, drug testing). Each row is a record that
// meets its topic's criteria (overturned); the same record without its deciding sentence is
// upheld, with that sentence's criterion not met and named in the rationale.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "decide/engine.h"
#include "support/knowledge.h"

namespace imr {
namespace {

using testing::bundled_knowledge;

// An opioid record that documents what the MTUS asks for continued use except the CURES
// check; the opioid rows add their drug, the CURES check where it is not the deciding
// element, and the sentence their own pack decides on.
const char kOpioidMonitoring[] =
    "With his medication the pain is 4/10, compared with 8/10 when he runs out. "
    "He now walks his dog 40 minutes a day, up from 10, and has been back at modified duty since "
    "January. He reports no constipation, sedation or other side effects. No aberrant behaviors "
    "are noted and refills have been on time. A urine drug screen collected 03/14/2016 was "
    "consistent with the prescribed medication. His signed opioid agreement is on file. ";

const char kCures[] = "A CURES query this month lists this office as the sole prescriber. ";

struct Row {
  const char* name;
  std::string record;     // the record without the deciding sentence
  std::string deciding;   // the sentence that decides the outcome
  std::string request;
  std::string topic;      // the topic of the pack chosen
  std::string criterion;  // the criterion the deciding sentence feeds
  std::optional<int> age = std::nullopt;
};

const std::vector<Row>& rows() {
  static const std::vector<Row> r = {
      {"NsaidForOsteoarthritis",
       "A 49-year-old machinist reports aching at the base of the right thumb that worsens with gripping "
       "tools.",
       "Examination and x-rays show osteoarthritis of the right first carpometacarpal joint.",
       "Naproxen 500mg 1 tab bid #60", "nsaids", "nsaids.indication"},
      {"PpiWithNsaidAndDyspepsia",
       "Warehouse clerk with chronic low back pain. She takes ibuprofen 800 mg three times a day.",
       "Since raising the dose she has had heartburn and epigastric burning after meals.",
       "Omeprazole 20mg 1 cap daily #30", "ppi", "ppi.gi_risk", 52},
      {"PpiNeedsAnNsaid",
       "Former roofer with right knee osteoarthritis and a bleeding duodenal ulcer treated in 2012.",
       "He continues meloxicam 15 mg once a day for the knee.",
       "Pantoprazole 40mg 1 tab daily #30", "ppi", "ppi.nsaid", 57},
      {"GabapentinRelief",
       "Seen for lumbar radiculopathy with burning pain down the left leg since a 2013 lifting injury. "
       "She has taken gabapentin 300 mg three times daily since March 2015. She can now walk 30 minutes, "
       "up from 10, and has returned to modified duty.",
       "Her leg pain is 3/10 with the medication and 7/10 without it.",
       "Gabapentin 300mg 1 cap tid #90", "anti_epilepsy_drugs", "aeds.relief"},
      {"PregabalinNeuropathicIndication",
       "A 55-year-old cook reports burning and numbness of both feet that keep her awake.",
       "Nerve conduction studies confirm diabetic peripheral neuropathy.",
       "Lyrica 75mg 1 cap bid #60", "anti_epilepsy_drugs", "aeds.neuropathic"},
      {"DuloxetineForNeuropathy",
       "A retired electrician describes tingling and burning pain in both feet, worse at night.",
       "The working diagnosis is painful diabetic neuropathy.",
       "Cymbalta 30mg 1 cap daily #30", "antidepressants", "antidepressants.indication"},
      {"SertralineForDepression",
       "Chronic right shoulder pain since a fall from a loading dock in 2013.",
       "A psychologist diagnosed major depressive disorder in January after the injury.",
       "Sertraline 50mg 1 tab daily #30", "ssri", "ssri.depression"},
      {"TramadolAfterNonOpioids",
       "Chronic low back pain since a 2012 lifting injury; the pain is 7/10 and limits sitting to 20 "
       "minutes. Tramadol 50 mg twice daily is started today, with a follow-up visit in four weeks.",
       "Acetaminophen was tried first for six months and gave too little relief.",
       "Tramadol 50mg 1 tab bid #60", "tramadol", "tramadol.first_line"},
      {"TramadolContinuedWithMonitoring",
       std::string("Chronic low back pain since a 2012 lifting injury. He has taken tramadol 50 mg twice "
                   "daily since June 2015, after acetaminophen gave too little relief. ") + kOpioidMonitoring,
       "The CURES report reviewed today shows this office as his only prescriber.",
       "Tramadol 50mg 1 tab bid #60", "tramadol", "opioids.pdmp"},
      {"MethadoneAsSecondLine",
       std::string("Chronic low back pain since a 2011 fall. He has taken methadone 5 mg three times daily "
                   "since May 2015. ") + kOpioidMonitoring + kCures,
       "Before methadone he was on oxycodone, which was stopped for poor effect.",
       "Methadone 5mg 1 tab tid #90", "methadone", "methadone.second_line"},
      {"TapentadolAsSecondLine",
       std::string("Chronic low back pain since a 2011 fall. He has taken Nucynta 50 mg twice daily "
                   "since May 2015. ") + kOpioidMonitoring + kCures,
       "He was switched to Nucynta from hydrocodone, which gave him too little relief.",
       "Nucynta 50mg 1 tab bid #60", "tapentadol", "tapentadol.second_line"},
      {"BuprenorphineForOpioidUseDisorder",
       "Chronic neck pain after a 2012 rear-end collision. He completed a residential detoxification "
       "program in 2014 and now takes Suboxone 8/2 mg daily.",
       "His diagnoses include opioid use disorder, in sustained remission.",
       "Suboxone 8mg/2mg 1 film daily #30", "buprenorphine", "buprenorphine.indication"},
      {"TopicalCompoundAfterFirstLine",
       "Painful peripheral neuropathy of both feet after a chemical exposure at work.",
       "Amitriptyline and then gabapentin were each tried for three months and failed.",
       "Compounded cream: flurbiprofen 20%, menthol 5%", "topical_analgesics",
       "topicals.first_line_failed"},
      {"DiclofenacGelForKnee",
       "A 61-year-old custodian has used Voltaren gel on the right knee since April 11, 2016.",
       "X-rays show osteoarthritis of the right knee with medial joint space narrowing.",
       "Voltaren gel 1% apply to right knee qid", "topical_nsaids", "topical_nsaids.indication"},
      {"CapsaicinAfterOtherTreatments",
       "Burning pain of the right chest wall since shingles in 2014, diagnosed as postherpetic neuralgia.",
       "Gabapentin failed and nortriptyline was not tolerated.",
       "Capsaicin 0.075% cream apply tid", "capsaicin", "capsaicin.other_treatments"},
      {"LidodermAfterFirstLine",
       "Postherpetic neuralgia of the left chest wall since shingles in 2014, with a well-localized band "
       "of pain.",
       "Nortriptyline 25 mg nightly was tried for three months and failed.",
       "Lidoderm 5% patch #30", "lidocaine", "lidocaine.first_line"},
      {"AcetaminophenForBackPain",
       "A bus driver returns for follow-up of a 2013 work injury.",
       "He has chronic mechanical low back pain after lifting a wheelchair ramp.",
       "Acetaminophen 500mg 2 tabs tid #180", "acetaminophen", "acetaminophen.indication"},
      {"ZolpidemShortCourseWithSleepHygiene",
       "Since the crush injury to his foot in February he wakes several times a night with pain. "
       "Zolpidem 5 mg at bedtime is started for two weeks.",
       "He was counseled on sleep hygiene, including a fixed bedtime and no caffeine after noon.",
       "Zolpidem 5mg 1 tab qhs #14", "sleep_aids", "sleep_aids.hygiene"},
      {"LaxativeWithOpioid",
       "Chronic lumbar pain after a 2013 fall from scaffolding.",
       "He takes Norco 10/325 mg three times a day.",
       "Senokot 8.6mg 2 tabs qhs #60", "opioid_constipation", "constipation.opioid"},
      {"OndansetronAfterSurgery",
       "Current medications: meloxicam 7.5 mg daily.",
       "Since her left knee arthroscopy on April 25, 2016 she has had nausea and vomiting.",
       "Ondansetron 4mg 1 tab q8h prn #12", "antiemetics", "antiemetics.nausea"},
      {"DrugScreenOnOpioids",
       "Chronic low back pain after a 2012 fall. No urine drug screen has been done since treatment began.",
       "He takes oxycodone 10 mg up to four times a day.",
       "Urine drug screen", "drug_testing", "drug_testing.controlled"},
  };
  return r;
}

Case make_case(const Row& row, bool with_deciding) {
  Case c;
  c.case_id = std::string("T-DRUG-") + row.name;
  c.claimant.age = row.age;
  std::string text = row.record;
  if (with_deciding) text += " " + row.deciding;
  c.records.push_back(Record{Date::ymd(2016, 5, 2), "Treating physician progress report", text});
  c.requests.push_back(row.request);
  return c;
}

Determination review(const Case& c) {
  const Engine engine(bundled_knowledge());
  return engine.review(c).items.at(0);
}

const CriterionResult* criterion(const Determination& d, const std::string& id) {
  for (const auto& c : d.criteria)
    if (c.id == id) return &c;
  return nullptr;
}

class DrugTopicTest : public ::testing::TestWithParam<size_t> {};

TEST_P(DrugTopicTest, MeetingRecordIsOverturned) {
  const Row& row = rows()[GetParam()];
  const Determination d = review(make_case(row, true));
  ASSERT_TRUE(d.decision) << row.name << ": " << d.rationale;
  EXPECT_EQ(*d.decision, Decision::kOverturned) << row.name << ": " << d.rationale;
  EXPECT_EQ(d.topic, row.topic) << row.name;
  std::string why;
  EXPECT_TRUE(imr::testing::policy_supports(d.criteria, &why)) << row.name << ": " << why;
  const CriterionResult* c = criterion(d, row.criterion);
  ASSERT_NE(c, nullptr) << row.criterion;
  EXPECT_TRUE(c->decisive);
  EXPECT_TRUE(c->decided) << row.criterion;
  EXPECT_FALSE(c->evidence.empty()) << row.criterion;
  ASSERT_FALSE(d.citations.empty());
  EXPECT_EQ(d.rationale.find('{'), std::string::npos) << d.rationale;
  EXPECT_TRUE(d.to_change_outcome.empty());
}

TEST_P(DrugTopicTest, WithoutDecidingSentenceIsUpheldAndNamed) {
  const Row& row = rows()[GetParam()];
  const Determination d = review(make_case(row, false));
  ASSERT_TRUE(d.decision) << row.name;
  EXPECT_EQ(*d.decision, Decision::kUpheld) << row.name << ": " << d.rationale;
  EXPECT_EQ(d.topic, row.topic);
  const CriterionResult* c = criterion(d, row.criterion);
  ASSERT_NE(c, nullptr) << row.criterion;
  EXPECT_NE(c->state, CriterionState::kMet) << row.name << ": " << c->statement;
  EXPECT_NE(d.rationale.find(c->statement), std::string::npos) << d.rationale;
  EXPECT_NE(std::find(d.to_change_outcome.begin(), d.to_change_outcome.end(), c->to_change),
            d.to_change_outcome.end())
      << row.name;
  EXPECT_EQ(d.rationale.find('{'), std::string::npos) << d.rationale;
}

INSTANTIATE_TEST_SUITE_P(Topics, DrugTopicTest, ::testing::Range<size_t>(0, rows().size()),
                         [](const ::testing::TestParamInfo<size_t>& info) {
                           return std::string(rows()[info.param].name);
                         });

// --- cases beyond the table: the deciding element is the request, or a contrary fact ----

Determination review_text(const std::string& text, const std::string& request,
                          std::optional<int> age = std::nullopt) {
  Case c;
  c.claimant.age = age;
  c.records.push_back(Record{Date::ymd(2016, 5, 2), "Progress report", text});
  c.requests.push_back(request);
  return review(c);
}

TEST(DrugTopicExtraTest, CompoundWithMuscleRelaxantIsNotRecommended) {
  const std::string record =
      "Painful peripheral neuropathy of both feet. Amitriptyline and then gabapentin were each tried "
      "for three months and failed.";
  const Determination ok = review_text(record, "Compounded cream: flurbiprofen 20%, menthol 5%");
  EXPECT_EQ(*ok.decision, Decision::kOverturned) << ok.rationale;
  const Determination d =
      review_text(record, "Compounded cream: flurbiprofen 20%, cyclobenzaprine 4%, lidocaine 5%");
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  const CriterionResult* c = criterion(d, "topicals.ingredients");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->state, CriterionState::kNotMet);
  EXPECT_NE(c->statement.find("cyclobenzaprine"), std::string::npos) << c->statement;
  EXPECT_NE(c->statement.find("lidocaine"), std::string::npos) << c->statement;
  EXPECT_EQ(c->statement.find("flurbiprofen"), std::string::npos) << c->statement;
  ASSERT_FALSE(c->evidence.empty());
  EXPECT_EQ(c->evidence[0].record, -1);
  EXPECT_EQ(d.citations.at(0).pages, "111-113");
}

TEST(DrugTopicExtraTest, TerocinContainsNonPatchLidocaine) {
  const Determination d = review_text(
      "Painful neuropathy of the right hand; gabapentin failed after three months.", "Terocin patch #30");
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  EXPECT_EQ(criterion(d, "topicals.ingredients")->state, CriterionState::kNotMet);
}

TEST(DrugTopicExtraTest, LidocaineOintmentIsNotThePatch) {
  const Determination d = review_text(
      "Postherpetic neuralgia of the left flank. Nortriptyline 25 mg nightly was tried for three months "
      "and failed.",
      "Lidocaine 5% ointment apply bid");
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  EXPECT_EQ(d.topic, "lidocaine");
  const CriterionResult* c = criterion(d, "lidocaine.patch");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->state, CriterionState::kNotMet);
  EXPECT_NE(c->statement.find("ointment"), std::string::npos) << c->statement;
  EXPECT_EQ(criterion(d, "lidocaine.first_line")->state, CriterionState::kMet);
}

TEST(DrugTopicExtraTest, TopicalNsaidForTheSpineIsUpheld) {
  const Determination d = review_text("Osteoarthritis of the lumbar spine with facet hypertrophy.",
                                      "Voltaren gel 1% apply to low back qid");
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  const CriterionResult* c = criterion(d, "topical_nsaids.site");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->state, CriterionState::kNotMet) << c->statement;
}

TEST(DrugTopicExtraTest, PpiWithoutNsaidOrSymptomsIsUpheld) {
  const Determination d =
      review_text("Chronic neck pain after a 2014 collision. She denies heartburn or stomach upset.",
                  "Omeprazole 20mg 1 cap daily #30", 44);
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  EXPECT_EQ(criterion(d, "ppi.nsaid")->state, CriterionState::kNotDocumented);
  EXPECT_EQ(criterion(d, "ppi.gi_risk")->state, CriterionState::kNotMet);
}

TEST(DrugTopicExtraTest, PpiRiskFromAgeOrAspirin) {
  const Determination old = review_text("Knee osteoarthritis. He takes naproxen 500 mg twice a day.",
                                        "Omeprazole 20mg 1 cap daily #30", 71);
  EXPECT_EQ(*old.decision, Decision::kOverturned) << old.rationale;
  EXPECT_NE(criterion(old, "ppi.gi_risk")->statement.find("age 71"), std::string::npos);
  const Determination asa = review_text(
      "Knee osteoarthritis. He takes naproxen 500 mg twice a day and aspirin 81 mg daily for his heart.",
      "Omeprazole 20mg 1 cap daily #30", 50);
  EXPECT_EQ(*asa.decision, Decision::kOverturned) << asa.rationale;
  EXPECT_NE(criterion(asa, "ppi.gi_risk")->statement.find("aspirin"), std::string::npos);
}

TEST(DrugTopicExtraTest, AcetaminophenAboveFourGramsIsFlagged) {
  const Determination d = review_text("Chronic low back pain after a 2013 lifting injury.",
                                      "Tylenol 500mg 2 tabs q4h #360");
  const CriterionResult* c = criterion(d, "acetaminophen.daily_dose");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->state, CriterionState::kNotMet);
  EXPECT_NE(c->statement.find("6000 mg/day"), std::string::npos) << c->statement;
  EXPECT_NE(d.rationale.find("6000 mg/day"), std::string::npos) << d.rationale;
}

TEST(DrugTopicExtraTest, LongTermZolpidemIsUpheld) {
  const Determination d = review_text(
      "She has taken Ambien 10 mg nightly since January 2015. Sleep hygiene was reviewed with her.",
      "Ambien 10mg 1 tab qhs #30");
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  EXPECT_EQ(criterion(d, "sleep_aids.course")->state, CriterionState::kNotMet);
  EXPECT_EQ(criterion(d, "sleep_aids.hygiene")->state, CriterionState::kMet);
  EXPECT_EQ(d.citations.at(0).family, "ODG");
}

TEST(DrugTopicExtraTest, OndansetronForOpioidNauseaIsUpheld) {
  const Determination d = review_text(
      "He takes Percocet 10/325 mg four times a day and has daily nausea.", "Zofran 4mg 1 tab q8h prn #30");
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  const CriterionResult* c = criterion(d, "antiemetics.not_opioid_nausea");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->state, CriterionState::kNotMet);
  EXPECT_NE(c->statement.find("oxycodone"), std::string::npos) << c->statement;
}

TEST(DrugTopicExtraTest, RecentConsistentScreenIsNotDue) {
  const Determination d = review_text(
      "He takes oxycodone 10 mg up to four times a day. A urine drug screen on 04/04/2016 was consistent "
      "with his prescriptions. No aberrant behavior has been seen.",
      "Urine drug screen");
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  EXPECT_EQ(criterion(d, "drug_testing.due")->state, CriterionState::kNotMet);
  const Determination risky = review_text(
      "He takes oxycodone 10 mg up to four times a day. A urine drug screen on 04/04/2016 was consistent "
      "with his prescriptions. He asked for an early refill twice this month.",
      "Urine drug screen");
  EXPECT_EQ(*risky.decision, Decision::kOverturned) << risky.rationale;
}

TEST(DrugTopicExtraTest, MedicalFoodIsNotRecommended) {
  const Determination d = review_text("Chronic low back pain; Theramine is requested for pain.",
                                      "Theramine #120");
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  EXPECT_EQ(d.topic, "medical_foods");
  EXPECT_EQ(criterion(d, "medical_foods.recommended")->state, CriterionState::kNotMet);
}

TEST(DrugTopicExtraTest, DrugWithoutAPackIsRoutedNotGuessed) {
  const Determination d = review_text("Atrial fibrillation treated by his cardiologist.", "Warfarin 5mg #30");
  EXPECT_TRUE(d.no_rule);
  EXPECT_FALSE(d.decision.has_value());
}

}  // namespace
}  // namespace imr
