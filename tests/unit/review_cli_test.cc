// `imr review`, `imr eval` and `imr rules` end to end: good runs and every kind of bad
// input, each with one clear line naming the file and the problem, and its exit code.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "support/cli.h"

namespace imr {
namespace {

using testing::quoted;
using testing::run_imr;
using testing::scratch_file;

std::string example(const std::string& name) {
  return std::string(IMR_SOURCE_DIR) + "/examples/cases/" + name;
}

int lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

TEST(ReviewCliTest, JsonOutputHasThePublicFields) {
  const auto r = run_imr("review --format json " + quoted(example("opioid-continued-documented.json")));
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["case_id"], "EX-OPI-001");
  EXPECT_EQ(j["rules_version"], "2026.11.1");
  ASSERT_EQ(j["items"].size(), 1u);
  const auto& item = j["items"][0];
  EXPECT_EQ(item["decision"], "overturned");
  EXPECT_EQ(item["citations"][0]["source"], "MTUS");
  EXPECT_FALSE(item["citations"][0]["pages"].get<std::string>().empty());
  for (const auto& c : item["criteria"]) {
    const std::string state = c["state"];
    EXPECT_TRUE(state == "met" || state == "not_met" || state == "not_documented");
    for (const auto& e : c["evidence"]) {
      EXPECT_TRUE(e.contains("record") && e.contains("start") && e.contains("end") && e.contains("text"));
      EXPECT_LE(e["start"].get<size_t>(), e["end"].get<size_t>());
    }
  }
  EXPECT_TRUE(item["to_change_outcome"].is_array());
}

TEST(ReviewCliTest, TextOutputIsTheLetter) {
  const auto r = run_imr("review " + quoted(example("benzodiazepine-long-term.json")));
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* heading : {"HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY",
                              "IMR ISSUES, DECISIONS AND RATIONALES", "Decision rationale:",
                              ": Upheld"})
    EXPECT_NE(r.out.find(heading), std::string::npos) << heading;
}

TEST(ReviewCliTest, SameInputGivesByteIdenticalOutput) {
  const std::string args = "review --format json --facts " + quoted(example("opioid-continued-undocumented.json"));
  const auto a = run_imr(args), b = run_imr(args);
  ASSERT_EQ(a.code, 0);
  EXPECT_EQ(a.out, b.out);
}

TEST(ReviewCliTest, ReviewerProfileFillsCredentials) {
  const std::string profile = scratch_file(
      "reviewer.json", R"({"licensure": ["California", "Oregon"], "certifications": ["Anesthesiology"], "subspecialties": ["Pain Medicine"]})");
  const auto r = run_imr("review --reviewer " + quoted(profile) + " " + quoted(example("muscle-relaxant-acute-flare.json")));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("State(s) of Licensure: California, Oregon"), std::string::npos);
  EXPECT_NE(r.out.find("Certification(s)/Specialty: Anesthesiology"), std::string::npos);
}

TEST(ReviewCliTest, AcceptsALetterAsTheCase) {
  const auto r = run_imr("review --format json " + quoted(std::string(IMR_FIXTURES_DIR) + "/letters/modern_sentence_multi.txt"));
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_GE(j["items"].size(), 2u);
}

struct BadInput {
  const char* name;
  std::string bytes;
  const char* problem;
};

class ReviewBadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(ReviewBadInputTest, OneLineNamingTheFileAndTheProblem) {
  const BadInput& b = GetParam();
  const std::string path = scratch_file(b.name, b.bytes);
  const auto r = run_imr("review " + quoted(path));
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "") << "nothing printed for a bad case";
  EXPECT_EQ(lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find(path), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(b.problem), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Each, ReviewBadInputTest,
    ::testing::Values(
        BadInput{"empty.json", "", "file is empty"},
        BadInput{"blank.json", "  \n\n ", "file is empty"},
        BadInput{"binary.bin", std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10), "binary file"},
        BadInput{"broken.json", "{\"records\": [ {\"text\": \"x\"} ", "invalid JSON"},
        BadInput{"no_records.json", R"({"requests": ["Norco 10/325mg #60"]})", "records must be a non-empty list"},
        BadInput{"no_text.json", R"({"records": [{"date": "2015-01-02"}], "requests": ["Norco 10/325mg #60"]})", "records[0].text is missing"},
        BadInput{"bad_date.json", R"({"records": [{"date": "someday", "text": "x"}], "requests": ["Norco #60"]})", "records[0].date is not a date"},
        BadInput{"no_requests.json", R"({"records": [{"text": "x"}], "requests": []})", "requests must list at least one"},
        BadInput{"bad_action.json", R"({"records": [{"text": "x"}], "requests": ["Norco #60"], "ur": {"items": [{"request": "Norco #60", "action": "maybe"}]}})", "ur.items[0].action must be"},
        BadInput{"bad_age.json", R"({"claimant": {"age": "old"}, "records": [{"text": "x"}], "requests": ["Norco #60"]})", "claimant.age must be"},
        BadInput{"no_items_letter.txt", testing::read_all(std::string(IMR_FIXTURES_DIR) + "/letters/no_items.txt"), "no disputed items"}),
    [](const auto& info) {
      std::string n = info.param.name;
      for (char& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return n;
    });

TEST(ReviewCliTest, MissingFileIsOneLine) {
  const auto r = run_imr("review /nonexistent/case.json");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("/nonexistent/case.json: cannot open"), std::string::npos) << r.err;
}

TEST(ReviewCliTest, PdfWithoutTextIsRefused) {
  const auto r = run_imr("review " + quoted(std::string(IMR_FIXTURES_DIR) + "/letters/no_text.pdf"));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("no text layer"), std::string::npos) << r.err;
}

TEST(ReviewCliTest, BrokenRulePackStopsStartUpWithFileAndLine) {
  namespace fs = std::filesystem;
  const fs::path data = testing::scratch_dir() / "data";
  fs::create_directories(data / "rules");
  fs::copy_file(std::string(IMR_SOURCE_DIR) + "/data/drugs.yaml", data / "drugs.yaml");
  for (const char* name : {"services.yaml", "body_regions.yaml", "vocabulary.yaml", "measure_phrases.yaml", "wording.yaml"})
    fs::copy_file(std::string(IMR_SOURCE_DIR) + "/data/" + name, data / name);
  fs::copy(std::string(IMR_SOURCE_DIR) + "/data/lexicon", data / "lexicon");
  std::ofstream(data / "rules" / "bad.yaml") << "id: x\ntopic: x\ntitle: X\nversion: '1'\n"
                                                "effective_from: 2009-07-18\napplies_to: {drug_classes: [opioid]}\n"
                                                "position: p\ncitations:\n  - {id: c, family: MTUS, document: d, section: s, pages: '1'}\n"
                                                "criteria:\n  - id: k\n    title: t\n    measure: pain_relief_quantified\n"
                                                "    citation: nowhere\n    looked_for: l\n    met: m\n    not_met: n\n"
                                                "    not_documented: d\n    to_change: c\n";
  const auto r = run_imr("--data " + quoted(data.string()) + " review " + quoted(example("opioid-continued-documented.json")));
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("bad.yaml:14: criterion 'k': unknown citation 'nowhere'"), std::string::npos) << r.err;
}

TEST(EvalCliTest, TableAndJsonOnTeamLetters) {
  const std::string dir = std::string(IMR_SOURCE_DIR) + "/examples/letters";
  const auto text = run_imr("eval " + quoted(dir));
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("agreement"), std::string::npos);
  EXPECT_NE(text.out.find("Cohen's kappa"), std::string::npos);
  EXPECT_NE(text.out.find("overturn recall"), std::string::npos);
  const auto json = run_imr("eval --format json " + quoted(dir));
  ASSERT_EQ(json.code, 0) << json.err;
  const auto j = nlohmann::json::parse(json.out);
  EXPECT_GE(j["totals"]["items"].get<int>(), 2);
  EXPECT_TRUE(j["by_category"].is_object());
  EXPECT_TRUE(j["totals"].contains("overturn_precision"));
  EXPECT_TRUE(j["totals"].contains("coverage"));
  EXPECT_TRUE(j["totals"]["confusion"].is_object());
}

TEST(EvalCliTest, UnreadableLetterIsSkippedAndReported) {
  const auto dir = testing::scratch_dir() / "letters";
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(std::string(IMR_SOURCE_DIR) + "/examples/letters/modern_sentence_multi.txt",
                             dir / "a_good.txt");
  std::filesystem::copy_file(std::string(IMR_FIXTURES_DIR) + "/letters/no_items.txt", dir / "b_bad.txt");
  const auto r = run_imr("eval " + quoted(dir.string()));
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(lines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("b_bad.txt: no disputed items found"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("agreement"), std::string::npos) << "the good letter is still reported";
  EXPECT_NE(r.out.find("skipped 1 unreadable letter"), std::string::npos);
}

TEST(EvalCliTest, EmptyDirectoryIsAnError) {
  const auto dir = testing::scratch_dir() / "empty";
  std::filesystem::create_directories(dir);
  const auto r = run_imr("eval " + quoted(dir.string()));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("no letters"), std::string::npos) << r.err;
}

TEST(RulesCliTest, CoverageTableComesFromTheLoadedPacks) {
  const auto r = run_imr("rules");
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* s : {"| topic | citation | criterion |", "benzodiazepines", "MTUS Benzodiazepines p. 24",
                        "opioids", "combined_mme", "carisoprodol", "weaning"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s;
}

// docs/coverage.md is generated from the packs; it must not drift from them.
TEST(RulesCliTest, DocsCoverageTableMatchesTheLoadedPacks) {
  const auto r = run_imr("rules");
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string doc = testing::read_all(std::string(IMR_SOURCE_DIR) + "/docs/coverage.md");
  const auto at = doc.find("Rule packs, version");
  ASSERT_NE(at, std::string::npos) << "docs/coverage.md missing; run scripts/gen-coverage.sh";
  EXPECT_EQ(doc.substr(at), r.out) << "docs/coverage.md is stale; run scripts/gen-coverage.sh";
}

}  // namespace
}  // namespace imr

namespace imr {
namespace {

// docs/measures.md is generated from the measure contracts; it must not drift from them.
TEST(RulesCliTest, DocsMeasureCatalogMatchesTheContracts) {
  const auto r = run_imr("rules --measures");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("### `fact_present`"), std::string::npos);
  EXPECT_NE(r.out.find("| `kind` | a code or a list of codes | yes | `fact_kind` |"), std::string::npos) << r.out.substr(0, 2000);
  const std::string doc = testing::read_all(std::string(IMR_SOURCE_DIR) + "/docs/measures.md");
  const auto at = doc.find("### `");
  ASSERT_NE(at, std::string::npos) << "docs/measures.md missing; run scripts/gen-coverage.sh";
  EXPECT_EQ(doc.substr(at), r.out) << "docs/measures.md is stale; run scripts/gen-coverage.sh";
}

}  // namespace
}  // namespace imr
