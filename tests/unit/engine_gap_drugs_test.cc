// The gap drugs packs on team-written records, both ways: for each topic (triptans, modafinil
// and stimulants, testosterone, vitamins and supplements, oral corticosteroids, ketorolac,
// naloxone, hydroxyzine, antiemetics, NSAIDs with GI protection, milnacipran, antispasticity
// drugs, and drugs that joined older topics) a record with the deciding sentence and the same
// record without it, each decided as the guideline's criteria say, with the deciding
// criterion named; then the requests the guideline rejects whatever the record says; then how
// the requests are read (brand, generic and written variants to drug and topic).
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

const Date kSpring2016 = Date::ymd(2016, 4, 12);
const Date kInjury2014 = Date::ymd(2014, 8, 2);

// Each row is dated in spring 2016, two years after the injury.
const std::vector<BothWaysRow>& both_ways_rows() {
  static const std::vector<BothWaysRow> rows = {
      {"triptans", "Sumatriptan 50mg #9",
       "Chronic neck pain since a fall at work; she also reports headaches several times a month.",
       "Her neurologist diagnosed migraine without aura.", true, "triptans.migraine", kSpring2016, kInjury2014},
      {"triptans", "Maxalt MLT 10mg #12",
       "Cervical strain from a 2014 fall. She takes naproxen.",
       "He has had migraines since the head injury, with nausea and light sensitivity.", true, "triptans.migraine", kSpring2016, kInjury2014},
      {"wakefulness_agents", "Provigil 200mg #30",
       "Chronic low back pain since 2014, treated with Norco 10/325 three times a day; he feels tired in the daytime.",
       "A sleep study confirmed obstructive sleep apnea.", true, "wakefulness.condition", kSpring2016, kInjury2014},
      {"wakefulness_agents", "Adderall 10mg twice a day #60",
       "Chronic low back pain since 2014; she has trouble concentrating at work.",
       "She was diagnosed with ADHD as a child and has been treated for it since.", true, "wakefulness.condition", kSpring2016, kInjury2014},
      {"testosterone", "AndroGel 1.62% one pump daily #1",
       "Chronic low back pain since 2014; he has taken oxycodone ER 20 mg twice a day for two years.",
       "His morning testosterone level was low at 180 ng/dL.", true, "testosterone.hypogonadism", kSpring2016, kInjury2014},
      {"testosterone", "Testosterone cypionate 200mg/ml every 2 weeks",
       "Chronic low back pain since 2014. Labs show low testosterone. He takes ibuprofen.",
       "He has taken hydrocodone 10/325 four times a day since 2014.", true, "testosterone.opioids", kSpring2016, kInjury2014},
      {"vitamin_d", "Vitamin D3 50,000 IU weekly #4",
       "Chronic low back pain since a 2014 fall; she walks 20 minutes a day.",
       "Her vitamin D level was low at 14 ng/mL.", true, "vitamin_d.deficiency", kSpring2016, kInjury2014},
      {"vitamin_b", "Vitamin B12 injections monthly x 3",
       "Chronic low back pain with numbness in both feet.",
       "Blood work shows a low B12 level.", true, "vitamin_b.deficiency", kSpring2016, kInjury2014},
      {"glucosamine", "Glucosamine 1500mg #90",
       "Chronic pain in both knees after years of kneeling at work.",
       "X-rays show osteoarthritis of both knees.", true, "glucosamine.arthritis", kSpring2016, kInjury2014},
      {"dietary_supplements", "Calcium citrate 600mg #60",
       "Chronic low back pain since a 2014 fall.",
       "A DEXA scan last year showed osteoporosis.", true, "supplements.deficiency", kSpring2016, kInjury2014},
      {"corticosteroids", "Medrol dose pack #1",
       "Low back pain since a 2014 lifting injury. Two weeks ago she had a flare of pain after bending.",
       "Pain radiates down the left leg with a positive straight leg raise; the diagnosis is lumbar radiculopathy.",
       true, "oral_steroids.condition", kSpring2016, kInjury2014},
      {"corticosteroids", "Prednisone 10mg taper #21",
       "Low back pain since a 2014 lifting injury, diagnosed as lumbar radiculopathy with a positive straight leg raise on the left.",
       "Last week he had an acute flare of leg pain after shoveling.", true, "oral_steroids.acute_flare", kSpring2016, kInjury2014},
      {"nsaids", "Toradol 60mg IM injection",
       "Chronic low back pain since a 2014 fall; he takes naproxen.",
       "Three days ago he had an acute flare of severe low back pain after lifting a box.", true,
       "ketorolac.acute_flare", kSpring2016, kInjury2014},
      {"naloxone", "Narcan nasal spray #2",
       "Chronic low back pain; he takes tramadol 50 mg twice a day.",
       "He also takes alprazolam 1 mg at night for anxiety.", true, "naloxone.benzodiazepine", kSpring2016, kInjury2014},
      {"naloxone", "Narcan 4mg nasal spray #2",
       "Chronic low back pain; he takes Norco 10/325 one tablet twice a day.",
       "He also takes OxyContin 40 mg every 12 hours.", true, "naloxone.high_dose", kSpring2016, kInjury2014},
      {"naloxone", "Naloxone 4mg nasal spray #1",
       "Chronic low back pain since 2014.",
       "He takes Norco 10/325 three times a day and was treated in the emergency room for an accidental overdose last year.",
       true, "naloxone.opioid", kSpring2016, kInjury2014},
      {"antihistamines", "Hydroxyzine 25mg #30",
       "Chronic neck pain since a 2014 fall.",
       "She has been diagnosed with generalized anxiety disorder.", true, "antihistamines.anxiety", kSpring2016, kInjury2014},
      {"antihistamines", "Vistaril 25mg at bedtime #30",
       "Chronic neck pain since a 2014 fall.",
       "She has an itchy rash on both forearms.", true, "antihistamines.itching", kSpring2016, kInjury2014},
      {"antiemetics", "Promethazine 25mg #30",
       "Chronic low back pain. She has had nausea since her lumbar fusion last week.",
       "She takes Norco 10/325 four times a day.", false, "antiemetics.not_opioid_nausea", kSpring2016, kInjury2014},
      {"nsaids", "Duexis 800/26.6mg three times a day #90",
       "Low back pain after lifting a box; lumbar strain.",
       "She has a history of a bleeding gastric ulcer.", true, "nsaid_gi.gi_risk", kSpring2016, kInjury2014},
      {"nsaids", "Arthrotec 75mg twice a day #60",
       "Osteoarthritis of the right knee after a fall at work.",
       "She takes aspirin 81 mg daily for her heart.", true, "nsaid_gi.gi_risk", kSpring2016, kInjury2014},
      {"milnacipran", "Savella 50mg #60",
       "Widespread pain since a 2014 fall; she has been off work since.",
       "Her rheumatologist diagnosed fibromyalgia.", true, "milnacipran.fibromyalgia", kSpring2016, kInjury2014},
      {"muscle_relaxants", "Baclofen 10mg three times a day #90",
       "Low back pain after a fall from a ladder in 2014.",
       "He has spasticity of both legs from an incomplete spinal cord injury.", true, "antispasticity.condition", kSpring2016, kInjury2014},
      {"muscle_relaxants", "Dantrolene 25mg #60",
       "Neck pain after a 2014 fall from a scaffold.",
       "Since the fall he has been paraplegic.", true, "antispasticity.condition", kSpring2016, kInjury2014},
      {"erectile_dysfunction", "Cialis 5mg #10",
       "Chronic low back pain since a 2014 fall; he takes naproxen.",
       "He is treated for erectile dysfunction.", true, "sildenafil.indication", kSpring2016, kInjury2014},
      {"antidepressants", "Mirtazapine 15mg #30",
       "Chronic low back pain since a 2014 fall; he has been off work since then.",
       "He has been diagnosed with major depressive disorder.", true, "antidepressants.indication", kSpring2016, kInjury2014},
      {"anti_epilepsy_drugs", "Lamotrigine 25mg #60",
       "Chronic low back pain since a 2014 fall.",
       "Pain radiates down the right leg in an L5 pattern; the diagnosis is lumbar radiculopathy.", true,
       "aeds.neuropathic", kSpring2016, kInjury2014},
      {"buprenorphine", "Butrans 5mcg/hr one patch weekly #4",
       "Chronic low back and left leg pain since 2014. Naproxen and gabapentin gave little relief. Pain is 8/10; he can sit for 20 minutes.",
       "He has a history of opioid addiction and completed a detoxification program in 2015.", true,
       "buprenorphine_pain.population", kSpring2016, kInjury2014},
      {"local_anesthetic_injection", "Lidocaine 1% injection 5ml",
       "Chronic neck pain since 2014 with tender trigger points in the left trapezius.",
       "He is scheduled for trigger point injections next week.", true, "anesthetic_injection.procedure", kSpring2016, kInjury2014},
  };
  return rows;
}

