// A course of therapy that "has not helped" (or "did not relieve" the complaint) is a failed
// course with no benefit, never a course that helped: the outcome words are read with the
// negation that precedes them, in the shapes records use.
#include "extract_test_fixture.h"

namespace imr {
namespace {

using testing_extract::facts_in;
using testing_extract::of_kind;

TEST(ExtractTherapyOutcomeTest, HasNotHelpedIsAFailureInEveryShape) {
  const std::vector<std::string> sentences = {
      "Physical therapy has not helped.",
      "Physical therapy for five weeks has not helped.",
      "Six sessions of physical therapy have not relieved her pain.",
      "Physical therapy did not relieve the pain.",
      "Physical therapy had not improved his symptoms.",
      "Physical therapy has not been helpful.",
  };
  for (const auto& s : sentences) {
    SCOPED_TRACE(s);
    const auto facts = facts_in(s);
    bool failed = false, helped = false;
    for (const auto& f : of_kind(facts, FactKind::kPriorTrial)) {
      if (f.subject != "physical_therapy") continue;
      failed |= f.qualifier == "failed";
      helped |= f.qualifier == "helped";
    }
    EXPECT_TRUE(failed);
    EXPECT_FALSE(helped);
    for (const auto& f : of_kind(facts, FactKind::kTherapyCompleted)) EXPECT_NE(f.qualifier, "helped");
  }
}

TEST(ExtractTherapyOutcomeTest, ACourseThatHelpedStillHelped) {
  for (const std::string s : {"Physical therapy has helped.", "Physical therapy helped her walk farther."}) {
    SCOPED_TRACE(s);
    bool helped = false;
    for (const auto& f : of_kind(facts_in(s), FactKind::kPriorTrial))
      helped |= f.subject == "physical_therapy" && f.qualifier == "helped";
    EXPECT_TRUE(helped);
  }
}

}  // namespace
}  // namespace imr
