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

// "PT" is physical therapy ("failed PT x 12", "PT, chiro and acupuncture") unless it is
// the patient ("Pt c/o LBP", "the pt reports").
bool pt_means_patient(std::string_view n, size_t start, size_t end) {
  // "The PT helped", "PT was not helpful", "PT x 6": what follows is said of a therapy.
  static const RE2 therapy_after(
      R"(^\s+(?:helped|has helped|did not help|didn't help|(?:was|has been|were) (?:\w+ )?(?:helpful|beneficial|effective|ineffective|of benefit|not helpful)|provided|gave|failed|sessions?|visits?|treatments?|x\s*\d|times?\b|\d+\s*(?:x|times|sessions|visits)))");
  if (contains(therapy_after, n.substr(end))) return false;
  static const RE2 before(R"((?:^|\b(?:the|a|this|our|pt)\s+)$)");
  static const RE2 after(
      R"(^\s+(?:is|was|has|had|reports?|reported|states?|stated|c/o|complains?|denies|denied|notes?|presents?|returns?|returned|indicates?|rates?|rated|will|to|feels?|who|underwent|presented|takes?|uses?|continues?|ambulates?|admits?|describes?|agrees?|wants?|is|does|did|would|can|cannot|should)\b)");
  return contains(before, n.substr(0, start)) || contains(after, n.substr(end));
}

}  // namespace imr::extract_detail
