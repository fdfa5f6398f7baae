#include "intake/request_amounts.h"

#include <re2/re2.h>

#include <cctype>
#include <cstdlib>

#include "intake/request_frequency.h"

namespace imr {
namespace {

#define IMR_WHOLE(p) "(" p ")"

// Finds `re` in `work`; on success sets the span and up to three captures.
bool find(std::string_view work, const RE2& re, Span& span, std::string* a = nullptr,
          std::string* b = nullptr, std::string* c = nullptr) {
  re2::StringPiece input(work.data(), work.size());
  re2::StringPiece whole;
  bool ok = false;
  if (c) ok = RE2::PartialMatch(input, re, &whole, a, b, c);
  else if (b) ok = RE2::PartialMatch(input, re, &whole, a, b);
  else if (a) ok = RE2::PartialMatch(input, re, &whole, a);
  else ok = RE2::PartialMatch(input, re, &whole);
  if (!ok) return false;
  span.start = static_cast<size_t>(whole.data() - work.data());
  span.end = span.start + whole.size();
  return true;
}

std::optional<int> to_count(const std::string& word) {
  const auto n = number_word(word);
  if (!n || *n < 0 || *n > 100000 || *n != static_cast<int>(*n)) return std::nullopt;
  return static_cast<int>(*n);
}

// True when the word just before `at` (skipping spaces and a '.') is "q", "every" or "x":
// "q 4-6h" and "x 30" are a frequency and a count, not strengths.
bool after_sig_word(std::string_view work, size_t at) {
  size_t end = at;
  while (end > 0 && (work[end - 1] == ' ' || work[end - 1] == '.')) --end;
  size_t start = end;
  while (start > 0 && std::isalpha(static_cast<unsigned char>(work[start - 1]))) --start;
  const std::string_view word = work.substr(start, end - start);
  return word == "q" || word == "every" || word == "x";
}

std::string normalize_unit(std::string unit) {
  std::string out;
  for (char c : unit)
    if (c != ' ') out += c;
  if (out == "mcg/h" || out == "mcg/hour" || out == "mcg/hr" || out == "mcg/hrs") return "mcg/hr";
  if (out == "gm" || out == "gms" || out == "grams") return "g";
  if (out == "mgs") return "mg";
  return out;
}

}  // namespace

void blank(std::string& work, Span span) {
  for (size_t i = span.start; i < span.end && i < work.size(); ++i) work[i] = ' ';
}

std::optional<int> take_refills(std::string& work) {
  static const RE2 kCountRefills(IMR_WHOLE(
      R"(,?\s*(?:\bwith\s+|\bw/\s*|\bplus\s+|\+\s*)?\b(\d{1,2}|no|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:additional\s+)?refills?\b)"));
  static const RE2 kTimesRefills(IMR_WHOLE(R"(,?\s*\bx\s*(\d{1,2})\s*refills?\b)"));
  static const RE2 kRefillsCount(
      IMR_WHOLE(R"(,?\s*\brefills?\s*(?::|x|#)?\s*(\d{1,2}|no|zero|one|two|three|four|five|six)\b)"));
  Span span;
  std::string a;
  for (const RE2* re : {&kTimesRefills, &kCountRefills, &kRefillsCount}) {
    if (find(work, *re, span, &a)) {
      if (auto n = to_count(a)) {
        blank(work, span);
        return n;
      }
    }
  }
  return std::nullopt;
}

std::optional<int> take_duration_days(std::string& work) {
  static const RE2 kDuration(IMR_WHOLE(
      R"(\b(?:x|for|times)\s*(\d{1,3})\s*(days?|d|weeks?|wks?|months?|mos?)\b)"));
  static const RE2 kSupply(IMR_WHOLE(R"(\b(\d{1,3})[- ]?days?\s+supply\b)"));
  Span span;
  std::string n, unit;
  if (find(work, kDuration, span, &n, &unit)) {
    blank(work, span);
    const int v = std::atoi(n.c_str());
    if (unit[0] == 'w') return v * 7;
    if (unit[0] == 'm') return v * 30;
    return v;
  }
  if (find(work, kSupply, span, &n)) {
    blank(work, span);
    return std::atoi(n.c_str());
  }
  return std::nullopt;
}

std::optional<int> take_quantity(std::string& work) {
  static const RE2 kHash(IMR_WHOLE(R"(#\s*(\d{1,5})\b)"));
  static const RE2 kQty(IMR_WHOLE(
      R"(\b(?:qty|quantity|disp|dispense|count)\b\s*(?:of\s+)?[:.=#]?\s*#?\s*(\d{1,5})\b)"));
  static const RE2 kTimes(IMR_WHOLE(R"(\bx\s*(\d{1,5})\b)"));
  Span span;
  std::string a;
  for (const RE2* re : {&kHash, &kQty, &kTimes}) {
    if (find(work, *re, span, &a)) {
      blank(work, span);
      return std::atoi(a.c_str());
    }
  }
  return std::nullopt;
}

std::vector<Strength> take_strengths(std::string& work, bool combination) {
  static const RE2 kNumber(IMR_WHOLE(
      R"((\d+(?:\.\d+)?)\s*(?:(/|-)\s*(\d+(?:\.\d+)?)\s*)?(?:/\s*(\d+(?:\.\d+)?)\s*)?(mcg\s*/\s*(?:hr|h|hour)s?|mg\s*/\s*ml|mcg|mg|gm|g|ml|%)?)"));
  re2::StringPiece input(work.data(), work.size());
  re2::StringPiece whole;
  std::string first, sep, second, third, unit;
  while (RE2::FindAndConsume(&input, kNumber, &whole, &first, &sep, &second, &third, &unit)) {
    const size_t start = static_cast<size_t>(whole.data() - work.data());
    const size_t end = start + whole.size();
    // A number glued to letters ("q6h", "x2") is not a strength.
    if (start > 0 && std::isalpha(static_cast<unsigned char>(work[start - 1]))) continue;
    if (after_sig_word(work, start)) continue;
    if (!unit.empty() && unit != "%" && end < work.size() &&
        std::isalpha(static_cast<unsigned char>(work[end])))
      continue;  // "10 gabapentin": the 'g' was a word
    const bool has_second = !second.empty();
    if (unit.empty() && !(has_second && (sep == "/" || combination))) continue;
    const std::string u = unit.empty() ? "mg" : normalize_unit(unit);
    std::vector<Strength> out{{std::atof(first.c_str()), u}};
    if (has_second) out.push_back({std::atof(second.c_str()), u});
    if (has_second && !third.empty()) out.push_back({std::atof(third.c_str()), u});  // "320.5/30/16mg"
    blank(work, {start, end});
    return out;
  }
  return {};
}

std::optional<Range> take_units_per_dose(std::string& work) {
  static const RE2 kRange(IMR_WHOLE(
      R"(\b(\d{1,2}(?:\.\d+)?|one|two|three|half)\s*(?:-|to|or)\s*(\d{1,2}(?:\.\d+)?|one|two|three|four)\s*(?:(?:tabs?|tablets?|caps?|capsules?|pills?|patch(?:es)?|puffs?|sprays?)\b|\s(?:po\b|p\.o\.|by\s+mouth|orally|sl\b|q\s*\d|q\.|every\b|bid\b|tid\b|qid\b|qhs\b|daily\b|at\s+bedtime|nightly\b)))"));
  static const RE2 kUnits(IMR_WHOLE(
      R"(\b(\d{1,2}(?:\.\d+)?|one|two|three|four|half|a|an)\s*(?:tabs?|tablets?|caps?|capsules?|pills?|patch(?:es)?|puffs?|sprays?)\b)"));
  static const RE2 kBeforeSig(IMR_WHOLE(
      R"(\b(\d|one|two|three|half)\s+(?:po\b|p\.o\.|by\s+mouth|orally|sl\b|q\s*\d|q\.|every\b|bid\b|tid\b|qid\b|qhs\b|daily\b|at\s+bedtime|nightly\b|twice\b|once\b))"));
  Span span;
  std::string a, b;
  if (find(work, kRange, span, &a, &b)) {
    const auto lo = number_word(a), hi = number_word(b);
    if (lo && hi && *lo <= *hi) {
      blank(work, span);
      return Range{*lo, *hi};
    }
  }
  for (const RE2* re : {&kUnits, &kBeforeSig}) {
    if (find(work, *re, span, &a)) {
      const auto n = number_word(a);
      if (n && *n > 0 && *n <= 10) {
        // Blank only the count: the form and the sig words are read later.
        blank(work, {span.start, span.start + a.size()});
        return Range{*n, *n};
      }
    }
  }
  return std::nullopt;
}

std::string find_dosage_form(std::string_view work) {
  static const RE2 kForm(
      R"(\b(tabs?|tablets?|caps?|capsules?|patch(?:es)?|cream|gel|ointment|lotion|solution|liquid|spray|suspension|injection|odt|suppository)\b)");
  std::string word;
  if (!RE2::PartialMatch(re2::StringPiece(work.data(), work.size()), kForm, &word)) return "";
  if (word.rfind("tab", 0) == 0 || word == "odt") return "tablet";
  if (word.rfind("cap", 0) == 0) return "capsule";
  if (word.rfind("patch", 0) == 0) return "patch";
  if (word == "liquid" || word == "suspension") return "solution";
  return word;
}

std::string find_route(std::string_view work) {
  static const RE2 kRoute(
      R"((\bpo\b|\bp\.o\.|\bby\s+mouth\b|\borally\b|\boral\b|\btransdermal\b|\btd\b|\btopical(?:ly)?\b|\bsublingual\b|\bsl\b))");
  std::string word;
  if (!RE2::PartialMatch(re2::StringPiece(work.data(), work.size()), kRoute, &word)) return "";
  if (word == "transdermal" || word == "td") return "transdermal";
  if (word.rfind("topical", 0) == 0) return "topical";
  if (word == "sublingual" || word == "sl") return "sublingual";
  return "oral";
}

bool find_extended_release(std::string_view work) {
  static const RE2 kEr(
      R"(\b(?:er|xr|sr|cr|la|xl|extended[- ]release|sustained[- ]release|controlled[- ]release|long[- ]acting)\b)");
  return RE2::PartialMatch(re2::StringPiece(work.data(), work.size()), kEr);
}

std::vector<CompoundPart> find_compound_parts(std::string_view work) {
  static const RE2 kPart(IMR_WHOLE(R"(\b([a-z][a-z\-]+)\s*(\d{1,2}(?:\.\d+)?)\s*%)"));
  std::vector<CompoundPart> out;
  re2::StringPiece input(work.data(), work.size());
  re2::StringPiece whole;
  std::string name, value;
  while (out.size() < 20 && RE2::FindAndConsume(&input, kPart, &whole, &name, &value)) {
    const size_t start = static_cast<size_t>(whole.data() - work.data());
    out.push_back({name, {std::atof(value.c_str()), "%"}, {start, start + whole.size()}});
  }
  return out;
}

#undef IMR_WHOLE

}  // namespace imr
