// The 2013 "Notice of Independent Medical Review Determination": the items are stated up
// front as "MAXIMUS Federal Services, Inc. has determined the request for X is [not]
// medically necessary and appropriate." ("not" = upheld); after "INDEPENDENT MEDICAL
// REVIEW DECISION AND RATIONALE" come "Medical Qualifications of the Expert Reviewer",
// "(Expert Reviewer) Case Summary", optionally "Documents Reviewed", then one part per item
// opened by "N) Regarding the request for X:" with "Medical Treatment Guideline(s) Relied
// Upon by the Claims Administrator / by the Expert Reviewer" and "Rationale Used by the
// Expert Reviewer". Items and parts are matched in order.
#include <re2/re2.h>

#include "core/error.h"
#include "core/text.h"
#include "letters/claimant.h"
#include "letters/credentials.h"
#include "letters/layouts.h"
#include "letters/letter_lines.h"

namespace imr::letters {
namespace {

constexpr Heading kDecision[] = {{"INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE"}};
constexpr Heading kQualifications[] = {{"Medical Qualifications of the Expert Reviewer"},
                                       {"Expert Reviewer Qualifications"}};
constexpr Heading kSummary[] = {{"Expert Reviewer Case Summary"},
                                {"Clinical Case Summary"},
                                {"Case Summary"}};
constexpr Heading kAnyHeading[] = {{"INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE"},
                                   {"Medical Qualifications of the Expert Reviewer"},
                                   {"Expert Reviewer Qualifications"},
                                   {"Expert Reviewer Case Summary"},
                                   {"Clinical Case Summary"},
                                   {"Case Summary"},
                                   {"Documents Reviewed"}};

bool is_part_start(std::string_view line) {
  static const RE2 re(R"((?i)(?:\d{1,2}\s*[.)]\s*)?Regarding the request for\b.*)");
  return RE2::FullMatch(re2::StringPiece(line.data(), line.size()), re);
}

// End of the section starting after line `at`: the next heading or item part.
size_t section_end(const std::vector<std::string>& lines, size_t at) {
  for (size_t i = at + 1; i < lines.size(); ++i) {
    if (is_part_start(lines[i])) return i;
    for (const Heading& h : kAnyHeading)
      if (matches_heading(lines[i], h)) return i;
  }
  return lines.size();
}

// Text of the section whose heading is at `at` (including text after "Heading:").
std::string section_text(const std::vector<std::string>& lines, size_t at, const std::string& rest) {
  return collapse_whitespace(rest + " " + join_lines(lines, at + 1, section_end(lines, at)));
}

}  // namespace

Letter read_notice_of_determination(const std::vector<std::string>& lines, const std::string& file) {
  Letter letter;
  letter.file = file;
  letter.layout = "notice-of-determination";

  const size_t decision_at = find_heading(lines, 0, kDecision);
  const std::string head = join_lines(lines, 0, decision_at == kNoLine ? lines.size() : decision_at);
  static const RE2 item_re(
      R"((?i)has determined (?:that )?the request for (.+?) (?:is|was) (not )?medically necessary)");
  re2::StringPiece input(head);
  std::string request, neg;
  while (RE2::FindAndConsume(&input, item_re, &request, &neg)) {
    LetterItem item;
    item.request = request;
    item.decision = neg.empty() ? Decision::kOverturned : Decision::kUpheld;
    letter.items.push_back(std::move(item));
  }
  if (letter.items.empty())
    throw InputError(file,
                     "no disputed items found (no 'has determined the request for ... is [not] "
                     "medically necessary' statement)");

  std::string rest;
  if (size_t q = find_heading(lines, 0, kQualifications, &rest); q != kNoLine)
    letter.reviewer = read_credentials(section_text(lines, q, rest));
  const size_t s = find_heading(lines, decision_at == kNoLine ? 0 : decision_at, kSummary, &rest);
  if (s == kNoLine) throw InputError(file, "no 'Case Summary' section");
  letter.case_summary = clean_case_summary(section_text(lines, s, rest));
  fill_claimant(letter);

  std::vector<size_t> parts;
  for (size_t i = 0; i < lines.size(); ++i)
    if (is_part_start(lines[i])) parts.push_back(i);
  for (size_t k = 0; k < letter.items.size(); ++k) {
    LetterItem& item = letter.items[k];
    if (k >= parts.size())
      throw_item_error(file, k + 1, item.request,
                       "has no rationale (no 'Regarding the request for' part)");
    const size_t end = k + 1 < parts.size() ? parts[k + 1] : section_end(lines, parts[k]);
    const std::string body = join_lines(lines, parts[k] + 1, end);
    const auto fields = split_fields(
        body, {{"relied upon by the claims administrator", "claims administrator guideline"},
               {"relied upon by the expert reviewer", "maximus guideline"},
               {"rationale used by the expert reviewer", "decision rationale"}});
    if (fields[0]) item.claims_administrator_citations = parse_citations(*fields[0]);
    if (fields[1]) item.reviewer_citations = parse_citations(*fields[1]);
    if (!fields[2] || fields[2]->empty())
      throw_item_error(file, k + 1, item.request, "has no 'Rationale Used by the Expert Reviewer'");
    item.rationale = *fields[2];
  }
  if (parts.size() > letter.items.size())
    throw InputError(file, std::to_string(parts.size()) +
                               " 'Regarding the request for' parts but only " +
                               std::to_string(letter.items.size()) + " determined items");
  return letter;
}

}  // namespace imr::letters
