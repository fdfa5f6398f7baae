// Small, allocation-light text helpers shared by every stage. All functions are pure and
// linear in their input; none uses a backtracking regex.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace imr {

// A half-open byte range [start, end) in some text.
struct Span {
  size_t start = 0;
  size_t end = 0;
  size_t size() const { return end - start; }
  friend bool operator==(const Span&, const Span&) = default;
};

std::string to_lower(std::string_view s);
std::string_view trim(std::string_view s);
// Collapses every run of whitespace (including newlines) to one space and trims.
std::string collapse_whitespace(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
bool icontains(std::string_view haystack, std::string_view needle);
std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);

// Splits clinical prose into sentences, returning byte spans into `text` (trimmed of
// surrounding whitespace). A sentence ends at '.', '!' or '?' followed by whitespace and
// a capital, digit or quote — but not after common abbreviations (Dr., mg., p.o., b.i.d.,
// e.g., vs., No.) or inside numbers (0.5) and dates (8.24.15). A line ending in ':' and a
// line that begins with a bullet also end a sentence. Blank lines alone do not: text
// extracted from PDFs puts blank lines inside sentences.
std::vector<Span> split_sentences(std::string_view text);

// True if the bytes look like text rather than a binary file (no NULs, mostly printable
// or UTF-8).
bool looks_like_text(std::string_view bytes);

}  // namespace imr
