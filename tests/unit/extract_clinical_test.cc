// Function, work status, prior trials, diagnoses, surgery, UR action, flare, dependence,
// taper plans.
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

TEST(ExtractFunctionTest, ObjectiveFigures) {
  const std::string t = "With Norco she can walk 40 minutes, up from 15 before treatment.";
  const auto a = of_kind(facts_in(t), FactKind::kFunctionalImprovement);
  ASSERT_EQ(a.size(), 1u) << dump(a);
  EXPECT_EQ(a[0].subject, "walking");
  EXPECT_EQ(a[0].qualifier, "objective");
  EXPECT_EQ(a[0].value, 40.0);
  expect_whole_sentence(a[0], t);

  const auto b = of_kind(facts_in("He is now able to sit for 45 minutes and lift 25 lbs."),
                         FactKind::kFunctionalImprovement);
  ASSERT_EQ(b.size(), 2u) << dump(b);
  EXPECT_EQ(b[0].subject, "sitting");
  EXPECT_EQ(b[0].value, 45.0);
  EXPECT_EQ(b[1].subject, "lifting");
  EXPECT_EQ(b[1].value, 25.0);

  const auto c = of_kind(facts_in("Her Oswestry score improved from 52 to 34 over the year."),
                         FactKind::kFunctionalImprovement);
  ASSERT_EQ(c.size(), 1u) << dump(c);
  EXPECT_EQ(c[0].subject, "disability_scale");
  EXPECT_EQ(c[0].value, 34.0);
  EXPECT_EQ(c[0].value_max, 52.0);

  const auto d = of_kind(facts_in("He returned to modified duty 24 hours a week."),
                         FactKind::kFunctionalImprovement);
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d[0].subject, "work");
  EXPECT_EQ(d[0].value, 24.0);

  const auto e = of_kind(facts_in("She manages household chores 2 hours a day now."),
                         FactKind::kFunctionalImprovement);
  ASSERT_EQ(e.size(), 1u) << dump(e);
  EXPECT_EQ(e[0].subject, "adl");
  EXPECT_EQ(e[0].value, 2.0);
}

TEST(ExtractFunctionTest, AssertedAndNegated) {
  const auto a = of_kind(facts_in("The regimen improves her activities of daily living."),
                         FactKind::kFunctionalImprovement);
  ASSERT_EQ(a.size(), 1u) << dump(a);
  EXPECT_EQ(a[0].qualifier, "asserted");
  EXPECT_EQ(a[0].subject, "adl");
  EXPECT_EQ(a[0].polarity, Polarity::kAffirmed);

  const auto b = of_kind(facts_in("Tramadol allows him to function at home."),
                         FactKind::kFunctionalImprovement);
  ASSERT_EQ(b.size(), 1u) << dump(b);
  EXPECT_EQ(b[0].qualifier, "asserted");

  const std::string t = "There was no functional improvement with Soma.";
  const auto c = of_kind(facts_in(t), FactKind::kFunctionalImprovement);
  ASSERT_EQ(c.size(), 1u) << dump(c);
  EXPECT_EQ(c[0].polarity, Polarity::kNegated);
  expect_whole_sentence(c[0], t);

  const auto d = of_kind(facts_in("Objective functional improvement was not documented."),
                         FactKind::kFunctionalImprovement);
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d[0].polarity, Polarity::kNegated);

  const auto e = of_kind(facts_in("She used Valium for weeks without significant improvement in "
                                  "pain or function."),
                         FactKind::kFunctionalImprovement);
  ASSERT_EQ(e.size(), 1u) << dump(e);
  EXPECT_EQ(e[0].polarity, Polarity::kNegated);
}

