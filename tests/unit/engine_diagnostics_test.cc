// The diagnostics family on team-written records, both ways: imaging by body region (spine,
// knee, shoulder, hip, head, other limb joints), X-rays, CT (the head in its acute phase), bone
// scan, electrodiagnostics of the arm and of the leg, consultations and functional capacity
// evaluations. For every row a record with the deciding sentence is overturned, and the same
// record without it is upheld with that sentence's criterion not met or not documented and
// stated in the rationale. Then the reviewers' habits the packs encode: care that is helping
// defers a study, imaging that already explains radiculopathy makes EMG unnecessary, a
// duplicate consultation and an examination serving an unsupported course of therapy are not
// necessary.
#include <gtest/gtest.h>

#include "decide/engine.h"
#include "support/decided_by.h"
#include "support/knowledge.h"

namespace imr {
namespace {

using testing::bundled_knowledge;
using testing::expect_decided_by;

struct DiagnosticRow {
  const char* topic;
  const char* request;
  const char* before;
  const char* deciding;
  const char* after;
  const char* criterion;
  Date date;
  Date injury;
};

using testing::criteria_dump;
using testing::find_criterion;

// One record, one request: the item's determination.
Determination review_text(const std::string& request, const std::string& text, Date date = Date::ymd(2016, 12, 1),
                          Date injury = Date::ymd(2016, 9, 1)) {
  Case c;
  c.date_of_injury = injury;
  c.records.push_back(Record{date, "Progress report", text});
  c.requests.push_back(request);
  return Engine(bundled_knowledge()).review(c).items.at(0);
}

// A row's record with or without its deciding sentence.
Determination review_row(const DiagnosticRow& row, bool with_deciding) {
  std::string text = row.before;
  if (with_deciding) text += std::string(" ") + row.deciding;
  if (*row.after) text += std::string(" ") + row.after;
  return review_text(row.request, text, row.date, row.injury);
}

const std::vector<DiagnosticRow>& rows() {
  static const std::vector<DiagnosticRow> r = {
      {"imaging_mri", "MRI of the cervical spine",
       "Neck pain radiating into the right arm since a fall from a ladder. Six sessions of physical therapy have not relieved it.",
       "Examination shows decreased sensation in the right C6 dermatome and 4/5 wrist extension strength.", "",
       "imaging_mri.nerve_compromise", Date::ymd(2016, 11, 20), Date::ymd(2016, 9, 1)},
      {"imaging_mri", "MRI lumbar spine without contrast",
       "Low back pain with pain into the left calf after lifting a pallet. On examination the left ankle reflex is absent and plantar flexion is 4/5.",
       "He has attended eight sessions of physical therapy and still has the same leg pain.", "",
       "imaging_mri.failed_treatment", Date::ymd(2016, 11, 20), Date::ymd(2016, 9, 1)},
      {"imaging_mri", "MRI of the right knee without contrast",
       "Right knee twisting injury stepping off a truck. The knee locks and gives way on stairs.",
       "Examination shows a 2+ effusion and a positive McMurray test.", "",
       "imaging_mri_knee.derangement_signs", Date::ymd(2016, 12, 1), Date::ymd(2016, 11, 10)},
      {"imaging_mri", "Left knee MRI",
       "Left knee pain after a fall on ice. Examination shows a positive Lachman test.",
       "She has completed six sessions of physical therapy without improvement.", "",
       "imaging_mri_knee.failed_treatment", Date::ymd(2017, 1, 10), Date::ymd(2016, 11, 10)},
      {"imaging_mri", "MRI of the right shoulder",
       "Right shoulder pain after pulling a heavy cart. She has failed five weeks of physical therapy.",
       "The Hawkins and Neer tests are positive.", "",
       "imaging_mri_shoulder.cuff_signs", Date::ymd(2017, 1, 10), Date::ymd(2016, 11, 1)},
      {"imaging_mri", "Right shoulder MRI",
       "Right shoulder pain after a fall onto the outstretched arm. There is a positive drop arm test.",
       "A subacromial injection is planned.", "",
       "imaging_mri_shoulder.procedure_planned", Date::ymd(2016, 12, 5), Date::ymd(2016, 11, 14)},
      {"imaging_mri", "MRI of the left hip",
       "Left groin pain since a slip from a ladder. She has failed six weeks of physical therapy.",
       "A FADIR test is positive on the left.", "",
       "imaging_mri_hip.labral_signs", Date::ymd(2017, 1, 10), Date::ymd(2016, 10, 1)},
      {"imaging_mri", "MRI of the right wrist",
       "Right wrist pain after a fall onto the hand. He has failed six weeks of splinting and occupational therapy.",
       "A scapholunate ligament tear is suspected.", "",
       "imaging_mri_limb.suspected_lesion", Date::ymd(2017, 1, 10), Date::ymd(2016, 10, 20)},
      {"imaging_mri", "MRI of the brain without contrast",
       "Headaches since a blow to the head from a falling box.",
       "He now has progressive weakness of the left arm.", "",
       "imaging_mri_head.red_flag", Date::ymd(2017, 1, 10), Date::ymd(2016, 11, 1)},
      {"imaging_xray", "X-rays of the lumbar spine",
       "Low back pain after a fall from a scaffold.",
       "A compression fracture is suspected at L1.", "",
       "imaging_xray.red_flag", Date::ymd(2016, 12, 1), Date::ymd(2016, 11, 25)},
      {"imaging_xray", "X-ray of the left ankle",
       "Left ankle inversion injury on a loading dock.",
       "He is unable to bear weight on the left ankle.", "",
       "imaging_xray_limb.cannot_bear_weight", Date::ymd(2016, 12, 1), Date::ymd(2016, 11, 28)},
      {"imaging_xray", "X-rays of the right ankle, 3 views",
       "Right ankle twisted stepping off a curb two days ago; he walks with a limp.",
       "There is point tenderness at the tip of the medial malleolus.", "",
       "imaging_xray_limb.fracture_signs", Date::ymd(2016, 12, 1), Date::ymd(2016, 11, 29)},
      {"imaging_ct", "CT scan of the lumbar spine",
       "Low back pain with numbness in the right leg after a fall from a roof.",
       "He has a cardiac pacemaker, so MRI cannot be done.", "",
       "imaging_ct.mri_contraindicated", Date::ymd(2016, 12, 20), Date::ymd(2016, 10, 1)},
      {"imaging_ct", "CT scan of the head",
       "He struck his head on a steel beam at work yesterday and vomited twice.",
       "The emergency physician diagnosed a concussion.", "",
       "imaging_ct_head.brain_injury_signs", Date::ymd(2016, 11, 15), Date::ymd(2016, 11, 14)},
      {"imaging_bone_scan", "Three phase bone scan of the right foot",
       "Burning pain, swelling and color change of the right foot since a crush injury.",
       "Complex regional pain syndrome is suspected.", "",
       "imaging_bone_scan.crps", Date::ymd(2017, 1, 10), Date::ymd(2016, 9, 1)},
      {"electrodiagnostics", "EMG/NCS of the right upper extremity",
       "Numbness of the right thumb and index finger at night since repetitive assembly work. She has failed five weeks of splinting and occupational therapy.",
       "Tinel and Phalen tests are positive at the right wrist.", "",
       "electrodiagnostics_upper.nerve_signs", Date::ymd(2017, 1, 10), Date::ymd(2016, 11, 1)},
      {"electrodiagnostics", "EMG of the bilateral lower extremities",
       "Low back pain with tingling into both feet after lifting a motor. Six sessions of physical therapy have not relieved the leg symptoms.",
       "Examination shows decreased sensation in the left L5 dermatome and a diminished left ankle reflex.", "",
       "electrodiagnostics_lower.neuro_findings", Date::ymd(2017, 1, 10), Date::ymd(2016, 10, 1)},
      {"office_visits", "Spine surgeon consultation for the lumbar spine",
       "Left leg pain since lifting a pallet. An epidural injection and physical therapy have not helped.",
       "MRI of the lumbar spine shows an L4-5 disc herniation compressing the left L5 nerve root.", "",
       "office_visits_surgical.lesion_on_imaging", Date::ymd(2017, 1, 10), Date::ymd(2016, 10, 1)},
      {"office_visits", "Pain management consultation",
       "She was seen in the clinic today.",
       "She is treated for lumbar radiculopathy and takes gabapentin daily.", "",
       "office_visits.clinical_need", Date::ymd(2017, 1, 10), Date::ymd(2016, 10, 1)},
      {"functional_capacity_evaluation", "Functional capacity evaluation",
       "Lumbar strain from stacking boxes. He is on modified duty. He is permanent and stationary.",
       "Two attempts to return to work failed.", "",
       "functional_capacity_evaluation.complex_return", Date::ymd(2017, 1, 10), Date::ymd(2016, 3, 1)},
  };
  return r;
}

TEST(EngineDiagnosticsTest, EachPackBothWays) {
  for (const DiagnosticRow& row : rows()) {
    SCOPED_TRACE(std::string(row.criterion) + " / " + row.request);
    const Determination met = review_row(row, true);
    ASSERT_TRUE(met.decision) << met.rationale;
    EXPECT_EQ(met.topic, row.topic);
    EXPECT_EQ(*met.decision, Decision::kOverturned) << met.rationale << "\n" << criteria_dump(met);
    const CriterionResult* c = find_criterion(met, row.criterion);
    ASSERT_NE(c, nullptr) << criteria_dump(met);
    EXPECT_EQ(c->state, CriterionState::kMet);
    ASSERT_FALSE(c->evidence.empty());
    EXPECT_NE(c->evidence[0].text.find(row.deciding), std::string::npos) << c->evidence[0].text;
    EXPECT_EQ(met.rationale.find('{'), std::string::npos) << met.rationale;

    const Determination missing = review_row(row, false);
    ASSERT_TRUE(missing.decision);
    EXPECT_EQ(*missing.decision, Decision::kUpheld) << missing.rationale << "\n" << criteria_dump(missing);
    const CriterionResult* gone = find_criterion(missing, row.criterion);
    ASSERT_NE(gone, nullptr) << criteria_dump(missing);
    EXPECT_NE(gone->state, CriterionState::kMet);
    EXPECT_TRUE(gone->decided) << gone->id;
    EXPECT_FALSE(gone->to_change.empty());
    EXPECT_NE(missing.rationale.find(gone->statement), std::string::npos) << missing.rationale;
    EXPECT_TRUE(imr::testing::others_support(missing.criteria, *gone)) << criteria_dump(missing);
    ASSERT_FALSE(missing.citations.empty());
  }
}

// Each region's MRI is judged by its own chapter: the same knee findings that justify a knee
// MRI do not justify a lumbar one, and spinal nerve signs do not justify a knee MRI.
TEST(EngineDiagnosticsTest, MriIsJudgedByTheRegionsOwnCriteria) {
  const std::string knee = "Right knee injury at work. The knee gives way. Examination shows an effusion and a positive "
                           "Apley test. Physical therapy has not helped.";
  const Determination knee_mri = review_text("MRI right knee", knee);
  EXPECT_EQ(*knee_mri.decision, Decision::kOverturned) << criteria_dump(knee_mri);
  expect_decided_by(review_text("MRI lumbar spine", knee), Decision::kUpheld, "imaging_mri.nerve_compromise",
                    CriterionState::kNotDocumented);

  const std::string back = "Low back pain into the left leg. The left ankle reflex is absent and there is 4/5 weakness of "
                           "the left extensor hallucis longus. Physical therapy has not helped.";
  const Determination lumbar = review_text("MRI of the lumbar spine", back);
  EXPECT_EQ(*lumbar.decision, Decision::kOverturned) << criteria_dump(lumbar);
  expect_decided_by(review_text("MRI of the left knee", back), Decision::kUpheld,
                    "imaging_mri_knee.derangement_signs", CriterionState::kNotDocumented);
}

// Care that is helping defers the study, whatever the findings (shoulder MRI, arm EDX), and
// medication alone is not the course of conservative care imaging waits for.
TEST(EngineDiagnosticsTest, CareThatIsHelpingDefersTheStudy) {
  expect_decided_by(review_text("MRI left shoulder",
                                "Left shoulder pain lifting boxes. Positive Hawkins test. A subacromial injection is "
                                "planned. Physical therapy has helped and his motion is improving."),
                    Decision::kUpheld, "imaging_mri_shoulder.not_improving", CriterionState::kNotMet);
  expect_decided_by(review_text("NCV/EMG bilateral upper extremities",
                                "Numbness in both hands. Positive Tinel sign at both wrists. Six chiropractic visits "
                                "helped and the numbness is less frequent."),
                    Decision::kUpheld, "electrodiagnostics_upper.not_improving", CriterionState::kNotMet);
  expect_decided_by(review_text("MRI cervical spine", "Neck pain into the right arm. Decreased sensation in the right C6 "
                                                      "dermatome. Naproxen did not help."),
                    Decision::kUpheld, "imaging_mri.failed_treatment", CriterionState::kNotDocumented);
}

TEST(EngineDiagnosticsTest, EmgIsNotNeededWhenImagingAlreadyExplainsTheRadiculopathy) {
  expect_decided_by(review_text("EMG/NCV of the bilateral lower extremities",
                                "Left leg pain and numbness. Decreased sensation in the left S1 dermatome and a positive "
                                "straight leg raise on the left. Physical therapy did not help. MRI of the lumbar spine "
                                "on 11/20/2016 showed an L5-S1 disc herniation compressing the left S1 nerve root.",
                                Date::ymd(2016, 12, 1), Date::ymd(2016, 8, 1)),
                    Decision::kUpheld, "electrodiagnostics_lower.not_obvious", CriterionState::kNotMet);
}

// A chiropractic examination follows the course of chiropractic care it serves; a consultation
// already authorised is a duplicate.
TEST(EngineDiagnosticsTest, VisitsFollowTheirCourseAndDuplicatesAreNotNecessary) {
  const Engine engine(bundled_knowledge());
  Case c;
  c.date_of_injury = Date::ymd(2016, 10, 1);
  c.records.push_back(Record{Date::ymd(2016, 12, 1), "Chiropractic report",
                             "Low back strain lifting a ladder. He is in his fourth week of physical therapy."});
  c.requests = {"Chiropractic manipulation 3 times a week for 6 weeks", "Chiropractic re-exam for the lumbar spine"};
  const auto items = engine.review(c).items;
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].decision);
  EXPECT_EQ(*items[0].decision, Decision::kUpheld) << criteria_dump(items[0]);
  expect_decided_by(items[1], Decision::kUpheld, "office_visits.serves_therapy", CriterionState::kNotMet);

