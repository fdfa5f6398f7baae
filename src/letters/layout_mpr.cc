// The 2013 "MEDICAL PROFESSIONAL REVIEW": sections ISSUE AT DISPUTE, CASE SUMMARY,
// DOCUMENTS REVIEWED FOR DETERMINATION, MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY
// PROFESSIONAL REVIEWER AND WHY, RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS
// NOT MEDICALLY NECESSARY, MEDICAL REVIEWER QUALIFICATIONS.
//
// Items are the entries of ISSUE AT DISPUTE ("1. REQUEST: Upheld", or one unnumbered
// question "Is the request for X medically necessary?"). With several items the guideline
// and rationale sections are split on the same numbering ("1." / "1)") and matched in order;
// an unsplit guideline section applies to every item. A decision not written in the issue
// comes from the rationale's last "is [not] medically necessary". The layout names no
// claims administrator citations.
#include <re2/re2.h>

#include "core/error.h"
#include "core/text.h"
#include "letters/claimant.h"
#include "letters/credentials.h"
#include "letters/layouts.h"
#include "letters/letter_lines.h"

namespace imr::letters {
namespace {

constexpr Heading kIssue[] = {{"ISSUE AT DISPUTE"}, {"ISSUES AT DISPUTE"}};
constexpr Heading kSummary[] = {{"CASE SUMMARY"}};
constexpr Heading kGuidelines[] = {{"MEDICAL TREATMENT GUIDELINE(S) RELIED UPON", true},
                                   {"MEDICAL TREATMENT GUIDELINES RELIED UPON", true}};
constexpr Heading kRationale[] = {{"RATIONALE FOR WHY THE REQUESTED", true}};
constexpr Heading kQualifications[] = {{"MEDICAL REVIEWER QUALIFICATIONS"}};
constexpr Heading kAll[] = {{"MEDICAL PROFESSIONAL REVIEW"},
                            {"ISSUE AT DISPUTE"},
                            {"ISSUES AT DISPUTE"},
                            {"CASE SUMMARY"},
                            {"DOCUMENTS REVIEWED FOR DETERMINATION", true},
                            {"MEDICAL TREATMENT GUIDELINE(S) RELIED UPON", true},
                            {"MEDICAL TREATMENT GUIDELINES RELIED UPON", true},
                            {"RATIONALE FOR WHY THE REQUESTED", true},
                            {"MEDICAL REVIEWER QUALIFICATIONS"}};

struct Section {
  size_t from = kNoLine;  // first line after the heading
  size_t to = kNoLine;
  bool found() const { return from != kNoLine; }
};

Section section(const std::vector<std::string>& lines, std::span<const Heading> heading) {
  const size_t at = find_heading(lines, 0, heading);
  if (at == kNoLine) return {};
  const size_t next = find_heading(lines, at + 1, kAll);
  return {at + 1, next == kNoLine ? lines.size() : next};
}

// The numbered entries ("1.", "2)") of a section, collapsed, numbers removed; the whole
// section as one entry when it is not numbered.
std::vector<std::string> entries(const std::vector<std::string>& lines, const Section& s) {
  static const RE2 number(R"((\d{1,2})\s*[.)]\s+.*)");
  static const RE2 strip(R"(^\d{1,2}\s*[.)]\s+)");
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = s.from; i < s.to; ++i) {
    if (RE2::FullMatch(lines[i], number) && !cur.empty()) {
      out.push_back(collapse_whitespace(cur));
      cur.clear();
    }
    cur += lines[i];
    cur += ' ';
  }
  if (!trim(cur).empty()) out.push_back(collapse_whitespace(cur));
  for (std::string& e : out) RE2::Replace(&e, strip, "");
  return out;
}

struct Issue {
  LetterItem item;
  bool decided = true;  // false: the decision comes from the rationale
};

Issue read_issue(const std::string& entry) {
  static const RE2 decided(R"((?i)(.*\S)\s*:\s*(upheld|overturned)\b.*)");
  static const RE2 stated(R"((?i)(?:the )?request(?:ed)? (?:for )?(.+?) (?:is|was) (not )?medically necessary.*)");
  static const RE2 question(
      R"((?i)(?:is|was) (?:the )?(?:request(?:ed)? (?:for )?)?(?:(?:a|an) )?(.+?)\s+medically necessary\??.*)");
  Issue issue;
  LetterItem& item = issue.item;
  std::string request, word;
  if (RE2::FullMatch(entry, decided, &request, &word)) {
    item.request = request;
    item.decision = *decision_word(word);
  } else if (RE2::FullMatch(entry, stated, &request, &word)) {
    item.request = request;
    item.decision = word.empty() ? Decision::kOverturned : Decision::kUpheld;
  } else if (RE2::FullMatch(entry, question, &request)) {
    item.request = request;
    issue.decided = false;
  } else {
    item.request = entry;
    issue.decided = false;
  }
  return issue;
}

}  // namespace

Letter read_medical_professional_review(const std::vector<std::string>& lines,
                                        const std::string& file) {
  Letter letter;
  letter.file = file;
  letter.layout = "medical-professional-review";
  const Section issue = section(lines, kIssue);
  if (!issue.found())
    throw InputError(file, "no disputed items found (no 'ISSUE AT DISPUTE' section)");
  const std::vector<std::string> issues = entries(lines, issue);
  if (issues.empty())
    throw InputError(file, "no disputed items found ('ISSUE AT DISPUTE' section is empty)");

  const Section summary = section(lines, kSummary);
  if (!summary.found()) throw InputError(file, "no 'CASE SUMMARY' section");
  letter.case_summary = clean_case_summary(join_lines(lines, summary.from, summary.to));
  fill_claimant(letter);
  if (const Section q = section(lines, kQualifications); q.found())
    letter.reviewer = read_credentials(join_lines(lines, q.from, q.to));

  const Section guide = section(lines, kGuidelines);
  const Section why = section(lines, kRationale);
  const std::vector<std::string> guides = guide.found() ? entries(lines, guide) : std::vector<std::string>{};
  const std::vector<std::string> whys = why.found() ? entries(lines, why) : std::vector<std::string>{};

  for (size_t k = 0; k < issues.size(); ++k) {
    Issue issue = read_issue(issues[k]);
    LetterItem& item = issue.item;
    const bool undecided = !issue.decided;
    if (whys.size() != issues.size() && !(issues.size() == 1 && !whys.empty()))
      throw_item_error(file, k + 1, item.request,
                       why.found() ? "has no rationale of its own in the 'RATIONALE FOR WHY' section"
                                   : "has no rationale (no 'RATIONALE FOR WHY' section)");
    item.rationale = issues.size() == 1 ? join(whys, " ") : whys[k];
    if (undecided) {
      const auto d = decision_from_necessity(item.rationale);
      if (!d) throw_item_error(file, k + 1, item.request, "has no decision");
      item.decision = *d;
    }
    if (guides.size() == issues.size())
      item.reviewer_citations = parse_citations(guides[k]);
    else if (!guides.empty())
      item.reviewer_citations = parse_citations(join(guides, " "));
    letter.items.push_back(std::move(item));
  }
  return letter;
}

}  // namespace imr::letters
