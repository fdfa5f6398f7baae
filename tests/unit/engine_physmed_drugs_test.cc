// The physical medicine and drugs packs on team-written records, both ways: for each topic a
// record with the deciding sentence and the same record without it, each decided as the
// guideline's criteria say, with the deciding criterion named; then requests that the request
// alone decides (a modality the guideline does not recommend, a compound with an ingredient it
// rejects, a missing body part or quantity); then how requests and records are read (visit
// counts in words, a UR decision that is not therapy given, a compound by its ingredients).
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "decide/engine.h"
#include "extract/extract.h"
#include "intake/request.h"
#include "support/both_ways.h"
#include "support/knowledge.h"

namespace imr {
namespace {

using testing::bundled_knowledge;

using testing::criteria_dump;
using testing::find_criterion;

using testing::BothWaysRow;
using testing::RequestDecidesRow;

constexpr auto& review = testing::review_on_record;

const Date kWinter2016 = Date::ymd(2016, 12, 14);
const Date kInjuryFall2016 = Date::ymd(2016, 10, 20);
const Date kSpring2016 = Date::ymd(2016, 4, 12);
const Date kInjury2014 = Date::ymd(2014, 8, 2);

const std::vector<BothWaysRow>& both_ways_rows() {
  static const std::vector<BothWaysRow> rows = {
      // A first course within the trial size is supported; once a course has been given,
      // more needs its measured gains.
      {"physical_medicine", "Physical therapy three times a week for two weeks for the lumbar spine",
       "Low back strain lifting pallets at the warehouse. Lumbar flexion is limited to 40 degrees with paraspinal spasm. He takes ibuprofen.",
       "He completed six sessions of physical therapy in November.", false,
       "physical_medicine.functional_gains", kWinter2016, kInjuryFall2016},
      {"physical_medicine", "Physical therapy 2 times a week for 4 weeks for the right knee",
       "Right knee sprain stepping off a curb at work. She completed six sessions of physical therapy in November.",
       "Since starting physical therapy her knee flexion improved from 95 to 125 degrees and she climbs stairs again.", true,
       "physical_medicine.functional_gains", kWinter2016, kInjuryFall2016},
      {"manual_therapy", "Additional chiropractic twice a week for three weeks for the lumbar spine",
       "Mechanical low back pain after lifting a tire. He has had six chiropractic visits.",
       "With chiropractic care his sitting tolerance rose from 20 to 90 minutes and he is back at full duty.", true,
       "manual_therapy.functional_gains", kWinter2016, kInjuryFall2016},
      {"acupuncture", "Acupuncture 6 sessions for the lumbar spine",
       "Chronic low back pain since a 2014 fall; she is on modified duty.",
       "She could not tolerate naproxen because of stomach upset.", true,
       "acupuncture.medication_not_tolerated", kSpring2016, kInjury2014},
      {"massage_therapy", "Massage therapy 4 sessions for the neck",
       "Neck strain from overhead stocking; she is on modified duty.",
       "She does her home exercise program every evening.", true, "massage.adjunct_home", kWinter2016,
       kInjuryFall2016},
      {"biofeedback", "Biofeedback 4 sessions",
       "Chronic low back pain since a 2014 fall, with anxiety about reinjury.",
       "She has attended six sessions of cognitive behavioral therapy since February.", true,
       "biofeedback.within_cbt", kSpring2016, kInjury2014},
      {"electrical_stimulation", "Electrical stimulation 30 day home trial for the left leg",
       "Leg pain since a 2014 crush injury. Physical therapy and gabapentin have failed. She keeps up a home exercise program.",
       "She has been diagnosed with complex regional pain syndrome of the left leg.", true, "estim.condition",
       kSpring2016, kInjury2014},
      // Drugs.
      {"compounded_drugs", "Synapryn 10mg/ml oral suspension 500ml",
       "Lumbar strain with moderate pain; he took ibuprofen.",
       "Since a jaw fracture he cannot swallow tablets.", true, "compound_drugs.cannot_take_standard_form",
       kWinter2016, kInjuryFall2016},
      {"nsaids", "Celecoxib 200mg #30",
       "Low back pain after lifting a box; lumbar strain.",
       "She has a history of a bleeding gastric ulcer.", true, "cox2.gi_risk", kWinter2016, kInjuryFall2016},
      {"nsaids", "Naproxen 500mg #60",
       "Injured at work on 10/20/2016; she is not using any medications.",
       "She presented with neck, shoulder, and arm pain after lifting a crate.", true, "nsaids.indication",
       kWinter2016, kInjuryFall2016},
      {"ppi", "Famotidine 20mg #60",
       "Low back strain; she takes naproxen 500 mg twice a day.",
       "She reports heartburn since starting naproxen.", true, "ppi.gi_risk", kWinter2016, kInjuryFall2016},
      {"antidepressants", "Bupropion XL 150mg #30",
       "Chronic low back pain since a 2014 fall; she has been off work since then.",
       "She has been diagnosed with major depressive disorder.", true, "antidepressants.indication", kSpring2016,
       kInjury2014},
      {"erectile_dysfunction", "Viagra 50mg #10",
       "Chronic low back pain since a 2014 fall; he takes naproxen.",
       "He is treated for erectile dysfunction.", true, "sildenafil.indication", kSpring2016, kInjury2014},
  };
  return rows;
}

TEST(EnginePhysmedDrugsTest, EachTopicBothWays) {
  for (const BothWaysRow& row : both_ways_rows()) testing::expect_both_ways(row);
}

// Requests the guideline does not support whatever the record says: upheld, with the
// criterion that says why, even on a record that supports everything else.
TEST(EnginePhysmedDrugsTest, RequestsTheGuidelineDoesNotSupportAreUpheld) {
  const std::string record =
      "Leg pain since a 2014 crush injury, diagnosed as complex regional pain syndrome of the left "
      "leg. Physical therapy and gabapentin have failed; naproxen and nortriptyline did not help. "
      "She keeps up a home exercise program and attends physical therapy twice a week. She cannot "
      "swallow tablets since a jaw fracture.";
  const std::vector<RequestDecidesRow> rows = {
      {"passive_modalities", "Therapeutic ultrasound 2 times a week for 4 weeks for the left leg", "passive.ultrasound",
       "ultrasound"},
      {"passive_modalities", "Spinolator traction times 6 for the lumbar spine", "passive.traction", "traction"},
      {"passive_modalities", "Ice/heat pads therapy times 6 for the lumbar spine", "passive.self_applied_heat",
       "home"},
      {"passive_modalities", "Infrared heat to the low back two times a week for six weeks", "passive.infrared",
       "infrared"},
      {"topical_analgesics", "Ketoprofen 20% in cream base 240g", "topicals.ingredients", "ketoprofen"},
      {"topical_analgesics", "Ketophene 20% cream, 167 grams", "topicals.ingredients", "ketoprofen"},
      {"topical_analgesics", "Cyclophene 5% cream 111.2 grams", "topicals.ingredients", "cyclobenzaprine"},
      {"topical_analgesics", "LidoPro lotion 121 grams", "topicals.ingredients", "lidocaine"},
      {"compounded_drugs", "Tabradol 1mg/ml oral suspension 250ml", "compound_drugs.ingredients",
       "methylsulfonylmethane"},
      {"physical_medicine", "Four sessions of physical therapy two times a week times 2 weeks",
       "physical_medicine.body_part", "body part"},
      {"erectile_dysfunction", "Three months coverage of Viagra 50mg", "sildenafil.quantity", "how many"},
  };
  for (const auto& row : rows) testing::expect_request_decides(row, record, kSpring2016, kInjury2014);
}

// A first course larger than the six-visit trial is upheld on the trial size; the same record
// with a first course of six is overturned.
TEST(EnginePhysmedDrugsTest, FirstCourseOfTherapyWithinTheTrialSize) {
  const std::string record =
      "Lumbar strain lifting a water heater. Flexion is limited to 45 degrees with spasm. He takes naproxen.";
  const Determination twelve =
      review("Physical therapy 3 times a week for 4 weeks for the lumbar spine", record, kWinter2016, kInjuryFall2016);
  ASSERT_TRUE(twelve.decision);
  EXPECT_EQ(*twelve.decision, Decision::kUpheld) << criteria_dump(twelve);
  const CriterionResult* trial = find_criterion(twelve, "physical_medicine.trial_visits");
  ASSERT_NE(trial, nullptr) << criteria_dump(twelve);
  EXPECT_EQ(trial->state, CriterionState::kNotMet);
  EXPECT_TRUE(trial->decided);
  EXPECT_NE(trial->statement.find("6"), std::string::npos) << trial->statement;
  const Determination six =
      review("Physical therapy 3 times a week for 2 weeks for the lumbar spine", record, kWinter2016, kInjuryFall2016);
  ASSERT_TRUE(six.decision);
  EXPECT_EQ(*six.decision, Decision::kOverturned) << criteria_dump(six);
  EXPECT_FALSE(six.ongoing);
}

// Electrical stimulation is considered only on a TENS trial's terms: weeks after an injury it
// is upheld on the pain's duration even alongside a home program.
TEST(EnginePhysmedDrugsTest, ElectricalStimulationInTheAcutePhaseIsUpheld) {
  const Determination d =
      review("Electrical muscle stimulation 2 times a week for 4 weeks for the lumbar spine",
             "Lumbar strain lifting boxes three weeks ago. He takes ibuprofen and keeps up a home exercise program.",
             kWinter2016, Date::ymd(2016, 11, 23));
  ASSERT_TRUE(d.decision);
  EXPECT_EQ(d.topic, "electrical_stimulation");
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  const CriterionResult* chronic = find_criterion(d, "estim.chronic");
  ASSERT_NE(chronic, nullptr) << criteria_dump(d);
  EXPECT_EQ(chronic->state, CriterionState::kNotMet);
}

// Visit counts written in words are read as counts.
TEST(EnginePhysmedDrugsTest, VisitCountsInWords) {
  const auto& k = *bundled_knowledge();
  struct Row {
    const char* text;
    int visits;
  };
  for (const Row& row : std::vector<Row>{
           {"Physical therapy three times a week for two weeks for the cervical spine", 6},
           {"Six physical therapy visits for the lumbar", 6},
           {"Chiropractic twice a week for four weeks", 8},
           {"Additional physical therapy two times four visits (8) for the lumbar and bilateral knees", 8},
           {"Acupuncture twelve sessions", 12},
           {"Physical therapy twice weekly for six weeks for the neck", 12},
           {"Physical therapy two (2) times a week for four (4) weeks for the right shoulder", 8},
           {"Physical therapy 2x6 for the shoulder", 12}}) {
    SCOPED_TRACE(row.text);
    const ParsedRequest r = parse_request(row.text, k.drugs, k.services);
    ASSERT_TRUE(r.visits.has_value());
    EXPECT_EQ(*r.visits, row.visits);
  }
  // A word that only looks like a number is left alone.
  const ParsedRequest r = parse_request("Physical therapy for someone who fell once", k.drugs, k.services);
  EXPECT_FALSE(r.visits.has_value());
}

// Branded compounds and kit drugs are known by their ingredients.
TEST(EnginePhysmedDrugsTest, BrandedCompoundsAreReadByTheirIngredients) {
  const auto& k = *bundled_knowledge();
  struct Row {
    const char* text;
    const char* topic;
    std::vector<std::string> ingredients;
  };
  for (const Row& row : std::vector<Row>{
           {"Synapryn (10mg/1ml oral suspension) 500ml", "compounded_drugs", {"tramadol", "glucosamine"}},
           {"Tabradol 250ml", "compounded_drugs", {"cyclobenzaprine", "methylsulfonylmethane"}},
           {"Deprizine (unknown quantity)", "compounded_drugs", {"ranitidine"}},
           {"Dicopanol (unknown quantity)", "compounded_drugs", {"diphenhydramine"}},
           {"Fanatrex (unknown quantity)", "compounded_drugs", {"gabapentin"}},
           {"Ketophene 20% cream, 167 grams", "topical_analgesics", {"ketoprofen"}},
           {"Ketoprofen 20% in cream base 240g", "topical_analgesics", {"ketoprofen"}},
           {"Retrospective Lidopro 4%-27.5%-0.0325% 1 bottle", "topical_analgesics",
            {"capsaicin", "lidocaine", "menthol", "methyl salicylate"}},
           {"one month supply of Trezix capsule 320.5/30/16mg", "opioids",
            {"dihydrocodeine", "acetaminophen", "caffeine"}},
           {"Ketoprofen 75mg #60", "nsaids", {"ketoprofen"}},
       }) {
    SCOPED_TRACE(row.text);
    const ParsedRequest r = parse_request(row.text, k.drugs, k.services);
    ASSERT_NE(r.drug, nullptr);
    EXPECT_EQ(r.topic(), row.topic);
    EXPECT_EQ(r.ingredients, row.ingredients);
  }
}

// A sentence reporting utilization review's decision on therapy is not therapy given; one
// saying the sessions were attended is.
TEST(EnginePhysmedDrugsTest, ReviewDecisionIsNotTherapyGiven) {
  const auto& k = *bundled_knowledge();
  auto sessions = [&](const std::string& text) {
    int n = 0;
    for (const Fact& f : extract_record_facts(RecordText{kWinter2016, "note", text}, 0, k.drugs, k.lexicon))
      if (f.kind == FactKind::kTherapyCompleted && f.polarity == Polarity::kAffirmed) ++n;
    return n;
  };
  EXPECT_EQ(sessions("On 1-9-17, utilization review determined physical therapy six visits for the lumbar spine was not medically necessary."), 0);
  EXPECT_EQ(sessions("The request for eight chiropractic visits was non-certified by UR."), 0);
  EXPECT_EQ(sessions("UR certified six sessions of physical therapy, which she attended in December."), 1);
  EXPECT_EQ(sessions("She has completed six sessions of physical therapy."), 1);
}

// "6 chiropractic treatments (without documentation of functional objective improvement)"
// reports no benefit, not gains.
TEST(EnginePhysmedDrugsTest, SessionsWithoutDocumentedImprovementAreNoBenefit) {
  const Determination d = review(
      "Additional chiropractic three times a week for two weeks for the lumbar spine",
      "Low back strain. Treatment to date has included naproxen; 6 chiropractic treatments (without documentation of functional objective improvement).",
      kWinter2016, kInjuryFall2016);
  ASSERT_TRUE(d.decision);
  EXPECT_EQ(*d.decision, Decision::kUpheld) << criteria_dump(d);
  const CriterionResult* c = find_criterion(d, "manual_therapy.functional_gains");
  ASSERT_NE(c, nullptr) << criteria_dump(d);
  EXPECT_NE(c->state, CriterionState::kMet);
}

}  // namespace
}  // namespace imr
