#include "core/date.h"

#include <re2/re2.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <string>

namespace imr {
namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int expand_year(int y, size_t digits) {
  if (digits > 2) return y;
  return y <= 30 ? 2000 + y : 1900 + y;
}

// Month names and their common abbreviations; index+1 is the month number.
constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

int month_from_name(std::string_view word) {
  std::string w;
  for (char c : word) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!w.empty() && w.back() == '.') w.pop_back();
  if (w.size() < 3) return 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i] == w) return static_cast<int>(i) + 1;
    if (w.size() <= kMonths[i].size() && kMonths[i].substr(0, w.size()) == w &&
        (w.size() == 3 || (w == "sept" && i == 8)))
      return static_cast<int>(i) + 1;
  }
  return 0;
}

const RE2& numeric_re() {
  // 11/2/13, 12-8-10, 08/29/2005, 2015-08-24, 8.24.15; word boundaries on both sides.
  static const RE2 re(
      R"((?:^|[^\d/\-.])((\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})([/\-.])(\d{1,2})([/\-.])(\d{4}|\d{2}))(?:$|[^\d/\-]))");
  return re;
}

const RE2& month_name_re() {
  // "April 3, 2015", "Apr. 3 2015", "April 2015", "3 April 2015", "early 2013", "mid-2014".
  static const RE2 re(
      R"((?i)\b((?:(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})|(\d{1,2})\s+(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4})|(early|mid|late|beginning of|end of|the end of|spring|summer|fall|autumn|winter)(?:[\s\-]+of)?[\s\-]+(\d{4}))\b))");
  return re;
}

const RE2& month_year_re() {
  // A month and a four-digit year, not part of a longer date or number ("09/2014").
  static const RE2 re(R"((?:^|[^\d/\-.])((\d{1,2})/(\d{4}))(?:$|[^\d/]))");
  return re;
}

std::optional<Date> make_day(int y, int m, int d) {
  Date date = Date::ymd(y, m, d);
  if (!date.valid()) return std::nullopt;
  return date;
}

}  // namespace

int days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

Date civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date::ymd(y + (m <= 2), static_cast<int>(m), static_cast<int>(d));
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool Date::valid() const {
  if (year < 1900 || year > 2100) return false;
  switch (precision) {
    case Precision::kYear:
      return true;
    case Precision::kMonth:
      return month >= 1 && month <= 12;
    case Precision::kDay:
      return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
  }
  return false;
}

int Date::first_day() const {
  switch (precision) {
    case Precision::kDay:
      return days_from_civil(year, month, day);
    case Precision::kMonth:
      return days_from_civil(year, month, 1);
    case Precision::kYear:
      return days_from_civil(year, month > 0 ? month : 1, 1);
  }
  return 0;
}

int Date::last_day() const {
  switch (precision) {
    case Precision::kDay:
      return days_from_civil(year, month, day);
    case Precision::kMonth:
      return days_from_civil(year, month, days_in_month(year, month));
    case Precision::kYear: {
      const int last_month = until_month > 0 ? until_month : 12;
      return days_from_civil(year, last_month, days_in_month(year, last_month));
    }
  }
  return 0;
}

std::string Date::iso() const {
  char buf[16];
  switch (precision) {
    case Precision::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
      break;
    case Precision::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
      break;
    case Precision::kYear:
      std::snprintf(buf, sizeof buf, "%04d", year);
      break;
  }
  return buf;
}

