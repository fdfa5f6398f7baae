// The letter text's layout: render_letter_text wraps each paragraph at kLetterWrapColumns;
// the PDF re-flows those soft breaks; the redacted copy undoes them, is redacted whole (so no
// line break splits an identifier) and is wrapped again the same way. One rule for all three.
#pragma once

#include <string>
#include <string_view>

namespace imr {

inline constexpr size_t kLetterWrapColumns = 96;

// A paragraph as wrapped lines: whitespace collapsed, a break before each word that would
// not fit.
std::string wrap_paragraph(const std::string& text);
// True when `line` was broken by the wrapper: the next line's first word would not have fit.
bool is_soft_break(std::string_view line, std::string_view next);
// Joins every soft break back into one line per paragraph; other line breaks stay.
std::string unwrap_letter_text(const std::string& letter_text);
// Wraps every line longer than the width as wrap_paragraph does; shorter lines stay as written.
std::string wrap_letter_text(const std::string& text);

}  // namespace imr