TEST(ExtractWorkStatusTest, Statuses) {
  struct Case {
    const char* text;
    const char* qualifier;
    Polarity polarity;
  };
  const Case cases[] = {
      {"He is back at full duty as a mechanic.", "full_duty", Polarity::kAffirmed},
      {"She works modified duty with a 15 pound lifting limit.", "modified_duty", Polarity::kAffirmed},
      {"Work status: temporarily totally disabled until the next visit.", "ttd", Polarity::kAffirmed},
      {"He remains TTD.", "ttd", Polarity::kAffirmed},
      {"She is not working at this time.", "not_working", Polarity::kAffirmed},
      {"The patient retired in 2014.", "retired", Polarity::kAffirmed},
      {"He was declared permanent and stationary last spring.", "permanent_stationary",
       Polarity::kAffirmed},
      {"She is not on light duty.", "modified_duty", Polarity::kNegated},
  };
  for (const Case& c : cases) {
    const std::string t = c.text;
    const auto w = of_kind(facts_in(t), FactKind::kWorkStatus);
    ASSERT_EQ(w.size(), 1u) << t << "\n" << dump(w);
    EXPECT_EQ(w[0].qualifier, c.qualifier) << t;
    EXPECT_EQ(w[0].polarity, c.polarity) << t;
    expect_whole_sentence(w[0], t);
  }
}

TEST(ExtractPriorTrialTest, TreatmentToDateListsEveryTherapy) {
  const std::string t =
      "Treatment to date has included acupuncture, physical therapy, a TENS unit, chiropractic "
      "care, nerve blocks, epidural injections, a functional restoration program and massage.";
  const auto p = of_kind(facts_in(t), FactKind::kPriorTrial);
  const std::vector<std::string> want = {"acupuncture",        "physical_therapy",
                                         "tens",               "chiropractic",
                                         "nerve_block",        "epidural_injection",
                                         "functional_restoration", "massage"};
  ASSERT_EQ(p.size(), want.size()) << dump(p);
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(p[i].subject, want[i]);
    EXPECT_EQ(p[i].qualifier, "tried");
    EXPECT_EQ(p[i].polarity, Polarity::kAffirmed);
    expect_whole_sentence(p[i], t);
  }
}

TEST(ExtractPriorTrialTest, Outcomes) {
  const auto a = of_kind(facts_in("She failed NSAIDs and physical therapy."), FactKind::kPriorTrial);
  ASSERT_EQ(a.size(), 2u) << dump(a);
  EXPECT_EQ(a[0].subject, "nsaid");
  EXPECT_EQ(a[0].qualifier, "failed");
  EXPECT_EQ(a[0].polarity, Polarity::kAffirmed);
  EXPECT_EQ(a[1].subject, "physical_therapy");
  EXPECT_EQ(a[1].qualifier, "failed");

  const auto b = of_kind(facts_in("He tried Motrin without relief."), FactKind::kPriorTrial);
  ASSERT_EQ(b.size(), 1u) << dump(b);
  EXPECT_EQ(b[0].subject, "ibuprofen");
  EXPECT_EQ(b[0].qualifier, "failed");

  const auto c = of_kind(facts_in("She could not tolerate Neurontin due to dizziness."),
                         FactKind::kPriorTrial);
  ASSERT_EQ(c.size(), 1u) << dump(c);
  EXPECT_EQ(c[0].subject, "gabapentin");
  EXPECT_EQ(c[0].qualifier, "not_tolerated");
  EXPECT_EQ(c[0].polarity, Polarity::kAffirmed);

  const auto d = of_kind(facts_in("A Butrans trial in 2014 let him cut back; he was able to "
                                  "reduce his Vicodin."),
                         FactKind::kPriorTrial);
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d[0].subject, "buprenorphine_patch");
  EXPECT_EQ(d[0].qualifier, "tried");  // the result is in another clause

  const auto e = of_kind(facts_in("A Butrans trial went well and he was able to reduce his Vicodin."),
                         FactKind::kPriorTrial);
  ASSERT_EQ(e.size(), 1u) << dump(e);
  EXPECT_EQ(e[0].subject, "buprenorphine_patch");
  EXPECT_EQ(e[0].qualifier, "helped");

  const std::string t = "There is no indication of Tylenol or NSAID failure.";
  const auto f = of_kind(facts_in(t), FactKind::kPriorTrial);
  ASSERT_EQ(f.size(), 2u) << dump(f);
  EXPECT_EQ(f[0].subject, "acetaminophen");
  EXPECT_EQ(f[0].qualifier, "failed");
  EXPECT_EQ(f[0].polarity, Polarity::kNegated);
  EXPECT_EQ(f[1].subject, "nsaid");
  EXPECT_EQ(f[1].polarity, Polarity::kNegated);
  expect_whole_sentence(f[1], t);
}

