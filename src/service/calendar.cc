#include "service/calendar.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "core/error.h"
#include "core/file.h"
#include "core/timestamp.h"

namespace imr {
namespace {

int line_of(const YAML::Node& n) { return n.Mark().line + 1; }

int day_number(const Date& d) { return days_from_civil(d.year, d.month, d.day); }

// The year in a file name ca-YYYY.yaml, or 0.
int year_from_name(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  if (name.size() != 12 || name.compare(0, 3, "ca-") != 0 || name.compare(7, 5, ".yaml") != 0)
    return 0;
  int y = 0;
  for (size_t i = 3; i < 7; ++i) {
    if (name[i] < '0' || name[i] > '9') return 0;
    y = y * 10 + (name[i] - '0');
  }
  return y;
}

}  // namespace

std::optional<Date> parse_iso_day(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  const auto t = parse_timestamp(text);
  if (!t) return std::nullopt;
  return t->date();
}

int weekday(const Date& d) {
  // 1970-01-01 was a Thursday (4).
  const int n = day_number(d);
  return ((n % 7) + 7 + 4) % 7;
}

const char* weekday_name(const Date& d) {
  static const char* const kNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday"};
  return kNames[weekday(d)];
}

std::vector<Holiday> parse_holiday_file(std::string_view yaml, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "not valid YAML: " + e.msg);
  }
  std::vector<Holiday> out;
  try {
    if (!root.IsMap()) throw DataError(file, 1, "expected a map with 'year' and 'holidays'");
    const YAML::Node year_node = root["year"];
    if (!year_node || !year_node.IsScalar())
      throw DataError(file, 1, "missing 'year' (the calendar year the file lists)");
    int year = 0;
    if (!YAML::convert<int>::decode(year_node, year) || year < 1990 || year > 2100)
      throw DataError(file, line_of(year_node), "'year' must be a year such as 2026");
    if (const int named = year_from_name(file); named != 0 && named != year)
      throw DataError(
          file, line_of(year_node),
          "'year' is " + std::to_string(year) + " but the file name says " + std::to_string(named));
    const YAML::Node list = root["holidays"];
    if (!list || !list.IsSequence())
      throw DataError(file, list ? line_of(list) : 1, "'holidays' must be a list of {date, name}");
    std::map<int, int> seen;  // day -> line
    for (const auto& entry : list) {
      const int line = line_of(entry);
      if (!entry.IsMap()) throw DataError(file, line, "each holiday must be a map {date, name}");
      const YAML::Node date_node = entry["date"];
      if (!date_node || !date_node.IsScalar())
        throw DataError(file, line, "holiday is missing 'date'");
      const std::string text = date_node.as<std::string>();
      const auto date = parse_iso_day(text);
      if (!date) throw DataError(file, line, "date '" + text + "' is not a YYYY-MM-DD date");
      if (date->year != year)
        throw DataError(file, line,
                        "date " + text + " is outside the file's year " + std::to_string(year));
      if (weekday(*date) == 0)
        throw DataError(file, line,
                        "date " + text + " is a Sunday; list the observed Monday instead");
      const YAML::Node name_node = entry["name"];
      if (!name_node || !name_node.IsScalar() || name_node.as<std::string>().empty())
        throw DataError(file, line, "holiday " + text + " is missing 'name'");
      const auto [it, inserted] = seen.emplace(day_number(*date), line);
      if (!inserted)
        throw DataError(
            file, line,
            "date " + text + " is listed twice (first at line " + std::to_string(it->second) + ")");
      out.push_back(Holiday{*date, name_node.as<std::string>(), line});
    }
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "bad value: " + e.msg);
  }
  return out;
}

HolidayCalendar HolidayCalendar::from_holidays(const std::vector<Holiday>& holidays,
                                               const std::set<int>& years) {
  HolidayCalendar c;
  c.years_ = years;
  for (const auto& h : holidays) c.by_day_[day_number(h.date)] = h.name;
  return c;
}

HolidayCalendar HolidayCalendar::load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw DataError(dir, 0, "holiday directory not found");
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && year_from_name(entry.path().string()) != 0)
      files.push_back(entry.path().string());
  if (ec) throw DataError(dir, 0, "cannot list holiday directory: " + ec.message());
  if (files.empty()) throw DataError(dir, 0, "no holiday files (ca-YYYY.yaml)");
  std::vector<Holiday> all;
  std::set<int> years;
  for (const auto& f : files) {
    auto list = parse_holiday_file(read_file(f), f);
    years.insert(year_from_name(f));
    all.insert(all.end(), list.begin(), list.end());
  }
  return from_holidays(all, years);
}

bool HolidayCalendar::is_holiday(const Date& d) const { return by_day_.count(day_number(d)) > 0; }

bool HolidayCalendar::is_weekend(const Date& d) const {
  const int w = weekday(d);
  return w == 0 || w == 6;
}

bool HolidayCalendar::is_business_day(const Date& d) const {
  return !is_weekend(d) && !is_holiday(d);
}

Date HolidayCalendar::add_business_days(const Date& d, int n) const {
  int day = day_number(d);
  while (n > 0) {
    ++day;
    if (is_business_day(civil_from_days(day))) --n;
  }
  return civil_from_days(day);
}

Date HolidayCalendar::next_business_day_on_or_after(const Date& d) const {
  int day = day_number(d);
  while (!is_business_day(civil_from_days(day))) ++day;
  return civil_from_days(day);
}

std::string HolidayCalendar::holiday_name(const Date& d) const {
  const auto it = by_day_.find(day_number(d));
  return it == by_day_.end() ? std::string() : it->second;
}

}  // namespace imr
