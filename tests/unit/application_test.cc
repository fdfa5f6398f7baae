// Applications: the bundled examples parse; a missing UR decision is not a parse error; bad
// inputs fail with InputError naming the file and the field path; consolidation keys match
// the same worker, physician and date of injury however the names are written.
#include "service/application.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/error.h"
#include "core/file.h"

namespace imr {
namespace {

const std::string kExamples = std::string(IMR_SOURCE_DIR) + "/examples/applications";
const std::string kFixtures = std::string(IMR_FIXTURES_DIR) + "/applications";

Application load(const std::string& path) { return parse_application_json(read_file(path), path); }

std::string error_of(const std::string& name) {
  const std::string path = kFixtures + "/" + name;
  try {
    load(path);
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), path);
    return e.problem();
  }
  return "(no error)";
}

TEST(ApplicationTest, RegularExampleParsesEveryField) {
  const Application a = load(kExamples + "/regular-eligible.json");
  EXPECT_EQ(a.application_id, "IMR-APP-2026-104233");
  EXPECT_EQ(a.received.iso(), "2026-11-09");
  EXPECT_FALSE(a.expedited);
  EXPECT_TRUE(a.signed_);
  EXPECT_EQ(a.signed_by, "worker");
  EXPECT_EQ(a.worker.name, "Rosa M. Delgado");
  EXPECT_EQ(a.worker.date_of_birth->iso(), "1971-04-12");
  EXPECT_EQ(a.claim_number, "WC-7730-41902");
  EXPECT_EQ(a.date_of_injury->iso(), "2023-02-14");
  EXPECT_EQ(a.employer.name, "Valley Orchard Packing Co.");
  EXPECT_EQ(a.claims_administrator.phone, "916-555-0180");
  EXPECT_EQ(a.insurer, "Golden Poppy Mutual Insurance");
  EXPECT_EQ(a.requesting_physician.medical_group, "Central Valley Spine & Pain Medical Group");
  EXPECT_FALSE(a.representative);
  EXPECT_FALSE(a.liability_disputed);
  ASSERT_TRUE(a.ur);
  EXPECT_EQ(a.ur->date->iso(), "2026-10-19");
  EXPECT_EQ(a.ur->served->iso(), "2026-10-19");
  EXPECT_EQ(a.ur->service_method, "mail");
  EXPECT_EQ(a.ur->basis, "medical_necessity");
  ASSERT_EQ(a.ur->items.size(), 1u);
  EXPECT_EQ(a.ur->items[0].action, "modified");
  EXPECT_EQ(a.ur->items[0].certified, "Physical therapy x 6 visits");
  // The canonical dump is JSON of the same content.
  EXPECT_NE(a.json.find("\"application_id\":\"IMR-APP-2026-104233\""), std::string::npos);
}

TEST(ApplicationTest, EveryExampleParses) {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(kExamples)) {
    if (e.path().extension() != ".json") continue;
    ++n;
    EXPECT_NO_THROW(load(e.path().string())) << e.path();
  }
  EXPECT_GE(n, 4);
  const Application rep = load(kExamples + "/represented-two-items.json");
  ASSERT_TRUE(rep.representative);
  EXPECT_EQ(rep.representative->firm, "Chen & Abernathy, Applicants' Attorneys");
  EXPECT_EQ(rep.signed_by, "representative");
  EXPECT_EQ(rep.ur->items.size(), 2u);
  EXPECT_TRUE(load(kExamples + "/expedited.json").expedited);
}

TEST(ApplicationTest, MissingUrDecisionAndOptionalPartsParse) {
  const Application a = load(kFixtures + "/minimal-no-ur.json");
  EXPECT_FALSE(a.ur);
  EXPECT_FALSE(a.signed_);
  EXPECT_FALSE(a.date_of_injury);
  EXPECT_FALSE(a.expedited);
  EXPECT_TRUE(a.claim_number.empty());
}

