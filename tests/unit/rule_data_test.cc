// A topic added from data alone: a new service in the service table, a new finding in the
// lexicon and a new rule pack — no C++ — and the engine drafts it, both ways, with the
// finding's sentence as evidence. The data directory is a copy of the bundled one.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "decide/engine.h"
#include "support/cli.h"

namespace imr {
namespace {

namespace fs = std::filesystem;

const char* kPack = R"(id: test.hyperbaric
topic: hyperbaric_oxygen
title: Hyperbaric oxygen therapy
version: "1.0"
effective_from: 2009-07-18
applies_to:
  services: [hyperbaric_oxygen]
position: Our words - hyperbaric oxygen is kept for wounds that have not healed with standard care.
citations:
  - {id: odg_hbo, family: ODG, document: Official Disability Guidelines (ODG), section: "Hyperbaric oxygen", pages: ""}
criteria:
  - id: hbo.non_healing
    title: A wound that has not healed
    measure: fact_present
    args: {kind: exam_finding, subject: [non_healing_wound]}
    citation: odg_hbo
    looked_for: a wound that has not healed with standard care
    met: "The record documents a wound that has not healed: {quote}"
    not_met: "The wound is documented as healed: {quote}"
    not_documented: No non-healing wound is documented.
    to_change: Documentation of a wound that has not healed with standard care.
  - id: hbo.sessions
    title: No more than 30 sessions
    measure: request_number
    args: {field: visits}
    max: 30
    role: requirement
    citation: odg_hbo
    looked_for: the number of sessions requested
    met: "{detail}."
    not_met: "{detail}, more than the guideline supports."
    not_documented: The request does not say how many sessions.
    to_change: A request of 30 sessions or fewer.
)";

const char* kLexicon = R"(version: "t"
entries:
  - kind: exam_finding
    subject: non_healing_wound
    description: a wound that has not healed
    patterns: ['non[- ]?healing (?:wound|ulcer)', '(?:wound|ulcer) (?:has )?(?:not|failed to) heal\w*']
)";

TEST(RuleDataTest, ANewTopicFromDataAlone) {
  const fs::path data = testing::scratch_dir() / "data";
  fs::copy(std::string(IMR_SOURCE_DIR) + "/data", data, fs::copy_options::recursive);
  std::ofstream(data / "rules" / "test_hyperbaric.yaml") << kPack;
  std::ofstream(data / "lexicon" / "test_wounds.yaml") << kLexicon;
  // The service goes into the service table's list.
  std::string services;
  {
    std::ifstream in(data / "services.yaml");
    services.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::string entry =
      "  - name: hyperbaric oxygen therapy\n    synonyms: [hyperbaric oxygen, HBOT, hyperbaric oxygen therapy]\n"
      "    topic: hyperbaric_oxygen\n";
  services.insert(services.find("services:\n") + std::string("services:\n").size(), entry);
  std::ofstream(data / "services.yaml") << services;

  const Engine engine(load_knowledge(data.string()));
  auto draft = [&](const std::string& record, const std::string& request) {
    Case c;
    c.records.push_back(Record{Date::ymd(2016, 3, 1), "Progress note", record});
    c.requests.push_back(request);
    return engine.review(c).items.at(0);
  };
  const Determination yes =
      draft("A diabetic foot ulcer has failed to heal after 12 weeks of wound care.", "Hyperbaric oxygen 20 sessions");
  EXPECT_EQ(yes.topic, "hyperbaric_oxygen");
  ASSERT_TRUE(yes.decision);
  EXPECT_EQ(*yes.decision, Decision::kOverturned) << yes.rationale;
  ASSERT_FALSE(yes.criteria.empty());
  EXPECT_EQ(yes.criteria[0].evidence.at(0).text, "A diabetic foot ulcer has failed to heal after 12 weeks of wound care.");

  const Determination too_many = draft("The non-healing wound persists.", "Hyperbaric oxygen 40 sessions");
  ASSERT_TRUE(too_many.decision);
  EXPECT_EQ(*too_many.decision, Decision::kUpheld);
  EXPECT_NE(too_many.rationale.find("40 requested, more than 30"), std::string::npos) << too_many.rationale;

  const Determination none = draft("The wound is clean.", "Hyperbaric oxygen 10 sessions");
  ASSERT_TRUE(none.decision);
  EXPECT_EQ(*none.decision, Decision::kUpheld);
  EXPECT_NE(none.rationale.find("No non-healing wound is documented."), std::string::npos) << none.rationale;
}

}  // namespace
}  // namespace imr
