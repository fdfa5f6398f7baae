// A review's size stays linear in its input (docs/limits.md): each disputed item carries the
// evidence of its criteria, and before the bound every item copied every matching sentence
// of the records, so 100 items over a 1 MB record took 943 MB and wrote 124 MB of JSON.
#include <gtest/gtest.h>

#include "core/file.h"
#include "core/limits.h"
#include "decide/engine.h"
#include "intake/case.h"
#include "support/knowledge.h"

namespace imr {
namespace {

TEST(ReviewLimits, EachCriterionShowsABoundedNumberOfQuotesWhateverTheRecordLength) {
  Case c = parse_case_json(read_file(std::string(IMR_SOURCE_DIR) + "/examples/cases/opioid-continued-documented.json"),
                           "opioid-continued-documented.json");
  std::string all;
  for (const auto& r : c.records) all += r.text + "\n";
  std::string big;
  while (big.size() < 256 * 1024) big += all;
  c.records = {Record{c.records.front().date, "everything, many times", big}};
  c.requests.resize(4, c.requests.front());
  const Engine engine(testing::bundled_knowledge());
  const Review review = engine.review(c);
  ASSERT_EQ(review.items.size(), 4u);
  size_t largest = 0;
  for (const auto& item : review.items)
    for (const auto& criterion : item.criteria) largest = std::max(largest, criterion.evidence.size());
  EXPECT_GT(largest, 1u);  // the record does give criteria several quotes
  EXPECT_LE(largest, limits::kMaxEvidencePerCriterion);
  // The decisions are those of the short record: the bound changes what is shown, not decided.
  Case small = parse_case_json(read_file(std::string(IMR_SOURCE_DIR) + "/examples/cases/opioid-continued-documented.json"),
                               "opioid-continued-documented.json");
  EXPECT_EQ(engine.review(small).items.front().decision, review.items.front().decision);
}

}  // namespace
}  // namespace imr
