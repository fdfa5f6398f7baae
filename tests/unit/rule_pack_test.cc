// Rule packs load and validate: the bundled set loads; each kind of mistake a clinician
// editing a pack can make stops loading with the file, the line and the problem.
#include "assess/rule_pack.h"

#include <gtest/gtest.h>

#include <string>

#include "core/error.h"

namespace imr {
namespace {

// A valid pack; tests replace one line to make one mistake.
const std::string kPack =
    "id: test.pack\n"                                         // 1
    "topic: test\n"                                           // 2
    "title: Test\n"                                           // 3
    "version: '1'\n"                                          // 4
    "effective_from: 2009-07-18\n"                            // 5
    "applies_to: {drug_classes: [opioid]}\n"                  // 6
    "position: A position in our words.\n"                    // 7
    "citations:\n"                                            // 8
    "  - {id: c, family: MTUS, document: D, section: S, pages: '1'}\n"  // 9
    "criteria:\n"                                             // 10
    "  - id: k\n"                                             // 11
    "    title: T\n"                                          // 12
    "    measure: course_length\n"                            // 13
    "    max: 28\n"                                           // 14
    "    citation: c\n"                                       // 15
    "    looked_for: L\n"                                     // 16
    "    met: Met for {drug}.\n"                              // 17
    "    not_met: Not met.\n"                                 // 18
    "    not_documented: Not documented.\n"                   // 19
    "    to_change: Change.\n";                               // 20

std::string with_line(int line, const std::string& replacement) {
  std::string out;
  int n = 0;
  size_t start = 0;
  while (start < kPack.size()) {
    const size_t end = kPack.find('\n', start);
    ++n;
    out += n == line ? replacement : kPack.substr(start, end - start);
    out += '\n';
    start = end + 1;
  }
  return out;
}

std::string load_error(const std::string& yaml) {
  try {
    RuleSet::parse_pack(yaml, "pack.yaml");
  } catch (const DataError& e) {
    return e.what();
  }
  return "(loaded)";
}

TEST(RulePackTest, ValidPackLoads) {
  const RulePack p = RuleSet::parse_pack(kPack, "pack.yaml");
  EXPECT_EQ(p.id, "test.pack");
  ASSERT_EQ(p.criteria.size(), 1u);
  EXPECT_EQ(*p.criteria[0].max, 28);
  EXPECT_TRUE(p.criteria[0].decisive);
  EXPECT_EQ(p.criteria[0].line, 11);
}

TEST(RulePackTest, BundledPacksLoad) {
  const RuleSet set = RuleSet::load(std::string(IMR_SOURCE_DIR) + "/data/rules");
  EXPECT_GE(set.packs().size(), 40u);
  EXPECT_EQ(set.version(), "2026.11.1");
  // The fentanyl pack extends the opioid pack: its own criterion first, then the base's.
  const RulePack* fentanyl = set.by_topic("fentanyl");
  ASSERT_NE(fentanyl, nullptr);
  EXPECT_EQ(fentanyl->criteria.front().id, "fentanyl.opioid_tolerant");
  EXPECT_GT(fentanyl->criteria.size(), 5u);
  EXPECT_EQ(set.for_drug("fentanyl_patch", "fentanyl", "opioid", Date::ymd(2015, 1, 1)), fentanyl);
}

struct Mistake {
  const char* name;
  int line;
  std::string replacement;
  const char* message;
};

class RulePackMistakeTest : public ::testing::TestWithParam<Mistake> {};

TEST_P(RulePackMistakeTest, NamesFileLineAndProblem) {
  const Mistake& m = GetParam();
  const std::string err = load_error(with_line(m.line, m.replacement));
  EXPECT_NE(err.find(m.message), std::string::npos) << err;
  EXPECT_EQ(err.rfind("pack.yaml:", 0), 0u) << err;
}

INSTANTIATE_TEST_SUITE_P(
    Each, RulePackMistakeTest,
    ::testing::Values(
        Mistake{"UnknownMeasure", 13, "    measure: pain_vibes", "pack.yaml:13: criterion 'k': unknown fact measure 'pain_vibes'"},
        Mistake{"UnknownFactKind", 13, "    measure: fact_present\n    args: {kind: horoscope}",
                "criterion 'k': unknown fact kind 'horoscope'"},
        Mistake{"MissingCitation", 15, "", "pack.yaml:11: missing 'citation'"},
        Mistake{"UnknownCitation", 15, "    citation: elsewhere", "pack.yaml:15: criterion 'k': unknown citation 'elsewhere'"},
        Mistake{"MissingThreshold", 14, "", "pack.yaml:11: criterion 'k': measure 'course_length' needs 'max'"},
        Mistake{"ThresholdNotANumber", 14, "    max: four weeks", "pack.yaml:14: 'max' must be a number"},
        Mistake{"ThresholdOutOfRange", 14, "    max: -3", "criterion 'k': threshold out of range"},
        Mistake{"UnknownPlaceholder", 17, "    met: Met for {patient_name}.", "pack.yaml:17: unknown placeholder {patient_name}"},
        Mistake{"MissingWording", 18, "", "pack.yaml:11: missing 'not_met'"},
        Mistake{"BadDate", 5, "effective_from: someday", "pack.yaml:5: 'effective_from' must be a date"},
        Mistake{"UnknownFamily", 9, "  - {id: c, family: WEBMD, document: D, section: S, pages: '1'}",
                "pack.yaml:9: citation family must be MTUS, ODG or ACOEM"},
        Mistake{"MtusWithoutPages", 9, "  - {id: c, family: MTUS, document: D, section: S}", "pack.yaml:9: missing 'pages'"},
        Mistake{"AppliesToNothing", 6, "applies_to: {drug_classes: []}", "pack.yaml:6: 'applies_to' names no"},
        Mistake{"UnknownBasePack", 1, "id: test.pack\nextends: nowhere.pack", "pack.yaml:2: extends unknown pack 'nowhere.pack'"},
        Mistake{"BadPhase", 16, "    looked_for: L\n    phase: sometimes", "pack.yaml:17: phase must be any, initiating or ongoing"},
        Mistake{"NotYaml", 7, "position: [unclosed", "pack.yaml:"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(RulePackTest, CompanionCriteriaMustNotDecide) {
  const std::string yaml = with_line(7, "position: P.\ncompanion: true");
  EXPECT_NE(load_error(yaml).find("a companion pack's criteria must be decisive: false"), std::string::npos);
}

TEST(RulePackTest, DuplicateCriterionIds) {
  std::string yaml = kPack;
  yaml += "  - id: k\n    title: T\n    measure: frequency_stated\n    citation: c\n    looked_for: L\n"
          "    met: M.\n    not_met: N.\n    not_documented: D.\n    to_change: C.\n";
  EXPECT_NE(load_error(yaml).find("pack.yaml:21: duplicate criterion id 'k'"), std::string::npos) << load_error(yaml);
}

}  // namespace
}  // namespace imr
