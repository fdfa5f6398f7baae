#include "extract/quantity.h"

#include <re2/re2.h>

#include <array>
#include <cmath>
#include <string>
#include <utility>

#include "core/text.h"
#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

constexpr std::array<std::pair<std::string_view, double>, 26> kWords = {{
    {"zero", 0},     {"one", 1},       {"two", 2},       {"three", 3},   {"four", 4},
    {"five", 5},     {"six", 6},       {"seven", 7},     {"eight", 8},   {"nine", 9},
    {"ten", 10},     {"eleven", 11},   {"twelve", 12},   {"fifteen", 15}, {"eighteen", 18},
    {"twenty", 20},  {"thirty", 30},   {"a", 1},         {"an", 1},      {"a couple of", 2},
    {"a couple", 2}, {"couple of", 2}, {"a few", 3},     {"few", 3},     {"several", 3},
    {"half a", 0.5},
}};

int unit_days(std::string_view unit) {
  if (istarts_with(unit, "day")) return 1;
  if (istarts_with(unit, "week") || istarts_with(unit, "wk")) return 7;
  if (istarts_with(unit, "month") || istarts_with(unit, "mo")) return 30;
  if (istarts_with(unit, "year") || istarts_with(unit, "yr")) return 365;
  return 0;
}

// "for (at least|more than|over|the past) N units", "in excess of N units", "x N units",
// "N+ units", "several months".
const RE2& length_re() {
  static const RE2 re(
      std::string(R"(\b(?:(for|x|over|in excess of|greater than|more than|at least|approximately|about|past|last)\s*)?)"
                  R"((?:(at least|more than|over|greater than|in excess of|approximately|about|nearly|almost)\s+)?)"
                  R"((?:the\s+(?:past|last)\s+)?)"
                  R"(()") + kNumberPattern +
      R"()\s*(\+)?\s*-?\s*(days?|weeks?|wks?|months?|mos?|years?|yrs?)\b)");
  return re;
}
const RE2& vague_re() {
  static const RE2 re(
      R"(\b(?:(for)\s+)?(years|months|many years|many months)\b|\b(long[- ]term|chronic(?:ally)?\s+(?:use|using|on|taking|user)|chronic)\b)");
  return re;
}
const RE2& since_re() {
  static const RE2 re(
      R"(\b(since|as early as|starting in|starting|beginning in|beginning|from|(?:first )?(?:prescribed|started|initiated|began|begun) in)\s+(at least\s+|about\s+|approximately\s+|around\s+)?)");
  return re;
}
// "since 2012", "since his 2012 surgery" (a year then the event it dates).
const RE2& bare_year_re() {
  static const RE2 re(R"(^((?:19|20)\d\d)\b)");
  return re;
}
// "the 2/3/2014 injury": a determiner may stand between "since" and the date.
const RE2& determiner_re() {
  static const RE2 re(R"(^(?:his|her|their|the|a|an)\s+)");
  return re;
}
// "two weeks ago", "a year ago", "yesterday", "last month".
const RE2& ago_re() {
  static const RE2 re(
      std::string(R"(\b(?:()") + kNumberPattern +
      R"()\s*(days?|weeks?|wks?|months?|mos?|years?|yrs?)\s+ago|(yesterday)|last\s+(week|month|year))\b)");
  return re;
}

}  // namespace

const char* const kNumberPattern =
    R"((?:\d+(?:\.\d+)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|a couple of|a couple|couple of|a few|few|several|an|a))";

std::optional<double> parse_number(std::string_view word) {
  const std::string w = to_lower(trim(word));
  if (w.empty()) return std::nullopt;
  if (std::isdigit(static_cast<unsigned char>(w[0]))) {
    try {
      return std::stod(w);
    } catch (...) {
      return std::nullopt;
    }
  }
  for (const auto& [name, value] : kWords)
    if (w == name) return value;
  return std::nullopt;
}

