// The gap-services family on team-written records, both ways: procedures and services the
// request parser did not know before (sleep studies, implanted devices and their trials,
// shockwave and laser therapy, work hardening, gym and weight-loss programs, Botox, sacroiliac
// and other corticosteroid injections, orthotics, CPM, bone growth stimulators, discography,
// neuropsychological testing, vestibular rehabilitation, hypnotherapy, home heat and cold,
// dental care, lumbar supports, knee braces, home exercise kits, monitoring labs). For every
// row a record with the deciding sentence is overturned and the same record without it is
// upheld with that sentence's criterion named; the services the guideline does not recommend
// at all are upheld whatever the record says. Then the limits the packs encode: the body part
// shockwave therapy is for, CPM's days, the acute phase of a lumbar support, work hardening's
// two years and first period, and the trial before a permanent stimulator.
#include <gtest/gtest.h>

#include "decide/engine.h"
#include "intake/request.h"
#include "support/both_ways.h"
#include "support/decided_by.h"

namespace imr {
namespace {

using testing::BothWaysRow;
using testing::bundled_knowledge;
using testing::criteria_dump;
using testing::expect_decided_by;
using testing::find_criterion;

Determination review_text(const std::string& request, const std::string& text, Date date = Date::ymd(2016, 12, 1),
                          Date injury = Date::ymd(2016, 6, 1)) {
  return testing::review_on_record(request, text, date, injury);
}

// Every row's deciding sentence overturns the request.
const std::vector<BothWaysRow>& rows() {
  static const std::vector<BothWaysRow> r = {
      {"polysomnography", "Polysomnography",
       "Chronic low back pain after a fall. She sleeps poorly because of pain.",
       "Her husband reports loud snoring and witnessed apneas at night.", true,
       "polysomnography.breathing", Date::ymd(2016, 12, 1), Date::ymd(2015, 3, 1)},
      {"polysomnography", "Sleep study",
       "Lumbar strain with chronic pain. He takes zolpidem nightly.",
       "He reports excessive daytime sleepiness and has fallen asleep while driving.", true,
       "polysomnography.somnolence", Date::ymd(2016, 12, 1), Date::ymd(2015, 3, 1)},
      {"spinal_cord_stimulator", "Spinal cord stimulator trial",
       "Failed back surgery syndrome after an L4-5 fusion in 2014. Physical therapy, epidural injections and medications have failed to relieve the leg pain.",
       "A psychological evaluation cleared him as an appropriate candidate for the stimulator.", true,
       "scs.psychological_clearance", Date::ymd(2016, 12, 1), Date::ymd(2013, 6, 1)},
      {"spinal_cord_stimulator", "Permanent spinal cord stimulator implant",
       "Complex regional pain syndrome of the right foot. Physical therapy, sympathetic blocks and gabapentin have failed. A psychological evaluation cleared her as an appropriate candidate.",
       "The spinal cord stimulator trial was successful with 70% pain relief.", true,
       "scs.trial_succeeded", Date::ymd(2016, 12, 1), Date::ymd(2013, 6, 1)},
      {"intrathecal_pump", "Intrathecal pump trial",
       "Failed back surgery syndrome with intractable leg pain. Physical therapy, epidural injections, a spinal cord stimulator and opioids have all failed to relieve the pain. The surgeon states he is not a candidate for further surgery.",
       "Psychological clearance was obtained for the pump.", true,
       "idds.psychological_clearance", Date::ymd(2016, 12, 1), Date::ymd(2012, 1, 10)},
      {"eswt", "Extracorporeal shockwave therapy for the right shoulder, 3 sessions",
       "Right shoulder pain for eight months. Physical therapy and a subacromial injection have failed to relieve it.",
       "X-rays show calcific tendinitis of the supraspinatus.", true,
       "eswt.condition", Date::ymd(2016, 12, 1), Date::ymd(2016, 3, 1)},
      {"eswt", "ESWT left foot",
       "Left heel pain worse with the first steps each morning; she was diagnosed with plantar fasciitis.",
       "Six months of stretching, night splints and physical therapy have failed to relieve it.", true,
       "eswt.conservative_care", Date::ymd(2016, 12, 1), Date::ymd(2016, 3, 1)},
      {"work_hardening", "Work hardening 5 sessions a week for 2 weeks",
       "Lumbar strain lifting boxes. He completed twelve sessions of physical therapy; his progress has plateaued. He remains on modified duty.",
       "His employer is holding his warehouse position for him.", true,
       "work_hardening.job_goal", Date::ymd(2016, 12, 1), Date::ymd(2016, 5, 1)},
      {"gym_membership", "Gym membership for 6 months",
       "Chronic knee pain. A therapist revised his home exercise program twice and it has not been effective.",
       "He requires access to resistance equipment and a pool that he does not have at home.", true,
       "gym_membership.equipment_needed", Date::ymd(2016, 12, 1), Date::ymd(2015, 5, 1)},
      {"weight_loss_program", "Medically supervised weight loss program",
       "Bilateral knee osteoarthritis aggravated by work. Her BMI is 41.",
       "She has tried dieting and exercise for a year without success.", true,
       "weight_loss_program.diet_failed", Date::ymd(2016, 12, 1), Date::ymd(2015, 5, 1)},
      {"botulinum_toxin", "Botox injections to the cervical paraspinal muscles",
       "Neck pain with involuntary turning of the head since the injury.",
       "The neurologist diagnosed cervical dystonia.", true,
       "botox.cervical_dystonia", Date::ymd(2016, 12, 1), Date::ymd(2015, 5, 1)},
      {"si_joint_injection", "Left sacroiliac joint injection under fluoroscopy",
       "Left buttock pain below the belt line. Six weeks of physical therapy, home exercise and naproxen have not relieved it.",
       "FABER, Gaenslen and thigh thrust tests are positive on the left.", true,
       "si_joint_injection.exam_signs", Date::ymd(2016, 12, 1), Date::ymd(2016, 6, 1)},
      {"joint_injection", "Cortisone injection to the right knee",
       "Right knee osteoarthritis with pain on stairs.",
       "Physical therapy and naproxen have not relieved the pain.", true,
       "joint_injection_knee.conservative_care", Date::ymd(2016, 12, 1), Date::ymd(2016, 3, 1)},
      {"joint_injection", "Subacromial steroid injection, left shoulder",
       "Left shoulder pain with overhead reaching. Three weeks of physical therapy and ibuprofen have not relieved it.",
       "Neer and Hawkins tests are positive.", true,
       "joint_injection_shoulder.impingement_signs", Date::ymd(2016, 12, 1), Date::ymd(2016, 10, 1)},
      {"joint_injection", "Steroid injection right thumb",
       "Right thumb pain at the base with catching. Splinting and anti-inflammatory medication have not helped.",
       "The hand surgeon diagnosed a trigger thumb.", true,
       "joint_injection.condition", Date::ymd(2016, 12, 1), Date::ymd(2016, 9, 1)},
      {"orthotics", "Custom orthotics, bilateral",
       "Bilateral heel pain from standing on concrete floors all day.",
       "The podiatrist diagnosed plantar fasciitis.", true,
       "orthotics.condition", Date::ymd(2016, 12, 1), Date::ymd(2016, 6, 1)},
      {"continuous_passive_motion", "CPM machine rental for 14 days",
       "Right knee osteoarthritis.",
       "A right total knee arthroplasty is scheduled for next month.", true,
       "cpm.surgery", Date::ymd(2016, 12, 1), Date::ymd(2015, 6, 1)},
      {"continuous_passive_motion", "Continuous passive motion device for the left shoulder for 21 days",
       "Left shoulder stiffness after a fall with limited motion in all planes.",
       "The orthopedist diagnosed adhesive capsulitis.", true,
       "cpm_shoulder.adhesive_capsulitis", Date::ymd(2016, 12, 1), Date::ymd(2016, 6, 1)},
      {"bone_growth_stimulator", "Bone growth stimulator",
       "Lumbar spondylolisthesis; an L4-S1 instrumented fusion is scheduled.",
       "He smokes a pack of cigarettes a day.", true,
       "bone_growth_stimulator.risk_factor", Date::ymd(2016, 12, 1), Date::ymd(2015, 6, 1)},
      {"discography", "Lumbar discogram L3-S1",
       "Low back pain for two years. Physical therapy and epidural injections have failed. The MRI shows degenerated discs at L4-5 and L5-S1. He is a candidate for fusion.",
       "He passed a psychological evaluation for surgery.", true,
       "discography.psychosocial", Date::ymd(2016, 12, 1), Date::ymd(2014, 6, 1)},
      {"neuropsychological_testing", "Neuropsychological testing",
       "He was struck on the head by a falling pipe and diagnosed with a concussion.",
       "Three months later he still has memory problems and difficulty concentrating at work.", true,
       "neuropsychological_testing.cognitive_complaints", Date::ymd(2016, 12, 1), Date::ymd(2016, 8, 1)},
      {"vestibular_rehabilitation", "Vestibular rehabilitation 2x a week for 4 weeks",
       "Concussion after a fall from a ladder; headaches are improving.",
       "He has persistent dizziness and loses his balance when turning his head.", true,
       "vestibular_rehabilitation.balance", Date::ymd(2016, 12, 1), Date::ymd(2016, 9, 1)},
      {"hypnotherapy", "Hypnotherapy 6 sessions",
       "Nightmares and flashbacks since an armed robbery at the store where she works.",
       "Her psychologist diagnosed post-traumatic stress disorder.", true,
       "hypnotherapy.ptsd", Date::ymd(2016, 12, 1), Date::ymd(2016, 6, 1)},
      {"dental", "Dental evaluation and treatment",
       "Facial injury when a pallet struck his jaw.",
       "Two front teeth were broken in the accident.", true,
       "dental.injury", Date::ymd(2016, 12, 1), Date::ymd(2016, 10, 1)},
      {"hot_cold_packs", "Hot/cold wrap for home use",
       "Chronic low back strain.",
       "He reports an acute flare of low back pain after lifting a box last week.", true,
       "hot_cold_packs.flare", Date::ymd(2016, 12, 1), Date::ymd(2015, 6, 1)},
      {"lumbar_support", "LSO back brace",
       "Low back pain after a fall from a truck, with ongoing pain.",
       "X-rays show an L1 compression fracture.", true,
       "lumbar_support.specific_condition", Date::ymd(2016, 12, 1), Date::ymd(2016, 9, 1)},
      {"labs", "Hepatic and renal function panel",
       "Chronic knee pain.",
       "He has taken naproxen 550 mg twice daily for a year.", true,
       "labs.nsaid_in_use", Date::ymd(2016, 12, 1), Date::ymd(2015, 6, 1)},
      {"brace", "Hinged knee brace, left",
       "Left knee twisting injury on a ladder; the knee gives way. He climbs ladders at work.",
       "The MRI shows an ACL tear.", true,
       "brace_knee.ligament_tear", Date::ymd(2016, 12, 1), Date::ymd(2016, 10, 1)},
      {"home_exercise_kit", "Home exercise kit for the right shoulder",
       "Right shoulder strain lifting overhead; range of motion is improving.",
       "The therapist taught him a home exercise program with bands and a pulley.", true,
       "home_exercise_kit.home_program", Date::ymd(2016, 12, 1), Date::ymd(2016, 9, 1)},
      {"labs", "CBC and comprehensive metabolic panel",
       "Chronic neck pain.",
       "She takes meloxicam 15 mg daily and has for two years.", true,
       "labs.nsaid_in_use", Date::ymd(2016, 12, 1), Date::ymd(2014, 6, 1)},
  };
  return r;
}

// Beyond the shared both-ways check: the met criterion quotes the deciding sentence, and
// without it everything else still supports the item, so that sentence alone decides.
void expect_sentence_alone_decides(const BothWaysRow& row, const std::string& sentence) {
  SCOPED_TRACE(sentence);
  const Determination met = review_text(row.request, std::string(row.record) + " " + sentence, row.date, row.injury);
  ASSERT_TRUE(met.decision);
  EXPECT_EQ(*met.decision, Decision::kOverturned) << criteria_dump(met);
  const CriterionResult* c = find_criterion(met, row.criterion);
  ASSERT_NE(c, nullptr) << criteria_dump(met);
  EXPECT_EQ(c->state, CriterionState::kMet) << criteria_dump(met);
  ASSERT_FALSE(c->evidence.empty());
  EXPECT_NE(c->evidence[0].text.find(sentence), std::string::npos) << c->evidence[0].text;
  const Determination missing = review_text(row.request, row.record, row.date, row.injury);
  const CriterionResult* gone = find_criterion(missing, row.criterion);
  ASSERT_NE(gone, nullptr);
  EXPECT_FALSE(gone->to_change.empty());
  EXPECT_TRUE(testing::others_support(missing.criteria, *gone)) << criteria_dump(missing);
  EXPECT_FALSE(missing.citations.empty());
}

TEST(EngineGapServicesTest, EachPackBothWays) {
  for (const BothWaysRow& row : rows()) {
    testing::expect_both_ways(row);
    expect_sentence_alone_decides(row, row.sentence);
  }
}

// What the guideline does not recommend at all is upheld, however the record reads.
TEST(EngineGapServicesTest, NotRecommendedServicesAreUpheld) {
  struct Row {
    testing::RequestDecidesRow request;
    const char* record;
  };
  for (const Row& row : std::vector<Row>{
      {{"genetic_testing", "Pharmacogenetic testing for opioid risk", "genetic_testing.not_recommended", "does not recommend"},
       "Chronic back pain on hydrocodone; the physician wants DNA testing to assess addiction risk."},
      {{"laser_therapy", "Low level laser therapy to the lumbar spine 2x6", "laser.not_recommended", "does not recommend"},
       "Chronic low back pain; physical therapy helped only briefly."},
      {{"kinesio_tape", "Kinesio tape for the right knee", "kinesio_tape.not_recommended", "does not recommend"},
       "Right knee sprain in physical therapy."},
      {{"stem_cell_injection", "Stem cell injection right knee", "stem_cell.not_recommended", "does not recommend"},
       "Right knee osteoarthritis that injections have not helped."},
       })
    testing::expect_request_decides(row.request, row.record, Date::ymd(2016, 12, 1), Date::ymd(2016, 6, 1));
}

// The ways requests name these services reach their topics (and so a pack), not "no rule".
TEST(EngineGapServicesTest, RequestsReachTheirTopics) {
  const auto& k = *bundled_knowledge();
  struct Row {
    const char* text;
    const char* topic;
  };
  for (const Row& row : std::vector<Row>{
           {"Pharmacogenetic testing", "genetic_testing"},
           {"Genetic opioid risk testing", "genetic_testing"},
           {"DNA testing for opioid risk", "genetic_testing"},
           {"Polysomnography", "polysomnography"},
           {"Sleep study", "polysomnography"},
           {"Spinal cord stimulator trial", "spinal_cord_stimulator"},
           {"Permanent SCS implant", "spinal_cord_stimulator"},
           {"Intrathecal pump trial", "intrathecal_pump"},
           {"Implantable drug delivery system", "intrathecal_pump"},
           {"Extracorporeal shockwave therapy right shoulder x3", "eswt"},
           {"ESWT left foot", "eswt"},
           {"Low level laser therapy lumbar 6 sessions", "laser_therapy"},
           {"Cold laser treatment to the neck", "laser_therapy"},
           {"Work hardening 10 sessions", "work_hardening"},
           {"Work conditioning 3x4", "work_hardening"},
           {"Gym membership x 6 months", "gym_membership"},
           {"Weight loss program", "weight_loss_program"},
           {"Botox injections cervical", "botulinum_toxin"},
           {"Botulinum toxin injection 100 units", "botulinum_toxin"},
           {"Sacroiliac joint injection left", "si_joint_injection"},
           {"SI joint block under fluoroscopy", "si_joint_injection"},
           {"Intra-articular corticosteroid injection right knee", "joint_injection"},
           {"Cortisone injection right shoulder", "joint_injection"},
           {"Subacromial injection", "joint_injection"},
           {"Custom orthotics", "orthotics"},
           {"Shoe inserts bilateral", "orthotics"},
           {"Continuous passive motion device x 21 days", "continuous_passive_motion"},
           {"CPM machine rental", "continuous_passive_motion"},
           {"Bone growth stimulator", "bone_growth_stimulator"},
           {"Discogram L3-S1", "discography"},
           {"Neuropsychological testing", "neuropsychological_testing"},
           {"Vestibular rehabilitation 6 sessions", "vestibular_rehabilitation"},
           {"Hypnotherapy 6 sessions", "hypnotherapy"},
           {"Hot and cold wrap", "hot_cold_packs"},
           {"Hot/cold packs", "hot_cold_packs"},
           {"Ice/heat pads therapy times 6", "passive_modalities"},
           {"Kinesio tape", "kinesio_tape"},
           {"Stem cell injection right knee", "stem_cell_injection"},
           {"Dental evaluation", "dental"},
           {"Dental treatment", "dental"},
           {"Lumbar support", "lumbar_support"},
           {"Back brace", "lumbar_support"},
           {"LSO brace", "lumbar_support"},
           {"Brace for the lumbar spine", "lumbar_support"},
           {"Knee brace", "brace"},
           {"Wrist brace", "brace"},
           {"CBC", "labs"},
           {"Hepatic function panel", "labs"},
           {"Renal function panel", "labs"},
           {"Liver function tests", "labs"},
           {"Home exercise kit", "home_exercise_kit"},
           {"Interferential unit", "electrical_stimulation"},
           {"Cervical traction unit", "passive_modalities"},
           {"CT myelogram lumbar", "imaging_ct"},
           {"Psychiatric consultation", "office_visits"},
           {"Psychiatric evaluation", "office_visits"},
           {"Pain management consultation", "office_visits"},
       }) {
    SCOPED_TRACE(row.text);
    const ParsedRequest r = parse_request(row.text, k.drugs, k.services);
    EXPECT_EQ(r.topic(), row.topic);
  }
}

// The deciding findings in other words records use: each variant replaces a row's deciding
// sentence and still overturns.
TEST(EngineGapServicesTest, DecidingFindingsInOtherWords) {
  struct Variant {
    const char* criterion;
    const char* sentence;
  };
  for (const Variant& v : std::vector<Variant>{
           {"polysomnography.breathing", "He snores and his wife has noticed apneic episodes."},
           {"polysomnography.somnolence", "His Epworth Sleepiness Scale score is 16."},
           {"scs.psychological_clearance", "He has been psychologically cleared for the SCS trial."},
           {"scs.psychological_clearance",
            "Psychological evaluation on 10/2/16 found him to be an appropriate candidate for the stimulator."},
           {"scs.trial_succeeded", "The trial of the spinal cord stimulator gave 60% relief."},
           {"si_joint_injection.exam_signs", "Patrick's test is positive on the left, as is Gaenslen's."},
           {"si_joint_injection.exam_signs", "There is tenderness over the left SI joint with a positive thigh thrust."},
           {"work_hardening.job_goal", "His job is being held for him."},
           {"dental.injury", "He chipped a front tooth in the fall."},
           {"neuropsychological_testing.cognitive_complaints", "He reports memory loss and trouble concentrating."},
           {"vestibular_rehabilitation.balance", "He has vertigo and poor balance."},
           {"botox.cervical_dystonia", "She was diagnosed with spasmodic torticollis."},
           {"weight_loss_program.diet_failed", "She has been unable to lose weight despite diet and exercise."},
           {"orthotics.condition", "Diagnoses: plantar fasciitis, bilateral."},
       }) {
    const BothWaysRow* row = nullptr;
    for (const BothWaysRow& r : rows())
      if (std::string(r.criterion) == v.criterion) row = &r;
    ASSERT_NE(row, nullptr) << v.criterion;
    expect_sentence_alone_decides(*row, v.sentence);
  }
}

// What rules a finding out is read as such: a denied snore is not a reason for a sleep study.
TEST(EngineGapServicesTest, DeniedFindingsDoNotCount) {
  const Determination d = review_text("Sleep study", "Chronic low back pain. He denies snoring or daytime sleepiness.");
  ASSERT_TRUE(d.decision);
  EXPECT_EQ(*d.decision, Decision::kUpheld) << criteria_dump(d);
  EXPECT_EQ(find_criterion(d, "polysomnography.breathing")->state, CriterionState::kNotMet);
}

// Shockwave therapy is for the shoulder and the foot: the same findings at the elbow do not
// make it necessary.
TEST(EngineGapServicesTest, ShockwaveTherapyIsForTheShoulderAndFoot) {
  const std::string record = "Calcific tendinitis on films. Physical therapy and bracing failed.";
  const Determination shoulder = review_text("ESWT right shoulder x3", record);
  EXPECT_EQ(*shoulder.decision, Decision::kOverturned) << criteria_dump(shoulder);
  expect_decided_by(review_text("ESWT right elbow x3", record), Decision::kUpheld, "eswt.region",
                    CriterionState::kNotMet);
}

// CPM after a knee replacement is for a stated period of up to 17 days at home; for the
// shoulder only adhesive capsulitis, not surgery.
TEST(EngineGapServicesTest, ContinuousPassiveMotionLimits) {
  const std::string knee = "Right knee osteoarthritis. A right total knee arthroplasty is scheduled.";
  const Determination short_use = review_text("CPM rental for 14 days, right knee", knee);
  EXPECT_EQ(*short_use.decision, Decision::kOverturned) << criteria_dump(short_use);
  expect_decided_by(review_text("CPM rental for 21 days, right knee", knee), Decision::kUpheld, "cpm.duration",
                    CriterionState::kNotMet);
  expect_decided_by(review_text("CPM machine, right knee", knee), Decision::kUpheld, "cpm.duration_stated",
                    CriterionState::kNotMet);
  expect_decided_by(review_text("CPM for the right shoulder for 14 days",
                                "Right rotator cuff repair is scheduled for next week."),
                    Decision::kUpheld, "cpm_shoulder.adhesive_capsulitis", CriterionState::kNotDocumented);
}

// A lumbar support helps in the acute phase or for a specific condition, not months later.
TEST(EngineGapServicesTest, LumbarSupportBeyondTheAcutePhase) {
  const std::string record = "Low back strain lifting a box. Tenderness of the paraspinal muscles.";
  const Determination acute = review_text("Lumbar support", record, Date::ymd(2016, 12, 1), Date::ymd(2016, 11, 20));
  EXPECT_EQ(*acute.decision, Decision::kOverturned) << criteria_dump(acute);
  expect_decided_by(review_text("Lumbar support", record, Date::ymd(2016, 12, 1), Date::ymd(2016, 5, 20)),
                    Decision::kUpheld, "lumbar_support.acute_phase", CriterionState::kNotMet);
}

// A brace or a bone growth stimulator follows a spinal fusion, not any operation that implants
// material; a post-operative knee brace follows its knee operation.
TEST(EngineGapServicesTest, DevicesFollowTheirOperation) {
  const Date injury = Date::ymd(2015, 1, 1);
  const Determination fused =
      review_text("LSO brace", "Lumbar spondylosis; an L4-5 fusion is scheduled for next week.", Date::ymd(2016, 12, 1), injury);
  EXPECT_EQ(*fused.decision, Decision::kOverturned) << criteria_dump(fused);
  expect_decided_by(review_text("LSO brace", "Chronic low back pain. He had a hernia repair with mesh last year.",
                                Date::ymd(2016, 12, 1), injury),
                    Decision::kUpheld, "lumbar_support.after_fusion", CriterionState::kNotDocumented);
  expect_decided_by(review_text("Bone growth stimulator", "He is scheduled for a total knee replacement. He smokes.",
                                Date::ymd(2016, 12, 1), injury),
                    Decision::kUpheld, "bone_growth_stimulator.fusion", CriterionState::kNotDocumented);
  const Determination postop = review_text("Post-op hinged knee brace", "Left ACL reconstruction is scheduled.");
  EXPECT_EQ(*postop.decision, Decision::kOverturned) << criteria_dump(postop);
  expect_decided_by(review_text("Hinged knee brace", "Left knee pain after a fall."), Decision::kUpheld,
                    "brace_knee.instability", CriterionState::kNotDocumented);
}

// Heat and cold applied at home serve the acute phase (or a flare), not pain years old; heat
// given as sessions in a clinic is a passive modality.
TEST(EngineGapServicesTest, HomeHeatAndColdServeTheAcutePhase) {
  const std::string record = "Low back strain lifting a crate; tenderness of the lumbar paraspinals.";
  const Determination acute = review_text("Hot/cold packs", record, Date::ymd(2016, 12, 1), Date::ymd(2016, 11, 15));
  EXPECT_EQ(*acute.decision, Decision::kOverturned) << criteria_dump(acute);
  expect_decided_by(review_text("Hot/cold packs", record, Date::ymd(2016, 12, 1), Date::ymd(2014, 11, 15)),
                    Decision::kUpheld, "hot_cold_packs.acute", CriterionState::kNotMet);
  expect_decided_by(review_text("Ice/heat pads therapy times 6", record, Date::ymd(2016, 12, 1), Date::ymd(2016, 11, 15)),
                    Decision::kUpheld, "passive.self_applied_heat", CriterionState::kNotMet);
}

// Work hardening: no more than two years after the injury, a first period of about two
// weeks, and not for a worker back at full duty.
TEST(EngineGapServicesTest, WorkHardeningLimits) {
  const std::string record = "Lumbar strain. Physical therapy progress has plateaued. His employer is holding his "
                             "position. He is on modified duty.";
  const Determination ok = review_text("Work conditioning 10 sessions", record);
  EXPECT_EQ(*ok.decision, Decision::kOverturned) << criteria_dump(ok);
  expect_decided_by(review_text("Work conditioning 10 sessions", record, Date::ymd(2016, 12, 1), Date::ymd(2013, 5, 20)),
                    Decision::kUpheld, "work_hardening.within_two_years", CriterionState::kNotMet);
  expect_decided_by(review_text("Work hardening 3 times a week for 6 weeks", record), Decision::kUpheld,
                    "work_hardening.first_period", CriterionState::kNotMet);
  expect_decided_by(review_text("Work conditioning 10 sessions",
                                "Lumbar strain. Physical therapy progress has plateaued. His employer is holding "
                                "his position. He has returned to full duty."),
                    Decision::kUpheld, "work_hardening.function_limited", CriterionState::kNotMet);
}

// A trial of a stimulator needs no earlier trial; the permanent implant does.
TEST(EngineGapServicesTest, PermanentStimulatorFollowsASuccessfulTrial) {
  const std::string record = "Failed back surgery syndrome. Physical therapy, epidural injections and medications "
                             "have failed. A psychological evaluation cleared him as an appropriate candidate.";
  const Determination trial = review_text("Spinal cord stimulator trial", record, Date::ymd(2016, 12, 1),
                                          Date::ymd(2013, 1, 1));
  EXPECT_EQ(*trial.decision, Decision::kOverturned) << criteria_dump(trial);
  expect_decided_by(review_text("Spinal cord stimulator permanent implantation", record, Date::ymd(2016, 12, 1),
                                Date::ymd(2013, 1, 1)),
                    Decision::kUpheld, "scs.trial_succeeded", CriterionState::kNotDocumented);
  expect_decided_by(review_text("Spinal cord stimulator permanent implantation",
                                record + " The spinal cord stimulator trial was unsuccessful.", Date::ymd(2016, 12, 1),
                                Date::ymd(2013, 1, 1)),
                    Decision::kUpheld, "scs.trial_succeeded", CriterionState::kNotDocumented);
}

// Botox is for cervical dystonia, not myofascial pain or headache.
TEST(EngineGapServicesTest, BotoxIsNotForMyofascialPain) {
  expect_decided_by(review_text("Botox injections for trigger points",
                                "Myofascial pain of the trapezius with trigger points. Trigger point injections failed."),
                    Decision::kUpheld, "botox.cervical_dystonia", CriterionState::kNotDocumented);
}

}  // namespace
}  // namespace imr
