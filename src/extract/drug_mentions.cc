// Drug mentions: table names found as whole words, longest first; an immediate-release
// name followed by "extended-release" / "ER" / "SR" names its long-acting twin.
#include "extract/drug_mentions.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

namespace imr::extract_detail {
namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// "morphine sulfate extended-release", "oxycodone ER", "tramadol SR": a release modifier
// right after an immediate-release name.
const RE2& extended_release_re() {
  static const RE2 re(
      R"(^\s*[-,]?\s*(?:extended[- ]release|ext\.?[- ]rel(?:ease)?\.?|controlled[- ]release|sustained[- ]release|long[- ]acting|er|sr|cr|xr|xl|la)\b)");
  return re;
}

// The long-acting drug with the same ingredients and class as `drug`, when exactly one.
const Drug* long_acting_twin(const Drug& drug, const DrugTable& drugs) {
  const Drug* twin = nullptr;
  for (const Drug& d : drugs.drugs()) {
    if (!d.long_acting || &d == &drug || d.drug_class != drug.drug_class ||
        d.ingredients != drug.ingredients)
      continue;
    if (twin) return nullptr;
    twin = &d;
  }
  return twin;
}

}  // namespace

std::vector<DrugMention> find_drug_mentions(std::string_view norm, const DrugTable& drugs) {
  std::vector<DrugMention> out;
  std::vector<bool> claimed(norm.size(), false);
  for (const auto& [name, drug] : drugs.names()) {
    if (name.empty() || name.size() > norm.size()) continue;
    size_t pos = 0;
    while ((pos = norm.find(name, pos)) != std::string_view::npos) {
      const size_t end = pos + name.size();
      const bool left_ok = pos == 0 || !word_char(norm[pos - 1]);
      const bool right_ok = end == norm.size() || !word_char(norm[end]);
      if (left_ok && right_ok &&
          std::none_of(claimed.begin() + static_cast<long>(pos),
                       claimed.begin() + static_cast<long>(end), [](bool b) { return b; })) {
        std::fill(claimed.begin() + static_cast<long>(pos), claimed.begin() + static_cast<long>(end),
                  true);
        out.push_back({pos, end, drug});
      }
      pos = pos + 1;
    }
  }
  // An immediate-release name followed by a release modifier names the long-acting form.
  for (DrugMention& m : out) {
    if (m.drug->long_acting) continue;
    re2::StringPiece rest(norm.data() + m.end, norm.size() - m.end);
    re2::StringPiece hit;
    if (!extended_release_re().Match(rest, 0, rest.size(), RE2::ANCHOR_START, &hit, 1)) continue;
    if (const Drug* twin = long_acting_twin(*m.drug, drugs)) {
      m.drug = twin;
      m.end += hit.size();
    }
  }
  std::sort(out.begin(), out.end(),
            [](const DrugMention& a, const DrugMention& b) { return a.start < b.start; });
  return out;
}

}  // namespace imr::extract_detail
