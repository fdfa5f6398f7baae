// Rule packs load and validate: the bundled set loads; each kind of mistake a clinician
// editing a pack can make stops loading with the file, the line and the problem — an
// unknown measure, key, code or citation, a value of the wrong type, wording that uses a
// placeholder its measure does not fill.
#include "assess/rule_pack.h"

#include <gtest/gtest.h>

#include <string>

#include "core/error.h"
#include "intake/request.h"
#include "support/knowledge.h"

namespace imr {
namespace {

using imr::testing::bundled_knowledge;

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
    "    met: Met for {drug}, {value}.\n"                     // 17
    "    not_met: Not met.\n"                                 // 18
    "    not_documented: Not documented ({detail}).\n"        // 19
    "    to_change: Change.\n";                               // 20

std::string with_line(int line, const std::string& replacement, const std::string& pack = kPack) {
  std::string out;
  int n = 0;
  size_t start = 0;
  while (start < pack.size()) {
    const size_t end = pack.find('\n', start);
    ++n;
    out += n == line ? replacement : pack.substr(start, end - start);
    out += '\n';
    start = end + 1;
  }
  return out;
}

// The pack with its criterion measuring a fact instead (line 14, the threshold, goes).
std::string with_fact_measure(const std::string& args) {
  return with_line(13, "    measure: fact_present\n    args: " + args, with_line(14, ""));
}

RulePack parse(const std::string& yaml) {
  const auto k = bundled_knowledge();
  return RuleSet::parse_pack(yaml, "pack.yaml", k->vocabulary, k->phrases);
}

std::string load_error(const std::string& yaml) {
  try {
    parse(yaml);
  } catch (const DataError& e) {
    return e.what();
  }
  return "(loaded)";
}

TEST(RulePackTest, ValidPackLoads) {
  const RulePack p = parse(kPack);
  EXPECT_EQ(p.id, "test.pack");
  ASSERT_EQ(p.criteria.size(), 1u);
  EXPECT_EQ(p.criteria[0].args.days("max"), 28);
  EXPECT_EQ(p.criteria[0].role, Role::kIndication);
  EXPECT_EQ(p.criteria[0].group, "k");  // an indication with no group is its own
  EXPECT_TRUE(p.criteria[0].decisive());
  EXPECT_EQ(p.criteria[0].line, 11);
}

TEST(RulePackTest, ArgumentsAreTypedOnceAtLoad) {
  const RulePack p = parse(with_line(13, "    measure: course_length\n    args: {scope: drug}") );
  EXPECT_EQ(p.criteria[0].args.codes("scope"), std::vector<std::string>{"drug"});
  // A span of time may be written in weeks or months.
  const RulePack weeks = parse(with_line(14, "    max: 4 weeks"));
  EXPECT_EQ(weeks.criteria[0].args.days("max"), 28);
  const RulePack list = parse(with_fact_measure("{kind: exam_finding, subject: [weakness, reflex_change]}"));
  EXPECT_EQ(list.criteria[0].args.codes("subject").size(), 2u);
}

TEST(RulePackTest, BundledPacksLoad) {
  const auto k = bundled_knowledge();
  const RuleSet& set = k->rules;
  EXPECT_GE(set.packs().size(), 40u);
  // The fentanyl pack extends the opioid pack: its own criterion first, then the base's.
  const RulePack* fentanyl = set.by_topic("fentanyl");
  ASSERT_NE(fentanyl, nullptr);
  EXPECT_EQ(fentanyl->criteria.front().id, "fentanyl.opioid_tolerant");
  EXPECT_GT(fentanyl->criteria.size(), 5u);
  const ParsedRequest patch = parse_request("Duragesic 25mcg/hr patch #10", k->drugs, k->services);
  EXPECT_EQ(set.for_request(patch, Date::ymd(2015, 1, 1)), fentanyl);
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
                "args.kind names unknown code 'horoscope' (not in fact_kind)"},
        Mistake{"MissingCitation", 15, "", "pack.yaml:11: missing 'citation'"},
        Mistake{"UnknownCitation", 15, "    citation: elsewhere", "pack.yaml:15: criterion 'k': unknown citation 'elsewhere'"},
        Mistake{"MissingThreshold", 14, "", "pack.yaml:11: criterion 'k': measure 'course_length' needs 'max'"},
        Mistake{"ThresholdNotANumber", 14, "    max: four weeks", "pack.yaml:14: criterion 'k': args.max must be a span of time"},
        Mistake{"ThresholdOutOfRange", 14, "    max: -3", "pack.yaml:14: criterion 'k': args.max must be a span"},
        Mistake{"UnknownPlaceholder", 17, "    met: Met for {patient_name}.",
                "pack.yaml:17: criterion 'k': 'met' uses {patient_name}, which the measure does not fill"},
        Mistake{"UnfilledPlaceholder", 18, "    not_met: Not met ({count}).",
                "pack.yaml:18: criterion 'k': 'not_met' uses {count}, which the measure does not fill when it returns not_met"},
        Mistake{"PlaceholderNotFilledInEveryOutcome", 19, "    not_documented: Not documented ({value}).",
                "'not_documented' uses {value}, which the measure does not fill when it returns not_documented (continuing_start_unknown)"},
        Mistake{"MissingWording", 18, "", "pack.yaml:11: missing 'not_met'"},
        Mistake{"UnknownKey", 16, "    looked_for: L\n    decisve: false", "pack.yaml:17: criterion 'k': unknown key 'decisve'"},
        Mistake{"UnknownArgument", 14, "    max: 28\n    args: {scpoe: drug}",
                "pack.yaml:15: criterion 'k': measure 'course_length' takes no argument 'scpoe'"},
        Mistake{"WrongArgumentType", 13, "    measure: fact_present\n    args: {kind: exam_finding, absent: sometimes}",
                "pack.yaml:14: criterion 'k': args.absent must be true or false"},
        Mistake{"UnknownCode", 13, "    measure: fact_present\n    args: {kind: exam_finding, subject: [weaknes]}",
                "pack.yaml:14: criterion 'k': args.subject names unknown code 'weaknes' (not in exam_finding.subject)"},
        Mistake{"UnknownQualifier", 13, "    measure: fact_present\n    args: {kind: drug_screen, qualifier: [clean]}",
                "args.qualifier names unknown code 'clean' (not in drug_screen.qualifier)"},
        Mistake{"UnknownRole", 16, "    looked_for: L\n    role: decisive", "pack.yaml:17: role must be indication, requirement"},
        Mistake{"GroupOnARequirement", 16, "    looked_for: L\n    role: requirement\n    group: g",
                "criterion 'k': only an indication has a group"},
        Mistake{"UnknownReasonInWhen", 20, "    to_change: Change.\n    when: {sometimes: Words.}",
                "criterion 'k': measure 'course_length' has no outcome 'sometimes'"},
        Mistake{"UnknownAppliesToCode", 6, "applies_to: {drug_classes: [opiod]}",
                "applies_to.drug_classes names unknown code 'opiod' (not in drug_class)"},
        Mistake{"UnknownAppliesToKey", 6, "applies_to: {drug_classes: [opioid], regions: [knee]}",
                "unknown key 'applies_to.regions'"},
        Mistake{"UnknownPackKey", 7, "position: P.\ndecisive: true", "pack.yaml:8: unknown key 'decisive'"},
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
  EXPECT_NE(load_error(yaml).find("a companion pack's criteria must be supporting"), std::string::npos);
}

TEST(RulePackTest, DuplicateCriterionIds) {
  std::string yaml = kPack;
  yaml += "  - id: k\n    title: T\n    measure: request_has\n    args: {field: frequency}\n    citation: c\n"
          "    looked_for: L\n    met: M.\n    not_met: N.\n    not_documented: D.\n    to_change: C.\n";
  EXPECT_NE(load_error(yaml).find("pack.yaml:21: duplicate criterion id 'k'"), std::string::npos) << load_error(yaml);
}

// A placeholder an outcome the pack's arguments rule out does not count against it: a
// fact wanted absent never returns "found" as met.
TEST(RulePackTest, OutcomesRuledOutByArgumentsAreNotChecked) {
  // "met" for absent: true is "denied", which fills {quote}; "found" (which fills it too)
  // is not met then, and "stale" cannot happen.
  std::string yaml = with_fact_measure("{kind: red_flag, absent: true}");
  yaml = with_line(18, "    met: \"Met: {quote}.\"", yaml);
  EXPECT_EQ(load_error(yaml), "(loaded)");
  // Without absent, "met" is "found" — which fills {quote} as well — but "stale" is a
  // not-met outcome that fills {date}: fine in not_met only when every not-met outcome does.
  std::string stale = with_line(19, "    not_met: Not met on {date}.", with_fact_measure("{kind: red_flag}"));
  EXPECT_NE(load_error(stale).find("uses {date}, which the measure does not fill when it returns not_met (denied)"),
            std::string::npos)
      << load_error(stale);
}

}  // namespace
}  // namespace imr
