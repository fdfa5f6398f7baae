#include "core/text.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace imr {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_upper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Words after which a period does not end a sentence (lower case, without the period).
// Units and dosing words ("10 mg.", "q6h prn.") are left out on purpose: in clinical notes
// they end sentences far more often than they abbreviate mid-sentence.
constexpr std::array<std::string_view, 31> kAbbreviations = {
    "dr",  "mr",  "mrs", "ms",    "no",    "vs",    "e.g", "i.e", "etc", "approx", "yr",
    "y.o", "p.o", "b.i.d", "t.i.d", "q.i.d", "q.d", "q.h.s", "h.s", "st",  "inc",   "fig",
    "pt",  "dept", "jr",  "sr",    "a.m",   "p.m",   "co",  "corp", "ltd"};

bool is_abbreviation(std::string_view text, size_t dot) {
  // The word before the period, letters and inner periods only.
  size_t b = dot;
  while (b > 0 && (is_alpha(text[b - 1]) || text[b - 1] == '.')) --b;
  if (b == dot) return false;
  std::string word = to_lower(text.substr(b, dot - b));
  if (word.size() == 1) return true;  // initials: "J. Smith", "L. knee"
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

// Notes written quickly start sentences in lower case ("... restricted ROM. tx to date has
// included ..."): after a period, one of these words starts a new sentence all the same.
// Words that also follow an abbreviation mid-sentence are left out.
constexpr std::array<std::string_view, 20> kLowerCaseOpeners = {
    "he", "she", "they", "the", "this", "there", "pt", "patient", "tx", "dx", "hx", "his", "her",
    "we", "denies", "reports", "states", "treatment", "plan", "exam"};

bool opens_sentence(std::string_view text, size_t k) {
  size_t e = k;
  while (e < text.size() && e - k <= 10 && text[e] >= 'a' && text[e] <= 'z') ++e;
  if (e == k || (e < text.size() && is_alpha(text[e]))) return false;
  const std::string_view word = text.substr(k, e - k);
  return std::find(kLowerCaseOpeners.begin(), kLowerCaseOpeners.end(), word) != kLowerCaseOpeners.end();
}

}  // namespace

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : s) {
    if (is_space(c)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      out += c;
    }
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool icontains(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                        [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b));
                        });
  return it != haystack.end();
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(b, i - b));
      b = i + 1;
    }
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::vector<Span> split_sentences(std::string_view text) {
  std::vector<Span> out;
  size_t start = 0;
  auto emit = [&](size_t end) {
    size_t b = start, e = end;
    while (b < e && is_space(text[b])) ++b;
    while (e > b && is_space(text[e - 1])) --e;
    if (e > b) out.push_back(Span{b, e});
    start = end;
  };
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (c == '\n') {
      // A line ending with ':' closes a heading; a following bullet opens a new sentence.
      size_t p = i;
      while (p > start && (text[p - 1] == ' ' || text[p - 1] == '\t' || text[p - 1] == '\r')) --p;
      size_t q = i + 1;
      while (q < n && is_space(text[q])) ++q;
      const bool heading = p > start && text[p - 1] == ':';
      const bool bullet = q < n && (text[q] == '-' || text[q] == '*' || text[q] == '\xE2') &&
                          q + 1 < n && (is_space(text[q + 1]) || text[q] == '\xE2');
      if (heading || bullet) emit(i);
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    // Keep runs like "..." or "?!" together.
    size_t j = i + 1;
    while (j < n && (text[j] == '.' || text[j] == '!' || text[j] == '?' || text[j] == '"' ||
                     text[j] == '\'' || text[j] == ')'))
      ++j;
    if (j < n && !is_space(text[j])) continue;  // 0.5, 8.24.15, e.g.x
    size_t k = j;
    while (k < n && is_space(text[k])) ++k;
    if (k == n) {
      emit(j);
      i = j - 1;
      continue;
    }
    if (c == '.' && is_abbreviation(text, i)) continue;
    const char next = text[k];
    if (is_upper(next) || is_digit(next) || next == '"' || next == '(' || next == '\'' || opens_sentence(text, k)) {
      emit(j);
      i = j - 1;
    }
  }
  emit(n);
  return out;
}

bool looks_like_text(std::string_view bytes) {
  if (bytes.find('\0') != std::string_view::npos) return false;
  size_t control = 0;
  for (unsigned char c : bytes) {
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control * 100 <= bytes.size();  // at most 1% stray control bytes
}

}  // namespace imr
