#include "intake/request_frequency.h"

#include <re2/re2.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "intake/request_match.h"

namespace imr {
namespace {

using request_detail::find;

std::string fmt_number(double v) {
  if (v == std::floor(v)) return std::to_string(static_cast<long long>(v));
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

std::string code_for_times_per_day(double n) {
  if (n == 1) return "daily";
  if (n == 2) return "bid";
  if (n == 3) return "tid";
  if (n == 4) return "qid";
  return fmt_number(n) + "x/day";
}

struct Schedule {
  std::string code;
  Range doses;
  Span span;
};

// The first family of forms that matches wins (most specific first).
std::optional<Schedule> read_schedule(std::string_view lower) {
  static const RE2 kHourRange(IMR_WHOLE(
      R"(\b(?:q\.?|every)\s*(\d{1,3})\s*(?:-|to)\s*(\d{1,3})\s*(?:h|hr|hrs|hour|hours)\b)"));
  static const RE2 kHours(
      IMR_WHOLE(R"(\b(?:q\.?|every)\s*(\d{1,3})\s*(?:h|hr|hrs|hour|hours)\b)"));
  static const RE2 kDays(IMR_WHOLE(R"(\b(?:q\.?|every)\s*(\d{1,2})\s*(?:d|day|days)\b)"));
  static const RE2 kOtherDay(IMR_WHOLE(R"(\b(?:every\s+other\s+day|qod)\b)"));
  static const RE2 kWeekly(
      IMR_WHOLE(R"(\b(?:once\s+(?:a|per)\s+week|weekly|every\s+week|q\s*week|qwk)\b)"));
  static const RE2 kTimesADay(IMR_WHOLE(
      R"(\b(\d{1,2}|one|two|three|four|five|six|once|twice|thrice)\s*(?:x|times)\s*(?:a|per|/|each)?\s*(?:day|daily|d)\b)"));
  static const RE2 kOnceTwice(
      IMR_WHOLE(R"(\b(once|twice|thrice)\s+(?:a\s+|per\s+)?(?:day|daily)\b)"));
  static const RE2 kBid(IMR_WHOLE(R"(\bb\.?i\.?d\b\.?)"));
  static const RE2 kTid(IMR_WHOLE(R"(\bt\.?i\.?d\b\.?)"));
  static const RE2 kQid(IMR_WHOLE(R"(\bq\.?i\.?d\b\.?)"));
  static const RE2 kQhs(IMR_WHOLE(
      R"(\bq\.?h\.?s\b\.?|\bh\.?s\b\.?|\bat\s+bedtime\b|\bbefore\s+bed\b|\bnightly\b|\bevery\s+night\b|\bat\s+night\b)"));
  static const RE2 kDaily(IMR_WHOLE(
      R"(\bq\.?d\b\.?|\bqday\b|\bq\s*am\b|\bdaily\b|\bevery\s+day\b|\bevery\s+morning\b|\beach\s+day\b|\bper\s+day\b|\ba\s+day\b)"));

  Span span;
  std::string a, b;
  if (find(lower, kHourRange, span, &a, &b)) {
    const double lo = std::atof(a.c_str()), hi = std::atof(b.c_str());
    if (lo > 0 && hi >= lo)
      return Schedule{"q" + a + "-" + b + "h", {24 / hi, 24 / lo}, span};
  }
  if (find(lower, kHours, span, &a)) {
    const double h = std::atof(a.c_str());
    if (h > 0) return Schedule{"q" + a + "h", {24 / h, 24 / h}, span};
  }
  if (find(lower, kDays, span, &a)) {
    const double d = std::atof(a.c_str());
    if (d == 7) return Schedule{"weekly", {1.0 / 7, 1.0 / 7}, span};
    if (d > 0) return Schedule{"q" + fmt_number(24 * d) + "h", {1 / d, 1 / d}, span};
  }
  if (find(lower, kOtherDay, span)) return Schedule{"q48h", {0.5, 0.5}, span};
  if (find(lower, kWeekly, span)) return Schedule{"weekly", {1.0 / 7, 1.0 / 7}, span};
  if (find(lower, kTimesADay, span, &a) || find(lower, kOnceTwice, span, &a)) {
    if (auto n = number_word(a); n && *n > 0)
      return Schedule{code_for_times_per_day(*n), {*n, *n}, span};
  }
  if (find(lower, kQid, span)) return Schedule{"qid", {4, 4}, span};
  if (find(lower, kTid, span)) return Schedule{"tid", {3, 3}, span};
  if (find(lower, kBid, span)) return Schedule{"bid", {2, 2}, span};
  if (find(lower, kQhs, span)) return Schedule{"qhs", {1, 1}, span};
  if (find(lower, kDaily, span)) return Schedule{"daily", {1, 1}, span};
  return std::nullopt;
}

std::optional<Span> read_prn(std::string_view lower) {
  static const RE2 kPrn(IMR_WHOLE(
      R"(\bp\.?r\.?n\b\.?|\bas\s+needed\b|\bas\s+necessary\b|\bwhen\s+needed\b|\bif\s+needed\b)"));
  Span span;
  if (find(lower, kPrn, span)) return span;
  return std::nullopt;
}

// True when only spaces and commas (at most three bytes) lie between the two spans.
bool adjacent(std::string_view lower, Span first, Span second) {
  if (second.start < first.end || second.start - first.end > 3) return false;
  for (size_t i = first.end; i < second.start; ++i)
    if (lower[i] != ' ' && lower[i] != ',') return false;
  return true;
}

#undef IMR_WHOLE

}  // namespace

std::optional<double> number_word(std::string_view word) {
  static constexpr std::pair<std::string_view, double> kWords[] = {
      {"a", 1},     {"an", 1},     {"one", 1},     {"once", 1},  {"two", 2},    {"twice", 2},
      {"three", 3}, {"thrice", 3}, {"four", 4},    {"five", 5},  {"six", 6},    {"seven", 7},
      {"eight", 8}, {"nine", 9},   {"ten", 10},    {"eleven", 11}, {"twelve", 12}, {"half", 0.5},
      {"zero", 0},  {"no", 0},     {"1/2", 0.5},   {"½", 0.5}};
  for (const auto& [w, v] : kWords)
    if (word == w) return v;
  if (word.empty() || word.size() > 8) return std::nullopt;
  bool dot = false;
  for (char c : word) {
    if (c == '.' && !dot) dot = true;
    else if (c < '0' || c > '9') return std::nullopt;
  }
  return std::atof(std::string(word).c_str());
}

std::optional<FoundFrequency> find_frequency(std::string_view lower, std::string_view original) {
  const auto schedule = read_schedule(lower);
  const auto prn = read_prn(lower);
  if (!schedule && !prn) return std::nullopt;
  FoundFrequency out;
  if (schedule) {
    out.frequency.code = schedule->code;
    out.frequency.doses_per_day = schedule->doses;
    out.schedule_span = schedule->span;
    out.span = schedule->span;
  } else {
    out.frequency.code = "prn";
    out.frequency.doses_per_day = {0, 0};
  }
  if (prn) {
    out.frequency.prn = true;
    out.prn_span = *prn;
    if (!schedule) {
      out.span = *prn;
    } else if (adjacent(lower, schedule->span, *prn)) {
      out.span.end = prn->end;
    } else if (adjacent(lower, *prn, schedule->span)) {
      out.span.start = prn->start;
    }
  }
  out.frequency.text = std::string(trim(original.substr(out.span.start, out.span.size())));
  return out;
}

}  // namespace imr
