#include "core/text.h"

#include <gtest/gtest.h>

namespace imr {
namespace {

std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  for (const Span& s : split_sentences(text)) out.push_back(text.substr(s.start, s.size()));
  return out;
}

TEST(SentenceTest, SplitsOnSentenceEndsNotAbbreviationsOrNumbers) {
  EXPECT_EQ(sentences("Seen by Dr. Patel today. Pain 0.5 better. Next visit 8.24.15 planned."),
            (std::vector<std::string>{"Seen by Dr. Patel today.", "Pain 0.5 better.", "Next visit 8.24.15 planned."}));
}

TEST(SentenceTest, DoseUnitsAndPrnEndSentences) {
  EXPECT_EQ(sentences("Xanax 0.5 mg. The plan is to continue. Norco q6h prn. UDS was consistent."),
            (std::vector<std::string>{"Xanax 0.5 mg.", "The plan is to continue.", "Norco q6h prn.",
                                      "UDS was consistent."}));
}

TEST(SentenceTest, BlankLinesFromPdfsDoNotSplitButHeadingsAndBulletsDo) {
  const std::string text = "The patient has taken\n\nNorco for years.\nMEDICATIONS:\n- Norco 10/325\n- Soma 350";
  EXPECT_EQ(sentences(text), (std::vector<std::string>{"The patient has taken\n\nNorco for years.",
                                                       "MEDICATIONS:", "- Norco 10/325", "- Soma 350"}));
}

TEST(SentenceTest, NotesThatStartSentencesInLowerCase) {
  EXPECT_EQ(sentences("Restricted ROM.\ntx to date has included chiropractic. pt reports less pain."),
            (std::vector<std::string>{"Restricted ROM.", "tx to date has included chiropractic.", "pt reports less pain."}));
  EXPECT_EQ(sentences("Gait antalgic. he denies numbness. the plan is PT."),
            (std::vector<std::string>{"Gait antalgic.", "he denies numbness.", "the plan is PT."}));
  // Other lower-case words after a period stay in the sentence ("rt. knee", "approx. two").
  EXPECT_EQ(sentences("Swelling of the rt. knee and approx. two weeks of pain."),
            (std::vector<std::string>{"Swelling of the rt. knee and approx. two weeks of pain."}));
}

TEST(SentenceTest, SpansPointIntoTheOriginalText) {
  const std::string text = "  First one.  Second one.  ";
  const auto spans = split_sentences(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (Span{2, 12}));
  EXPECT_EQ(text.substr(spans[1].start, spans[1].size()), "Second one.");
}

TEST(TextTest, LooksLikeText) {
  EXPECT_TRUE(looks_like_text("plain text\nwith lines\f"));
  EXPECT_FALSE(looks_like_text(std::string("\x7f" "ELF\0\0", 6)));
}

}  // namespace
}  // namespace imr