TEST(EngineGapDrugsTest, EachTopicBothWays) {
  for (const BothWaysRow& row : both_ways_rows()) testing::expect_both_ways(row);
}

// Requests the guideline does not support whatever the record says: upheld, with the
// criterion that says why, even on a record that documents migraine, CRPS and an acute flare.
TEST(EngineGapDrugsTest, RequestsTheGuidelineDoesNotSupportAreUpheld) {
  const std::string record =
      "Leg pain since a 2014 crush injury, diagnosed as complex regional pain syndrome of the left leg, with "
      "migraine headaches since the accident. Last week she had an acute flare of pain. Gabapentin, nortriptyline "
      "and physical therapy have failed.";
  const std::vector<RequestDecidesRow> rows = {
      {"barbiturate_analgesics", "Fioricet #60", "bcas.recommended", "barbiturate"},
      {"barbiturate_analgesics", "Butalbital/APAP/caffeine 50/325/40mg one every 6 hours as needed #30",
       "bcas.recommended", "dependence"},
      {"ketamine", "Ketamine infusion x 4", "ketamine.recommended", "ketamine"},
      // The flare is documented; a month of ketorolac is not five days.
      {"nsaids", "Ketorolac 10mg four times a day #120", "ketorolac.five_days", "five days"},
  };
  for (const auto& row : rows) testing::expect_request_decides(row, record, kSpring2016, kInjury2014);
}

