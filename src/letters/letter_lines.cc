#include "letters/letter_lines.h"

#include <re2/re2.h>

#include <cctype>

#include "core/text.h"

namespace imr::letters {
namespace {

bool is_page_number_line(std::string_view line) {
  static const RE2 re(R"((?i)(?:page\s*)?-?\s*\d{1,3}\s*-?(?:\s*(?:of|/)\s*\d{1,3})?)");
  return line.size() <= 20 && RE2::FullMatch(re2::StringPiece(line.data(), line.size()), re);
}

}  // namespace

std::vector<std::string> letter_lines(std::string_view text, std::vector<bool>* paragraph_starts) {
  std::vector<std::string> lines;
  std::string cur;
  bool blank = false, page = false;  // since the last line kept: a blank line, a page break
  auto flush = [&] {
    const std::string_view t = trim(cur);
    if (t.empty()) {
      blank = true;
    } else if (is_page_number_line(t)) {
      page = true;
    } else {
      lines.emplace_back(t);
      if (paragraph_starts) paragraph_starts->push_back(blank && !page);
      blank = page = false;
    }
    cur.clear();
  };
  if (paragraph_starts) paragraph_starts->clear();
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;  // one line break
    if (c == '\f') page = true;
    if (c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      flush();
    } else if (c == '\t') {
      cur += ' ';
    } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
      cur += ' ';  // UTF-8 non-breaking space
      ++i;
    } else {
      cur += c;
    }
  }
  flush();
  return lines;
}

bool matches_heading(std::string_view line, const Heading& h, std::string* rest) {
  if (line.size() > 200 || h.name.empty()) return false;
  // Cheap rejection before normalizing: the first letters must agree.
  const std::string_view t = trim(line);
  if (t.empty() || std::tolower(static_cast<unsigned char>(t.front())) !=
                       std::tolower(static_cast<unsigned char>(h.name.front())))
    return false;
  const std::string norm = collapse_whitespace(line);
  std::string_view v = norm;
  if (!istarts_with(v, h.name)) return false;
  std::string_view after = v.substr(h.name.size());
  if (h.prefix) {
    if (rest) rest->clear();
    return true;
  }
  after = trim(after);
  if (after.empty()) {
    if (rest) rest->clear();
    return true;
  }
  if (after.front() != ':') return false;
  if (rest) *rest = std::string(trim(after.substr(1)));
  return true;
}

size_t find_heading(const std::vector<std::string>& lines, size_t from,
                    std::span<const Heading> headings, std::string* rest) {
  for (size_t i = from; i < lines.size(); ++i)
    for (const Heading& h : headings)
      if (matches_heading(lines[i], h, rest)) return i;
  return kNoLine;
}

std::string join_lines(const std::vector<std::string>& lines, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to && i < lines.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += lines[i];
  }
  return collapse_whitespace(out);
}

}  // namespace imr::letters
