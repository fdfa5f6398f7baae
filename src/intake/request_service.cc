#include "intake/request_service.h"

#include <re2/re2.h>

#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>

#include "intake/request_amounts.h"
#include "intake/request_match.h"

namespace imr {
namespace {

using request_detail::find;

// Number words as requests write them ("three times a week for two weeks", "six visits",
// "twice a week", "two (2) times a week") turned into digits, so the figure patterns below read them. Whole words
// only; other text is kept as it is.
std::string digits_for_number_words(std::string_view text) {
  // The word, then the whole match: the word may be followed by its figure in brackets,
  // "two (2) times a week", which is dropped.
  static const RE2 kWord(
      R"((\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|)"
      R"(fifteen|sixteen|eighteen|twenty-four|twenty|thirty|twice|once)\b(?:\s*\(\d{1,3}\))?))");
  static const std::map<std::string, std::string, std::less<>> kDigits = {
      {"one", "1"},       {"two", "2"},         {"three", "3"},      {"four", "4"},
      {"five", "5"},      {"six", "6"},         {"seven", "7"},      {"eight", "8"},
      {"nine", "9"},      {"ten", "10"},        {"eleven", "11"},    {"twelve", "12"},
      {"thirteen", "13"}, {"fourteen", "14"},   {"fifteen", "15"},   {"sixteen", "16"},
      {"eighteen", "18"}, {"twenty", "20"},     {"twenty-four", "24"}, {"thirty", "30"},
      {"twice", "2 times"}, {"once", "1 times"}};
  std::string out;
  re2::StringPiece input(text.data(), text.size());
  const char* last = text.data();
  re2::StringPiece whole, word;
  while (RE2::FindAndConsume(&input, kWord, &whole, &word)) {
    out.append(last, whole.data());
    out += kDigits.find(std::string_view(word.data(), word.size()))->second;
    last = whole.data() + whole.size();
  }
  out.append(last, text.data() + text.size());
  return out;
}

}  // namespace

void read_service(ParsedRequest& r, const ServiceEntry& service, Span service_span,
                  std::string_view lower, const ServiceTable& services,
                  const RegionReading& regions) {
  static const RE2 kPerWeek(IMR_WHOLE(
      R"(\b(\d{1,2}(?:\.\d+)?)\s*(?:x|times)\s*(?:a|per|/)?\s*(?:weekly|week|wk)s?\b(?:\s*(?:x|for|times)\s*(\d{1,2})\s*(?:weeks?|wks?)\b)?)"));
  static const RE2 kDaysPerWeek(
      IMR_WHOLE(R"(\b(\d)\s*days?\s*(?:/|a|per|each)\s*(?:week|wk)\b)"));
  static const RE2 kHoursPerDay(
      IMR_WHOLE(R"(\b(\d{1,2}(?:\.\d+)?)\s*(?:hours?|hrs?)\s*(?:/|a|per|each)\s*day\b)"));
  static const RE2 kAxB(IMR_WHOLE(R"(\b(\d{1,2})\s*x\s*(\d{1,2})\b)"));
  static const RE2 kWeeks(IMR_WHOLE(R"(\b(?:x|for|times|over)\s*(\d{1,2})\s*(?:weeks?|wks?)\b)"));
  static const RE2 kTimesVisits(IMR_WHOLE(
      R"(\b(\d{1,2})\s*(?:x|times)\s*(\d{1,2})\s*(?:sessions?|visits?|treatments?)\b)"));
  static const RE2 kVisits(
      IMR_WHOLE(R"(\b(\d{1,3})\s*(?:sessions?|visits?|treatments?)\b|\bx\s*(\d{1,3})\b)"));
  static const RE2 kDays(IMR_WHOLE(R"(\b(\d{1,3})[- ]?days?\b)"));
  static const RE2 kPurchase(R"(\b(?:purchase|buy|purchased)\b)");
  static const RE2 kRental(R"(\b(?:rental|rent|rented)\b)");

  r.kind = ParsedRequest::Kind::kService;
  r.service = service.name;
  r.service_topic = services.topic_for(service, lower, regions);
  std::string work(lower);
  blank(work, service_span);
  for (const Span& s : regions.spans) blank(work, s);
  work = digits_for_number_words(work);

  Span span;
  std::string a, b;
  if (find(work, kPerWeek, span, &a, &b)) {
    r.per_week = std::atof(a.c_str());
    if (!b.empty()) r.weeks = std::atoi(b.c_str());
    blank(work, span);
  } else if (find(work, kDaysPerWeek, span, &a)) {
    r.per_week = std::atof(a.c_str());
    blank(work, span);
  }
  if (find(work, kHoursPerDay, span, &a)) {
    r.hours_per_day = std::atof(a.c_str());
    blank(work, span);
  }
  if (!r.per_week && find(work, kAxB, span, &a, &b)) {
    r.per_week = std::atof(a.c_str());
    r.weeks = std::atoi(b.c_str());
    blank(work, span);
  }
  if (!r.weeks && find(work, kWeeks, span, &a)) {
    r.weeks = std::atoi(a.c_str());
    blank(work, span);
  }
  r.duration_days = take_duration_days(work);
  if (!r.duration_days && find(work, kDays, span, &a)) {  // "30 day rental", "30-day trial"
    r.duration_days = std::atoi(a.c_str());
    blank(work, span);
  }
  if (find(work, kTimesVisits, span, &a, &b)) {  // "two times four visits (8)"
    r.visits = std::atoi(a.c_str()) * std::atoi(b.c_str());
    blank(work, span);
  } else if (find(work, kVisits, span, &a, &b)) {
    r.visits = std::atoi((a.empty() ? b : a).c_str());
    blank(work, span);
  } else if (r.per_week && r.weeks && *r.per_week == std::floor(*r.per_week)) {
    r.visits = static_cast<int>(*r.per_week) * *r.weeks;
  }
  const re2::StringPiece input(work.data(), work.size());
  if (RE2::PartialMatch(input, kPurchase)) r.acquisition = "purchase";
  else if (RE2::PartialMatch(input, kRental)) r.acquisition = "rental";
}

#undef IMR_WHOLE

}  // namespace imr
