// How `imr eval` scores: every figure over all items, an undecided item counted as not
// overturned, precision and recall of overturns, kappa, coverage, per-category totals.
#include <gtest/gtest.h>

#include "eval/eval.h"

namespace imr {
namespace {

EvalItem item(const std::string& category, Decision reviewer, std::optional<Decision> engine) {
  EvalItem e;
  e.category = category;
  e.reviewer = reviewer;
  e.engine = engine;
  e.agree = engine && *engine == reviewer;
  return e;
}

constexpr Decision U = Decision::kUpheld, O = Decision::kOverturned;

TEST(EvalScoringTest, AnUndecidedItemCountsAsNotOverturned) {
  // Reviewer overturned, engine had no rule: a miss, not a skipped item.
  const EvalTotals t = summarize({item("x", O, std::nullopt), item("x", U, std::nullopt)});
  EXPECT_EQ(t.items, 2);
  EXPECT_EQ(t.decided, 0);
  EXPECT_EQ(t.no_rule, 2);
  EXPECT_DOUBLE_EQ(t.coverage, 0.0);
  EXPECT_EQ(t.confusion[1][0], 1);  // reviewer overturned, engine "upheld"
  EXPECT_EQ(t.confusion[0][0], 1);
  EXPECT_EQ(t.agree, 1);            // the undecided upheld item agrees as scored ...
  EXPECT_EQ(t.agree_decided, 0);    // ... but not among decided items
  ASSERT_TRUE(t.overturn_recall.has_value());
  EXPECT_DOUBLE_EQ(*t.overturn_recall, 0.0);
  EXPECT_FALSE(t.overturn_precision.has_value());  // the engine overturned nothing
}

TEST(EvalScoringTest, RoutingAHardCaseToTheReviewerNeverRaisesAScore) {
  // A wrong overturn decided vs. the same item left undecided: the undecided one may not
  // score higher on recall, and coverage drops.
  const EvalTotals decided = summarize({item("x", O, O), item("x", U, U), item("x", O, U)});
  const EvalTotals routed = summarize({item("x", O, O), item("x", U, U), item("x", O, std::nullopt)});
  EXPECT_EQ(*routed.overturn_recall, *decided.overturn_recall);
  EXPECT_LT(routed.coverage, decided.coverage);
}

TEST(EvalScoringTest, PrecisionRecallAndKappaFromTheConfusionTable) {
  // 2 true overturns, 1 false overturn, 1 missed overturn, 4 agreed upholds.
  std::vector<EvalItem> items = {item("a", O, O), item("a", O, O), item("b", U, O), item("b", O, U)};
  for (int i = 0; i < 4; ++i) items.push_back(item("c", U, U));
  const EvalTotals t = summarize(items);
  EXPECT_EQ(t.items, 8);
  EXPECT_EQ(t.reviewer_overturned(), 3);
  EXPECT_EQ(t.engine_overturned(), 3);
  EXPECT_NEAR(*t.overturn_recall, 2.0 / 3, 1e-12);
  EXPECT_NEAR(*t.overturn_precision, 2.0 / 3, 1e-12);
  // po = 6/8; pe = (5/8)(5/8) + (3/8)(3/8) = 34/64; kappa = (0.75 - 0.53125) / (1 - 0.53125).
  EXPECT_NEAR(*t.kappa, (0.75 - 34.0 / 64) / (1 - 34.0 / 64), 1e-12);
}

TEST(EvalScoringTest, KappaIsUndefinedWhenEveryDecisionFallsInOneClass) {
  const EvalTotals t = summarize({item("x", U, U), item("x", U, std::nullopt)});
  EXPECT_FALSE(t.kappa.has_value());
}

TEST(EvalScoringTest, TotalsPerLetterCategory) {
  const EvalReport r = make_report({item("imaging_mri", O, O), item("imaging_mri", U, O), item("", U, std::nullopt)});
  ASSERT_EQ(r.by_category.size(), 2u);
  EXPECT_EQ(r.by_category.at("imaging_mri").items, 2);
  EXPECT_EQ(r.by_category.at("imaging_mri").engine_overturned(), 2);
  EXPECT_EQ(r.by_category.at("(unknown)").no_rule, 1);
  EXPECT_EQ(r.totals.items, 3);
}

}  // namespace
}  // namespace imr
