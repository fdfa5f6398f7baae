#include "service/application.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.h"

namespace imr {
namespace {

// Honorifics, dropped from the front of a name.
constexpr std::array<std::string_view, 6> kHonorifics = {"dr", "doctor", "mr", "mrs", "ms", "miss"};
// Degrees and post-nominals after punctuation is dropped ("M.D." -> "md"), dropped from the
// end of a name while two other words remain: "Anh Do" keeps its surname, "Jane Smith, DO"
// loses the degree.
constexpr std::array<std::string_view, 20> kDegrees = {
    "md",  "do",  "dc", "dpm", "phd", "psyd", "pac", "pa",   "np",  "fnp",
    "dds", "dmd", "od", "lac", "esq", "rn",   "mph", "facs", "qme", "aqme"};

template <size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

}  // namespace

std::string normalize_person_name(std::string_view name) {
  // Words are runs of letters and digits. '.', '-' and '\'' are dropped without splitting, so
  // "M.D.", "Ph.D." and "PA-C" read as one word each ("md", "phd", "pac") and "O'Brien" as
  // "obrien"; every other character separates words.
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(word);
    word.clear();
  };
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80)
      word += static_cast<char>(std::tolower(c));
    else if (ch != '.' && ch != '-' && ch != '\'')
      flush();
  }
  flush();
  size_t first = 0;
  while (first < words.size() && in(kHonorifics, words[first])) ++first;
  std::vector<std::string> kept;
  for (size_t i = first; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.size() == 1 && std::isalpha(static_cast<unsigned char>(w[0]))) continue;  // initial
    kept.push_back(w);
  }
  while (kept.size() > 2 && in(kDegrees, kept.back())) kept.pop_back();
  return join(kept, " ");
}

std::string consolidation_key(const Application& a) {
  return normalize_person_name(a.worker.name) + "|" +
         normalize_person_name(a.requesting_physician.name) + "|" +
         (a.date_of_injury ? a.date_of_injury->iso() : std::string("no-doi"));
}

}  // namespace imr
