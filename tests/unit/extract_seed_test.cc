// Smoke test on the real letters' CLINICAL CASE SUMMARY sections (skipped without the
// seeds). Checks the facts a reviewer would rely on, not every fact.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract_test_fixture.h"

namespace imr {
namespace {

using testing_extract::dump;
using testing_extract::facts_in;
using testing_extract::iso;
using testing_extract::of_kind;

std::string seed_summary(const std::string& prefix) {
  namespace fs = std::filesystem;
  for (const auto& e : fs::directory_iterator(IMR_SEEDS_DIR)) {
    if (e.path().filename().string().rfind(prefix, 0) != 0) continue;
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string t = ss.str();
    const size_t a = t.find("CLINICAL CASE SUMMARY");
    const size_t b = t.find("IMR ISSUES");
    if (a == std::string::npos || b == std::string::npos || b < a) return "";
    return t.substr(a, b - a);
  }
  return "";
}

class ExtractSeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(IMR_SEEDS_DIR)) GTEST_SKIP() << "no seeds at " << IMR_SEEDS_DIR;
  }
};

const Fact* find(const std::vector<Fact>& facts, FactKind kind, const std::string& subject,
                 const std::string& qualifier = "") {
  for (const auto& f : facts)
    if (f.kind == kind && f.subject == subject && (qualifier.empty() || f.qualifier == qualifier))
      return &f;
  return nullptr;
}

TEST_F(ExtractSeedTest, Letter000) {
  const auto facts = facts_in(seed_summary("000_"));
  ASSERT_FALSE(facts.empty());
  const auto scores = of_kind(facts, FactKind::kPainScore);
  ASSERT_EQ(scores.size(), 2u) << dump(facts);
  EXPECT_EQ(iso(scores[0].date), "2014-05-30");
  EXPECT_EQ(iso(scores[1].date), "2014-08-29");
  EXPECT_TRUE(find(facts, FactKind::kDiagnosis, "radiculopathy"));
  EXPECT_TRUE(find(facts, FactKind::kDiagnosis, "anxiety_disorder"));
  const Fact* xanax = find(facts, FactKind::kMedicationUse, "alprazolam", "current");
  ASSERT_TRUE(xanax) << dump(facts);
}

TEST_F(ExtractSeedTest, Letter002) {
  const auto facts = facts_in(seed_summary("002_"));
  const auto meds = of_kind(facts, FactKind::kMedicationUse);
  const Fact* valium = nullptr;
  const Fact* norco = nullptr;
  for (const auto& f : meds) {
    if (f.subject == "diazepam" && f.since && !valium) valium = &f;
    if (f.subject == "hydrocodone_apap" && f.since && !norco) norco = &f;
  }
  ASSERT_TRUE(valium && norco) << dump(facts);
  EXPECT_EQ(iso(valium->since), "2015-04");
  EXPECT_EQ(iso(norco->since), "2012-09");
  EXPECT_EQ(valium->value, 1.0);
  EXPECT_EQ(iso(valium->date), "2015-08-24");
  const auto ur = of_kind(facts, FactKind::kUrAction);
  ASSERT_EQ(ur.size(), 2u) << dump(facts);
  EXPECT_EQ(ur[0].value, 23.0);
  EXPECT_EQ(ur[1].value, 120.0);
  EXPECT_EQ(iso(ur[0].date), "2015-09-03");
  // Eight therapies and the medications the treatment-to-date list names.
  EXPECT_EQ(of_kind(facts, FactKind::kPriorTrial).size(), 9u) << dump(facts);
  const Fact* surgery = find(facts, FactKind::kSurgery, "lumbar spine surgery");
  ASSERT_TRUE(surgery) << dump(facts);
  EXPECT_EQ(iso(surgery->date), "2012-05-29");
  EXPECT_TRUE(find(facts, FactKind::kDiagnosis, "failed_back_surgery"));
}

TEST_F(ExtractSeedTest, Letter003) {
  const auto facts = facts_in(seed_summary("003_"));
  const Fact* butrans = find(facts, FactKind::kPriorTrial, "buprenorphine_patch", "helped");
  EXPECT_TRUE(butrans) << dump(facts);
  const auto ur = of_kind(facts, FactKind::kUrAction);
  ASSERT_EQ(ur.size(), 2u) << dump(facts);
  EXPECT_EQ(ur[0].qualifier, "denied");
  EXPECT_EQ(ur[1].subject, "clonazepam");
  EXPECT_EQ(iso(ur[1].date), "2014-02-04");
  const Fact* score = find(facts, FactKind::kPainScore, "pain");
  ASSERT_TRUE(score);
  EXPECT_EQ(score->value, 4.0);
  EXPECT_EQ(score->value_max, 5.0);
  EXPECT_EQ(iso(score->date), "2014-01-06");
  EXPECT_TRUE(find(facts, FactKind::kSurgery, "hardware removal at l3-4", "planned"));
  EXPECT_TRUE(find(facts, FactKind::kDiagnosis, "bipolar_disorder"));
}

TEST_F(ExtractSeedTest, Letter004) {
  const auto facts = facts_in(seed_summary("004_"));
  const Fact* se = find(facts, FactKind::kSideEffects, "side_effects");
  ASSERT_TRUE(se) << dump(facts);
  EXPECT_EQ(se->polarity, Polarity::kNegated);
  const auto deps = of_kind(facts, FactKind::kDependence);
  const Fact* dep = deps.empty() ? nullptr : &deps.back();
  ASSERT_TRUE(dep) << dump(facts);
  EXPECT_EQ(dep->polarity, Polarity::kAffirmed);
  const Fact* fn = find(facts, FactKind::kFunctionalImprovement, "adl", "asserted");
  EXPECT_TRUE(fn) << dump(facts);
  const auto surgeries = of_kind(facts, FactKind::kSurgery);
  const Fact* surgery = surgeries.empty() ? nullptr : &surgeries.back();
  ASSERT_TRUE(surgery);
  EXPECT_EQ(iso(surgery->date), "2009-12-17");
  EXPECT_TRUE(find(facts, FactKind::kMedicationUse, "carisoprodol", "current"));
}

}  // namespace
}  // namespace imr