// An injected anaesthetic follows the injection it serves: necessary with a necessary trigger
// point injection in the same case, not necessary with one that is not.
TEST(EngineGapDrugsTest, InjectedAnestheticFollowsItsProcedure) {
  const std::string myofascial =
      "Chronic neck and upper back pain since a 2014 fall. Circumscribed trigger points in the left trapezius "
      "with a twitch response and referred pain. Physical therapy, NSAIDs and muscle relaxants have failed. "
      "No radiculopathy.";
  const std::string radicular =
      "Chronic neck pain since a 2014 fall radiating into the left arm, with a diminished biceps reflex; the "
      "diagnosis is cervical radiculopathy.";
  const Engine engine(bundled_knowledge());
  for (const auto& [record, expected] :
       std::vector<std::pair<std::string, Decision>>{{myofascial, Decision::kOverturned}, {radicular, Decision::kUpheld}}) {
    SCOPED_TRACE(record);
    Case c;
    c.date_of_injury = kInjury2014;
    c.records.push_back(Record{kSpring2016, "Treating physician report", record});
    c.requests = {"Trigger point injections x 3 to the left trapezius", "Lidocaine 1% injection 5ml"};
    const auto items = engine.review(c).items;
    ASSERT_EQ(items.size(), 2u);
    ASSERT_TRUE(items[0].decision && items[1].decision);
    EXPECT_EQ(*items[0].decision, expected) << criteria_dump(items[0]);
    EXPECT_EQ(items[1].topic, "local_anesthetic_injection");
    EXPECT_EQ(*items[1].decision, expected) << criteria_dump(items[1]);
    const CriterionResult* follows = find_criterion(items[1], "anesthetic_injection.procedure");
    ASSERT_NE(follows, nullptr);
    EXPECT_TRUE(follows->decided);
  }
}

// Buprenorphine has no morphine-equivalent factor on purpose: a patch request without a
// frequency does not leave the total dose unknown, but other opioids still count against it.
TEST(EngineGapDrugsTest, BuprenorphineAddsNothingToTheMorphineEquivalentTotal) {
  const std::string record =
      "Chronic low back pain since 2014 with lumbar radiculopathy. Naproxen and gabapentin gave little relief. "
      "Pain is 8/10; he can sit for 20 minutes.";
  const Determination alone = review("Butrans 10mcg/hr #4", record, kSpring2016, kInjury2014);
  const CriterionResult* dose = find_criterion(alone, "opioids.dose");
  ASSERT_NE(dose, nullptr) << criteria_dump(alone);
  EXPECT_EQ(dose->state, CriterionState::kMet) << dose->statement;
  ASSERT_TRUE(alone.decision);
  EXPECT_EQ(*alone.decision, Decision::kOverturned) << criteria_dump(alone);
  const Determination with_oxycodone =
      review("Butrans 10mcg/hr #4", record + " He also takes oxycodone 30 mg four times a day.", kSpring2016,
             kInjury2014);
  const CriterionResult* over = find_criterion(with_oxycodone, "opioids.dose");
  ASSERT_NE(over, nullptr) << criteria_dump(with_oxycodone);
  EXPECT_EQ(over->state, CriterionState::kNotMet) << over->statement;
}

