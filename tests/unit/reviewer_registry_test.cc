// The reviewer registry: parsing, validation against the specialty list, letter credentials.
#include <gtest/gtest.h>

#include <string>

#include "core/error.h"
#include "core/file.h"
#include "service/reviewer.h"
#include "service/specialty_map.h"

namespace imr {
namespace {

const SpecialtyMap& bundled_map() {
  static const SpecialtyMap m = SpecialtyMap::load(std::string(IMR_SOURCE_DIR) + "/data/specialties.yaml");
  return m;
}

std::string fixture(const std::string& name) {
  return std::string(IMR_FIXTURES_DIR) + "/reviewers/" + name;
}

// One reviewer JSON object with `field` replaced by `value` (raw JSON) or removed (empty).
std::string registry_with(const std::string& field, const std::string& value) {
  std::string fields[][2] = {{"id", "\"R-1\""},
                             {"name", "\"Some Name\""},
                             {"licensure_states", "[\"CA\"]"},
                             {"specialties", "[\"Pain Medicine\"]"},
                             {"years_in_practice", "10"},
                             {"hours_per_week", "30"}};
  std::string body;
  bool replaced = false;
  for (auto& f : fields) {
    std::string v = f[1];
    if (f[0] == field) {
      replaced = true;
      if (value.empty()) continue;
      v = value;
    }
    body += std::string(body.empty() ? "" : ", ") + "\"" + f[0] + "\": " + v;
  }
  if (!replaced) body += ", \"" + field + "\": " + value;
  const std::string good =
      R"({"id": "R-0", "name": "Other", "licensure_states": ["CA"], "specialties": ["Psychiatry"],
          "years_in_practice": 9, "hours_per_week": 40})";
  return "{\"reviewers\": [" + good + ", {" + body + "}]}";
}