TEST(ApplicationTest, ErrorsNameTheFieldPath) {
  EXPECT_EQ(error_of("bad-item-action.json"),
            "ur_decision.items[1].action must be \"denied\", \"modified\" or \"delayed\"");
  EXPECT_EQ(error_of("bad-received-date.json"), "received is not a YYYY-MM-DD date: '11/09/2026'");
  EXPECT_EQ(error_of("missing-worker-name.json"), "worker.name is missing");
  EXPECT_EQ(error_of("unknown-field.json"), "unknown field 'ur_decision.servd'");
  EXPECT_EQ(error_of("expedited-not-bool.json"), "expedited must be true or false");
  EXPECT_EQ(error_of("served-before-decision.json"),
            "ur_decision.served (2026-10-12) is before the decision date (2026-10-19)");
  EXPECT_EQ(error_of("bad-service-method.json"),
            "ur_decision.service_method must be \"mail\", \"electronic\" or \"personal\"");
  EXPECT_EQ(error_of("impossible-birth-date.json"),
            "worker.date_of_birth is not a YYYY-MM-DD date: '1971-02-30'");
  EXPECT_EQ(error_of("not-an-object.json"), "the application must be a JSON object");
  EXPECT_EQ(error_of("signed-without-signer.json"),
            "signed_by is missing: say who signed (\"worker\" or \"representative\")");
  EXPECT_EQ(error_of("representative-without-name.json"), "representative.name is missing");
  const std::string invalid = error_of("invalid-json.json");
  EXPECT_EQ(invalid.rfind("invalid JSON: parse error at line 2", 0), 0u) << invalid;
}

TEST(ApplicationTest, WhatIsPrintsFileAndProblem) {
  try {
    parse_application_json("{\"application_id\": 7}", "in.json");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "in.json: application_id must be a string");
  }
}

TEST(ApplicationTest, OversizedInputIsRefused) {
  const std::string big(kMaxApplicationBytes + 1, ' ');
  EXPECT_THROW(parse_application_json(big, "big.json"), InputError);
  const std::string long_name(kMaxApplicationField + 1, 'a');
  const std::string json =
      "{\"application_id\": \"X\", \"received\": \"2026-01-05\", "
      "\"worker\": {\"name\": \"" +
      long_name +
      "\"}, "
      "\"requesting_physician\": {\"name\": \"Dr. A\"}}";
  try {
    parse_application_json(json, "long.json");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.problem(), "worker.name is too long (over 4000 characters)");
  }
}

TEST(ApplicationTest, NormalizesPersonNames) {
  EXPECT_EQ(normalize_person_name("Dr. Jane Q. Smith, M.D."), "jane smith");
  EXPECT_EQ(normalize_person_name("jane smith"), "jane smith");
  EXPECT_EQ(normalize_person_name("  JANE   SMITH  MD "), "jane smith");
  EXPECT_EQ(normalize_person_name("Jane Smith, Ph.D."), "jane smith");
  EXPECT_EQ(normalize_person_name("Hector Ybarra, D.O."), "hector ybarra");
  // A surname that reads like a degree is kept when it is needed.
  EXPECT_EQ(normalize_person_name("Anh Do"), "anh do");
  EXPECT_EQ(normalize_person_name("Dr. Anh Do, MD"), "anh do");
  EXPECT_EQ(normalize_person_name("Sean O'Brien"), "sean obrien");
  // Generational suffixes tell people apart.
  EXPECT_NE(normalize_person_name("Robert Lee Jr."), normalize_person_name("Robert Lee"));
  // Surname-first is not reordered.
  EXPECT_NE(normalize_person_name("Smith, Jane"), normalize_person_name("Jane Smith"));
}

TEST(ApplicationTest, ConsolidationKeyJoinsWorkerPhysicianAndInjuryDate) {
  Application a;
  a.worker.name = "Rosa M. Delgado";
  a.requesting_physician.name = "Dr. Alan Whitcomb, M.D.";
  a.date_of_injury = Date::ymd(2023, 2, 14);
  EXPECT_EQ(consolidation_key(a), "rosa delgado|alan whitcomb|2023-02-14");
  Application b = a;
  b.worker.name = "ROSA DELGADO";
  b.requesting_physician.name = "alan whitcomb md";
  EXPECT_EQ(consolidation_key(a), consolidation_key(b));
  b.date_of_injury = Date::ymd(2023, 2, 15);
  EXPECT_NE(consolidation_key(a), consolidation_key(b));
  b = a;
  b.requesting_physician.name = "Dr. Priya Raman";
  EXPECT_NE(consolidation_key(a), consolidation_key(b));
  b = a;
  b.date_of_injury.reset();
  EXPECT_EQ(consolidation_key(b), "rosa delgado|alan whitcomb|no-doi");
}

}  // namespace
}  // namespace imr
