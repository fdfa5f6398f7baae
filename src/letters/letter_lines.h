// Letter text prepared for reading, and the headings that cut it into sections.
//
// Text extracted from PDFs puts blank lines between wrapped lines, page breaks (\f) inside
// sentences, stray spaces in headings and page numbers between lines. letter_lines() turns
// any of that into the letter's non-blank lines, trimmed; blank lines carry no meaning
// afterwards. Pure functions, no global state.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace imr::letters {

inline constexpr size_t kNoLine = static_cast<size_t>(-1);

// The non-blank lines of `text`, trimmed. Form feeds, carriage returns and non-breaking
// spaces count as whitespace; page-number lines ("Page 2 of 5", "- 3 -", "4") are dropped.
// `paragraph_starts`, when given, receives one flag per line: a blank line came before it
// and no page break did (blank lines around a page break say nothing about paragraphs). Text
// with a blank line after every line has every flag set; readers must check for that.
std::vector<std::string> letter_lines(std::string_view text, std::vector<bool>* paragraph_starts = nullptr);

// A section heading. `prefix` headings match any line that starts with the name (for the
// long 2013 headings); others must match the whole line, ignoring case and spacing, with an
// optional trailing ':' and, after that colon, optional text on the same line.
struct Heading {
  std::string_view name;
  bool prefix = false;
};

// True when `line` is heading `h`; `rest` (optional) receives any text after "HEADING:".
bool matches_heading(std::string_view line, const Heading& h, std::string* rest = nullptr);

// The first line at or after `from` that is one of `headings`, or kNoLine.
size_t find_heading(const std::vector<std::string>& lines, size_t from,
                    std::span<const Heading> headings, std::string* rest = nullptr);

// Lines [from, to) joined with single spaces, whitespace collapsed.
std::string join_lines(const std::vector<std::string>& lines, size_t from, size_t to);

}  // namespace imr::letters
