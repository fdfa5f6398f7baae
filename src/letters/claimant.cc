#include "letters/claimant.h"

#include <re2/re2.h>

#include "core/text.h"

namespace imr::letters {
namespace {

std::string clean_diagnosis(std::string_view s) {
  s = trim(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';')) s = trim(s.substr(0, s.size() - 1));
  if (istarts_with(s, "and ")) s = trim(s.substr(4));
  return std::string(s);
}

}  // namespace

std::vector<std::string> split_diagnoses(std::string_view list) {
  std::string s(list);
  for (char& c : s)
    if (c == ';') c = ',';
  std::vector<std::string> parts = split(s, ',');
  std::vector<std::string> out;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string part = clean_diagnosis(parts[i]);
    if (i + 1 == parts.size()) {
      static const RE2 and_re(R"((?i)\s+and\s+)");
      RE2::GlobalReplace(&part, and_re, ",");
      for (const std::string& p : split(part, ',')) {
        std::string d = clean_diagnosis(p);
        if (!d.empty()) out.push_back(std::move(d));
      }
    } else if (!part.empty()) {
      out.push_back(std::move(part));
    }
  }
  return out;
}

std::string clean_case_summary(std::string_view text) {
  std::string s = collapse_whitespace(text);
  static const RE2 boiler(
      R"((?i)^the expert reviewer developed the following (?:clinical )?case summary based on a review of the case file,? including all (?:the )?medical records:?\s*)");
  RE2::Replace(&s, boiler, "");
  return s;
}

ClaimantFacts read_claimant(std::string_view summary) {
  ClaimantFacts f;
  const std::string s = collapse_whitespace(summary);
  const re2::StringPiece input(s);

  static const RE2 age_sex(
      R"((?i)\b(\d{1,3})[\s-]*(?:yr\.?|yrs\.?|years?)[\s-]*old,?\s+(male|female|man|woman|gentleman|lady)\b)");
  re2::StringPiece age, sex;
  if (RE2::PartialMatch(input, age_sex, &age, &sex)) {
    f.age = std::stoi(std::string(age));
    const std::string x = to_lower(std::string_view(sex.data(), sex.size()));
    f.sex = (x == "male" || x == "man" || x == "gentleman") ? "male" : "female";
  } else {
    static const RE2 age_only(R"((?i)\b(\d{1,3})[\s-]*(?:yr\.?|yrs\.?|years?)[\s-]*old\b)");
    if (RE2::PartialMatch(input, age_only, &age)) f.age = std::stoi(std::string(age));
  }

  re2::StringPiece probe = input;
  re2::StringPiece hit;
  static const RE2 doi_capture(
      R"((?i)((?:date of injury|injury date|\bDOI)(?:\s+(?:of|is|was|on))?:?\s*|\binjur(?:y|ed)(?: at work)?\s+on\s+))");
  while (RE2::FindAndConsume(&probe, doi_capture, &hit)) {
    const size_t end = static_cast<size_t>(hit.data() - s.data()) + hit.size();
    if (auto d = find_date(s, end); d && d->start == end) {
      f.date_of_injury = d->date;
      break;
    }
  }

  static const RE2 dx(
      R"((?i)(?:diagnosed (?:with|as having|as)|diagnos[ie]s (?:include[sd]?|are|were|is|was|of)|diagnos[ie]s:)\s*(?:the following:?\s*)?)");
  re2::StringPiece dx_input = input;
  if (RE2::FindAndConsume(&dx_input, dx)) {
    const size_t from = static_cast<size_t>(dx_input.data() - s.data());
    size_t end = s.size();
    for (const Span& sp : split_sentences(std::string_view(s).substr(from))) {
      end = from + sp.end;
      break;
    }
    f.diagnoses = split_diagnoses(std::string_view(s).substr(from, end - from));
  }
  return f;
}

}  // namespace imr::letters