  // Alone, the same re-exam is judged on the condition it addresses.
  c.requests = {"Chiropractic re-exam for the lumbar spine"};
  const Determination solo = engine.review(c).items.at(0);
  EXPECT_EQ(*solo.decision, Decision::kOverturned) << criteria_dump(solo);

  expect_decided_by(review_text("Neurosurgeon evaluation for the low back",
                                "Lumbar fracture with radiculopathy after a fall. He was previously approved for a "
                                "neurosurgical consultation on 11/23/2016."),
                    Decision::kUpheld, "office_visits_surgical.not_duplicate", CriterionState::kNotMet);
}

// A functional capacity evaluation is not for a worker already back at full duty.
TEST(EngineDiagnosticsTest, FceIsNotForAWorkerAtFullDuty) {
  expect_decided_by(review_text("Functional capacity evaluation",
                                "Lumbar strain. He is permanent and stationary. An earlier attempt to return to work "
                                "failed. He has now returned to full duty.",
                                Date::ymd(2017, 1, 10), Date::ymd(2015, 6, 1)),
                    Decision::kUpheld, "functional_capacity_evaluation.work_limited", CriterionState::kNotMet);
}

// "Has not helped" is a failure, not a benefit, for any treatment it follows.
TEST(EngineDiagnosticsTest, CareThatHasNotHelpedIsAFailedCourse) {
  for (const std::string s : {"Physical therapy has not helped.", "Physical therapy for five weeks has not helped.",
                              "Six sessions of physical therapy have not relieved her pain.",
                              "Physical therapy did not relieve the pain.",
                              "She had physical therapy, which has not improved her symptoms.",
                              "Despite physical therapy, the neck pain persists."}) {
    SCOPED_TRACE(s);
    const Determination d =
        review_text("MRI of the cervical spine", "Neck pain into the left arm. Decreased sensation in the left C7 "
                                                 "dermatome. " + s);
    ASSERT_TRUE(d.decision);
    EXPECT_EQ(*d.decision, Decision::kOverturned) << criteria_dump(d);
    const CriterionResult* cr = find_criterion(d, "imaging_mri.failed_treatment");
    ASSERT_NE(cr, nullptr);
    EXPECT_EQ(cr->state, CriterionState::kMet);
  }
}

}  // namespace
}  // namespace imr