// The conditions these packs turn on, as records write them: diagnoses, laboratory results
// with their figures, and results said to be normal (which rule the condition out).
TEST(EngineGapDrugsTest, ConditionsAreReadInTheirCommonWordings) {
  const auto& k = *bundled_knowledge();
  struct Row {
    const char* sentence;
    const char* subject;
    std::optional<Polarity> polarity;  // none: no such fact at all
  };
  for (const Row& row : std::vector<Row>{
           {"She suffers from migraine headaches twice a month.", "migraine", Polarity::kAffirmed},
           {"Post-traumatic headaches with migrainous features.", "migraine", Polarity::kAffirmed},
           {"Diagnoses: cervicogenic headache, rule out migraine.", "migraine", Polarity::kUncertain},
           {"No history of migraines.", "migraine", Polarity::kNegated},
           {"Total testosterone 150 ng/dL (low).", "hypogonadism", Polarity::kAffirmed},
           {"His testosterone level came back at 210, below the normal range.", "hypogonadism", Polarity::kAffirmed},
           {"He was diagnosed with opioid-induced hypogonadism.", "hypogonadism", Polarity::kAffirmed},
           {"Testosterone was normal.", "hypogonadism", Polarity::kNegated},
           {"He uses testosterone gel.", "hypogonadism", std::nullopt},
           {"25-OH vitamin D of 12 ng/mL, deficient.", "vitamin_d_deficiency", Polarity::kAffirmed},
           {"Vitamin D was within normal limits.", "vitamin_d_deficiency", Polarity::kNegated},
           {"B12 level was 150 pg/mL (low).", "b12_deficiency", Polarity::kAffirmed},
           {"He has pernicious anemia.", "b12_deficiency", Polarity::kAffirmed},
           {"Labs: vitamin B12 normal, TSH normal.", "b12_deficiency", Polarity::kNegated},
           {"DEXA shows osteopenia.", "osteoporosis", Polarity::kAffirmed},
           {"She has been diagnosed with narcolepsy.", "narcolepsy", Polarity::kAffirmed},
           {"He works nights and has shift work sleep disorder.", "shift_work_disorder", Polarity::kAffirmed},
           {"History of ADHD.", "adhd", Polarity::kAffirmed},
           {"He is paraplegic after a T10 spinal cord injury.", "spinal_cord_injury", Polarity::kAffirmed},
           {"Status post stroke with left hemiparesis.", "upper_motor_neuron_disorder", Polarity::kAffirmed},
           {"Generalized pruritus.", "pruritus", Polarity::kAffirmed},
           {"He overdosed on his medications in 2015.", "opioid_overdose", Polarity::kAffirmed},
           {"History of heroin overdose.", "opioid_overdose", Polarity::kAffirmed},
           {"There is a risk of overdose with opioids and benzodiazepines.", "opioid_overdose", std::nullopt},
       }) {
    SCOPED_TRACE(row.sentence);
    std::optional<Polarity> found;
    for (const Fact& f : extract_record_facts(RecordText{kSpring2016, "note", row.sentence}, 0, k.drugs, k.lexicon))
      if (f.subject == row.subject) found = f.polarity;
    EXPECT_EQ(found, row.polarity);
  }
}

