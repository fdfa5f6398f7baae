#include "extract/sentences.h"

#include <cctype>

#include "core/file.h"
#include "core/text.h"
#include "extract/dates.h"

namespace imr::extract_detail {

std::string normalize(std::string_view text) { return to_lower(collapse_whitespace(text)); }

std::vector<Sentence> record_sentences(std::string_view text,
                                       const std::optional<Date>& record_date) {
  if (text.size() > kMaxInputBytes) text = text.substr(0, kMaxInputBytes);
  std::vector<Sentence> out;
  std::optional<Date> narrative = record_date;
  auto add = [&](size_t b, size_t e) {
    Sentence s;
    s.start = b;
    s.end = e;
    s.norm = normalize(text.substr(b, e - b));
    s.dates = sentence_dates(s.norm);
    if (auto d = latest_encounter(s.dates)) narrative = d;
    s.date = narrative;
    out.push_back(std::move(s));
  };
  for (const Span& span : split_sentences(text)) {
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