std::string error_of(const std::string& json, bool with_map = false) {
  try {
    if (with_map)
      parse_reviewer_registry(json, "reg.json", bundled_map());
    else
      parse_reviewer_registry(json, "reg.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(ReviewerRegistry, ParsesEveryField) {
  const auto reviewers = parse_reviewer_registry(read_file(fixture("registry.json")),
                                                 "registry.json", bundled_map());
  ASSERT_EQ(reviewers.size(), 2u);
  const Reviewer& r = reviewers[0];
  EXPECT_EQ(r.id, "T-1");
  EXPECT_EQ(r.name, "Test Reviewer One");
  EXPECT_EQ(r.licensure_states, (std::vector<std::string>{"CA", "NV"}));  // upper-cased
  ASSERT_EQ(r.board_certifications.size(), 1u);
  // Specialty names take the controlled spelling.
  EXPECT_EQ(r.specialties, (std::vector<std::string>{"Physical Medicine and Rehabilitation"}));
  EXPECT_EQ(r.subspecialties, (std::vector<std::string>{"Pain Medicine"}));
  EXPECT_DOUBLE_EQ(r.years_in_practice, 12.5);
  EXPECT_DOUBLE_EQ(r.hours_per_week, 30);
  EXPECT_TRUE(r.active);  // default
  ASSERT_EQ(r.affiliations.size(), 2u);
  EXPECT_EQ(r.affiliations[0].kind, "employer");
  EXPECT_EQ(r.affiliations[0].name, "Harbor Freight Lines, Inc.");
  EXPECT_EQ(r.affiliations[1].kind, "physician");  // lower-cased
  EXPECT_FALSE(reviewers[1].active);
  EXPECT_TRUE(reviewers[1].board_certifications.empty());
}

TEST(ReviewerRegistry, StructuralParseKeepsNamesAsWritten) {
  const auto reviewers = parse_reviewer_registry(read_file(fixture("registry.json")), "registry.json");
  EXPECT_EQ(reviewers[0].specialties[0], "physical medicine and rehabilitation");
}

TEST(ReviewerRegistry, ValidTemplateParses) {
  const auto reviewers = parse_reviewer_registry(registry_with("active", "true"), "reg.json");
  ASSERT_EQ(reviewers.size(), 2u);
  EXPECT_EQ(reviewers[1].id, "R-1");
}

TEST(ReviewerRegistry, ErrorsNameTheFileAndField) {
  EXPECT_EQ(error_of(registry_with("hours_per_week", "\"thirty\"")),
            "reg.json: reviewers[1].hours_per_week must be a number");
  EXPECT_EQ(error_of(registry_with("hours_per_week", "")), "reg.json: reviewers[1].hours_per_week is missing");
  EXPECT_EQ(error_of(registry_with("years_in_practice", "-2")),
            "reg.json: reviewers[1].years_in_practice must not be negative");
  EXPECT_EQ(error_of(registry_with("hours_per_week", "200")), "reg.json: reviewers[1].hours_per_week cannot exceed 168");
  EXPECT_EQ(error_of(registry_with("id", "")), "reg.json: reviewers[1].id is missing");
  EXPECT_EQ(error_of(registry_with("id", "\"  \"")), "reg.json: reviewers[1].id must not be empty");
  EXPECT_EQ(error_of(registry_with("name", "7")), "reg.json: reviewers[1].name must be a string");
  EXPECT_EQ(error_of(registry_with("id", "\"r-0\"")), "reg.json: reviewers[1].id 'r-0' is used twice");
  EXPECT_EQ(error_of(registry_with("licensure_states", "\"CA\"")),
            "reg.json: reviewers[1].licensure_states must be a list of strings");
  EXPECT_EQ(error_of(registry_with("licensure_states", "[\"CA\", \"Calif\"]")),
            "reg.json: reviewers[1].licensure_states[1] 'Calif' must be a two-letter state code such as \"CA\"");
  EXPECT_EQ(error_of(registry_with("specialties", "[]")),
            "reg.json: reviewers[1].specialties must list at least one specialty");
  EXPECT_EQ(error_of(registry_with("active", "\"yes\"")), "reg.json: reviewers[1].active must be true or false");
  EXPECT_EQ(error_of(registry_with("hours", "30")), "reg.json: reviewers[1].hours is not a reviewer field");
  EXPECT_EQ(error_of(registry_with("affiliations", R"([{"kind": "landlord", "name": "X"}])")),
            "reg.json: reviewers[1].affiliations[0].kind 'landlord' must be one of: employer, insurer, "
            "claims_administrator, medical_group, physician, representative, worker");
  EXPECT_EQ(error_of(registry_with("affiliations", R"([{"kind": "employer"}])")),
            "reg.json: reviewers[1].affiliations[0].name is missing");
  EXPECT_EQ(error_of(registry_with("affiliations", R"(["Acme"])")),
            "reg.json: reviewers[1].affiliations[0] must be an object with \"kind\" and \"name\"");
}

TEST(ReviewerRegistry, DocumentLevelErrors) {
  EXPECT_EQ(error_of("[]"), "reg.json: expected an object with a \"reviewers\" list");
  EXPECT_EQ(error_of("{\"reviewers\": {}}"), "reg.json: reviewers must be a list of reviewer objects");
  EXPECT_EQ(error_of("{\"reviewers\": [3]}"), "reg.json: reviewers[0] must be an object");
  EXPECT_NE(error_of("{\"reviewers\": [").find("reg.json: invalid JSON"), std::string::npos);
}

TEST(ReviewerRegistry, UnknownSpecialtyIsAnErrorOnlyAgainstTheMap) {
  const std::string json = registry_with("subspecialties", "[\"Spine Surgery\", \"Cardiology\"]");
  EXPECT_EQ(error_of(json), "no error");
  const std::string e = error_of(json, true);
  EXPECT_NE(e.find("reg.json: reviewers[1].subspecialties[1] 'Cardiology' is not a known specialty"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("specialties.yaml"), std::string::npos) << e;
}

TEST(ReviewerRegistry, LetterProfileShowsCredentialsNeverTheName) {
  const auto reviewers = parse_reviewer_registry(read_file(fixture("registry.json")),
                                                 "registry.json", bundled_map());
  const ReviewerProfile p = letter_profile(reviewers[0]);
  EXPECT_EQ(p.licensure, (std::vector<std::string>{"California", "Nevada"}));
  EXPECT_EQ(p.certifications,
            (std::vector<std::string>{"American Board of Physical Medicine and Rehabilitation"}));
  EXPECT_EQ(p.subspecialties, (std::vector<std::string>{"Pain Medicine"}));
  for (const auto* list : {&p.licensure, &p.certifications, &p.subspecialties})
    for (const auto& s : *list) {
      EXPECT_EQ(s.find("Test Reviewer"), std::string::npos);
      EXPECT_EQ(s.find("T-1"), std::string::npos);
    }
  // Without board certifications the letter states the specialty.
  EXPECT_EQ(letter_profile(reviewers[1]).certifications, (std::vector<std::string>{"Chiropractic"}));
}

TEST(ReviewerRegistry, StateNames) {
  EXPECT_EQ(state_name("CA"), "California");
  EXPECT_EQ(state_name("IA"), "Iowa");
  EXPECT_EQ(state_name("ZZ"), "ZZ");
}

TEST(ReviewerRegistry, ExampleRegistryLoadsAndValidates) {
  const auto reviewers =
      load_reviewer_registry(std::string(IMR_SOURCE_DIR) + "/examples/reviewers.json", bundled_map());
  EXPECT_GE(reviewers.size(), 8u);
  EXPECT_LE(reviewers.size(), 12u);
}

TEST(ReviewerRegistry, MissingFileIsAnInputError) {
  EXPECT_THROW(load_reviewer_registry(fixture("no-such.json"), bundled_map()), InputError);
}

}  // namespace
}  // namespace imr
