// Reading how often a dose is taken: "BID", "q 4-6H", "every 4 to 6 hours", "3 times a day",
// "one patch every 3 days", "qhs", "prn"/"as needed" — to a normalized code and a range of
// doses per day. Pure; RE2 only; linear in the input.
#pragma once

#include <optional>
#include <string_view>

#include "core/text.h"
#include "intake/request.h"

namespace imr {

struct FoundFrequency {
  Frequency frequency;
  Span span;  // the bytes it was read from (schedule and an adjacent "prn" together)
  // The spans to blank out before reading other fields (schedule and prn separately).
  Span schedule_span;
  Span prn_span;
};

// Finds the frequency in `lower` (the request in lower case). `original` is the request
// as written, same length, for Frequency::text. A bare "prn" gives code "prn" with
// doses_per_day {0, 0}: as needed, count not stated.
std::optional<FoundFrequency> find_frequency(std::string_view lower, std::string_view original);

// "one" -> 1, "two" -> 2, ... "twelve", "once" -> 1, "twice" -> 2, "thrice" -> 3, "half" -> 0.5,
// "a"/"an" -> 1, or a decimal number; nullopt otherwise.
std::optional<double> number_word(std::string_view word);

}  // namespace imr
