// The engine against real reviewers: run blind on each seed letter's case summary and
// disputed requests, it must agree on every item and match the reviewer's MTUS section.
// Runs where ../shared/seeds exists.
#include <gtest/gtest.h>

#include <filesystem>

#include "decide/engine.h"
#include "eval/eval.h"
#include "intake/document.h"
#include "intake/letter_case.h"
#include "letters/letter.h"
#include "support/knowledge.h"

namespace imr {
namespace {

TEST(EvalSeedsTest, AgreesWithEveryReviewerDecisionAndSection) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(IMR_SEEDS_DIR)) GTEST_SKIP() << "no seeds at " << IMR_SEEDS_DIR;
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(IMR_SEEDS_DIR))
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 5u);
  const Engine engine(testing::bundled_knowledge());
  std::vector<EvalItem> all;
  for (const auto& f : files) {
    const Letter letter = read_letter(load_document_text(f), f);
    const Review review = engine.review(case_from_letter(letter));
    ASSERT_EQ(review.items.size(), letter.items.size()) << f;
    for (const auto& e : compare_letter(letter, review)) {
      SCOPED_TRACE(f + ": " + e.request);
      ASSERT_TRUE(e.engine.has_value()) << "no rule";
      EXPECT_TRUE(e.agree);
      ASSERT_TRUE(e.citation_match.has_value());
      EXPECT_TRUE(*e.citation_match);
      all.push_back(e);
    }
  }
  const EvalTotals t = summarize(all);
  EXPECT_EQ(t.items, 11);
  EXPECT_EQ(t.agree, 11);
  EXPECT_EQ(t.citation_agree, 11);
}

}  // namespace
}  // namespace imr
