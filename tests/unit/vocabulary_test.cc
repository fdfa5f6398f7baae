// One vocabulary: every code extraction emits is one the vocabulary lists (so a rule pack
// can name it and the loader can check it), over every text the project holds — the
// example cases and records, the team's fixtures, and, where ../shared exists, the seed
// and real letters. And the vocabulary file itself is checked like any data file.
#include "assess/vocabulary.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "extract/extract.h"
#include "intake/document.h"
#include "support/knowledge.h"

namespace imr {
namespace {

namespace fs = std::filesystem;
using imr::testing::bundled_knowledge;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

// Every text to read: plain text files, the records of case JSON files, and PDFs.
std::vector<std::string> corpus() {
  std::vector<std::string> texts;
  const std::vector<fs::path> roots = {fs::path(IMR_SOURCE_DIR) / "examples", fs::path(IMR_FIXTURES_DIR),
                                       fs::path(IMR_SOURCE_DIR) / "../shared/seeds",
                                       fs::path(IMR_SOURCE_DIR) / "../shared/real-letters"};
  for (const auto& root : roots) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root, ec)) {
      if (!e.is_regular_file()) continue;
      const std::string ext = e.path().extension().string();
      if (ext == ".txt") {
        texts.push_back(slurp(e.path()));
      } else if (ext == ".json") {
        const auto j = nlohmann::json::parse(slurp(e.path()), nullptr, false);
        if (j.is_object() && j.contains("records") && j["records"].is_array())
          for (const auto& r : j["records"])
            if (r.is_object() && r.contains("text") && r["text"].is_string()) texts.push_back(r["text"]);
      } else if (ext == ".pdf") {
        try {
          texts.push_back(load_document_text(e.path().string()));
        } catch (const InputError&) {
        }
      }
    }
  }
  return texts;
}

TEST(VocabularyTest, ExtractionEmitsOnlyListedCodes) {
  const auto k = bundled_knowledge();
  std::set<std::string> unknown;
  size_t facts = 0;
  for (const auto& text : corpus()) {
    for (const Fact& f : extract_record_facts(RecordText{std::nullopt, "t", text}, 0, k->drugs, k->lexicon)) {
      ++facts;
      const std::string kind = to_string(f.kind);
      if (!f.subject.empty() && !k->vocabulary.knows(kind + ".subject", f.subject))
        unknown.insert(kind + ".subject " + f.subject);
      if (!f.qualifier.empty() && !k->vocabulary.knows(kind + ".qualifier", f.qualifier))
        unknown.insert(kind + ".qualifier " + f.qualifier);
    }
  }
  EXPECT_GT(facts, 500u);
  std::string list;
  for (const auto& u : unknown) list += "  " + u + "\n";
  EXPECT_TRUE(unknown.empty()) << "codes extraction emits that data/vocabulary.yaml does not list:\n" << list;
}

TEST(VocabularyTest, EveryKindDescribedAndCodesChecked) {
  const std::string ok = "version: t\nfact_kinds:\n";
  std::string all = ok;
  for (int i = 0;; ++i) {
    const std::string name = to_string(static_cast<FactKind>(i));
    if (name == "unknown") break;
    all += "  " + name + ": {description: d}\n";
  }
  EXPECT_NO_THROW(Vocabulary::parse(all, "v.yaml"));
  // A kind left out, a kind the engine does not have, a code that is not snake_case.
  auto error = [](const std::string& yaml) {
    try {
      Vocabulary::parse(yaml, "v.yaml");
    } catch (const DataError& e) {
      return std::string(e.what());
    }
    return std::string("(loaded)");
  };
  EXPECT_NE(error(ok + "  medication_use: {description: d}\n").find("is not described"), std::string::npos);
  EXPECT_NE(error(all + "  horoscope: {description: d}\n").find("v.yaml:"), std::string::npos);
  std::string bad = all;
  bad.replace(bad.find("pain_score: {description: d}"), 28, "pain_score: {subjects: {Pain Now: x}}");
  EXPECT_NE(error(bad).find("must be lower-case snake_case"), std::string::npos) << error(bad);
}

TEST(VocabularyTest, LexiconCodesJoinTheVocabulary) {
  const auto k = bundled_knowledge();
  EXPECT_TRUE(k->vocabulary.knows("exam_finding.subject", "meniscal_sign"));
  EXPECT_TRUE(k->vocabulary.knows("red_flag.subject", "cauda_equina"));
  EXPECT_TRUE(k->vocabulary.knows("diagnosis.subject", "hypertension"));
  EXPECT_TRUE(k->vocabulary.knows("medication_use.subject", "opioid"));  // drug classes
  EXPECT_FALSE(k->vocabulary.knows("exam_finding.subject", "horoscope"));
}

}  // namespace
}  // namespace imr
