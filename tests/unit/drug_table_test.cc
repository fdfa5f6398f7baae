// The drug table: the bundled data/drugs.yaml loads and covers what the parser needs;
// lookups by brand, generic, misspelling and case; broken tables fail with DataError naming
// the file and the line. Also the service table, which follows the same rules.
#include "intake/drug_table.h"

#include <gtest/gtest.h>

#include <string>

#include "core/error.h"
#include "intake/request_services.h"

namespace imr {
namespace {

const std::string kDrugs = std::string(IMR_SOURCE_DIR) + "/data/drugs.yaml";
const std::string kServices = std::string(IMR_SOURCE_DIR) + "/data/services.yaml";

TEST(DrugTableTest, BundledTableLoads) {
  const DrugTable t = DrugTable::load(kDrugs);
  EXPECT_EQ(t.version(), "2026.12.1");
  EXPECT_EQ(t.class_label("opioid"), "an opioid analgesic");
  EXPECT_EQ(t.formulary_from(), Date::ymd(2018, 1, 1));
  EXPECT_GE(t.drugs().size(), 60u);
  for (const char* key :
       {"hydrocodone_apap", "oxycodone", "oxycodone_er", "oxycodone_apap", "morphine_ir",
        "morphine_er", "hydromorphone", "oxymorphone", "methadone", "fentanyl_patch",
        "buprenorphine_patch", "tapentadol", "tramadol", "tramadol_er", "tramadol_apap",
        "codeine_apap", "alprazolam", "diazepam", "clonazepam", "lorazepam", "temazepam",
        "carisoprodol", "cyclobenzaprine", "tizanidine", "methocarbamol", "baclofen",
        "metaxalone", "orphenadrine", "chlorzoxazone", "ibuprofen", "naproxen", "diclofenac",
        "meloxicam", "celecoxib", "nabumetone", "etodolac", "ketorolac", "gabapentin",
        "pregabalin", "topiramate", "amitriptyline", "nortriptyline", "duloxetine",
        "venlafaxine", "sertraline", "trazodone", "zolpidem", "eszopiclone", "omeprazole",
        "pantoprazole", "ranitidine", "ondansetron", "docusate", "sennosides", "lubiprostone",
        "lidocaine_patch", "diclofenac_gel", "terocin", "compound_topical", "acetaminophen"})
    EXPECT_NE(t.by_key(key), nullptr) << key;
  // Every opioid but buprenorphine has an MME factor; nothing else has one.
  for (const Drug& d : t.drugs()) {
    const bool needs_factor = d.drug_class == "opioid" && d.topic != "buprenorphine";
    EXPECT_EQ(d.mme.has_value(), needs_factor) << d.key;
    EXPECT_FALSE(d.topic.empty()) << d.key;
  }
}

TEST(DrugTableTest, FactorsAreTheCdcOnes) {
  const DrugTable t = DrugTable::load(kDrugs);
  EXPECT_EQ(*t.by_key("hydrocodone_apap")->mme->per_mg, 1);
  EXPECT_EQ(*t.by_key("oxycodone_apap")->mme->per_mg, 1.5);
  EXPECT_EQ(*t.by_key("hydromorphone")->mme->per_mg, 4);
  EXPECT_EQ(*t.by_key("oxymorphone")->mme->per_mg, 3);
  EXPECT_EQ(*t.by_key("codeine_apap")->mme->per_mg, 0.15);
  EXPECT_EQ(*t.by_key("tapentadol")->mme->per_mg, 0.4);
  EXPECT_EQ(*t.by_key("tramadol")->mme->per_mg, 0.1);
  EXPECT_EQ(*t.by_key("fentanyl_patch")->mme->per_mcg_hr, 2.4);
  const auto& bands = t.by_key("methadone")->mme->bands;
  ASSERT_EQ(bands.size(), 4u);
  EXPECT_EQ(bands[0], (std::pair<double, double>{20, 4}));
  EXPECT_EQ(bands[1], (std::pair<double, double>{40, 8}));
  EXPECT_EQ(bands[2], (std::pair<double, double>{60, 10}));
  EXPECT_EQ(bands[3].second, 12);
}

TEST(DrugTableTest, LooksUpByBrandGenericMisspellingAndCase) {
  const DrugTable t = DrugTable::load(kDrugs);
  auto key = [&](const char* name) {
    const Drug* d = t.find(name);
    return d ? d->key : std::string("(none)");
  };
  EXPECT_EQ(key("Norco"), "hydrocodone_apap");
  EXPECT_EQ(key("NORCO"), "hydrocodone_apap");
  EXPECT_EQ(key("norcco"), "hydrocodone_apap");
  EXPECT_EQ(key("hydrocodone/APAP"), "hydrocodone_apap");
  EXPECT_EQ(key("hydrocodone-acetaminophen"), "hydrocodone_apap");
  EXPECT_EQ(key("Percocet"), "oxycodone_apap");
  EXPECT_EQ(key("oxycodone/acetaminophen"), "oxycodone_apap");
  EXPECT_EQ(key("Xanax"), "alprazolam");
  EXPECT_EQ(key("alprazolam"), "alprazolam");
  EXPECT_EQ(key("zanax"), "alprazolam");
  EXPECT_EQ(key("Clonzaepam"), "clonazepam");
  EXPECT_EQ(key("Soma"), "carisoprodol");
  EXPECT_EQ(key("Duragesic"), "fentanyl_patch");
  EXPECT_EQ(key("fentanyl"), "fentanyl_patch");
  EXPECT_EQ(key("Butrans"), "buprenorphine_patch");
  EXPECT_EQ(key("  Lidoderm "), "lidocaine_patch");
  EXPECT_EQ(key("Tylenol #3"), "codeine_apap");
  EXPECT_EQ(key("Tylenol"), "acetaminophen");
  EXPECT_EQ(key("Voltaren Gel"), "diclofenac_gel");
  EXPECT_EQ(key("Voltaren"), "diclofenac");
  EXPECT_EQ(key("Zorblax"), "(none)");
  const Drug& norco = *t.find("Norco");
  EXPECT_EQ(norco.generic, "hydrocodone/acetaminophen");
  EXPECT_EQ(norco.ingredients, (std::vector<std::string>{"hydrocodone", "acetaminophen"}));
  EXPECT_EQ(norco.drug_class, "opioid");
  EXPECT_EQ(norco.topic, "opioids");
  EXPECT_EQ(norco.default_form, "tablet");
  EXPECT_EQ(norco.default_route, "oral");
  EXPECT_FALSE(norco.long_acting);
  EXPECT_EQ(norco.formulary_status, "non-exempt");
}

const std::string kClasses = "classes: {opioid: an opioid, nsaid: an NSAID}\n";

// Parses `yaml` expecting a DataError; returns its message.
std::string error_of(const std::string& yaml) {
  try {
    DrugTable::parse(yaml, "drugs-test.yaml");
  } catch (const DataError& e) {
    EXPECT_EQ(e.file(), "drugs-test.yaml");
    return e.what();
  }
  ADD_FAILURE() << "no DataError for:\n" << yaml;
  return "";
}

TEST(DrugTableTest, BrokenTablesFailWithFileAndLine) {
  EXPECT_EQ(error_of(kClasses + "drugs:\n"
                     "  - key: a\n"
                     "    generic: a\n"
                     "    class: opioid\n"
                     "    topic: opioids\n"
                     "  - key: b\n"
                     "    generic: b\n"
                     "    class: wonder_drug\n"
                     "    topic: x\n"),
            "drugs-test.yaml:7: unknown drug class 'wonder_drug'");
  EXPECT_EQ(error_of(kClasses + "drugs:\n"
                     "  - generic: a\n"
                     "    class: nsaid\n"
                     "    topic: nsaids\n"),
            "drugs-test.yaml:3: drug is missing 'key'");
  EXPECT_EQ(error_of(kClasses + "drugs:\n"
                     "  - key: a\n"
                     "    generic: a\n"
                     "    class: nsaid\n"
                     "    topic: nsaids\n"
                     "    mme: {per_mg: 1}\n"),
            "drugs-test.yaml:7: MME factor on a non-opioid 'a'");
  EXPECT_EQ(error_of(kClasses + "drugs:\n"
                     "  - key: a\n"
                     "    generic: a\n"
                     "    brands: [Samename]\n"
                     "    class: nsaid\n"
                     "    topic: nsaids\n"
                     "  - key: b\n"
                     "    generic: b\n"
                     "    brands: [SameName]\n"
                     "    class: nsaid\n"
                     "    topic: nsaids\n"),
            "drugs-test.yaml:8: name 'SameName' is used by both 'a' and 'b'");
  EXPECT_EQ(error_of(kClasses + "drugs:\n"
                     "  - key: a\n"
                     "    generic: a: b\n"
                     "    class: opioid\n"),
            "drugs-test.yaml:4: not valid YAML: illegal map value");
  EXPECT_EQ(error_of("drugs:\n  - {key: a, generic: a, class: opioid, topic: opioids}\n"),
            "drugs-test.yaml:1: expected a 'classes' map of class: label");
  EXPECT_EQ(error_of(kClasses + "drugs:\n"
                     "  - key: m\n"
                     "    generic: m\n"
                     "    class: opioid\n"
                     "    topic: methadone\n"
                     "    mme: {bands: [[40, 8], [20, 4]]}\n"),
            "drugs-test.yaml:7: MME bands must ascend");
}

TEST(DrugTableTest, MissingFileIsAnInputError) {
  EXPECT_THROW(DrugTable::load("/nonexistent/drugs.yaml"), InputError);
}

TEST(ServiceTableTest, BundledTableLoadsAndMatches) {
  const ServiceTable t = ServiceTable::load(kServices);
  EXPECT_GE(t.services().size(), 15u);
  const auto hit = t.find_service("12 sessions of physical therapy");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->first->name, "physical therapy");
  EXPECT_EQ(hit->first->topic, "physical_medicine");
  EXPECT_EQ(hit->second, (Span{15, 31}));
  // Word boundaries: "pt" is not found inside "septic".
  EXPECT_FALSE(t.find_service("septic"));
  // The body-region table beside it (data/body_regions.yaml) is loaded with it.
  const RegionReading region = t.body_regions().read("emg bilateral lower extremities");
  EXPECT_EQ(region.region, "lower_extremity");
  EXPECT_EQ(region.laterality, "bilateral");
}

TEST(ServiceTableTest, BrokenTablesFailWithFileAndLine) {
  auto message = [](const std::string& yaml) -> std::string {
    try {
      ServiceTable::parse(yaml, "services-test.yaml");
    } catch (const DataError& e) {
      return e.what();
    }
    return "(no error)";
  };
  EXPECT_EQ(message("services:\n"
                    "  - name: mri\n"
                    "    topic: imaging\n"
                    "  - name: ct\n"),
            "services-test.yaml:4: service 'ct' is missing 'topic'");
  EXPECT_EQ(message("services:\n"
                    "  - name: mri\n"
                    "    topic: imaging\n"
                    "  - name: scan\n"
                    "    synonyms: [MRI]\n"
                    "    topic: imaging\n"),
            "services-test.yaml:4: name 'MRI' is used by both 'mri' and 'scan'");
  EXPECT_EQ(message("nothing: here\n"),
            "services-test.yaml:1: expected a map with a 'services' list");
}

}  // namespace
}  // namespace imr