std::vector<DurationPhrase> find_durations(std::string_view norm) {
  std::vector<DurationPhrase> out;
  // Lengths of time.
  for (const ReMatch& m : find_all(length_re(), norm, 16)) {
    const std::string_view lead = m.group(1), bound = m.group(2);
    // A bare "N months" with no "for"/"x"/bound is an age or an interval ("3 months ago");
    // a bare "several months" / "a few weeks" is a length unless it dates something.
    const std::string_view num = m.group(3);
    const bool vague_number = num == "several" || num == "a few" || num == "few" ||
                              num == "a couple of" || num == "a couple" || num == "couple of";
    if (lead.empty() && bound.empty() && !vague_number) continue;
    const std::string_view tail =
        trim(norm.substr(m.end, std::min<size_t>(9, norm.size() - m.end)));
    if (istarts_with(tail, "ago") || istarts_with(tail, "old")) continue;
    if (lead.empty() && bound.empty() &&
        (istarts_with(tail, "later") || istarts_with(tail, "earlier") ||
         istarts_with(tail, "prior") || istarts_with(tail, "before") ||
         istarts_with(tail, "after")))
      continue;
    auto n = parse_number(m.group(3));
    const int unit = unit_days(m.group(5));
    if (!n || unit == 0) continue;
    DurationPhrase d;
    d.start = m.start;
    d.end = m.end;
    d.days = static_cast<int>(std::lround(*n * unit));
    const bool word_bound = lead == "in excess of" || lead == "greater than" ||
                            lead == "more than" || lead == "at least" || lead == "over";
    d.lower_bound = word_bound || bound == "at least" || bound == "more than" ||
                    bound == "over" || bound == "greater than" || bound == "in excess of" ||
                    !m.group(4).empty();
    out.push_back(d);
  }
  // Unquantified lengths.
  for (const ReMatch& m : find_all(vague_re(), norm, 16)) {
    bool overlaps = false;
    for (const auto& d : out)
      if (m.start < d.end && d.start < m.end) overlaps = true;
    if (overlaps) continue;
    DurationPhrase d;
    d.start = m.start;
    d.end = m.end;
    if (m.has(2)) {
      const std::string_view what = m.group(2);
      if (m.group(1).empty()) continue;  // "years" alone is not a duration of use
      d.days = what.find("year") != std::string_view::npos ? 365 : 90;
      d.lower_bound = true;
    } else {
      const std::string_view what = m.group(3);
      // "chronic" alone names a condition ("chronic pain"); only use-words count.
      if (what == "chronic") continue;
      d.days = 180;
      d.lower_bound = true;
    }
    out.push_back(d);
  }
  // Relative starts ("3 months ago"); "for the last month" is a length.
  for (const ReMatch& m : find_all(ago_re(), norm, 16)) {
    DurationPhrase d;
    d.start = m.start;
    d.end = m.end;
    if (m.has(3)) {
      d.ago_days = 1;
    } else if (m.has(4)) {
      const std::string_view lead = norm.substr(0, m.start);
      const bool length = lead.ends_with("for the ") || lead.ends_with("over the ") ||
                          lead.ends_with("in the ") || lead.ends_with("during the ");
      const int unit = unit_days(m.group(4));
      if (length) d.days = unit;
      else d.ago_days = unit;
    } else {
      const auto n = parse_number(m.group(1));
      const int unit = unit_days(m.group(2));
      if (!n || unit == 0 || *n <= 0) continue;
      d.ago_days = static_cast<int>(std::lround(*n * unit));
      const std::string_view num = m.group(1);
      d.lower_bound = num == "several" || num == "a few" || num == "few" ||
                      num == "a couple of" || num == "a couple" || num == "couple of";
    }
    out.push_back(d);
  }
  // Start dates.
  for (const ReMatch& m : find_all(since_re(), norm, 16)) {
    DurationPhrase d;
    d.start = m.start;
    const std::string_view kw = m.group(1);
    const bool at_least = !m.group(2).empty() && istarts_with(m.group(2), "at least");
    // Only "since" may reach over a determiner ("since the 2/3/14 injury"); "from the
    // 1/2/14 report" is not a start of use.
    const bool since = kw == "since";
    size_t at = m.end;
    if (ReMatch det; since && find_first(determiner_re(), norm.substr(m.end), 0, &det))
      at += det.end;
    auto date = find_date(norm, m.end);
    if (date && date->start <= at + 1) {
      d.since = date->date;
      d.end = date->end;
    } else {
      ReMatch y;
      if (!find_first(bare_year_re(), norm.substr(at), 0, &y)) continue;
      const int year = std::stoi(std::string(y.group(1)));
      d.since = Date{year, 1, 0, Date::Precision::kYear, 12};
      d.end = at + y.end;
    }
    if (kw == "from" || kw == "beginning" || kw == "starting") {
      // "from 04/23/2014 - 09/25/2014" is a range of reports, not a start of use: keep
      // only "starting"/"beginning" and "from" with no closing date.
      if (kw == "from") {
        const std::string_view tail = norm.substr(d.end, std::min<size_t>(12, norm.size() - d.end));
        if (tail.find(" to ") != std::string_view::npos || tail.find('-') != std::string_view::npos ||
            tail.find("through") != std::string_view::npos)
          continue;
      }
    }
    d.lower_bound = at_least || kw == "as early as";
    out.push_back(d);
  }
  std::sort(out.begin(), out.end(),
            [](const DurationPhrase& a, const DurationPhrase& b) { return a.start < b.start; });
  if (out.size() > 16) out.resize(16);
  return out;
}

}  // namespace imr::extract_detail
