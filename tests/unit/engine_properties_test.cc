// Properties every draft must have, checked over every bundled example case: determinism,
// a rationale that names a fact from the record with its date or figure, citations with
// section (and pages for MTUS), the rules version, no unfilled wording.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/file.h"
#include "decide/engine.h"
#include "intake/case_loader.h"
#include "letters/letter.h"
#include "render/letter_text.h"
#include "render/review_json.h"
#include "render/summary.h"
#include "support/knowledge.h"

namespace imr {
namespace {

using testing::bundled_knowledge;

std::vector<std::string> example_cases() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(std::string(IMR_SOURCE_DIR) + "/examples/cases"))
    if (e.path().extension() == ".json") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

bool names_date_or_figure(const std::string& s) {
  for (size_t i = 0; i + 7 <= s.size(); ++i)
    if (std::isdigit(static_cast<unsigned char>(s[i])) && s.compare(i + 4, 1, "-") == 0 &&
        std::isdigit(static_cast<unsigned char>(s[i + 5])))
      return true;  // an ISO date
  return s.find("/10") != std::string::npos || s.find("MME") != std::string::npos ||
         s.find("months") != std::string::npos || s.find("weeks") != std::string::npos ||
         s.find("days") != std::string::npos;
}

TEST(EnginePropertiesTest, ExamplesAreDeterministicAndWellFormed) {
  const Engine engine(bundled_knowledge());
  const auto files = example_cases();
  ASSERT_GE(files.size(), 6u);
  int overturned = 0;
  for (const auto& f : files) {
    SCOPED_TRACE(f);
    const Case c = load_case_file(f);
    const Review a = engine.review(c);
    const Review b = engine.review(c);
    EXPECT_EQ(to_json(a, true).dump(), to_json(b, true).dump());
    EXPECT_FALSE(a.rules_version.empty());
    const std::string letter = render_letter_text(c, a, compose_case_summary(c, a, bundled_knowledge()->drugs));
    EXPECT_EQ(letter.find('{'), std::string::npos) << "unfilled wording in the letter";
    for (const auto& d : a.items) {
      SCOPED_TRACE(d.request);
      ASSERT_TRUE(d.decision);
      overturned += *d.decision == Decision::kOverturned;
      EXPECT_TRUE(names_date_or_figure(d.rationale)) << d.rationale;
      EXPECT_EQ(d.rationale.find('{'), std::string::npos) << d.rationale;
      ASSERT_FALSE(d.citations.empty());
      EXPECT_EQ(d.citations.front().family, "MTUS");  // MTUS first
      for (const auto& cite : d.citations) {
        EXPECT_FALSE(cite.section.empty());
        if (cite.family == "MTUS") {
          EXPECT_FALSE(cite.pages.empty()) << cite.section;
        }
      }
      for (const auto& cr : d.criteria) {
        EXPECT_EQ(cr.statement.find('{'), std::string::npos) << cr.id << ": " << cr.statement;
        if (cr.state != CriterionState::kNotDocumented && !cr.advisory) {
          EXPECT_FALSE(cr.evidence.empty()) << cr.id << " is " << to_string(cr.state) << " without evidence";
        }
        for (const auto& e : cr.evidence) {
          if (e.record < 0) continue;
          ASSERT_LT(static_cast<size_t>(e.record), c.records.size());
          EXPECT_EQ(c.records[e.record].text.substr(e.start, e.end - e.start), e.text) << cr.id;
        }
      }
    }
  }
  EXPECT_GE(overturned, 3);
}

// A drafted letter reads back through the letter reader: same items, decisions and
// reviewer citations — the layout is the real letters' layout.
TEST(EnginePropertiesTest, DraftedLettersReadBack) {
  const Engine engine(bundled_knowledge());
  for (const auto& f : example_cases()) {
    SCOPED_TRACE(f);
    Case c = load_case_file(f);
    c.reviewer = ReviewerProfile{{"California", "Nevada"}, {"Physical Medicine & Rehabilitation"}, {"Pain Medicine"}};
    const Review r = engine.review(c);
    const std::string text = render_letter_text(c, r, compose_case_summary(c, r, bundled_knowledge()->drugs));
    const Letter back = read_letter(text, f);
    EXPECT_EQ(back.layout, "final-determination");
    EXPECT_EQ(back.reviewer.licensure, (std::vector<std::string>{"California", "Nevada"}));
    ASSERT_EQ(back.items.size(), r.items.size());
    for (size_t i = 0; i < r.items.size(); ++i) {
      EXPECT_EQ(back.items[i].request, r.items[i].request);
      EXPECT_EQ(back.items[i].decision, *r.items[i].decision);
      ASSERT_EQ(back.items[i].reviewer_citations.size(), r.items[i].citations.size());
      for (size_t k = 0; k < r.items[i].citations.size(); ++k) {
        EXPECT_EQ(back.items[i].reviewer_citations[k].section, r.items[i].citations[k].section);
        EXPECT_EQ(back.items[i].reviewer_citations[k].pages, r.items[i].citations[k].pages);
      }
      EXPECT_EQ(back.items[i].rationale, r.items[i].rationale);
    }
  }
}

}  // namespace
}  // namespace imr