// The requests as people write them: brands, generics, combinations and written variants, each
// to its drug and the topic that governs it.
TEST(EngineGapDrugsTest, RequestsAreReadToTheirDrugAndTopic) {
  const auto& k = *bundled_knowledge();
  struct Row {
    const char* text;
    const char* drug;
    const char* topic;
  };
  for (const Row& row : std::vector<Row>{
           {"Fioricet #60", "butalbital_apap_caffeine", "barbiturate_analgesics"},
           {"Butalbital/APAP/caffeine 50/325/40mg #30", "butalbital_apap_caffeine", "barbiturate_analgesics"},
           {"Fiorinal #30", "butalbital_aspirin_caffeine", "barbiturate_analgesics"},
           {"Imitrex 100mg #9", "sumatriptan", "triptans"},
           {"Rizatriptan 10mg #12", "rizatriptan", "triptans"},
           {"Relpax 40mg #6", "eletriptan", "triptans"},
           {"Nuvigil 150mg #30", "armodafinil", "wakefulness_agents"},
           {"Modafinil 100mg #30", "modafinil", "wakefulness_agents"},
           {"Ritalin 10mg #60", "methylphenidate", "wakefulness_agents"},
           {"Testosterone cypionate 200mg/ml 1ml IM every 2 weeks", "testosterone", "testosterone"},
           {"Vitamin D 50000 IU #4", "vitamin_d", "vitamin_d"},
           {"B12 injection 1000mcg", "vitamin_b12", "vitamin_b"},
           {"Glucosamine chondroitin #90", "glucosamine", "glucosamine"},
           {"Fish oil 1000mg #60", "dietary_supplement", "dietary_supplements"},
           {"Ketamine infusion", "ketamine", "ketamine"},
           {"Ketamine 10% cream 120g", "ketamine_topical", "topical_analgesics"},
           {"Medrol Dosepak #1", "methylprednisolone", "corticosteroids"},
           {"Prednisone 10mg #20", "prednisone", "corticosteroids"},
           {"Toradol 60mg IM injection", "ketorolac", "nsaids"},
           {"Narcan nasal spray #2", "naloxone", "naloxone"},
           {"Hydroxyzine pamoate 25mg #30", "hydroxyzine", "antihistamines"},
           {"Benadryl 25mg at bedtime #30", "diphenhydramine", "sleep_aids"},
           {"Phenergan 25mg #20", "promethazine", "antiemetics"},
           {"Duexis 800/26.6mg #90", "ibuprofen_famotidine", "nsaids"},
           {"Vimovo 500/20mg #60", "naproxen_esomeprazole", "nsaids"},
           {"Diclofenac/misoprostol 75/0.2mg #60", "diclofenac_misoprostol", "nsaids"},
           {"Naprelan 750mg #30", "naproxen", "nsaids"},
           {"Nalfon 400mg #60", "fenoprofen", "nsaids"},
           {"Flurbiprofen 100mg #60", "flurbiprofen", "nsaids"},
           {"Flurbiprofen 20% cream 120g", "flurbiprofen_topical", "topical_analgesics"},
           {"Belbuca 150mcg #60", "buprenorphine_buccal", "buprenorphine"},
           {"Savella 50mg #60", "milnacipran", "milnacipran"},
           {"Dantrolene 25mg #60", "dantrolene", "muscle_relaxants"},
           {"Horizant 600mg #60", "gabapentin_enacarbil", "anti_epilepsy_drugs"},
           {"Remeron 15mg #30", "mirtazapine", "antidepressants"},
           {"Belsomra 10mg #30", "suvorexant", "sleep_aids"},
           {"Cialis 5mg #30", "tadalafil", "erectile_dysfunction"},
           {"Movantik 25mg #30", "naloxegol", "opioid_constipation"},
           {"Hysingla ER 20mg #30", "hydrocodone_er", "opioids"},
           {"Lidocaine 1% injection 5ml", "lidocaine_injection", "local_anesthetic_injection"},
           {"Lidoderm 5% patch #30", "lidocaine_patch", "lidocaine"},
       }) {
    SCOPED_TRACE(row.text);
    const ParsedRequest r = parse_request(row.text, k.drugs, k.services);
    ASSERT_NE(r.drug, nullptr);
    EXPECT_EQ(r.drug->key, row.drug);
    EXPECT_EQ(r.topic(), row.topic);
  }
  // A compounded cream stays a compound even when its first ingredient has a tablet form.
  const ParsedRequest compound =
      parse_request("Flurbiprofen 20%/Lidocaine 5% cream 180gm", k.drugs, k.services);
  ASSERT_NE(compound.drug, nullptr);
  EXPECT_EQ(compound.drug->key, "compound_topical");
  // Long-acting hydrocodone counts toward MME like the short-acting form.
  const ParsedRequest er = parse_request("Hysingla ER 20mg one daily #30", k.drugs, k.services);
  ASSERT_TRUE(er.mme_per_day.has_value());
  EXPECT_DOUBLE_EQ(er.mme_per_day->max, 20.0);
}

}  // namespace
}  // namespace imr
