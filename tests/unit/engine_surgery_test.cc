// The review engine on team-written cases for surgery, the services that go with it, DME
// and facility or program care, both ways: a record with the deciding fact is overturned,
// the same record without it is upheld with the deciding criterion named. Then the
// dependent items: an associated surgical service follows its surgery both ways, and the
// guideline's limits that the request alone decides (a purchase, an open-ended rental, an
// abduction sling after arthroscopy, an EKG before a low-risk operation).
#include <gtest/gtest.h>

#include "decide/engine.h"
#include "support/knowledge.h"

namespace imr {
namespace {

using testing::bundled_knowledge;
using testing::criteria_dump;
using testing::find_criterion;

const Date kRecordDate = Date::ymd(2016, 12, 12);
const Date kInjury = Date::ymd(2016, 10, 20);

struct Row {
  const char* topic;     // the governing pack's topic
  const char* request;
  int age;               // 0: not given
  const char* before;    // record text without the deciding sentence
  const char* deciding;  // the sentence that decides the outcome
  const char* criterion; // the criterion the deciding sentence meets
};

Case make_case(const std::vector<std::string>& requests, int age, const std::string& text) {
  Case c;
  c.date_of_injury = kInjury;
  if (age > 0) c.claimant.age = age;
  c.records.push_back(Record{kRecordDate, "Treating physician report", text});
  c.requests = requests;
  return c;
}

Determination review_row(const Row& row, bool with_deciding) {
  std::string text = row.before;
  if (with_deciding) text += std::string(text.empty() ? "" : " ") + row.deciding;
  const Engine engine(bundled_knowledge());
  return engine.review(make_case({row.request}, row.age, text)).items.at(0);
}

const std::vector<Row>& rows() {
  static const std::vector<Row> r = {
      // --- surgery by procedure family ---------------------------------------------------
      {"surgery_shoulder", "Right shoulder arthroscopic rotator cuff repair", 52,
       "MRI of the right shoulder shows a supraspinatus tendon tear. Strength is 4/5 in abduction and the drop arm test "
       "is positive. She has been temporarily totally disabled since the injury.",
       "The radiologist describes the tear as full thickness with retraction.", "shoulder_surgery.full_thickness"},
      {"surgery_shoulder", "Left shoulder arthroscopy with subacromial decompression", 47,
       "Left shoulder impingement syndrome; the Neer and Hawkins tests are positive. He works modified duty.",
       "He failed five months of physical therapy and a subacromial cortisone injection.",
       "shoulder_surgery.conservative_care"},
      {"surgery_knee", "Left knee arthroscopy with partial medial meniscectomy", 38,
       "MRI of the left knee shows a tear of the posterior horn of the medial meniscus. He reports locking and the "
       "McMurray test is positive. He is on modified duty.",
       "He failed eight weeks of physical therapy.", "knee_surgery.conservative_care"},
      {"surgery_spine", "L4-5 microdiscectomy", 44,
       "Examination shows decreased sensation in the left L5 dermatome and a positive straight leg raise. He failed "
       "physical therapy and an epidural steroid injection. He is off work.",
       "MRI of the lumbar spine shows an L4-5 disc herniation compressing the left L5 nerve root.",
       "spine_surgery.imaging"},
      {"surgery", "Laparoscopic umbilical hernia repair with mesh", 59,
       "Lifting injury. Tenderness over the umbilicus with pain rated 7/10 when lifting.",
       "Examination shows a reducible umbilical hernia.", "hernia_surgery.confirmed"},
      // --- associated surgical services (surgery in the record, not in dispute) ---------
      {"preop_clearance", "Pre-operative medical clearance", 41, "Left knee arthroscopy is scheduled next month.",
       "She has hypertension treated with lisinopril.", "clearance.comorbidity"},
      {"preop_cbc", "Pre-op labs: CBC", 36, "Right shoulder arthroscopy is scheduled.",
       "He has chronic kidney disease.", "cbc.anemia_risk"},
      {"preop_metabolic_panel", "Pre-operative BMP", 39, "Right carpal tunnel release is scheduled.",
       "She has type 2 diabetes.", "metabolic_panel.chronic_disease"},
      {"preop_coagulation", "Pre-op PT/PTT", 63, "Left total knee arthroplasty is scheduled.",
       "He takes warfarin for atrial fibrillation.", "coagulation.anticoagulant"},
      {"preop_urinalysis", "Pre-op urinalysis", 45, "Right inguinal hernia.",
       "Open inguinal hernia repair with mesh is scheduled.", "urinalysis.implant"},
      {"preop_ekg", "Pre-operative EKG", 57, "Open reduction internal fixation of the right ankle is scheduled.",
       "He has coronary artery disease and had a stent placed in 2014.", "ekg.cardiac_risk"},
      {"preop_chest_xray", "Pre-op chest x-ray", 42,
       "Umbilical hernia; an open umbilical hernia repair under general anesthesia is scheduled.",
       "He has COPD.", "chest_xray.cardiopulmonary"},
      {"assistant_surgeon", "Assistant surgeon", 50, "Right shoulder full thickness rotator cuff tear.",
       "Arthroscopic rotator cuff repair is scheduled.", "assistant.complex"},
      {"cold_therapy", "Cold therapy unit 7 day rental", 33, "Right knee medial meniscus tear.",
       "Right knee arthroscopic partial meniscectomy is scheduled.", "cold_therapy.surgery"},
      {"sling", "Shoulder sling", 48, "Right shoulder pain.", "Right shoulder rotator cuff repair is scheduled.",
       "sling.surgery"},
      {"postsurgical_physical_medicine", "Post-op physical therapy 2x4 for the right knee", 35,
       "Right knee medial meniscus tear.", "Right knee arthroscopic meniscectomy is scheduled.", "postop_pt.surgery"},
      {"postop_opioids", "Post-op Norco 5/325mg #30", 59, "Reducible umbilical hernia with pain.",
       "An open umbilical hernia repair is scheduled.", "postop_opioid.surgery"},
      // --- DME ------------------------------------------------------------------------
      {"dme_mobility", "Wheelchair rental for 4 weeks", 29,
       "Right tibial plateau fracture treated with open reduction internal fixation.",
       "He is non-weight bearing on the right leg for six weeks.", "mobility.walking_limited"},
      {"dme_bathroom", "Bedside commode", 61, "Pelvic fracture in a fall from a ladder.",
       "She is bedbound at home.", "bathroom.confinement"},
      {"dme_hospital_bed", "Hospital bed rental for 30 days", 58, "Thoracic compression fracture.",
       "He is bedbound and cannot transfer to his own bed.", "hospital_bed.need"},
      {"medical_supplies", "Disposable gloves #200", 55, "Spinal cord injury after a fall.",
       "She is dependent for toileting and bathing.", "supplies.need"},
      {"hearing_aids", "Bilateral behind-the-ear hearing aids", 60,
       "Hearing loss after twenty years in a stamping plant. An audiologist recommends bilateral hearing aids.",
       "Pure tone audiometry showed moderate bilateral sensorineural hearing loss.", "hearing_aids.loss_typed"},
      {"transportation", "Transportation to medical appointments", 30, "Left femur fracture.",
       "He is not allowed to drive while in the long leg brace.", "transportation.cannot_self_transport"},
      // --- facility and program care ---------------------------------------------------
      {"inpatient_rehab", "Inpatient rehabilitation for two weeks", 43,
       "Pelvic fracture treated with open reduction internal fixation.", "He is wheelchair bound.",
       "rehab.functional_limits"},
      {"partial_hospitalization", "Partial hospitalization program", 40,
       "Depression and anxiety after a workplace assault. He has thoughts of killing himself but no plan.",
       "His psychologist recommends a higher level of care than weekly outpatient therapy.", "php.level_of_care"},
      {"prp_injection", "PRP injection to the right knee", 57,
       "Right knee pain for a year. He failed physical therapy and naproxen.",
       "X-rays show moderate osteoarthritis of the right knee.", "prp.indication"},
      {"ekg", "EKG", 45, "Shortness of breath on stairs.", "He reports palpitations and fainted at work last week.",
       "ekg.symptoms"},
  };
  return r;
}

TEST(EngineSurgeryTest, EachTopicBothWays) {
  for (const Row& row : rows()) {
    SCOPED_TRACE(std::string(row.topic) + " / " + row.request);
    const Determination met = review_row(row, true);
    ASSERT_TRUE(met.decision) << met.rationale;
    EXPECT_EQ(met.topic, row.topic);
    EXPECT_EQ(*met.decision, Decision::kOverturned) << met.rationale << "\n" << criteria_dump(met);
    const CriterionResult* c = find_criterion(met, row.criterion);
    ASSERT_NE(c, nullptr) << criteria_dump(met);
    EXPECT_EQ(c->state, CriterionState::kMet) << criteria_dump(met);
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
    EXPECT_EQ(missing.rationale.find('{'), std::string::npos) << missing.rationale;
  }
}

// The surgery and its associated services in one case: with the surgery supported, each
// service stands on its own criteria; with the surgery not supported, every one of them is
// upheld on that ground, whatever else the record shows.
TEST(EngineSurgeryTest, AssociatedServicesFollowTheirSurgeryBothWays) {
  const std::vector<std::string> requests = {
      "Right shoulder arthroscopic rotator cuff repair and subacromial decompression",
      "Pre-operative medical clearance",
      "Pre-operative CBC",
      "Pre-operative BMP",
      "Assistant surgeon",
      "Post-op physical therapy 2x4 for the right shoulder",
      "Post-op Norco 5/325mg #30",
  };
  const std::string common =
      "MRI of the right shoulder shows a supraspinatus tendon tear. Strength is 4/5 in abduction and the drop arm "
      "test is positive. She is temporarily totally disabled. She has hypertension. Arthroscopic rotator cuff "
      "repair is planned.";
  const Engine engine(bundled_knowledge());
  const Review yes = engine.review(make_case(requests, 58, common + " The tear is full thickness."));
  const Review no = engine.review(make_case(requests, 58, common));
  ASSERT_EQ(yes.items.size(), requests.size());
  ASSERT_TRUE(yes.items[0].decision);
  EXPECT_EQ(*yes.items[0].decision, Decision::kOverturned) << criteria_dump(yes.items[0]);
  ASSERT_TRUE(no.items[0].decision);
  EXPECT_EQ(*no.items[0].decision, Decision::kUpheld) << criteria_dump(no.items[0]);
  const std::vector<std::string> follows = {"clearance.surgery", "cbc.surgery", "metabolic_panel.surgery",
                                            "assistant.surgery", "postop_pt.surgery", "postop_opioid.surgery"};
  for (size_t i = 1; i < requests.size(); ++i) {
    SCOPED_TRACE(requests[i]);
    const Determination& y = yes.items[i];
    ASSERT_TRUE(y.decision) << y.rationale;
    EXPECT_EQ(*y.decision, Decision::kOverturned) << y.rationale << "\n" << criteria_dump(y);
    const CriterionResult* fy = find_criterion(y, follows[i - 1]);
    ASSERT_NE(fy, nullptr) << criteria_dump(y);
    EXPECT_EQ(fy->state, CriterionState::kMet);
    EXPECT_NE(fy->statement.find("arthroscopic rotator cuff repair"), std::string::npos) << fy->statement;

    const Determination& n = no.items[i];
    ASSERT_TRUE(n.decision);
    EXPECT_EQ(*n.decision, Decision::kUpheld) << criteria_dump(n);
    const CriterionResult* fn = find_criterion(n, follows[i - 1]);
    ASSERT_NE(fn, nullptr) << criteria_dump(n);
    EXPECT_EQ(fn->state, CriterionState::kNotMet);
    EXPECT_TRUE(fn->decided);
    EXPECT_NE(n.rationale.find("not medically necessary"), std::string::npos) << n.rationale;
  }
}

// The guideline's own limits, decided by the request or by the kind of operation.
struct LimitRow {
  const char* request;
  int age;
  const char* record;
  const char* criterion;
  CriterionState state;
};

TEST(EngineSurgeryTest, LimitsTheRequestOrTheOperationDecides) {
  const std::vector<LimitRow> cases = {
      // Cold therapy: purchase, no stated period, or longer than seven days.
      {"Cold therapy unit purchase for 7 days", 40, "Right knee arthroscopy is scheduled.", "cold_therapy.rental",
       CriterionState::kNotMet},
      {"Cold therapy unit", 40, "Right knee arthroscopy is scheduled.", "cold_therapy.duration_stated",
       CriterionState::kNotMet},
      {"Cold compression therapy 30 day rental", 40, "Right knee arthroscopy is scheduled.",
       "cold_therapy.seven_days", CriterionState::kNotMet},
      // An abduction sling after an arthroscopic repair.
      {"Arc sling", 55, "Arthroscopic rotator cuff repair of a large tear is scheduled.",
       "sling.abduction_after_open_repair", CriterionState::kNotMet},
      // An EKG before a low-risk operation, even with a cardiac risk factor.
      {"Pre-operative EKG", 66, "He has diabetes. Right knee arthroscopy is scheduled.", "ekg.not_low_risk",
       CriterionState::kNotMet},
      // Coagulation studies are not for age alone.
      {"Pre-op PT/PTT", 70, "Right shoulder arthroscopy is scheduled.", "coagulation.bleeding_risk",
       CriterionState::kNotDocumented},
      // A hospital bed with no rental period.
      {"Hospital bed for an unspecified rental", 60, "She is bedbound after a pelvic fracture.",
       "hospital_bed.duration", CriterionState::kNotMet},
      // Supplies with no quantity.
      {"Hygiene wipes", 50, "She is dependent for toileting after a spinal cord injury.", "supplies.quantity",
       CriterionState::kNotMet},
      // Hearing aids of no stated type.
      {"Bilateral hearing aids", 60,
       "Pure tone audiometry showed moderate bilateral sensorineural hearing loss; the audiologist recommends aids.",
       "hearing_aids.device_named", CriterionState::kNotMet},
      // A neuroplasty is not recommended.
      {"Lumbar epidural neuroplasty", 35, "Low back pain radiating to the left leg after failed physical therapy.",
       "adhesiolysis.not_recommended", CriterionState::kNotMet},
      // PRP outside the knee.
      {"PRP injection to the right elbow", 45, "Lateral epicondylitis; he failed physical therapy.", "prp.knee",
       CriterionState::kNotMet},
      // A fusion for pain alone.
      {"L4-5 lumbar fusion", 50,
       "MRI shows an L4-5 disc herniation compressing the L5 nerve root. Decreased sensation in the left L5 "
       "dermatome. He failed physical therapy. He is off work.",
       "spine_surgery.fusion_instability", CriterionState::kNotDocumented},
  };
  const Engine engine(bundled_knowledge());
  for (const auto& row : cases) {
    SCOPED_TRACE(row.request);
    const Determination d = engine.review(make_case({row.request}, row.age, row.record)).items.at(0);
    ASSERT_TRUE(d.decision) << d.rationale;
    EXPECT_EQ(*d.decision, Decision::kUpheld) << criteria_dump(d);
    const CriterionResult* cr = find_criterion(d, row.criterion);
    ASSERT_NE(cr, nullptr) << criteria_dump(d);
    EXPECT_EQ(cr->state, row.state) << criteria_dump(d);
    EXPECT_NE(d.rationale.find(cr->statement), std::string::npos) << d.rationale;
  }
}

// The class of the operation is the planned one's: an old arthroscopy does not make a
// planned fusion low-risk, and an old fusion does not make a planned arthroscopy implant
// hardware.
TEST(EngineSurgeryTest, APastOperationIsNotThePlannedOne) {
  const Engine engine(bundled_knowledge());
  const Determination ekg =
      engine.review(make_case({"Pre-operative EKG"}, 61,
                              "He is status post right knee arthroscopy in 2012. He has coronary artery disease. "
                              "An L4-5 fusion is scheduled."))
          .items.at(0);
  ASSERT_TRUE(ekg.decision);
  EXPECT_EQ(*ekg.decision, Decision::kOverturned) << criteria_dump(ekg);
  const Determination ua =
      engine.review(make_case({"Pre-op urinalysis"}, 61,
                              "She had a lumbar fusion in 2009. Right shoulder arthroscopy is scheduled."))
          .items.at(0);
  ASSERT_TRUE(ua.decision);
  EXPECT_EQ(*ua.decision, Decision::kUpheld) << criteria_dump(ua);
  const CriterionResult* implant = find_criterion(ua, "urinalysis.implant");
  ASSERT_NE(implant, nullptr);
  EXPECT_NE(implant->state, CriterionState::kMet);
}

// A neurolytic injection requested with a neuroplasty follows it; transportation for want of
// a car is flagged as a social reason; the remainder of a rental UR cut to a month waits for
// the reassessment.
TEST(EngineSurgeryTest, DependentAndRemainderItems) {
  const Engine engine(bundled_knowledge());
  const Review r = engine.review(make_case({"Neuroplasty, lumbar spine", "Injection of neurolytic substance, lumbar spine"},
                                           35, "Low back pain after a fall."));
  ASSERT_EQ(r.items.size(), 2u);
  const CriterionResult* f = find_criterion(r.items[1], "neurolysis.procedure");
  ASSERT_NE(f, nullptr) << criteria_dump(r.items[1]);
  EXPECT_EQ(f->state, CriterionState::kNotMet);

  const Determination ride =
      engine.review(make_case({"Transportation to and from medical appointments"}, 26,
                              "Crush injury of the right foot. He asks for rides because he does not have a car."))
          .items.at(0);
  ASSERT_TRUE(ride.decision);
  EXPECT_EQ(*ride.decision, Decision::kUpheld);
  const CriterionResult* social = find_criterion(ride, "transportation.social_reason");
  ASSERT_NE(social, nullptr) << criteria_dump(ride);
  EXPECT_EQ(social->state, CriterionState::kNotMet);

  Case c = make_case({"Standard wheelchair 2 month rental"}, 43,
                     "Crush injury of both legs. He is non-weight bearing on both legs.");
  c.ur = UrDecision{Date::ymd(2016, 12, 7),
                    {UrItem{"Standard wheelchair 3 month rental", "modified", "Standard wheelchair 1 month rental", "", {}}}};
  const Determination rest = engine.review(c).items.at(0);
  ASSERT_TRUE(rest.decision);
  EXPECT_EQ(*rest.decision, Decision::kUpheld) << criteria_dump(rest);
  const CriterionResult* re = find_criterion(rest, "mobility.reassessed");
  ASSERT_NE(re, nullptr) << criteria_dump(rest);
  EXPECT_EQ(re->state, CriterionState::kNotMet);
}

}  // namespace
}  // namespace imr
