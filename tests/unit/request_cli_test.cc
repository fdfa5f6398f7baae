// `imr request`: JSON for one request (an object) and several (an array); an unknown drug
// is one line on stderr and exit code 1. Runs the built binary.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>

#include "support/cli.h"

namespace imr {
namespace {

using testing::CliRun;

CliRun run(const std::string& args) {
  return testing::run_imr("--data '" + std::string(IMR_SOURCE_DIR) + "/data' " + args);
}

TEST(RequestCliTest, PrintsOneRequestAsAnObject) {
  const CliRun r = run("request 'Percocet 5/325 one tab every 4 to 6 hours as needed #120'");
  ASSERT_EQ(r.code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["text"], "Percocet 5/325 one tab every 4 to 6 hours as needed #120");
  EXPECT_EQ(j["kind"], "drug");
  EXPECT_EQ(j["drug"]["key"], "oxycodone_apap");
  EXPECT_EQ(j["drug"]["generic"], "oxycodone/acetaminophen");
  EXPECT_EQ(j["drug"]["class"], "opioid");
  EXPECT_EQ(j["drug"]["topic"], "opioids");
  EXPECT_EQ(j["brand"], "Percocet");
  EXPECT_EQ(j["ingredients"], (nlohmann::json{"oxycodone", "acetaminophen"}));
  EXPECT_EQ(j["strengths"], nlohmann::json::parse(
                                R"([{"value":5.0,"unit":"mg"},{"value":325.0,"unit":"mg"}])"));
  EXPECT_EQ(j["dosage_form"], "tablet");
  EXPECT_EQ(j["route"], "oral");
  EXPECT_EQ(j["extended_release"], false);
  EXPECT_EQ(j["quantity"], 120);
  EXPECT_EQ(j["refills"], 0);
  EXPECT_EQ(j["units_per_dose"], nlohmann::json::parse(R"({"min":1.0,"max":1.0})"));
  EXPECT_EQ(j["frequency"]["text"], "every 4 to 6 hours as needed");
  EXPECT_EQ(j["frequency"]["code"], "q4-6h");
  EXPECT_EQ(j["frequency"]["doses_per_day"], nlohmann::json::parse(R"({"min":4.0,"max":6.0})"));
  EXPECT_EQ(j["frequency"]["prn"], true);
  EXPECT_EQ(j["frequency_given"], true);
  EXPECT_TRUE(j["duration_days"].is_null());
  EXPECT_EQ(j["units_per_day"], nlohmann::json::parse(R"({"min":4.0,"max":6.0})"));
  EXPECT_EQ(j["days_supply"], nlohmann::json::parse(R"({"min":20.0,"max":30.0})"));
  EXPECT_EQ(j["mme_per_day"], nlohmann::json::parse(R"({"min":30.0,"max":45.0})"));
  EXPECT_EQ(j["service"], "");
  EXPECT_TRUE(j["visits"].is_null());
  EXPECT_EQ(j["notes"], nlohmann::json::array());
}

TEST(RequestCliTest, PrintsSeveralRequestsAsAnArray) {
  const CliRun r = run("request 'Valium 5mg #30' 'Aquatic therapy 2x6'");
  ASSERT_EQ(r.code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["drug"]["key"], "diazepam");
  EXPECT_TRUE(j[0]["frequency"].is_null());
  EXPECT_EQ(j[0]["frequency_given"], false);
  EXPECT_EQ(j[0]["notes"], nlohmann::json{"frequency not stated"});
  EXPECT_EQ(j[1]["kind"], "service");
  EXPECT_TRUE(j[1]["drug"].is_null());
  EXPECT_EQ(j[1]["service"], "aquatic therapy");
  EXPECT_EQ(j[1]["per_week"], 2.0);
  EXPECT_EQ(j[1]["weeks"], 6);
  EXPECT_EQ(j[1]["visits"], 12);
}

TEST(RequestCliTest, UnknownDrugIsAnErrorOnOneLine) {
  const CliRun r = run("request 'Zorblax 10mg #30'");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "imr: unknown drug 'Zorblax' in request 'Zorblax 10mg #30'\n");
}

TEST(RequestCliTest, NoTextIsAUsageError) {
  const CliRun r = run("request");
  EXPECT_EQ(r.code, 2) << r.err;
}

}  // namespace
}  // namespace imr