TEST(ExtractDiagnosisTest, NormalizedSubjects) {
  const std::string t =
      "Diagnoses are post-laminectomy syndrome, lumbar radiculitis, panic attacks, major "
      "depressive disorder and chronic pain syndrome.";
  const auto d = of_kind(facts_in(t), FactKind::kDiagnosis);
  const std::vector<std::string> want = {"failed_back_surgery", "radiculopathy",
                                         "anxiety_disorder", "major_depression",
                                         "chronic_pain_syndrome"};
  ASSERT_EQ(d.size(), want.size()) << dump(d);
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(d[i].subject, want[i]);
    EXPECT_EQ(d[i].polarity, Polarity::kAffirmed);
    expect_whole_sentence(d[i], t);
  }
  const auto e = of_kind(
      facts_in("He also has bipolar disorder, sleep disturbance and degenerative disc disease."),
      FactKind::kDiagnosis);
  ASSERT_EQ(e.size(), 3u) << dump(e);
  EXPECT_EQ(e[0].subject, "bipolar_disorder");
  EXPECT_EQ(e[1].subject, "insomnia");
  EXPECT_EQ(e[2].subject, "disc_degeneration");

  const auto f = of_kind(facts_in("There is no radiculopathy on examination."), FactKind::kDiagnosis);
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].subject, "radiculopathy");
  EXPECT_EQ(f[0].polarity, Polarity::kNegated);

  const auto g = of_kind(facts_in("Rule out lumbar stenosis."), FactKind::kDiagnosis);
  ASSERT_EQ(g.size(), 1u) << dump(g);
  EXPECT_EQ(g[0].subject, "spinal_stenosis");
  EXPECT_EQ(g[0].polarity, Polarity::kUncertain);
}

TEST(ExtractSurgeryTest, DoneAndPlanned) {
  const std::string t = "Her history includes lumbar spine surgery on 4-12-11.";
  const auto a = of_kind(facts_in(t, Date::ymd(2016, 1, 1)), FactKind::kSurgery);
  ASSERT_EQ(a.size(), 1u) << dump(a);
  EXPECT_EQ(a[0].subject, "lumbar spine surgery");
  EXPECT_EQ(a[0].qualifier, "done");
  EXPECT_EQ(iso(a[0].date), "2011-04-12");
  expect_whole_sentence(a[0], t);

  const auto b = of_kind(facts_in("She is s/p laminectomy."), FactKind::kSurgery);
  ASSERT_EQ(b.size(), 1u) << dump(b);
  EXPECT_EQ(b[0].subject, "laminectomy");
  EXPECT_FALSE(b[0].date.has_value());

  const auto c = of_kind(facts_in("He is pending hardware removal at L4-5."), FactKind::kSurgery);
  ASSERT_EQ(c.size(), 1u) << dump(c);
  EXPECT_EQ(c[0].qualifier, "planned");
  EXPECT_EQ(c[0].subject, "hardware removal at l4-5");

  const auto d = of_kind(facts_in("Diagnosis: failed back surgery syndrome."), FactKind::kSurgery);
  EXPECT_TRUE(d.empty()) << dump(d);
}

