#include "extract/sentences.h"

#include <cctype>

#include "core/file.h"
#include "core/text.h"
#include "extract/dates.h"
#include "extract/lexicon.h"

namespace imr::extract_detail {

std::string normalize(std::string_view text) { return to_lower(collapse_whitespace(text)); }

namespace {

bool space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Length of an upper-case heading ("ALLERGIES:", "CURRENT MEDICATIONS:", "A/P:") starting at
// `p`, through its colon; 0 when there is none. At most 40 bytes are read.
size_t heading_at(std::string_view text, size_t p) {
  size_t letters = 0;
  for (size_t i = p; i < text.size() && i < p + 40; ++i) {
    const char c = text[i];
    if (c == ':') return letters >= 2 ? i + 1 - p : 0;
    if (c >= 'A' && c <= 'Z') ++letters;
    else if (!(c == ' ' || c == '/' || c == '&' || c == '-' || c == '\'' ||
               (c >= '0' && c <= '9')))
      return 0;
  }
  return 0;
}

// A span cut before every line that opens with an upper-case heading: blank lines do not
// end sentences (PDF text puts them inside sentences), but "ALLERGIES: ..." on a new line
// starts a new one.
std::vector<Span> split_at_headings(std::string_view text, Span span) {
  std::vector<Span> out;
  size_t b = span.start;
  for (size_t i = span.start; i < span.end; ++i) {
    if (text[i] != '\n') continue;
    size_t h = i + 1;
    while (h < span.end && (text[h] == ' ' || text[h] == '\t')) ++h;
    if (h >= span.end || heading_at(text.substr(0, span.end), h) == 0) continue;
    size_t e = i;
    while (e > b && space(text[e - 1])) --e;
    if (e > b) out.push_back({b, e});
    b = h;
  }
  if (span.end > b) out.push_back({b, span.end});
  return out;
}

}  // namespace

std::vector<Sentence> record_sentences(std::string_view text,
                                       const std::optional<Date>& record_date,
                                       const Lexicon* shorthand) {
  if (text.size() > kMaxInputBytes) text = text.substr(0, kMaxInputBytes);
  std::vector<Sentence> out;
  std::optional<Date> narrative = record_date;
  auto add = [&](size_t b, size_t e) {
    Sentence s;
    s.start = b;
    s.end = e;
    s.norm = normalize(text.substr(b, e - b));
    if (shorthand) shorthand->expand_shorthand(s.norm);
    s.dates = sentence_dates(s.norm);
    if (auto d = latest_encounter(s.dates)) narrative = d;
    s.date = narrative;
    out.push_back(std::move(s));
  };
  std::vector<Span> spans;
  for (const Span& whole : split_sentences(text))
    for (const Span& part : split_at_headings(text, whole)) spans.push_back(part);
  for (const Span& span : spans) {
    size_t b = span.start;
    while (span.end - b > kMaxSentenceBytes) {
      // Cut at the last whitespace inside the cap, never inside a UTF-8 sequence.
      size_t cut = b + kMaxSentenceBytes;
      size_t ws = cut;
      while (ws > b && !std::isspace(static_cast<unsigned char>(text[ws]))) --ws;
      if (ws > b) {
        cut = ws;
      } else {
        // A UTF-8 sequence is at most 4 bytes: step back over at most 3 continuation bytes
        // (invalid text made only of them is cut at the cap, keeping the cost linear).
        size_t back = cut;
        while (back > b + 1 && cut - back < 3 &&
               (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80)
          --back;
        if ((static_cast<unsigned char>(text[back]) & 0xC0) != 0x80) cut = back;
      }
      size_t e = cut;
      while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
      if (e > b) add(b, e);
      b = cut;
      while (b < span.end && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    }
    if (span.end > b) add(b, span.end);
  }
  return out;
}

}  // namespace imr::extract_detail
