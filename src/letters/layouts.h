// The three letter layouts, each read from the letter's lines (see letter_lines.h), and
// the pieces they share. Internal to src/letters/. Every reader throws InputError naming
// the file and the missing part rather than return a letter without items.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "letters/letter.h"

namespace imr::letters {

// `paragraph_starts` (from letter_lines, or empty) helps tell an item header from the end of
// the rationale before it.
Letter read_final_determination(const std::vector<std::string>& lines, const std::string& file,
                                const std::vector<bool>& paragraph_starts = {});
Letter read_notice_of_determination(const std::vector<std::string>& lines, const std::string& file);
Letter read_medical_professional_review(const std::vector<std::string>& lines,
                                        const std::string& file);

// Cuts `text` at labelled fields. fields[i] lists the labels that open field i (lower case,
// matched case-insensitively, first occurrence); a field runs from after its label (and a
// ':' after it) to the next label found. Absent fields are nullopt. Values are trimmed.
std::vector<std::optional<std::string>> split_fields(
    std::string_view text, const std::vector<std::vector<std::string_view>>& fields);

// "Upheld" / "Overturned" in any case; nullopt otherwise.
std::optional<Decision> decision_word(std::string_view word);

// The decision a sentence states: the last "is/was [not] medically necessary" in `text`
// ("not" means the denial stands: upheld).
std::optional<Decision> decision_from_necessity(std::string_view text);

// The header table in lines [0, to) (see header_table.cc); empty fields when absent.
LetterHeader read_header_table(const std::vector<std::string>& lines, size_t to);

// Reads an item header's text, the decision cut off, into item.request (for a modified
// request also original_request, certified and modified; see item_request.cc).
void read_item_request(std::string_view header_text, LetterItem& item);
// Sets item.retrospective and item.date_of_service from item.request (and the original
// request); read_letter does it for the items of every layout.
void mark_retrospective(LetterItem& item);
// Whether a header's text tells of a modified request, and whether it holds the sentence
// that names the original request ("X was the original request").
bool looks_modified(std::string_view header_text);
bool looks_modified_opening(std::string_view header_text);

// Fills age, sex, date of injury and diagnoses from letter.case_summary.
void fill_claimant(Letter& letter);

// Throws InputError "item N 'REQUEST' PROBLEM".
[[noreturn]] void throw_item_error(const std::string& file, size_t number,
                                   const std::string& request, const std::string& problem);

}  // namespace imr::letters
