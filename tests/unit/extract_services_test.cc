// The service and findings detectors on team-written sentences: therapy given, home
// exercise, device trials, homebound, surgical candidacy, motivation, evaluations,
// imaging / electrodiagnostic results, exam findings, red flags, injection responses.
#include <gtest/gtest.h>

#include "extract_test_fixture.h"

namespace imr {
namespace {

using namespace testing_extract;

std::vector<Fact> kind_in(const std::string& text, FactKind kind) { return of_kind(facts_in(text), kind); }

TEST(ExtractServicesTest, TherapyCompletedWithCountAndOutcome) {
  const std::string t = "She has completed 12 sessions of physical therapy with improved lifting tolerance.";
  const auto f = kind_in(t, FactKind::kTherapyCompleted);
  ASSERT_EQ(f.size(), 1u) << dump(facts_in(t));
  EXPECT_EQ(f[0].subject, "physical_therapy");
  EXPECT_EQ(f[0].polarity, Polarity::kAffirmed);
  ASSERT_TRUE(f[0].value);
  EXPECT_EQ(*f[0].value, 12);
  EXPECT_EQ(f[0].qualifier, "helped");
  expect_whole_sentence(f[0], t);

  const auto none = kind_in("Eight acupuncture treatments to date gave no functional improvement.",
                            FactKind::kTherapyCompleted);
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].subject, "acupuncture");
  EXPECT_EQ(none[0].polarity, Polarity::kAffirmed);
  EXPECT_EQ(*none[0].value, 8);
  EXPECT_EQ(none[0].qualifier, "no_benefit");

  const auto chiro = kind_in("He attended six chiropractic visits in May 2016.", FactKind::kTherapyCompleted);
  ASSERT_EQ(chiro.size(), 1u);
  EXPECT_EQ(chiro[0].subject, "chiropractic");
  EXPECT_EQ(*chiro[0].value, 6);
  EXPECT_EQ(chiro[0].qualifier, "");
}

TEST(ExtractServicesTest, PtIsTherapyOnlyWithSessions) {
  const auto pt = kind_in("She finished 10 PT sessions in June.", FactKind::kTherapyCompleted);
  ASSERT_EQ(pt.size(), 1u);
  EXPECT_EQ(pt[0].subject, "physical_therapy");
  EXPECT_EQ(pt[0].value.value_or(-1), 10);
  const auto patient = kind_in("Pt completed 6 chiropractic visits.", FactKind::kTherapyCompleted);
  ASSERT_EQ(patient.size(), 1u);
  EXPECT_EQ(patient[0].subject, "chiropractic");
}

TEST(ExtractServicesTest, RequestedTherapyIsNotTherapyGiven) {
  EXPECT_TRUE(kind_in("Physical therapy twice a week is requested for the shoulder.", FactKind::kTherapyCompleted).empty());
  EXPECT_TRUE(kind_in("We recommend a course of cognitive behavioral therapy.", FactKind::kTherapyCompleted).empty());
}

TEST(ExtractServicesTest, HomeExerciseAffirmedAndNegated) {
  const auto yes = kind_in("He performs his home exercise program daily.", FactKind::kHomeExercise);
  ASSERT_EQ(yes.size(), 1u);
  EXPECT_EQ(yes[0].polarity, Polarity::kAffirmed);
  const auto no = kind_in("She is not doing any home exercises.", FactKind::kHomeExercise);
  ASSERT_EQ(no.size(), 1u);
  EXPECT_EQ(no[0].polarity, Polarity::kNegated);
}

TEST(ExtractServicesTest, DeviceTrialWithLengthUseAndOutcome) {
  const auto f = kind_in("During a 30-day TENS trial she used the unit 2 hours a day with less pain.",
                         FactKind::kDeviceTrial);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].subject, "tens");
  EXPECT_EQ(f[0].polarity, Polarity::kAffirmed);
  EXPECT_EQ(f[0].duration_days.value_or(-1), 30);
  EXPECT_EQ(f[0].value.value_or(-1), 2);
  EXPECT_EQ(f[0].qualifier, "");  // "less pain" is not one of the gain words

  const auto failed = kind_in("A one-month TENS trial gave no relief.", FactKind::kDeviceTrial);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].qualifier, "no_benefit");
  EXPECT_EQ(failed[0].duration_days.value_or(-1), 30);
  EXPECT_EQ(failed[0].polarity, Polarity::kAffirmed);

  const auto hwave = kind_in("He tried an H-wave unit, which helped.", FactKind::kDeviceTrial);
  ASSERT_EQ(hwave.size(), 1u);
  EXPECT_EQ(hwave[0].subject, "h_wave");
  EXPECT_EQ(hwave[0].qualifier, "helped");
}

