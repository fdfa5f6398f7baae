// The real letters (../shared/real-letters, PDFs as the DWC publishes them) read whole: per
// letter the header's case number, the number of items, every decision, how many items
// are modified remainders and how many retrospective, against the values read from the
// letters into tests/fixtures/real-letters-expected.tsv. Then every item goes through the
// request parser and the engine, as `imr parse` and `imr eval` take them, and `imr parse`
// reads them all in one run. Runs where
// ../shared/real-letters exists.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "decide/engine.h"
#include "intake/document.h"
#include "intake/letter_case.h"
#include "intake/letter_items.h"
#include "letters/letter.h"
#include "letter_test_support.h"
#include "support/cli.h"
#include "support/knowledge.h"

namespace imr {
namespace {

namespace fs = std::filesystem;

struct Expected {
  std::string case_number;
  size_t items = 0;
  std::string decisions;  // "UUO": one letter per item
  int modified = 0;
  int retrospective = 0;
};

std::map<std::string, Expected> expected_letters() {
  std::map<std::string, Expected> out;
  std::istringstream in(testing::slurp(std::string(IMR_FIXTURES_DIR) + "/real-letters-expected.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream row(line);
    std::string file;
    Expected e;
    row >> file >> e.case_number >> e.items >> e.decisions >> e.modified >> e.retrospective;
    EXPECT_FALSE(row.fail()) << "bad row: " << line;
    EXPECT_EQ(e.decisions.size(), e.items) << line;
    out[file] = e;
  }
  return out;
}

// Every letter in the directory, read once for all the tests below.
const std::vector<Letter>& real_letters() {
  static const std::vector<Letter> letters = [] {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(IMR_REAL_LETTERS_DIR))
      if (e.path().extension() == ".pdf" || e.path().extension() == ".txt")
        if (e.path().filename() != "README.md") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    const auto k = testing::bundled_knowledge();
    std::vector<Letter> out;
    for (const auto& f : files) {
      Letter l = read_letter(load_document_text(f), f);  // an unreadable letter fails the test
      classify_letter_items(l, k->drugs, k->services);
      out.push_back(std::move(l));
    }
    return out;
  }();
  return letters;
}

#define SKIP_WITHOUT_REAL_LETTERS()                 \
  if (!fs::is_directory(IMR_REAL_LETTERS_DIR)) \
  GTEST_SKIP() << "no real letters at " << IMR_REAL_LETTERS_DIR

TEST(LetterRealTest, EveryLetterReadsWithItsCaseNumberItemsAndDecisions) {
  SKIP_WITHOUT_REAL_LETTERS();
  const auto want = expected_letters();
  ASSERT_EQ(want.size(), 97u);
  size_t items = 0, overturned = 0;
  int modified = 0, retrospective = 0;
  std::set<std::string> seen;
  for (const Letter& l : real_letters()) {
    const std::string name = fs::path(l.file).filename().string();
    const auto it = want.find(name);
    if (it == want.end()) continue;  // a letter added later: it must still read (above)
    SCOPED_TRACE(name);
    seen.insert(name);
    const Expected& e = it->second;
    EXPECT_EQ(l.header.case_number, e.case_number);
    ASSERT_EQ(l.items.size(), e.items);
    std::string decisions;
    int mod = 0, retro = 0;
    for (const LetterItem& item : l.items) {
      decisions += item.decision == Decision::kOverturned ? 'O' : 'U';
      mod += item.modified;
      retro += item.retrospective;
      overturned += item.decision == Decision::kOverturned;
    }
    EXPECT_EQ(decisions, e.decisions);
    EXPECT_EQ(mod, e.modified);
    EXPECT_EQ(retro, e.retrospective);
    items += l.items.size();
    modified += mod;
    retrospective += retro;
  }
  EXPECT_EQ(seen.size(), want.size()) << "a letter of the expected list is missing from the directory";
  EXPECT_EQ(items, 221u);
  EXPECT_EQ(overturned, 27u);
  EXPECT_EQ(modified, 29);
  EXPECT_EQ(retrospective, 6);
}

TEST(LetterRealTest, HeaderTablesAreReadWhole) {
  SKIP_WITHOUT_REAL_LETTERS();
  for (const Letter& l : real_letters()) {
    SCOPED_TRACE(l.file);
    const LetterHeader& h = l.header;
    ASSERT_TRUE(h.date_assigned && h.decision_date && h.ur_denial_date && h.application_received &&
                h.date_of_injury);
    EXPECT_EQ(h.priority, "Standard");
    // The file is named after the case; the dates come in the order the process runs.
    EXPECT_EQ(fs::path(l.file).stem().string(), h.case_number);
    EXPECT_LE(h.date_of_injury->first_day(), h.ur_denial_date->first_day());
    EXPECT_LE(h.ur_denial_date->first_day(), h.application_received->first_day());
    EXPECT_LE(h.application_received->first_day(), h.date_assigned->first_day());
    EXPECT_LE(h.date_assigned->first_day(), h.decision_date->first_day());
  }
}

TEST(LetterRealTest, RequestsAreWholeAndModifiedItemsHaveTheirParts) {
  SKIP_WITHOUT_REAL_LETTERS();
  size_t categorised = 0, total = 0;
  for (const Letter& l : real_letters())
    for (const LetterItem& item : l.items) {
      SCOPED_TRACE(l.file + ": " + item.request);
      ++total;
      // No fragment of a wrapped line or of the remainder statement.
      EXPECT_GE(item.request.size(), 5u);
      for (const char* bit : {"original request", "authorized by", "eligible portion", "Upheld", "Overturned",
                              "Claims Administrator", "  "})
        EXPECT_EQ(item.request.find(bit), std::string::npos) << bit;
      EXPECT_NE(item.request.back(), ':');
      if (item.modified) {
        EXPECT_FALSE(item.original_request.empty());
        EXPECT_FALSE(item.certified.empty());
        EXPECT_EQ(item.original_request.find("original request"), std::string::npos);
        EXPECT_EQ(item.certified.find("authorized"), std::string::npos);
      } else {
        EXPECT_TRUE(item.original_request.empty() && item.certified.empty());
      }
      if (item.retrospective) {
        EXPECT_TRUE(item.date_of_service.has_value());
      }
      EXPECT_FALSE(item.body_region.empty());
      categorised += !item.category.empty();
    }
  // The requests the tables do not know are drugs missing from data/drugs.yaml (branded
  // compounds and a few others); every service kind in these letters is known.
  EXPECT_GE(categorised, 205u) << "of " << total;
}

TEST(LetterRealTest, EveryItemReachesTheEngineAndIsScored) {
  SKIP_WITHOUT_REAL_LETTERS();
  const Engine engine(testing::bundled_knowledge());
  size_t scored = 0;
  for (const Letter& l : real_letters()) {
    SCOPED_TRACE(l.file);
    const Case c = case_from_letter(l);
    ASSERT_EQ(c.requests.size(), l.items.size());
    ASSERT_TRUE(c.ur && c.ur->date);
    EXPECT_EQ(*c.ur->date, *l.header.ur_denial_date);
    EXPECT_EQ(*c.request_date(), *l.header.ur_denial_date);
    for (size_t i = 0; i < l.items.size(); ++i) {
      EXPECT_EQ(c.requests[i], l.items[i].request);
      EXPECT_EQ(c.ur->items[i].action, l.items[i].modified ? "modified" : "denied");
      EXPECT_EQ(c.ur->items[i].certified, l.items[i].certified);
    }
    const Review review = engine.review(c);
    ASSERT_EQ(review.items.size(), l.items.size());  // one determination per item: none dropped
    scored += review.items.size();
  }
  EXPECT_EQ(scored, 221u);
}

TEST(LetterRealTest, ImrParseReadsEveryLetterAndExitsZero) {
  SKIP_WITHOUT_REAL_LETTERS();
  std::string args;
  size_t files = 0;
  for (const Letter& l : real_letters()) {
    args += " " + testing::quoted(l.file);
    ++files;
  }
  const testing::CliRun r = testing::run_imr("parse" + args);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), files);
  size_t items = 0;
  for (const auto& letter : j) {
    EXPECT_FALSE(letter["header"]["case_number"].get<std::string>().empty()) << letter["file"];
    items += letter["items"].size();
  }
  if (files == 97) {
    EXPECT_EQ(items, 221u);
  }
}

}  // namespace
}  // namespace imr
