#include "extract/drug_mentions.h"

#include <algorithm>
#include <cctype>

namespace imr::extract_detail {
namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

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
  std::sort(out.begin(), out.end(),
            [](const DrugMention& a, const DrugMention& b) { return a.start < b.start; });
  return out;
}

}  // namespace imr::extract_detail