TEST(ExtractServicesTest, HomeboundBothWays) {
  const auto in = kind_in("Since the amputation she is homebound.", FactKind::kHomebound);
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(in[0].polarity, Polarity::kAffirmed);
  const auto out = kind_in("He drives himself to appointments.", FactKind::kHomebound);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].polarity, Polarity::kNegated);
  const auto not_hb = kind_in("The patient is not homebound.", FactKind::kHomebound);
  ASSERT_EQ(not_hb.size(), 1u);
  EXPECT_EQ(not_hb[0].polarity, Polarity::kNegated);
}

TEST(ExtractServicesTest, SurgicalCandidacy) {
  struct Row {
    const char* text;
    const char* qualifier;
  };
  const Row rows[] = {
      {"The neurosurgeon states he is not a surgical candidate.", "not_candidate"},
      {"She declined lumbar surgery.", "declined"},
      {"He is scheduled for knee surgery next month.", "planned"},
      {"He would consider surgery if the pain persists.", "candidate"},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.text);
    const auto f = kind_in(r.text, FactKind::kSurgicalCandidate);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].qualifier, r.qualifier);
    EXPECT_EQ(f[0].polarity, Polarity::kAffirmed);
  }
}

TEST(ExtractServicesTest, MotivationAndEvaluations) {
  const auto good = kind_in("He is highly motivated to return to work.", FactKind::kMotivation);
  ASSERT_EQ(good.size(), 1u);
  EXPECT_EQ(good[0].polarity, Polarity::kAffirmed);
  const auto poor = kind_in("She appears poorly motivated.", FactKind::kMotivation);
  ASSERT_EQ(poor.size(), 1u);
  EXPECT_EQ(poor[0].polarity, Polarity::kNegated);

  const auto fce = kind_in("A functional capacity evaluation performed on 2/2/2016 showed sedentary capacity.",
                           FactKind::kEvaluation);
  ASSERT_EQ(fce.size(), 1u);
  EXPECT_EQ(fce[0].subject, "functional_capacity_evaluation");
  EXPECT_EQ(iso(fce[0].date), "2016-02-02");
  const auto psych = kind_in("Her psychological evaluation was completed in January.", FactKind::kEvaluation);
  ASSERT_EQ(psych.size(), 1u);
  EXPECT_EQ(psych[0].subject, "psychological_evaluation");
  EXPECT_TRUE(kind_in("A psychological evaluation is requested.", FactKind::kEvaluation).empty());
}

TEST(ExtractFindingsTest, ImagingResultsWithRegionAndDate) {
  const std::string t = "MRI of the lumbar spine on 3/14/2016 showed an L4-5 extrusion compressing the left L5 nerve root.";
  const auto f = kind_in(t, FactKind::kImagingFinding);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].subject, "mri");
  EXPECT_EQ(f[0].qualifier, "nerve_root_compression");
  EXPECT_EQ(f[0].region, "lumbar_spine");
  EXPECT_EQ(iso(f[0].date), "2016-03-14");
  EXPECT_EQ(f[0].polarity, Polarity::kAffirmed);
  expect_whole_sentence(f[0], t);

  const auto emg = kind_in("EMG/NCV of the legs was normal.", FactKind::kImagingFinding);
  ASSERT_EQ(emg.size(), 1u);
  EXPECT_EQ(emg[0].subject, "emg_ncv");
  EXPECT_EQ(emg[0].qualifier, "normal");

  const auto xr = kind_in("Knee x-rays demonstrate degenerative joint space narrowing.", FactKind::kImagingFinding);
  ASSERT_EQ(xr.size(), 1u);
  EXPECT_EQ(xr[0].subject, "xray");
  EXPECT_EQ(xr[0].qualifier, "degenerative");
  EXPECT_EQ(xr[0].region, "knee");

  EXPECT_TRUE(kind_in("An MRI of the cervical spine is requested to rule out a herniation.", FactKind::kImagingFinding).empty());
}

