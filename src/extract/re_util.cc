#include "extract/re_util.h"

namespace imr::extract_detail {

bool find_first(const RE2& re, std::string_view text, size_t from, ReMatch* out) {
  if (from > text.size()) return false;
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> sp(static_cast<size_t>(n));
  const re2::StringPiece input(text.data(), text.size());
  if (!re.Match(input, from, text.size(), RE2::UNANCHORED, sp.data(), n)) return false;
  out->groups.assign(static_cast<size_t>(n), std::string_view());
  out->offsets.assign(static_cast<size_t>(n), std::string_view::npos);
  for (int i = 0; i < n; ++i) {
    if (sp[i].data() == nullptr) continue;
    out->groups[i] = std::string_view(sp[i].data(), sp[i].size());
    out->offsets[i] = static_cast<size_t>(sp[i].data() - text.data());
  }
  out->start = out->offsets[0];
  out->end = out->start + sp[0].size();
  return true;
}

std::vector<ReMatch> find_all(const RE2& re, std::string_view text, size_t max) {
  std::vector<ReMatch> out;
  size_t pos = 0;
  ReMatch m;
  while (out.size() < max && find_first(re, text, pos, &m)) {
    pos = m.end > m.start ? m.end : m.end + 1;
    out.push_back(m);
    if (pos > text.size()) break;
  }
  return out;
}

bool contains(const RE2& re, std::string_view text) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

}  // namespace imr::extract_detail
