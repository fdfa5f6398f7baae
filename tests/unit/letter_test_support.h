// Test support for the letter reader: expected letters written as plain tables, and one
// function that checks every field of a parsed Letter against them.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "letters/letter.h"

namespace imr::testing {

struct ExpectedCitation {
  std::string source, section, pages, text;
};

struct ExpectedItem {
  std::string request;
  Decision decision;
  std::vector<ExpectedCitation> claims_administrator;
  std::vector<ExpectedCitation> reviewer;
  std::string rationale_start;  // the rationale's first words
  std::string rationale_end;    // its last words
};

struct ExpectedLetter {
  std::string layout;
  std::vector<std::string> licensure, certifications, subspecialties;
  std::optional<int> age;
  std::string sex;
  std::string date_of_injury;  // ISO, "" when none
  std::vector<std::string> diagnoses;
  std::string summary_start, summary_end;
  std::vector<ExpectedItem> items;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline bool starts(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }
inline bool ends(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

// Text that must never survive into a rationale or summary: field labels, page junk,
// layout control characters, doubled spaces.
inline void expect_clean(const std::string& s, const std::string& what) {
  for (const char* junk : {"Decision rationale", "MAXIMUS guideline", "Claims Administrator guideline",
                           "Page 2 of", "\f", "\n", "\r", "  "})
    EXPECT_EQ(s.find(junk), std::string::npos) << what << " contains '" << junk << "': " << s;
}

inline void expect_citations(const std::vector<Citation>& got, const std::vector<ExpectedCitation>& want,
                             const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(what + " citation " + std::to_string(i + 1));
    EXPECT_EQ(got[i].source, want[i].source);
    EXPECT_EQ(got[i].section, want[i].section);
    EXPECT_EQ(got[i].pages, want[i].pages);
    EXPECT_EQ(got[i].text, want[i].text);
  }
}

inline void expect_letter(const Letter& got, const ExpectedLetter& want, const std::string& file) {
  SCOPED_TRACE(file);
  EXPECT_EQ(got.file, file);
  EXPECT_EQ(got.layout, want.layout);
  EXPECT_EQ(got.reviewer.licensure, want.licensure);
  EXPECT_EQ(got.reviewer.certifications, want.certifications);
  EXPECT_EQ(got.reviewer.subspecialties, want.subspecialties);
  EXPECT_EQ(got.claimant_age, want.age);
  EXPECT_EQ(got.claimant_sex, want.sex);
  EXPECT_EQ(got.date_of_injury ? got.date_of_injury->iso() : "", want.date_of_injury);
  EXPECT_EQ(got.diagnoses, want.diagnoses);
  EXPECT_TRUE(starts(got.case_summary, want.summary_start)) << got.case_summary;
  EXPECT_TRUE(ends(got.case_summary, want.summary_end)) << got.case_summary;
  expect_clean(got.case_summary, "case summary");
  EXPECT_EQ(got.case_summary.find("developed the following"), std::string::npos);
  ASSERT_EQ(got.items.size(), want.items.size());
  for (size_t i = 0; i < want.items.size(); ++i) {
    const LetterItem& g = got.items[i];
    const ExpectedItem& w = want.items[i];
    SCOPED_TRACE("item " + std::to_string(i + 1) + " " + w.request);
    EXPECT_EQ(g.request, w.request);
    EXPECT_EQ(g.decision, w.decision);
    expect_citations(g.claims_administrator_citations, w.claims_administrator, "claims administrator");
    expect_citations(g.reviewer_citations, w.reviewer, "reviewer");
    EXPECT_TRUE(starts(g.rationale, w.rationale_start)) << g.rationale;
    EXPECT_TRUE(ends(g.rationale, w.rationale_end)) << g.rationale;
    expect_clean(g.rationale, "rationale");
  }
}

}  // namespace imr::testing