std::optional<DateMatch> find_date(std::string_view text, size_t from) {
  if (from >= text.size()) return std::nullopt;
  const std::string_view rest = text.substr(from);
  std::optional<DateMatch> best;

  {
    re2::StringPiece input(rest.data(), rest.size());
    re2::StringPiece whole, iso_y, iso_m, iso_d, a, sep1, b, sep2, c;
    re2::StringPiece all;
    while (RE2::FindAndConsume(&input, numeric_re(), &whole, &iso_y, &iso_m, &iso_d, &a, &sep1,
                               &b, &sep2, &c)) {
      std::optional<Date> d;
      if (!iso_y.empty()) {
        d = make_day(std::stoi(std::string(iso_y)), std::stoi(std::string(iso_m)),
                     std::stoi(std::string(iso_d)));
      } else if (sep1 == sep2) {
        d = make_day(expand_year(std::stoi(std::string(c)), c.size()),
                     std::stoi(std::string(a)), std::stoi(std::string(b)));
      }
      if (d) {
        const size_t start = from + static_cast<size_t>(whole.data() - rest.data());
        best = DateMatch{*d, start, start + whole.size()};
        break;
      }
      // The trailing context character was consumed; step back so adjacent dates match.
      if (input.data() > rest.data() && !input.empty()) input = re2::StringPiece(input.data() - 1, input.size() + 1);
    }
  }

  {
    // Month and year in figures: "09/2014", "6/2015".
    re2::StringPiece input(rest.data(), rest.size());
    re2::StringPiece whole, mon, year;
    if (RE2::PartialMatch(input, month_year_re(), &whole, &mon, &year)) {
      Date d{std::stoi(std::string(year)), std::stoi(std::string(mon)), 0, Date::Precision::kMonth, 0};
      const size_t start = from + static_cast<size_t>(whole.data() - rest.data());
      if (d.valid() && (!best || start < best->start)) best = DateMatch{d, start, start + whole.size()};
    }
  }

  {
    re2::StringPiece input(rest.data(), rest.size());
    re2::StringPiece whole, mon, day, year, day2, mon2, year2, part, year3;
    if (RE2::PartialMatch(input, month_name_re(), &whole, &mon, &day, &year,
                          &day2, &mon2, &year2, &part, &year3)) {
      std::optional<Date> d;
      if (!mon.empty()) {
        const int m = month_from_name(mon);
        const int y = std::stoi(std::string(year));
        if (!day.empty()) {
          d = make_day(y, m, std::stoi(std::string(day)));
        } else {
          Date dm{y, m, 0, Date::Precision::kMonth};
          if (dm.valid()) d = dm;
        }
      } else if (!mon2.empty()) {
        d = make_day(std::stoi(std::string(year2)), month_from_name(mon2),
                     std::stoi(std::string(day2)));
      } else if (!part.empty()) {
        const int y = std::stoi(std::string(year3));
        std::string p;
        for (char ch : part) p += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        Date dy{y, 9, 0, Date::Precision::kYear, 12};
        if (p == "early" || p == "beginning of") dy = Date{y, 1, 0, Date::Precision::kYear, 4};
        else if (p == "mid") dy = Date{y, 5, 0, Date::Precision::kYear, 8};
        // Seasons as months of the northern year; winter is taken as its first months.
        else if (p == "spring") dy = Date{y, 3, 0, Date::Precision::kYear, 5};
        else if (p == "summer") dy = Date{y, 6, 0, Date::Precision::kYear, 8};
        else if (p == "fall" || p == "autumn") dy = Date{y, 9, 0, Date::Precision::kYear, 11};
        else if (p == "winter") dy = Date{y, 1, 0, Date::Precision::kYear, 2};
        if (dy.valid()) d = dy;
      }
      if (d) {
        const size_t start = from + static_cast<size_t>(whole.data() - rest.data());
        if (!best || start < best->start) best = DateMatch{*d, start, start + whole.size()};
      }
    }
  }
  return best;
}

std::optional<Date> parse_date(std::string_view text) {
  size_t b = 0, e = text.size();
  while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
  const std::string_view t = text.substr(b, e - b);
  if (t.empty()) return std::nullopt;
  auto m = find_date(t);
  if (!m || m->start != 0 || m->end != t.size()) {
    // A bare four-digit year ("2013").
    if (t.size() == 4 && std::isdigit(static_cast<unsigned char>(t[0])) &&
        std::isdigit(static_cast<unsigned char>(t[3]))) {
      Date y{std::stoi(std::string(t)), 1, 0, Date::Precision::kYear, 12};
      if (y.valid()) return y;
    }
    return std::nullopt;
  }
  return m->date;
}

}  // namespace imr
