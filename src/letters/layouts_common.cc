#include <re2/re2.h>

#include <algorithm>

#include "core/error.h"
#include "core/text.h"
#include "letters/claimant.h"
#include "letters/layouts.h"

namespace imr::letters {

std::vector<std::optional<std::string>> split_fields(
    std::string_view text, const std::vector<std::vector<std::string_view>>& fields) {
  const std::string lower = to_lower(text);
  struct Hit {
    size_t field, start, value;
  };
  std::vector<Hit> hits;
  for (size_t f = 0; f < fields.size(); ++f) {
    size_t best = std::string::npos, best_end = 0;
    for (std::string_view label : fields[f]) {
      const size_t at = lower.find(label);
      if (at != std::string::npos && at < best) {
        best = at;
        best_end = at + label.size();
      }
    }
    if (best == std::string::npos) continue;
    while (best_end < text.size() && (text[best_end] == ' ' || text[best_end] == ':')) ++best_end;
    hits.push_back({f, best, best_end});
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.start < b.start; });
  std::vector<std::optional<std::string>> out(fields.size());
  for (size_t i = 0; i < hits.size(); ++i) {
    const size_t end = i + 1 < hits.size() ? hits[i + 1].start : text.size();
    const size_t from = std::min(hits[i].value, end);
    out[hits[i].field] = std::string(trim(text.substr(from, end - from)));
  }
  return out;
}

std::optional<Decision> decision_word(std::string_view word) {
  word = trim(word);
  if (iequals(word, "upheld")) return Decision::kUpheld;
  if (iequals(word, "overturned")) return Decision::kOverturned;
  return std::nullopt;
}

std::optional<Decision> decision_from_necessity(std::string_view text) {
  static const RE2 re(R"((?i)\b(?:is|was|are|were)\s+(not\s+)?medically\s+necessary)");
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece neg;
  std::optional<Decision> last;
  while (RE2::FindAndConsume(&input, re, &neg))
    last = neg.empty() ? Decision::kOverturned : Decision::kUpheld;
  return last;
}

void fill_claimant(Letter& letter) {
  ClaimantFacts f = read_claimant(letter.case_summary);
  letter.claimant_age = f.age;
  letter.claimant_sex = std::move(f.sex);
  letter.date_of_injury = f.date_of_injury;
  letter.diagnoses = std::move(f.diagnoses);
}

void throw_item_error(const std::string& file, size_t number, const std::string& request,
                      const std::string& problem) {
  std::string req = request.size() > 80 ? request.substr(0, 77) + "..." : request;
  throw InputError(file, "item " + std::to_string(number) + " '" + req + "' " + problem);
}

}  // namespace imr::letters