TEST(ExtractFindingsTest, ExamFindings) {
  const auto f = kind_in(
      "Examination shows decreased sensation in the right L5 dermatome, 4/5 strength of the extensor hallucis "
      "longus and a diminished ankle reflex.",
      FactKind::kExamFinding);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].subject, "dermatomal_sensory_loss");
  EXPECT_EQ(f[1].subject, "weakness");
  EXPECT_EQ(f[2].subject, "reflex_change");
  for (const auto& x : f) EXPECT_EQ(x.polarity, Polarity::kAffirmed);

  const auto slr = kind_in("Straight leg raise was negative bilaterally and there is no weakness.", FactKind::kExamFinding);
  ASSERT_FALSE(slr.empty());
  for (const auto& x : slr) EXPECT_EQ(x.polarity, Polarity::kNegated) << x.subject;
  const auto neg = kind_in("Negative straight leg raise.", FactKind::kExamFinding);
  ASSERT_EQ(neg.size(), 1u);
  EXPECT_EQ(neg[0].subject, "positive_slr");
  EXPECT_EQ(neg[0].polarity, Polarity::kNegated);

  const auto prog = kind_in("He has progressive weakness of the left leg.", FactKind::kExamFinding);
  ASSERT_EQ(prog.size(), 1u);
  EXPECT_EQ(prog[0].qualifier, "progressive");

  const auto tp = kind_in("Palpation shows a taut band with a local twitch response.", FactKind::kExamFinding);
  ASSERT_FALSE(tp.empty());
  EXPECT_EQ(tp[0].subject, "trigger_point_twitch");
}

TEST(ExtractFindingsTest, RedFlags) {
  const auto ce = kind_in("She reports new saddle anesthesia and urinary retention.", FactKind::kRedFlag);
  ASSERT_EQ(ce.size(), 1u);
  EXPECT_EQ(ce[0].subject, "cauda_equina");
  EXPECT_EQ(ce[0].polarity, Polarity::kAffirmed);
  const auto none = kind_in("There are no red flags.", FactKind::kRedFlag);
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].subject, "red_flags");
  EXPECT_EQ(none[0].polarity, Polarity::kNegated);
  const auto denied = kind_in("He denies fever or bowel or bladder incontinence.", FactKind::kRedFlag);
  ASSERT_FALSE(denied.empty());
  for (const auto& x : denied) EXPECT_EQ(x.polarity, Polarity::kNegated) << x.subject;
}

TEST(ExtractFindingsTest, InjectionResponses) {
  const auto esi = kind_in("The L5-S1 epidural steroid injection on 1/8/2016 gave 60% relief for 7 weeks.",
                           FactKind::kInjectionResponse);
  ASSERT_EQ(esi.size(), 1u);
  EXPECT_EQ(esi[0].subject, "epidural");
  EXPECT_EQ(esi[0].value.value_or(-1), 60);
  EXPECT_EQ(esi[0].duration_days.value_or(-1), 49);
  EXPECT_EQ(esi[0].qualifier, "helped");
  EXPECT_EQ(iso(esi[0].date), "2016-01-08");

  const auto mbb = kind_in("Medial branch blocks at L4-5 gave no relief.", FactKind::kInjectionResponse);
  ASSERT_EQ(mbb.size(), 1u);
  EXPECT_EQ(mbb[0].subject, "facet");
  EXPECT_EQ(mbb[0].qualifier, "no_benefit");
  EXPECT_FALSE(mbb[0].value);

  const auto tpi = kind_in("Trigger point injections last month reduced her pain by 50 percent for about three weeks.",
                           FactKind::kInjectionResponse);
  ASSERT_EQ(tpi.size(), 1u);
  EXPECT_EQ(tpi[0].subject, "trigger_point");
  EXPECT_EQ(tpi[0].value.value_or(-1), 50);
  EXPECT_EQ(tpi[0].duration_days.value_or(-1), 21);

  EXPECT_TRUE(kind_in("A lumbar epidural steroid injection is requested.", FactKind::kInjectionResponse).empty());
}

}  // namespace
}  // namespace imr