// Procedures a treatment plan names are planned, however the plan is worded; the common
// operations of disputed surgery (hernia repair, meniscectomy, ORIF, releases) are named.
TEST(ExtractSurgeryTest, TreatmentPlansAndProcedureNames) {
  struct Row {
    const char* text;
    const char* subject;
    const char* qualifier;
  };
  const Row rows[] = {
      {"The treatment plan included an arthroscopic surgery of the right shoulder.", "arthroscopic surgery", "planned"},
      {"Plan of care: laparoscopic inguinal hernia repair with mesh.", "hernia repair", "planned"},
      {"The plan includes scheduling a partial medial meniscectomy.", "meniscectomy", "planned"},
      {"Right knee arthroscopic partial meniscectomy is scheduled for next week.", "partial meniscectomy", "planned"},
      {"Right shoulder rotator cuff repair was authorized by the carrier.", "right shoulder rotator cuff repair", "planned"},
      {"Plan: right carpal tunnel release.", "right carpal tunnel release", "planned"},
      {"She was authorized for a right carpal tunnel release.", "right carpal tunnel release", "planned"},
      {"He is to undergo open reduction internal fixation of the ankle.", "open reduction internal fixation", "planned"},
      {"He had an umbilical herniorrhaphy in 2009.", "herniorrhaphy", "done"},
      {"Status post left ACL reconstruction.", "left acl reconstruction", "done"},
  };
  for (const auto& r : rows) {
    const auto f = of_kind(facts_in(r.text), FactKind::kSurgery);
    ASSERT_EQ(f.size(), 1u) << r.text << "\n" << dump(f);
    EXPECT_EQ(f[0].subject, r.subject) << r.text;
    EXPECT_EQ(f[0].qualifier, r.qualifier) << r.text;
  }
}

// Words an absent pattern covers are only ruled out, not also affirmed: a past operation is
// not the class of the one planned.
TEST(ExtractLexiconTest, AnAbsentPatternOverridesThePositiveItCovers) {
  const auto past = of_kind(facts_in("He is status post right knee arthroscopy in 2012."), FactKind::kProcedureClass);
  ASSERT_EQ(past.size(), 1u) << dump(past);
  EXPECT_EQ(past[0].subject, "procedure_arthroscopic");
  EXPECT_EQ(past[0].polarity, Polarity::kNegated);
  const auto planned = of_kind(facts_in("Right knee arthroscopy is scheduled."), FactKind::kProcedureClass);
  ASSERT_EQ(planned.size(), 1u) << dump(planned);
  EXPECT_EQ(planned[0].polarity, Polarity::kAffirmed);
}

TEST(ExtractUrActionTest, ModifiedWithQuantitiesPerDrug) {
  const std::string t =
      "On 10-2-16, the request for Ativan was modified to certify a quantity of 15 and Percocet "
      "was modified to certify a quantity of 90.";
  const auto facts = facts_in(t, Date::ymd(2016, 9, 20));
  const auto u = of_kind(facts, FactKind::kUrAction);
  ASSERT_EQ(u.size(), 2u) << dump(facts);
  EXPECT_EQ(u[0].subject, "lorazepam");
  EXPECT_EQ(u[0].qualifier, "modified");
  EXPECT_EQ(u[0].value, 15.0);
  EXPECT_EQ(iso(u[0].date), "2016-10-02");
  EXPECT_EQ(u[0].polarity, Polarity::kAffirmed);
  EXPECT_EQ(u[1].subject, "oxycodone_apap");
  EXPECT_EQ(u[1].value, 90.0);
  expect_whole_sentence(u[1], t);
}

TEST(ExtractUrActionTest, DeniedListAndWeaning) {
  const std::string t =
      "The requested Vicodin 5/300mg #120 and Klonopin 0.5mg #60 with two refills were denied "
      "by utilization review on 03/11/15.";
  const auto facts = facts_in(t);
  const auto u = of_kind(facts, FactKind::kUrAction);
  ASSERT_EQ(u.size(), 2u) << dump(facts);
  EXPECT_EQ(u[0].subject, "hydrocodone_apap");
  EXPECT_EQ(u[0].qualifier, "denied");
  EXPECT_EQ(u[1].subject, "clonazepam");
  EXPECT_EQ(u[1].qualifier, "denied");
  EXPECT_EQ(iso(u[1].date), "2015-03-11");
  // "denied by" is an outcome, not a negation of the drugs.
  for (const auto& m : of_kind(facts, FactKind::kMedicationUse))
    EXPECT_EQ(m.polarity, Polarity::kAffirmed);

  const auto w = of_kind(facts_in("UR modified the Soma request for weaning purposes."),
                         FactKind::kUrAction);
  ASSERT_EQ(w.size(), 1u) << dump(w);
  EXPECT_EQ(w[0].qualifier, "weaning");
  EXPECT_EQ(w[0].subject, "carisoprodol");
}

