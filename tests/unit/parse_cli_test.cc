// `imr parse` end to end: runs the built binary on fixtures and checks stdout, stderr and
// the exit code.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/cli.h"

namespace {

using imr::testing::CliRun;

// `imr parse ARGS`.
CliRun run_imr(const std::string& args) { return imr::testing::run_imr("parse " + args); }

std::string fixture(const std::string& name) { return std::string(IMR_FIXTURES_DIR) + "/letters/" + name; }

std::string scratch(const std::string& name, const std::string& bytes) {
  return imr::testing::scratch_file(name, bytes);
}

TEST(ParseCliTest, GoodLetterPrintsJson) {
  const std::string path = fixture("modern_block_overturned.txt");
  const CliRun r = run_imr("'" + path + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["file"], path);
  EXPECT_EQ(j["layout"], "final-determination");
  EXPECT_EQ(j["reviewer"]["licensure"], nlohmann::json({"Oregon", "Nevada", "California"}));
  EXPECT_EQ(j["reviewer"]["certifications"], nlohmann::json({"Internal Medicine", "Pain Medicine"}));
  EXPECT_EQ(j["reviewer"]["subspecialties"], nlohmann::json::array());
  EXPECT_EQ(j["claimant"]["age"], 41);
  EXPECT_EQ(j["claimant"]["sex"], "female");
  EXPECT_EQ(j["date_of_injury"], "2012-03-14");
  EXPECT_EQ(j["diagnoses"].size(), 3u);
  EXPECT_EQ(j["case_summary"].get<std::string>().rfind("The claimant is a 41-year-old", 0), 0u);
  ASSERT_EQ(j["items"].size(), 2u);
  const auto& item = j["items"][0];
  EXPECT_EQ(item["request"], "Meloxicam 15mg daily #30");
  EXPECT_EQ(item["decision"], "overturned");
  EXPECT_EQ(j["items"][1]["decision"], "upheld");
  ASSERT_EQ(item["claims_administrator_citations"].size(), 1u);
  const auto& c = item["claims_administrator_citations"][0];
  EXPECT_EQ(c["source"], "MTUS Chronic Pain Medical Treatment Guidelines");
  EXPECT_EQ(c["section"], "NSAIDs (non-steroidal anti-inflammatory drugs)");
  EXPECT_EQ(c["pages"], "67-68");
  EXPECT_EQ(c["text"], "MTUS Chronic Pain Treatment Guidelines NSAIDs (non-steroidal anti-inflammatory drugs) Page(s): 67-68.");
  EXPECT_EQ(item["reviewer_citations"].size(), 1u);
  EXPECT_EQ(item["rationale"].get<std::string>().rfind("An anti-inflammatory", 0), 0u);
}

TEST(ParseCliTest, MissingValuesAreNullAndEmpty) {
  const std::string path = scratch("bare.txt",
      "HOW THE IMR FINAL DETERMINATION WAS MADE\nCLINICAL CASE SUMMARY\nThe worker hurt a knee.\n"
      "IMR ISSUES, DECISIONS AND RATIONALES\nKnee brace: Upheld\nDecision rationale: Not needed.\n");
  const CliRun r = run_imr("'" + path + "'");
  std::filesystem::remove(path);
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["claimant"]["age"].is_null());
  EXPECT_EQ(j["claimant"]["sex"], "");
  EXPECT_TRUE(j["date_of_injury"].is_null());
  EXPECT_EQ(j["diagnoses"], nlohmann::json::array());
}

TEST(ParseCliTest, TextFormat) {
  const CliRun r = run_imr("--format text '" + fixture("modern_sentence_multi.txt") + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("[final-determination]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Claimant: age 62, sex male, injured 2009-04-19"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Items: 4"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2. LORAZEPAM 0.5 MG #60, WITH TWO REFILLS: upheld"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3. Physical therapy 2x4 weeks for the lumbar spine: overturned"), std::string::npos);
}

TEST(ParseCliTest, SeveralFilesPrintAnArray) {
  const CliRun r = run_imr("'" + fixture("mpr_question.txt") + "' '" + fixture("notice_two_items.txt") + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["layout"], "medical-professional-review");
  EXPECT_EQ(j[1]["layout"], "notice-of-determination");
}

void expect_failure(const CliRun& r, const std::string& line) {
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "imr: " + line + "\n");
}

TEST(ParseCliTest, EmptyFile) {
  const std::string path = scratch("empty.txt", "");
  const CliRun r = run_imr("'" + path + "'");
  std::filesystem::remove(path);
  expect_failure(r, path + ": file is empty");
}

TEST(ParseCliTest, BinaryFile) {
  const std::string path = scratch("binary.bin", std::string("\x7f" "ELF\0\0\0\x01\x02\x03", 10));
  const CliRun r = run_imr("'" + path + "'");
  std::filesystem::remove(path);
  expect_failure(r, path + ": binary file: neither text nor PDF");
}

TEST(ParseCliTest, PdfWithoutText) {
  const std::string path = fixture("no_text.pdf");
  expect_failure(run_imr("'" + path + "'"), path + ": PDF has no text layer (a scanned image?); run OCR first");
}

TEST(ParseCliTest, PdfWithText) {
  const CliRun r = run_imr("'" + fixture("modern_block_overturned.pdf") + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["items"].size(), 2u);
}

TEST(ParseCliTest, NonexistentFile) {
  const std::string path = fixture("does_not_exist.txt");
  const CliRun r = run_imr("'" + path + "'");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  // One line naming the file (read_file words the reason).
  EXPECT_EQ(r.err.rfind("imr: " + path + ": ", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
}

TEST(ParseCliTest, LetterWithoutItems) {
  const std::string path = fixture("no_items.txt");
  expect_failure(run_imr("'" + path + "'"),
                 path + ": no disputed items found (no 'IMR ISSUES, DECISIONS AND RATIONALES' section)");
}

TEST(ParseCliTest, GoodFilesStillPrintWhenOneFails) {
  const std::string bad = fixture("no_items.txt");
  const CliRun r = run_imr("'" + fixture("mpr_question.txt") + "' '" + bad + "'");
  EXPECT_EQ(r.code, 1);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["layout"], "medical-professional-review");
  EXPECT_EQ(r.err, "imr: " + bad + ": no disputed items found (no 'IMR ISSUES, DECISIONS AND RATIONALES' section)\n");
}

TEST(ParseCliTest, UnknownFormatIsUsageError) {
  const CliRun r = run_imr("--format xml '" + fixture("mpr_question.txt") + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
}

}  // namespace
