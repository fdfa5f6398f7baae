// kSymptom and kSleepHygiene on team-written sentences (src/extract/symptoms.cc), and the GI
// and neuropathy diagnosis codes the drug-topic packs read.
#include <algorithm>

#include "extract_test_fixture.h"

namespace imr::testing_extract {
namespace {

struct SymptomRow {
  const char* text;
  const char* subject;
  Polarity polarity;
};

TEST(ExtractSymptomsTest, NamesEachSymptomWithPolarity) {
  const SymptomRow rows[] = {
      {"Since the dose went up she has felt nauseated most mornings.", "nausea", Polarity::kAffirmed},
      {"He has been vomiting twice a week.", "nausea", Polarity::kAffirmed},
      {"Bowel movements are infrequent and he is constipated.", "constipation", Polarity::kAffirmed},
      {"She denies constipation.", "constipation", Polarity::kNegated},
      {"He wakes several times at night because of the knee.", "insomnia", Polarity::kAffirmed},
      {"She has trouble falling asleep.", "insomnia", Polarity::kAffirmed},
      {"Reports heartburn after each dose of naproxen.", "heartburn", Polarity::kAffirmed},
      {"Acid reflux is worse lying down.", "heartburn", Polarity::kAffirmed},
      {"She complains of indigestion and epigastric pain.", "dyspepsia", Polarity::kAffirmed},
      {"No dyspepsia.", "dyspepsia", Polarity::kNegated},
      {"He noticed black tarry stools last week.", "gi_bleed", Polarity::kAffirmed},
      {"Denies melena or hematemesis.", "gi_bleed", Polarity::kNegated},
      {"Feels lightheaded when standing quickly.", "dizziness", Polarity::kAffirmed},
  };
  for (const auto& row : rows) {
    const auto facts = of_kind(facts_in(row.text), FactKind::kSymptom);
    const auto it = std::find_if(facts.begin(), facts.end(),
                                 [&](const Fact& f) { return f.subject == row.subject; });
    ASSERT_NE(it, facts.end()) << row.text << "\n" << dump(facts_in(row.text));
    EXPECT_EQ(it->polarity, row.polarity) << row.text;
    EXPECT_EQ(it->evidence.text, row.text);
  }
}

TEST(ExtractSymptomsTest, OneFactPerSymptomPerSentence) {
  const auto facts = of_kind(facts_in("Nausea and vomiting, then more nausea."), FactKind::kSymptom);
  ASSERT_EQ(facts.size(), 1u) << dump(facts);
  EXPECT_EQ(facts[0].subject, "nausea");
}

TEST(ExtractSymptomsTest, NoSymptomInUnrelatedText) {
  EXPECT_TRUE(of_kind(facts_in("Range of motion of the lumbar spine is reduced by half."), FactKind::kSymptom)
                  .empty());
}

TEST(ExtractSymptomsTest, SleepHygiene) {
  const auto yes = of_kind(facts_in("We reviewed sleep hygiene and a regular bedtime routine."),
                           FactKind::kSleepHygiene);
  ASSERT_EQ(yes.size(), 1u);
  EXPECT_EQ(yes[0].polarity, Polarity::kAffirmed);
  const auto limit = of_kind(facts_in("She now avoids caffeine in the evening."),
                             FactKind::kSleepHygiene);
  ASSERT_EQ(limit.size(), 1u);
  const auto no = of_kind(facts_in("Sleep hygiene has not been discussed."), FactKind::kSleepHygiene);
  ASSERT_EQ(no.size(), 1u);
  EXPECT_EQ(no[0].polarity, Polarity::kNegated);
  EXPECT_TRUE(of_kind(facts_in("She sleeps six hours."), FactKind::kSleepHygiene).empty());
}

TEST(ExtractSymptomsTest, GiAndNeuropathyDiagnoses) {
  const struct {
    const char* text;
    const char* subject;
  } rows[] = {
      {"History of a duodenal ulcer in 2010.", "peptic_ulcer"},
      {"He was hospitalized for an upper GI bleed.", "gi_bleed"},
      {"Known GERD on diet control.", "gerd"},
      {"Painful diabetic neuropathy of both feet.", "diabetic_neuropathy"},
      {"Postherpetic neuralgia of the T6 dermatome.", "postherpetic_neuralgia"},
  };
  for (const auto& row : rows) {
    const auto facts = of_kind(facts_in(row.text), FactKind::kDiagnosis);
    const bool found = std::any_of(facts.begin(), facts.end(),
                                   [&](const Fact& f) { return f.subject == row.subject; });
    EXPECT_TRUE(found) << row.text << "\n" << dump(facts);
  }
  // The specific neuropathy codes come with the general one.
  const auto dn = of_kind(facts_in("Painful diabetic neuropathy of both feet."), FactKind::kDiagnosis);
  EXPECT_EQ(std::count_if(dn.begin(), dn.end(), [](const Fact& f) { return f.subject == "neuropathic_pain"; }), 1)
      << dump(dn);
}

}  // namespace
}  // namespace imr::testing_extract