TEST(ExtractCourseTest, FlareDependenceTaper) {
  const std::string t = "He had a new onset of back spasms 3 days ago after lifting a crate.";
  const auto a = of_kind(facts_in(t, Date::ymd(2016, 5, 10)), FactKind::kAcuteFlare);
  ASSERT_EQ(a.size(), 1u) << dump(a);
  EXPECT_EQ(iso(a[0].date), "2016-05-07");
  expect_whole_sentence(a[0], t);

  const auto b = of_kind(facts_in("She reports a flare-up of neck pain."), FactKind::kAcuteFlare);
  ASSERT_EQ(b.size(), 1u) << dump(b);
  EXPECT_EQ(b[0].polarity, Polarity::kAffirmed);

  const auto c = of_kind(facts_in("He gets severe withdrawal symptoms without his Percocet."),
                         FactKind::kDependence);
  ASSERT_EQ(c.size(), 1u) << dump(c);
  EXPECT_EQ(c[0].subject, "oxycodone_apap");
  EXPECT_EQ(c[0].polarity, Polarity::kAffirmed);

  const auto c2 = of_kind(facts_in("Her activity tolerance is improving."), FactKind::kDependence);
  EXPECT_TRUE(c2.empty()) << dump(c2);

  const auto d = of_kind(facts_in("The plan is to decrease Vicodin to #90 this month."),
                         FactKind::kTaperPlan);
  ASSERT_EQ(d.size(), 1u) << dump(d);
  EXPECT_EQ(d[0].subject, "hydrocodone_apap");
  EXPECT_EQ(d[0].value, 90.0);

  const auto e = of_kind(facts_in("We will taper Ativan over four weeks."), FactKind::kTaperPlan);
  ASSERT_EQ(e.size(), 1u) << dump(e);
  EXPECT_EQ(e[0].subject, "lorazepam");
}

TEST(ExtractNegationTest, ScopeEndsAtTerminators) {
  const auto a = facts_in("She denies depression but reports anxiety.");
  const auto d = of_kind(a, FactKind::kDiagnosis);
  ASSERT_EQ(d.size(), 2u) << dump(a);
  EXPECT_EQ(d[0].subject, "depression");
  EXPECT_EQ(d[0].polarity, Polarity::kNegated);
  EXPECT_EQ(d[1].subject, "anxiety_disorder");
  EXPECT_EQ(d[1].polarity, Polarity::kAffirmed);

  const auto b = of_kind(facts_in("It is unclear whether she still takes Klonopin."),
                         FactKind::kMedicationUse);
  ASSERT_EQ(b.size(), 1u) << dump(b);
  EXPECT_EQ(b[0].polarity, Polarity::kUncertain);

  const auto c = of_kind(facts_in("Possible neuropathy in the feet."), FactKind::kDiagnosis);
  ASSERT_EQ(c.size(), 1u) << dump(c);
  EXPECT_EQ(c[0].subject, "neuropathic_pain");
  EXPECT_EQ(c[0].polarity, Polarity::kUncertain);

  // Far beyond the ten-word window the negation no longer reaches.
  const auto e = of_kind(facts_in("No fever was reported at the visit today and then much later "
                                  "in the day she mentioned depression."),
                         FactKind::kDiagnosis);
  ASSERT_EQ(e.size(), 1u) << dump(e);
  EXPECT_EQ(e[0].polarity, Polarity::kAffirmed);
}

}  // namespace
}  // namespace imr
