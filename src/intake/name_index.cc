#include "intake/name_index.h"

#include <algorithm>
#include <cctype>

namespace imr {
namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

}  // namespace

NameIndex::NameIndex(std::vector<std::string> names) : names_(std::move(names)), by_first_byte_(256) {
  for (size_t i = 0; i < names_.size(); ++i)
    if (!names_[i].empty()) by_first_byte_[static_cast<unsigned char>(names_[i].front())].push_back(i);
  for (auto& bucket : by_first_byte_)
    std::stable_sort(bucket.begin(), bucket.end(),
                     [&](size_t a, size_t b) { return names_[a].size() > names_[b].size(); });
}

std::optional<std::pair<size_t, Span>> NameIndex::find_earliest(std::string_view lower, size_t from) const {
  if (by_first_byte_.empty()) return std::nullopt;
  for (size_t at = from; at < lower.size(); ++at) {
    const auto& bucket = by_first_byte_[static_cast<unsigned char>(lower[at])];
    if (bucket.empty()) continue;
    // The names here all start with lower[at]: a word character needs a boundary before it.
    if (at > 0 && is_word_char(lower[at]) && is_word_char(lower[at - 1])) continue;
    for (size_t i : bucket) {
      const std::string& name = names_[i];
      if (lower.compare(at, name.size(), name) != 0) continue;
      const size_t end = at + name.size();
      if (end < lower.size() && is_word_char(lower[end]) && is_word_char(name.back())) continue;
      return std::make_pair(i, Span{at, end});
    }
  }
  return std::nullopt;
}

}  // namespace imr
