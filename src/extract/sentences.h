// A record cut into sentences ready for matching, each with the narrative date in force.
//
// Sentences come from imr::split_sentences, cut again before a line that opens with an
// upper-case heading ("ALLERGIES: ...", "CURRENT MEDICATIONS:"). A sentence longer than kMaxSentenceBytes is cut
// at whitespace into pieces of at most that size (each piece is then a sentence of its own),
// so matching is bounded and nothing past the cap is silently ignored. `norm` is the
// sentence lower-cased with every whitespace run (newlines, form feeds) collapsed to one
// space; all pattern matching runs on it. The narrative date starts as the record's date
// and moves to the latest encounter date a sentence introduces (see dates.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "extract/dates.h"

namespace imr {
class Lexicon;
}

namespace imr::extract_detail {

inline constexpr size_t kMaxSentenceBytes = 2000;

struct Sentence {
  size_t start = 0;  // bytes into the record text, [start, end)
  size_t end = 0;
  std::string norm;
  std::optional<Date> date;  // narrative date in force (after this sentence's own update)
  std::vector<SentenceDate> dates;  // the dates written in it, with their roles
};

// `shorthand`, when given, writes clinical shorthand out in each sentence's `norm`
// (Lexicon::expand_shorthand): "tx has included pt" reads as "treatment has included pt".
std::vector<Sentence> record_sentences(std::string_view text,
                                       const std::optional<Date>& record_date,
                                       const Lexicon* shorthand = nullptr);

// Lower-case, whitespace-collapsed form of a piece of text.
std::string normalize(std::string_view text);

}  // namespace imr::extract_detail
