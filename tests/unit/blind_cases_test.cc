// Blind cases: team-written record sets (tests/fixtures/blind/*.json) that the engine was not
// tuned on, each decided first by a physician reviewer from the guideline criteria. Every
// file carries an extra top-level "expected" list — {request, decision, deciding} — that the
// case reader ignores. The engine must draft the same decision for every item and, for an
// uphold with a named deciding criterion, find that criterion decisive and not met / not
// documented.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "decide/engine.h"
#include "intake/case_loader.h"
#include "support/knowledge.h"

namespace imr {
namespace {

namespace fs = std::filesystem;
using testing::bundled_knowledge;
using testing::find_criterion;

std::vector<fs::path> blind_files() {
  std::vector<fs::path> out;
  const fs::path dir = fs::path(IMR_FIXTURES_DIR) / "blind";
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

nlohmann::json read_json(const fs::path& p) {
  std::ifstream in(p);
  return nlohmann::json::parse(in);
}

const Determination* find_item(const Review& r, const std::string& request) {
  for (const auto& d : r.items)
    if (d.request == request) return &d;
  return nullptr;
}

TEST(BlindCasesTest, SixteenFilesEachWithAnExpectationPerRequest) {
  const auto files = blind_files();
  ASSERT_EQ(files.size(), 16u);
  for (const auto& f : files) {
    SCOPED_TRACE(f.filename().string());
    const auto j = read_json(f);
    ASSERT_TRUE(j.contains("expected") && j["expected"].is_array());
    ASSERT_EQ(j["expected"].size(), j["requests"].size());
    for (const auto& e : j["expected"]) {
      const std::string request = e.at("request").get<std::string>();
      EXPECT_NE(std::find(j["requests"].begin(), j["requests"].end(), request),
                j["requests"].end())
          << request;
      const std::string decision = e.at("decision").get<std::string>();
      EXPECT_TRUE(decision == "upheld" || decision == "overturned") << decision;
      // An overturn has no deciding criterion; an uphold names one.
      EXPECT_EQ(e.at("deciding").is_null(), decision == "overturned") << request;
    }
  }
}

TEST(BlindCasesTest, EngineAgreesWithTheReviewerOnEveryItem) {
  const auto files = blind_files();
  ASSERT_FALSE(files.empty());
  const Engine engine(bundled_knowledge());
  int items = 0;
  for (const auto& f : files) {
    SCOPED_TRACE(f.filename().string());
    const auto j = read_json(f);
    // The case reader ignores the extra "expected" key.
    const Case c = load_case_file(f.string());
    const Review review = engine.review(c);
    ASSERT_EQ(review.items.size(), j["expected"].size());
    for (const auto& e : j["expected"]) {
      const std::string request = e.at("request").get<std::string>();
      SCOPED_TRACE(request);
      const Determination* d = find_item(review, request);
      ASSERT_NE(d, nullptr);
      ASSERT_FALSE(d->no_rule);
      ASSERT_TRUE(d->decision.has_value());
      EXPECT_STREQ(to_string(*d->decision), e.at("decision").get<std::string>().c_str());
      ++items;
      if (*d->decision == Decision::kOverturned) {
        std::string why;
        EXPECT_TRUE(imr::testing::policy_supports(d->criteria, &why)) << why;
        continue;
      }
      if (e.at("deciding").is_null()) continue;
      const std::string id = e.at("deciding").get<std::string>();
      const CriterionResult* cr = find_criterion(*d, id);
      ASSERT_NE(cr, nullptr) << id;
      EXPECT_TRUE(cr->decisive) << id;
      EXPECT_TRUE(cr->decided) << id;
      EXPECT_NE(cr->state, CriterionState::kMet) << id << ": " << cr->statement;
      // The uphold's rationale says what the deciding criterion lacked.
      EXPECT_FALSE(cr->to_change.empty()) << id;
    }
  }
  EXPECT_EQ(items, 20);
}

}  // namespace
}  // namespace imr
