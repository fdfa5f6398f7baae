// Calendar dates as clinical records write them, with how precise the writer was.
//
// Records say "11/2/13", "12-8-10", "08/29/2005", "2015-08-24", "April 3, 2015",
// "April 2015", "early 2013". A Date keeps year, month and day, with 0 for the parts
// the text did not give, and the precision. Two-digit years pivot at 30: 00-30 are
// 2000-2030, 31-99 are 1931-1999. Parsing is pure and bounded (linear in the input).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace imr {

struct Date {
  enum class Precision { kDay, kMonth, kYear };
  int year = 0;
  int month = 0;  // 1-12, 0 when unknown
  int day = 0;    // 1-31, 0 when unknown
  Precision precision = Precision::kDay;
  // Year precision only: the span of months meant ("early 2013" = months 1..4).
  int until_month = 0;

  static Date ymd(int y, int m, int d) { return Date{y, m, d, Precision::kDay, 0}; }

  // Days since 1970-01-01 of the earliest and latest day the date may mean
  // ("April 2015" spans 2015-04-01..2015-04-30; "early 2013" 2013-01-01..2013-04-30).
  int first_day() const;
  int last_day() const;
  // ISO form at the date's precision: "2015-08-24", "2015-04", "2013".
  std::string iso() const;
  bool valid() const;

  friend bool operator==(const Date&, const Date&) = default;
};

// Days since 1970-01-01 for a civil date (proleptic Gregorian).
int days_from_civil(int y, int m, int d);
Date civil_from_days(int days);
int days_in_month(int y, int m);

// Parses a whole string that is one date in any of the forms above; nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);

// A date found inside free text, with its byte offsets.
struct DateMatch {
  Date date;
  size_t start = 0;
  size_t end = 0;
};

// Finds the first date at or after `from` in free text ("seen on 5/30/14 for..."),
// including month-name and season forms ("in April 2015", "early 2013").
std::optional<DateMatch> find_date(std::string_view text, size_t from = 0);

}  // namespace imr
