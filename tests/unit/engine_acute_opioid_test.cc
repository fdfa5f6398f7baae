// Opioids in the acute phase (MTUS Opioid Treatment Guidelines 2016, acute pain): within 90
// days of the injury an opioid request is judged by the acute-pain pack, both ways (a severe
// injury documented or not), later by the chronic pack; a post-operative request keeps its
// own pack; a remainder of a supply UR certified waits for that supply's review; and the
// loader checks applies_to.injury_within_days.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "decide/engine.h"
#include "support/knowledge.h"
#include "support/cli.h"

namespace imr {
namespace {

using testing::bundled_knowledge;

const Date kInjury = Date::ymd(2016, 11, 2);

Determination review(const std::string& request, const std::string& record, Date date,
                     std::optional<UrDecision> ur = std::nullopt) {
  Case c;
  c.date_of_injury = kInjury;
  c.records.push_back(Record{date, "Emergency and orthopedic follow-up", record});
  c.requests.push_back(request);
  c.ur = std::move(ur);
  const Engine engine(bundled_knowledge());
  return engine.review(c).items.at(0);
}

const CriterionResult& criterion(const Determination& d, const std::string& id) {
  for (const auto& c : d.criteria)
    if (c.id == id) return c;
  ADD_FAILURE() << "no criterion " << id << " in " << d.pack_id;
  static const CriterionResult none;
  return none;
}

const char* kSevere =
    "He fell from a scaffold and sustained fractures of the left 7th through 9th ribs and an L1 "
    "compression fracture. Pain is 9/10 despite hydrocodone every four hours.";
const char* kSprain =
    "He strained his low back lifting a box. Pain is 6/10. Exam shows paraspinal tenderness; "
    "neurological exam intact.";

TEST(EngineAcuteOpioidTest, ASevereInjuryWithinThreeMonthsIsJudgedByTheAcutePainCriteria) {
  const Determination d = review("Oxycodone ER 10mg #60", kSevere, Date::ymd(2016, 11, 30));
  EXPECT_EQ(d.pack_id, "mtus2016.opioids_acute");
  ASSERT_TRUE(d.decision);
  EXPECT_EQ(*d.decision, Decision::kOverturned) << d.rationale;
  EXPECT_EQ(criterion(d, "opioids_acute.severe_injury").state, CriterionState::kMet);
}

TEST(EngineAcuteOpioidTest, WithoutASevereInjuryTheAcuteRequestIsUpheldAndSaysWhy) {
  const Determination d = review("Oxycodone ER 10mg #60", kSprain, Date::ymd(2016, 11, 30));
  EXPECT_EQ(d.pack_id, "mtus2016.opioids_acute");
  ASSERT_TRUE(d.decision);
  EXPECT_EQ(*d.decision, Decision::kUpheld);
  const auto& c = criterion(d, "opioids_acute.severe_injury");
  EXPECT_EQ(c.state, CriterionState::kNotDocumented);
  EXPECT_TRUE(c.decided);
}

TEST(EngineAcuteOpioidTest, AfterThreeMonthsTheChronicPackApplies) {
  const Determination d = review("Oxycodone ER 10mg #60", kSevere, Date::ymd(2017, 3, 15));
  EXPECT_NE(d.pack_id, "mtus2016.opioids_acute");
  EXPECT_EQ(d.topic, "opioids");
}

TEST(EngineAcuteOpioidTest, APostOperativeRequestKeepsItsOwnPack) {
  const Determination d = review("Post-op Norco 5/325mg #30", kSevere, Date::ymd(2016, 11, 30));
  EXPECT_EQ(d.topic, "postop_opioids");
}

TEST(EngineAcuteOpioidTest, TheRemainderOfACertifiedSupplyWaitsForItsReview) {
  UrDecision ur;
  ur.date = Date::ymd(2016, 11, 30);
  ur.items.push_back(UrItem{"Oxycodone ER 10mg #60", "modified", "Oxycodone ER 10mg #20", "", std::nullopt});
  const Determination d = review("Oxycodone ER 10mg #40", kSevere, Date::ymd(2016, 11, 30), ur);
  ASSERT_TRUE(d.decision);
  EXPECT_EQ(*d.decision, Decision::kUpheld) << d.rationale;
  EXPECT_EQ(criterion(d, "opioids_acute.certified_supply_reviewed").state, CriterionState::kNotMet);
}

TEST(EngineAcuteOpioidTest, InjuryWithinDaysMustBeAPositiveWholeNumber) {
  namespace fs = std::filesystem;
  const fs::path data = testing::scratch_dir() / "data";
  fs::copy(std::string(IMR_SOURCE_DIR) + "/data", data, fs::copy_options::recursive);
  const fs::path pack = data / "rules" / "mtus2016" / "opioids_acute.yaml";
  std::ifstream in(pack);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  in.close();
  const auto at = text.find("injury_within_days: 90");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 22, "injury_within_days: soon");
  std::ofstream(pack) << text;
  try {
    load_knowledge(data.string());
    FAIL() << "a bad injury_within_days was accepted";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("opioids_acute.yaml"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("injury_within_days"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace imr
