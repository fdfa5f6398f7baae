// Points in time for the case service: audit entries, events and deadlines.
//
// A Timestamp is a civil date and time in the review organization's local time (California),
// to the second, with no time-zone arithmetic: deadlines in the rules are counted in local
// calendar and business days, so the service keeps local civil time throughout. The text
// form is ISO 8601 without an offset, "2026-11-23T14:05:00".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace imr {

struct Timestamp {
  int64_t seconds = 0;  // civil seconds since 1970-01-01T00:00:00 local

  static Timestamp at(const Date& day, int hour = 0, int minute = 0, int second = 0);
  Date date() const;  // the calendar day it falls on
  int seconds_of_day() const;
  Timestamp plus_seconds(int64_t s) const { return Timestamp{seconds + s}; }
  Timestamp plus_days(int d) const { return Timestamp{seconds + int64_t{d} * 86400}; }
  std::string iso() const;  // "2026-11-23T14:05:00"

  friend auto operator<=>(const Timestamp&, const Timestamp&) = default;
};

// Parses "YYYY-MM-DDTHH:MM:SS", "YYYY-MM-DDTHH:MM" or a bare "YYYY-MM-DD" (midnight).
// A trailing "Z" is accepted and ignored. nullopt for anything else or an impossible date.
std::optional<Timestamp> parse_timestamp(std::string_view text);

// The current local time from the system clock (the edge; the service takes a clock so
// tests can fix it).
Timestamp now_local();

}  // namespace imr
