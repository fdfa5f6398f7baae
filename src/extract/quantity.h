// Numbers and lengths of time as clinical prose writes them.
//
// Numbers: digits ("6", "2.5") or words ("one" .. "twelve", "fifteen", "twenty", "thirty",
// "a"/"an" = 1, "a couple (of)" = 2, "a few" = 3, "several" = 3).
// Durations of use: "for at least 6 months" (180, lower bound), "in excess of 6 months",
// "for the past three years" (1095), "for two weeks" (14), "x 3 weeks" (21), "several
// months" (90), "for years" (365), "long-term" / "long term use" / "chronic use" (180, lower
// bound: our convention for an unquantified long-term statement), and start dates "since
// at least April 2015", "as early as 07/17/2014", "since 2012", "since his 2012 surgery".
// Relative starts: "two weeks ago", "3 months ago", "a year ago", "yesterday", "last month"
// (ago_days = 14, 90, 365, 1, 30); the caller resolves them against a known date.
// "Since the injury" names no date and gives nothing.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace imr::extract_detail {

// Parses one number token or phrase ("6", "six", "a couple of"); nullopt if not a number.
std::optional<double> parse_number(std::string_view word);

// Regex fragment (non-capturing inside) matching a number as parse_number reads it.
extern const char* const kNumberPattern;

struct DurationPhrase {
  size_t start = 0;  // bytes into the normalized sentence
  size_t end = 0;
  std::optional<Date> since;         // stated start
  std::optional<int> days;           // stated length
  bool lower_bound = false;          // "at least", "in excess of", "as early as", "long-term"
  std::optional<int> ago_days;       // "3 months ago": start = (known date) - ago_days
};

// Every duration phrase in a normalized sentence, left to right (at most 16).
std::vector<DurationPhrase> find_durations(std::string_view norm);

}  // namespace imr::extract_detail
