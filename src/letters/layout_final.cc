// The layout used since 2014: HOW THE IMR FINAL DETERMINATION WAS MADE / CLINICAL CASE
// SUMMARY / IMR ISSUES, DECISIONS AND RATIONALES, one "REQUEST: Upheld|Overturned" header
// per disputed item followed by "Claims Administrator guideline:", "MAXIMUS guideline:" and
// "Decision rationale:".
#include <re2/re2.h>

#include "core/error.h"
#include "core/text.h"
#include "letters/claimant.h"
#include "letters/credentials.h"
#include "letters/layouts.h"
#include "letters/letter_lines.h"

namespace imr::letters {
namespace {

constexpr Heading kSummary[] = {{"CLINICAL CASE SUMMARY"}};
constexpr Heading kIssues[] = {{"IMR ISSUES, DECISIONS AND RATIONALES"}};

constexpr std::string_view kCaLabel = "claims administrator guideline";
constexpr std::string_view kMaxLabel = "maximus guideline";
// Letters this project drafts label the reviewer's citations "IMR guideline".
constexpr std::string_view kImrLabel = "imr guideline";
constexpr std::string_view kRationaleLabel = "decision rationale";

bool is_reviewer_label(std::string_view line) {
  return istarts_with(line, kMaxLabel) || istarts_with(line, kImrLabel);
}

bool is_field_line(std::string_view line) {
  return istarts_with(line, kCaLabel) || is_reviewer_label(line) ||
         istarts_with(line, kRationaleLabel);
}

const RE2& header_re() {
  static const RE2 re(R"((?i)(.*\S)\s*:\s*(upheld|overturned)\s*\.?)");
  return re;
}

std::vector<LetterItem> read_items(const std::vector<std::string>& lines, size_t from,
                                   const std::string& file) {
  // Item headers: a line "REQUEST: Upheld|Overturned", or any line directly before a
  // "Claims Administrator guideline" line (or before a "MAXIMUS guideline" line that does
  // not continue a claims administrator citation) — the latter so a header without a
  // decision is reported rather than swallowed by the previous rationale.
  std::vector<size_t> headers;
  std::string_view last_field;
  for (size_t i = from; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (is_field_line(line)) {
      last_field = istarts_with(line, kCaLabel) ? kCaLabel
                   : is_reviewer_label(line) ? kMaxLabel : kRationaleLabel;
      continue;
    }
    const bool decided = RE2::FullMatch(line, header_re());
    const bool next_ca = i + 1 < lines.size() && istarts_with(lines[i + 1], kCaLabel);
    const bool next_max = i + 1 < lines.size() && is_reviewer_label(lines[i + 1]) &&
                          last_field != kCaLabel;
    if (decided || next_ca || next_max) {
      headers.push_back(i);
      last_field = {};
    }
  }
  if (headers.empty())
    throw InputError(file,
                     "no disputed items found (no 'REQUEST: Upheld' or 'REQUEST: Overturned' "
                     "line under 'IMR ISSUES, DECISIONS AND RATIONALES')");

  std::vector<LetterItem> items;
  for (size_t k = 0; k < headers.size(); ++k) {
    const std::string header = collapse_whitespace(lines[headers[k]]);
    LetterItem item;
    std::string request, word;
    if (RE2::FullMatch(header, header_re(), &request, &word)) {
      item.request = request;
      item.decision = *decision_word(word);
    } else {
      std::string_view r = header;
      while (!r.empty() && r.back() == ':') r.remove_suffix(1);
      throw_item_error(file, k + 1, std::string(trim(r)), "has no decision (Upheld or Overturned)");
    }
    const size_t end = k + 1 < headers.size() ? headers[k + 1] : lines.size();
    const std::string body = join_lines(lines, headers[k] + 1, end);
    const auto fields = split_fields(body, {{kCaLabel}, {kMaxLabel, kImrLabel}, {kRationaleLabel}});
    if (fields[0]) item.claims_administrator_citations = parse_citations(*fields[0]);
    if (fields[1]) item.reviewer_citations = parse_citations(*fields[1]);
    if (!fields[2] || fields[2]->empty())
      throw_item_error(file, k + 1, item.request, "has no 'Decision rationale'");
    item.rationale = *fields[2];
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace

Letter read_final_determination(const std::vector<std::string>& lines, const std::string& file) {
  const size_t issues = find_heading(lines, 0, kIssues);
  if (issues == kNoLine)
    throw InputError(file,
                     "no disputed items found (no 'IMR ISSUES, DECISIONS AND RATIONALES' section)");
  const size_t summary = find_heading(lines, 0, kSummary);
  if (summary == kNoLine || summary > issues)
    throw InputError(file, "no 'CLINICAL CASE SUMMARY' section before the disputed items");
  Letter letter;
  letter.file = file;
  letter.layout = "final-determination";
  letter.reviewer = read_credentials(join_lines(lines, 0, summary));
  letter.case_summary = clean_case_summary(join_lines(lines, summary + 1, issues));
  fill_claimant(letter);
  letter.items = read_items(lines, issues + 1, file);
  return letter;
}

}  // namespace imr::letters
