// The review engine on team-written service cases, both ways: for every service topic a
// record that meets the pack's criteria is overturned, and the same record without its
// deciding sentence is upheld with that sentence's criterion not met / not documented and
// stated in the rationale. Then requests that the request alone decides (visits, hours,
// levels over the guideline's figure).
#include <gtest/gtest.h>

#include "decide/engine.h"
#include "support/knowledge.h"

namespace imr {
namespace {

using testing::bundled_knowledge;

struct ServiceRow {
  const char* topic;        // the pack's topic
  const char* request;
  const char* before;       // record text before the deciding sentence
  const char* deciding;     // the sentence that decides the outcome
  const char* after;        // record text after it
  const char* criterion;    // the criterion the deciding sentence meets
  bool ongoing;             // continued course (vs a first one)
  Date date;                // record date
  std::optional<Date> injury;
};

Determination review(const ServiceRow& row, bool with_deciding) {
  Case c;
  c.date_of_injury = row.injury;
  std::string text = row.before;
  if (with_deciding) text += std::string(text.empty() ? "" : " ") + row.deciding;
  if (*row.after) text += std::string(" ") + row.after;
  c.records.push_back(Record{row.date, "Treating physician report", text});
  c.requests.push_back(row.request);
  const Engine engine(bundled_knowledge());
  return engine.review(c).items.at(0);
}

const CriterionResult* find_criterion(const Determination& d, const std::string& id) {
  for (const auto& c : d.criteria)
    if (c.id == id) return &c;
  return nullptr;
}

std::string criteria_dump(const Determination& d) {
  std::string s;
  for (const auto& c : d.criteria) s += c.id + "=" + std::string(to_string(c.state)) + ": " + c.statement + "\n";
  return s;
}

const Date kSpring2016 = Date::ymd(2016, 4, 12);
const Date kFall2015 = Date::ymd(2015, 10, 6);
const Date kWinter2017 = Date::ymd(2017, 2, 20);

const std::vector<ServiceRow>& rows() {
  static const std::vector<ServiceRow> r = {
      {"physical_medicine", "Physical therapy 2x3 for the lumbar spine",
       "Lumbar strain from stacking boxes at a warehouse in 2015. She completed four sessions of physical therapy in March 2016. She keeps up a home exercise program every morning.",
       "She now walks 35 minutes at a time, up from 10 minutes, since starting therapy.", "",
       "physical_medicine.functional_gains", true, kSpring2016, Date::ymd(2015, 9, 1)},
      {"aquatic_therapy", "Aquatic therapy 2x4 for the knees",
       "Bilateral knee pain after a fall from a loading ramp.",
       "She is morbidly obese with a BMI of 47 and cannot tolerate standing exercise.",
       "Land-based exercise has been limited by knee pain.", "aquatic_therapy.reduced_weight_bearing", false,
       kFall2015, Date::ymd(2014, 12, 3)},
      {"manual_therapy", "Chiropractic 2x3 lumbar spine",
       "Mechanical low back pain after a forklift jolt. He has had six chiropractic visits since February 2016.",
       "With chiropractic care his sitting tolerance improved from 15 to 60 minutes.", "",
       "manual_therapy.functional_gains", true, kSpring2016,
       Date::ymd(2015, 11, 20)},
      {"acupuncture", "Acupuncture x 6 visits cervical spine",
       "Chronic neck pain after a rear-end collision; naproxen upsets his stomach.",
       "He walks daily and follows the home exercise program his therapist taught him.", "",
       "acupuncture.adjunct", false, kWinter2017, Date::ymd(2015, 5, 14)},
      {"acupuncture", "Acupuncture x 4 visits lumbar spine",
       "Chronic low back pain; opioids made her drowsy. She has had six acupuncture treatments since January 2017 and keeps up her home exercises.",
       "Since the acupuncture her sitting tolerance improved from 30 minutes to 2 hours and she stopped taking tramadol.", "",
       "acupuncture.functional_gains", true, Date::ymd(2017, 3, 15), Date::ymd(2015, 10, 10)},
      {"psychological_treatment", "Psychotherapy 4 sessions",
       "Post-traumatic stress disorder after a robbery at the store. She attended four psychotherapy sessions in 2016.",
       "With therapy her PCL-5 score fell from 52 to 31 and she returned to part-time work.", "",
       "psychological_treatment.functional_gains", true, kWinter2017, Date::ymd(2016, 2, 29)},
      {"tens", "TENS unit 30 day rental",
       "Lumbar radiculopathy with neuropathic pain in the left leg. She keeps up a home exercise program.",
       "She has failed physical therapy and NSAIDs.", "", "tens.other_modalities", false, kSpring2016,
       Date::ymd(2014, 8, 2)},
      {"h_wave", "H-wave unit 30 day trial",
       "Chronic myofascial shoulder pain. He does his home exercise program faithfully.",
       "A one-month TENS trial in 2015 gave no lasting relief.", "", "h_wave.tens_failed", false, kSpring2016,
       Date::ymd(2014, 3, 9)},
      {"functional_restoration", "Functional restoration program x 10 days",
       "A multidisciplinary evaluation was completed on 3/2/2016 with baseline functional testing. He has failed physical therapy, acupuncture and medication management. He remains on temporary total disability. The spine surgeon found he is not a surgical candidate.",
       "He is motivated to return to work.", "", "functional_restoration.motivation", false, kSpring2016,
       Date::ymd(2013, 10, 1)},
      {"psychological_evaluation", "Psychological evaluation",
       "Chronic neck pain since a 2014 bus collision.",
       "Since the injury she reports depressed mood, crying spells and poor concentration.", "",
       "psychological_evaluation.indication", false, kFall2015, Date::ymd(2014, 6, 30)},
      {"psychological_treatment", "Cognitive behavioral therapy x 4 sessions",
       "Chronic wrist pain since a press injury in 2013.",
       "A Beck Depression Inventory score of 24 confirms moderate depression.", "",
       "psychological_treatment.indication", false, kFall2015, Date::ymd(2013, 4, 2)},
      {"epidural_steroid_injections", "Lumbar epidural steroid injection at L5-S1",
       "Pain radiates down the left leg to the foot. Examination shows decreased sensation in the left S1 dermatome and a positive straight leg raise on the left.",
       "MRI of the lumbar spine on 2/10/2016 showed an L5-S1 disc extrusion compressing the left S1 nerve root.",
       "He has failed physical therapy and NSAIDs.", "epidural_steroid_injections.corroborated", false,
       kSpring2016, Date::ymd(2015, 7, 7)},
      {"epidural_steroid_injections", "Repeat lumbar epidural steroid injection L4-5",
       "Examination shows weakness of the right extensor hallucis longus. MRI of the lumbar spine showed an L4-5 protrusion contacting the right L5 nerve root. The epidural injection in January 2016 helped.",
       "The epidural gave about 70% relief that lasted eight weeks.", "",
       "epidural_steroid_injections.repeat_response", true, kSpring2016, Date::ymd(2014, 1, 15)},
      {"trigger_point_injections", "Trigger point injections x3 to the trapezius",
       "Myofascial pain of the upper trapezius since a lifting injury. Stretching, physical therapy and NSAIDs have failed. No radicular symptoms.",
       "Palpation reveals taut bands with a local twitch response and referred pain into the neck.", "",
       "trigger_point_injections.twitch", false, kSpring2016, Date::ymd(2014, 11, 4)},
      {"home_health", "Home health care 4 hours/day 5 days/week",
       "Below-knee amputation after a crush injury; she needs dressing changes.",
       "She is homebound and uses a wheelchair.", "", "home_health.homebound", false, kWinter2017,
       Date::ymd(2016, 6, 1)},
      {"imaging_mri", "MRI of the lumbar spine",
       "Back pain radiating to the right leg since a fall in 2015. Six weeks of physical therapy and naproxen failed.",
       "Exam: 4/5 strength of the right extensor hallucis longus and an absent right ankle reflex.",
       "He would consider surgery.", "imaging_mri.nerve_compromise", false, kSpring2016, Date::ymd(2015, 8, 19)},
      {"electrodiagnostics", "EMG/NCV bilateral lower extremities",
       "Numbness radiates into both feet. MRI of the lumbar spine was unremarkable. He has failed six weeks of physical therapy.",
       "Examination shows decreased sensation in the left L5 dermatome.", "",
       "electrodiagnostics_lower.neuro_findings", false, kSpring2016, Date::ymd(2015, 6, 10)},
      {"electrodiagnostics", "Electrodiagnostic studies",
       "Numbness radiates into both feet and both hands. MRI of the lumbar spine was unremarkable.",
       "Working diagnosis: lumbar radiculopathy versus peripheral neuropathy.", "",
       "electrodiagnostics.suspected", false, kSpring2016, Date::ymd(2015, 6, 10)},
      {"facet_injections", "Lumbar medial branch block at L4-5 and L5-S1",
       "Axial low back pain, worse with extension and rotation. There are no radicular symptoms. He has failed physical therapy and NSAIDs.",
       "Imaging and examination point to facet arthropathy at L4-5 and L5-S1.", "",
       "facet_injections.facet_pain", false, kSpring2016, Date::ymd(2014, 2, 2)},
      {"radiofrequency_ablation", "Radiofrequency ablation L4-5 and L5-S1",
       "Facet arthropathy at L4-5 and L5-S1 with axial pain. There are no radicular symptoms.",
       "A diagnostic medial branch block on 4/4/2016 gave 80% relief for six hours.", "",
       "radiofrequency_ablation.diagnostic_block", false, Date::ymd(2016, 5, 2), Date::ymd(2014, 2, 2)},
      {"office_visits", "Follow-up visit with pain management", "She was seen in the clinic today.",
       "She is treated for cervical radiculopathy and takes gabapentin daily.", "",
       "office_visits.clinical_need", false, kWinter2017, Date::ymd(2015, 3, 3)},
      {"surgery", "Lumbar microdiscectomy at L4-5",
       "Physical therapy and an epidural injection did not help. He has been on temporary total disability since March 2016.",
       "MRI on 5/5/2016 revealed a large L4-5 disc herniation compressing the left L5 nerve root.", "",
       "surgery.imaging_lesion", false, Date::ymd(2016, 6, 1), Date::ymd(2015, 12, 1)},
      {"viscosupplementation", "Synvisc injection, left knee",
       "She has failed home exercise, naproxen and a cortisone injection.",
       "Severe left knee osteoarthritis with bone-on-bone narrowing on x-ray.", "",
       "viscosupplementation.osteoarthritis", false, kWinter2017, Date::ymd(2015, 1, 20)},
  };
  return r;
}

TEST(EngineServicesTest, EachTopicBothWays) {
  for (const ServiceRow& row : rows()) {
    SCOPED_TRACE(std::string(row.topic) + " / " + row.request);
    const Determination met = review(row, true);
    ASSERT_TRUE(met.decision) << met.rationale;
    EXPECT_EQ(met.topic, row.topic);
    EXPECT_EQ(met.ongoing, row.ongoing);
    EXPECT_EQ(*met.decision, Decision::kOverturned) << met.rationale << "\n" << criteria_dump(met);
    const CriterionResult* c = find_criterion(met, row.criterion);
    ASSERT_NE(c, nullptr) << criteria_dump(met);
    EXPECT_EQ(c->state, CriterionState::kMet);
    ASSERT_FALSE(c->evidence.empty());
    EXPECT_NE(c->evidence[0].text.find(row.deciding), std::string::npos) << c->evidence[0].text;
    EXPECT_NE(met.rationale.find("is therefore medically necessary"), std::string::npos);
    EXPECT_EQ(met.rationale.find('{'), std::string::npos) << met.rationale;

    const Determination missing = review(row, false);
    ASSERT_TRUE(missing.decision);
    EXPECT_EQ(*missing.decision, Decision::kUpheld) << missing.rationale << "\n" << criteria_dump(missing);
    const CriterionResult* gone = find_criterion(missing, row.criterion);
    ASSERT_NE(gone, nullptr) << criteria_dump(missing);
    EXPECT_NE(gone->state, CriterionState::kMet);
    EXPECT_TRUE(gone->decisive);
    EXPECT_TRUE(gone->decided) << gone->id;
    EXPECT_FALSE(gone->to_change.empty());
    EXPECT_NE(missing.rationale.find(gone->statement), std::string::npos) << missing.rationale;
    EXPECT_NE(missing.rationale.find("is therefore not medically necessary"), std::string::npos);
    // Every other criterion still supports it: the deciding sentence alone changed it.
    EXPECT_TRUE(imr::testing::others_support(missing.criteria, *gone)) << criteria_dump(missing);
    ASSERT_FALSE(missing.citations.empty());
    EXPECT_FALSE(missing.citations.front().section.empty());
  }
}

// Requests whose size alone goes beyond the guideline: the figure is in the statement.
struct OverLimitRow {
  const char* request;
  const char* record;
  const char* criterion;
  const char* figure;  // the number the statement must give
};

TEST(EngineServicesTest, RequestsOverTheGuidelinesFigureAreUpheldWithTheFigure) {
  const std::vector<OverLimitRow> cases = {
      {"Physical therapy 3x4 for the right shoulder",
       "Right shoulder strain lifting a crate. He completed eight sessions of physical therapy and now lifts 15 pounds overhead again. He does a home exercise program.",
       "physical_medicine.visits", "20"},
      {"Chiropractic 3x4 lumbar", "Low back pain after a slip on a wet floor.", "manual_therapy.trial_visits", "12"},
      {"Chiropractic 2x3 for the right wrist", "Right wrist sprain from a fall.", "manual_therapy.region", "wrist"},
      {"Home health care 8 hours/day 7 days/week",
       "Paraplegia after a scaffold fall; he is homebound and needs catheter care.", "home_health.hours", "56"},
      {"Lumbar epidural steroid injection L3-4, L4-5, L5-S1",
       "Examination shows diminished sensation in the left L5 dermatome. MRI of the lumbar spine showed an L4-5 herniation compressing the left L5 nerve root. He has failed physical therapy and NSAIDs.",
       "epidural_steroid_injections.levels", "3"},
      {"Cognitive behavioral therapy x 8 sessions", "Chronic back pain with depression after a 2014 fall.",
       "psychological_treatment.trial_visits", "8"},
  };
  const Engine engine(bundled_knowledge());
  for (const auto& row : cases) {
    SCOPED_TRACE(row.request);
    Case c;
    c.date_of_injury = Date::ymd(2014, 9, 9);
    c.records.push_back(Record{kSpring2016, "Progress note", row.record});
    c.requests.push_back(row.request);
    const Determination d = engine.review(c).items.at(0);
    ASSERT_TRUE(d.decision);
    EXPECT_EQ(*d.decision, Decision::kUpheld);
    const CriterionResult* cr = find_criterion(d, row.criterion);
    ASSERT_NE(cr, nullptr) << criteria_dump(d);
    EXPECT_EQ(cr->state, CriterionState::kNotMet) << cr->statement;
    EXPECT_NE(cr->statement.find(row.figure), std::string::npos) << cr->statement;
    ASSERT_FALSE(cr->evidence.empty());
    EXPECT_EQ(cr->evidence[0].record, -1);  // the request itself decides it
    EXPECT_NE(d.rationale.find(cr->statement), std::string::npos);
  }
}

TEST(EngineServicesTest, TensPurchaseNeedsASuccessfulTrial) {
  const Engine engine(bundled_knowledge());
  auto run = [&](const std::string& trial) {
    Case c;
    c.date_of_injury = Date::ymd(2013, 5, 5);
    c.records.push_back(Record{kSpring2016, "Progress note",
                               "Complex regional pain syndrome of the right hand. She has failed physical therapy and "
                               "gabapentin. She keeps up a home exercise program. " + trial});
    c.requests.push_back("TENS unit purchase");
    return engine.review(c).items.at(0);
  };
  const Determination good = run("A 30-day TENS trial reduced her pain and she now types for an hour, using it 3 hours a day.");
  ASSERT_TRUE(good.decision);
  EXPECT_TRUE(good.ongoing);
  EXPECT_EQ(*good.decision, Decision::kOverturned) << good.rationale << criteria_dump(good);
  const Determination failed = run("A 30-day TENS trial gave no relief.");
  EXPECT_EQ(*failed.decision, Decision::kUpheld);
  const CriterionResult* cr = find_criterion(failed, "tens.purchase_after_trial");
  ASSERT_NE(cr, nullptr);
  EXPECT_EQ(cr->state, CriterionState::kNotMet);
  const Determination none = run("");
  const CriterionResult* nd = find_criterion(none, "tens.purchase_after_trial");
  ASSERT_NE(nd, nullptr);
  EXPECT_EQ(nd->state, CriterionState::kNotDocumented);
  EXPECT_EQ(*none.decision, Decision::kUpheld);
}

TEST(EngineServicesTest, RepeatMriWithoutChangeIsUpheld) {
  Case c;
  c.date_of_injury = Date::ymd(2014, 4, 4);
  c.records.push_back(Record{kSpring2016, "Progress note",
                             "MRI of the lumbar spine on 6/1/2015 showed an L5-S1 herniation compressing the left S1 "
                             "nerve root. Examination shows an absent left ankle reflex, unchanged. He has failed "
                             "physical therapy and NSAIDs."});
  c.requests.push_back("MRI lumbar spine");
  const Determination d = Engine(bundled_knowledge()).review(c).items.at(0);
  ASSERT_TRUE(d.decision);
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  const CriterionResult* cr = find_criterion(d, "imaging_mri.repeat");
  ASSERT_NE(cr, nullptr);
  EXPECT_EQ(cr->state, CriterionState::kNotMet);
  EXPECT_NE(cr->statement.find("2015-06-01"), std::string::npos) << cr->statement;
}

}  // namespace
}  // namespace imr
