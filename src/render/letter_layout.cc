#include "render/letter_layout.h"

#include <vector>

#include "core/text.h"

namespace imr {
namespace {

std::string_view first_word(std::string_view line) {
  line = trim(line);
  return line.substr(0, line.find(' '));
}

// Calls `each` with every line of `text` (without its newline).
template <typename F>
void for_each_line(const std::string& text, F each) {
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    each(std::string_view(text).substr(pos, end - pos), pos == 0);
    pos = end + 1;
  }
}

}  // namespace

std::string wrap_paragraph(const std::string& text) {
  std::string out, line;
  for (const auto& word : split(collapse_whitespace(text), ' ')) {
    if (word.empty()) continue;
    if (!line.empty() && line.size() + 1 + word.size() > kLetterWrapColumns) {
      out += line + "\n";
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  return out + line;
}

bool is_soft_break(std::string_view line, std::string_view next) {
  return line.size() + 1 + first_word(next).size() > kLetterWrapColumns;
}

std::string unwrap_letter_text(const std::string& text) {
  std::string out;
  std::string_view prev;
  for_each_line(text, [&](std::string_view line, bool first) {
    const bool joins = !first && !trim(prev).empty() && !trim(line).empty() &&
                       prev.find('\f') == std::string_view::npos && line.find('\f') == std::string_view::npos &&
                       is_soft_break(prev, line);
    if (!first) out += joins ? " " : "\n";
    out += joins ? std::string(trim(line)) : std::string(line);
    prev = line;
  });
  return out;
}

std::string wrap_letter_text(const std::string& text) {
  std::string out;
  for_each_line(text, [&](std::string_view line, bool first) {
    if (!first) out += '\n';
    const bool keep = line.size() <= kLetterWrapColumns || line.find('\f') != std::string_view::npos;
    out += keep ? std::string(line) : wrap_paragraph(std::string(line));
  });
  return out;
}

}  // namespace imr
