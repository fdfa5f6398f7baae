// read_letter: finds the layout and hands the letter's lines to its reader.
#include "letters/letter.h"

#include <algorithm>

#include "core/error.h"
#include "core/text.h"
#include "letters/layouts.h"
#include "letters/letter_lines.h"

namespace imr {
namespace {

using letters::Heading;

constexpr Heading kFinal[] = {{"IMR ISSUES, DECISIONS AND RATIONALES"},
                              {"HOW THE IMR FINAL DETERMINATION WAS MADE"}};
constexpr Heading kMpr[] = {{"MEDICAL PROFESSIONAL REVIEW"},
                            {"ISSUE AT DISPUTE"},
                            {"ISSUES AT DISPUTE"}};

bool mentions(const std::vector<std::string>& lines, std::string_view phrase) {
  for (const std::string& line : lines)
    if (icontains(line, phrase)) return true;
  return false;
}

Letter read_layout(const std::vector<std::string>& lines, const std::vector<bool>& paragraph_starts,
                   const std::string& file) {
  if (letters::find_heading(lines, 0, kFinal) != letters::kNoLine)
    return letters::read_final_determination(lines, file, paragraph_starts);
  if (letters::find_heading(lines, 0, kMpr) != letters::kNoLine)
    return letters::read_medical_professional_review(lines, file);
  if (mentions(lines, "Notice of Independent Medical Review Determination") ||
      icontains(letters::join_lines(lines, 0, lines.size()), "has determined the request for"))
    return letters::read_notice_of_determination(lines, file);
  // Not recognisably any layout: the final-determination reader names what is missing.
  return letters::read_final_determination(lines, file);
}

// The header table sits above the first section heading, at the top of the letter.
size_t header_table_end(const std::vector<std::string>& lines) {
  constexpr size_t kMaxHeaderTableLines = 40;
  static constexpr Heading kFirstSections[] = {{"HOW THE IMR FINAL DETERMINATION WAS MADE"},
                                               {"CLINICAL CASE SUMMARY"},
                                               {"IMR ISSUES, DECISIONS AND RATIONALES"},
                                               {"MEDICAL PROFESSIONAL REVIEW"},
                                               {"ISSUE AT DISPUTE"},
                                               {"Notice of Independent Medical Review Determination", true}};
  const size_t first = letters::find_heading(lines, 0, kFirstSections);
  return std::min(first == letters::kNoLine ? lines.size() : first, kMaxHeaderTableLines);
}

}  // namespace

bool LetterHeader::empty() const {
  return case_number.empty() && !date_assigned && !decision_date && !ur_denial_date && !application_received &&
         !date_of_injury && priority.empty();
}

Letter read_letter(std::string_view text, const std::string& file) {
  std::vector<bool> paragraph_starts;
  const std::vector<std::string> lines = letters::letter_lines(text, &paragraph_starts);
  if (lines.empty()) throw InputError(file, "letter is empty");
  Letter letter = read_layout(lines, paragraph_starts, file);
  letter.header = letters::read_header_table(lines, header_table_end(lines));
  for (LetterItem& item : letter.items) letters::mark_retrospective(item);
  return letter;
}

}  // namespace imr
