// The engine's measured agreement with real reviewers, as a floor: on the real letters in
// ../shared/real-letters every item is read and scored, and coverage, overturn recall and
// precision and kappa stay at or above a floor a little under what was measured (README,
// "Measured"), so a change that makes the engine decide worse fails CI. Runs where the
// letters exist (they do in CI).
#include <gtest/gtest.h>

#include <filesystem>

#include "decide/engine.h"
#include "eval/eval.h"
#include "intake/document.h"
#include "intake/letter_case.h"
#include "intake/letter_items.h"
#include "letters/letter.h"
#include "support/knowledge.h"

namespace imr {
namespace {

namespace fs = std::filesystem;

// Floors: a little under the figures measured when they were last raised.
constexpr int kItems = 221;
// Measured 2026-12-06: coverage 221/221, recall 25/27 (92.6%), precision 25/28 (89.3%),
// kappa 0.896.
constexpr double kMinCoverage = 0.98;
constexpr double kMinRecall = 0.88;
constexpr double kMinPrecision = 0.85;
constexpr double kMinKappa = 0.85;

TEST(EvalRealTest, AgreementWithRealReviewersStaysAboveItsFloor) {
  if (!fs::is_directory(IMR_REAL_LETTERS_DIR)) GTEST_SKIP() << "no real letters at " << IMR_REAL_LETTERS_DIR;
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(IMR_REAL_LETTERS_DIR))
    if (e.path().extension() == ".pdf" || e.path().extension() == ".txt") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  const Engine engine(testing::bundled_knowledge());
  std::vector<EvalItem> items;
  for (const auto& f : files) {
    Letter letter = read_letter(load_document_text(f), f);
    classify_letter_items(letter, engine.knowledge().drugs, engine.knowledge().services);
    const auto compared = compare_letter(letter, engine.review(case_from_letter(letter)));
    items.insert(items.end(), compared.begin(), compared.end());
  }
  const EvalTotals t = summarize(items);
  EXPECT_EQ(t.items, kItems);
  EXPECT_GE(t.coverage, kMinCoverage);
  ASSERT_TRUE(t.overturn_recall && t.overturn_precision && t.kappa);
  EXPECT_GE(*t.overturn_recall, kMinRecall);
  EXPECT_GE(*t.overturn_precision, kMinPrecision);
  EXPECT_GE(*t.kappa, kMinKappa);
  std::cout << "[ measured ] coverage " << t.coverage << ", recall " << *t.overturn_recall << ", precision "
            << *t.overturn_precision << ", kappa " << *t.kappa << "\n";
}

}  // namespace
}  // namespace imr
