// No sentence of a real letter in the engine: twelve words in a row of any real letter's case
// summary or rationale (../shared/real-letters and ../shared/seeds, where they exist) must not
// appear in src/ or data/. Rules follow the guideline criteria, not a letter's phrasing; the
// letters' headings, boilerplate and citation lines are not part of a summary or rationale.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.h"
#include "intake/document.h"
#include "letters/letter.h"

namespace imr {
namespace {

namespace fs = std::filesystem;

constexpr size_t kRun = 12;

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

void add_runs(const std::string& text, std::set<std::string>& runs) {
  const auto w = words_of(text);
  for (size_t i = 0; i + kRun <= w.size(); ++i) {
    std::string run;
    for (size_t k = 0; k < kRun; ++k) run += (k ? " " : "") + w[i + k];
    runs.insert(std::move(run));
  }
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

TEST(RealLetterTextTest, NoTwelveWordsOfARealLetterInSrcOrData) {
  std::set<std::string> runs;
  size_t letters = 0;
  for (const char* dir : {"/../shared/real-letters", "/../shared/seeds"}) {
    std::error_code ec;
    const fs::path root = std::string(IMR_SOURCE_DIR) + dir;
    if (!fs::is_directory(root, ec)) continue;
    for (const auto& e : fs::directory_iterator(root, ec)) {
      const std::string ext = e.path().extension().string();
      if (ext != ".pdf" && ext != ".txt") continue;
      if (e.path().filename() == "README.md") continue;
      try {
        const Letter l = read_letter(load_document_text(e.path().string()), e.path().string());
        add_runs(l.case_summary, runs);
        for (const auto& item : l.items) add_runs(item.rationale, runs);
        ++letters;
      } catch (const InputError&) {
        // A letter the reader cannot read has its own test.
      }
    }
  }
  if (letters == 0) GTEST_SKIP() << "../shared has no letters here";
  std::vector<std::string> hits;
  for (const char* dir : {"/src", "/data"}) {
    for (const auto& e : fs::recursive_directory_iterator(std::string(IMR_SOURCE_DIR) + dir)) {
      if (!e.is_regular_file()) continue;
      std::set<std::string> mine;
      add_runs(slurp(e.path()), mine);
      for (const auto& r : mine)
        if (runs.count(r)) {
          hits.push_back(e.path().string() + ": \"" + r + "\"");
          break;
        }
    }
  }
  std::string list;
  for (const auto& h : hits) list += "  " + h + "\n";
  EXPECT_TRUE(hits.empty()) << "twelve words in a row of a real letter appear in:\n" << list;
  EXPECT_GT(runs.size(), 10000u);
}

}  // namespace
}  // namespace imr
