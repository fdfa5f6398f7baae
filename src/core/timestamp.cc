#include "core/timestamp.h"

#include <ctime>

#include <fmt/format.h>

namespace imr {

Timestamp Timestamp::at(const Date& day, int hour, int minute, int second) {
  return Timestamp{int64_t{days_from_civil(day.year, day.month, day.day)} * 86400 + hour * 3600 +
                   minute * 60 + second};
}

Date Timestamp::date() const {
  int64_t days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  return civil_from_days(static_cast<int>(days));
}

int Timestamp::seconds_of_day() const {
  int64_t r = seconds % 86400;
  return static_cast<int>(r < 0 ? r + 86400 : r);
}

std::string Timestamp::iso() const {
  Date d = date();
  int s = seconds_of_day();
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", d.year, d.month, d.day, s / 3600,
                     s / 60 % 60, s % 60);
}

namespace {

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  if (!text.empty() && text.back() == 'Z') text.remove_suffix(1);
  int y, mo, d, h = 0, mi = 0, s = 0;
  if (!digits(text, 0, 4, y) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, mo) ||
      text[7] != '-' || !digits(text, 8, 2, d))
    return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo)) return std::nullopt;
  if (text.size() > 10) {
    if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
    if (!digits(text, 11, 2, h) || text.size() < 16 || text[13] != ':' || !digits(text, 14, 2, mi))
      return std::nullopt;
    if (text.size() > 16) {
      if (text.size() != 19 || text[16] != ':' || !digits(text, 17, 2, s)) return std::nullopt;
    }
    if (h > 23 || mi > 59 || s > 59) return std::nullopt;
  }
  return Timestamp::at(Date::ymd(y, mo, d), h, mi, s);
}

Timestamp now_local() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return Timestamp::at(Date::ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), tm.tm_hour,
                       tm.tm_min, tm.tm_sec);
}

}  // namespace imr
