// Business days for the case service: weekends and California state holidays.
//
// Deadlines in the IMR rules are counted in calendar days or business days (8 CCR 9792.10.4,
// 9792.10.5, 9792.10.6). A business day is a weekday that is not a California state holiday
// as the state's offices observe it. The holidays come from data files, one per year
// (data/holidays/ca-YYYY.yaml: a `year` and a list of {date, name}); see the header of any of
// them for which holidays are listed and why.
//
// A year with no file is treated as having weekends only, never as an error, so a deadline is
// always computable (a deadline in late December may roll into a year not yet published).
// `covers(year)` tells the caller whether that year's holidays were known; the case service
// should flag deadlines in uncovered years for a person to check.
//
// A HolidayCalendar is immutable after loading and safe to share between threads.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace imr {

struct Holiday {
  Date date;
  std::string name;
  int line = 0;  // line in its file (0 when not from a file)
};

// Parses one year's file. The year is the file's `year` field and must match the file name
// when the name is ca-YYYY.yaml. Throws DataError(file, line, problem) for invalid YAML, a
// missing or bad `year`, a date that is not YYYY-MM-DD or outside the year, a holiday on a
// Sunday (list the observed Monday instead), a duplicate date, or a missing name.
std::vector<Holiday> parse_holiday_file(std::string_view yaml, const std::string& file);

class HolidayCalendar {
 public:
  // Weekends only; covers no year.
  HolidayCalendar() = default;
  // From parsed holidays; `years` are the years the holidays are complete for.
  static HolidayCalendar from_holidays(const std::vector<Holiday>& holidays,
                                       const std::set<int>& years);
  // Reads every dir/ca-YYYY.yaml (other files are ignored). DataError "dir: no holiday files"
  // when there are none; parse errors as parse_holiday_file.
  static HolidayCalendar load(const std::string& dir);

  bool is_holiday(const Date& d) const;
  bool is_weekend(const Date& d) const;
  bool is_business_day(const Date& d) const;
  // The n-th business day after d (d itself is not counted). n <= 0 returns d unchanged.
  Date add_business_days(const Date& d, int n) const;
  Date next_business_day_on_or_after(const Date& d) const;
  // The holiday's name ("Thanksgiving Day"); empty when d is not a holiday.
  std::string holiday_name(const Date& d) const;
  bool covers(int year) const { return years_.count(year) > 0; }
  const std::set<int>& years() const { return years_; }

 private:
  std::map<int, std::string> by_day_;  // days since 1970-01-01 -> name
  std::set<int> years_;
};

// A whole day written exactly YYYY-MM-DD (data files and applications are strict about
// dates); nullopt for any other form or an impossible date.
std::optional<Date> parse_iso_day(std::string_view text);

// The weekday of a date, 0 = Sunday .. 6 = Saturday.
int weekday(const Date& d);
// "Monday", ...
const char* weekday_name(const Date& d);

}  // namespace imr
