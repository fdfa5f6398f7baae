// The lexicon detector: a fact for each lexicon entry a sentence names — affirmed, negated
// or uncertain as the sentence's negation scopes say, or negated outright by one of the
// entry's absent patterns ("sensation intact", "negative McMurray"; words an absent
// pattern covers are not also affirmed: "status post arthroscopy" is not a planned one) —
// with the value the pattern captured, the body region the sentence names and the date
// nearest to it.
#include <algorithm>
#include <cstdlib>

#include "extract/detectors.h"
#include "extract/quantity.h"

namespace imr::extract_detail {

void detect_lexicon(const SentenceContext& s, const Lexicon& lexicon, std::vector<Fact>& out) {
  if (lexicon.empty()) return;
  const std::string_view n = s.norm();
  std::vector<std::pair<const LexiconEntry*, bool>> seen;
  std::string region;
  bool region_read = false;
  const auto matches = lexicon.find(n);
  auto covered_by_absent = [&](const auto& m) {
    return std::any_of(matches.begin(), matches.end(), [&](const auto& a) {
      return a.absent && a.entry == m.entry && a.start <= m.start && m.end <= a.end;
    });
  };
  for (const auto& m : matches) {
    if (!m.absent && covered_by_absent(m)) continue;
    const auto key = std::make_pair(m.entry, m.absent);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    Fact f = s.make(m.entry->kind, m.start, m.end);
    f.subject = m.entry->subject;
    f.qualifier = m.entry->qualifier;
    if (m.absent) f.polarity = Polarity::kNegated;
    if (m.entry->negated_only && f.polarity != Polarity::kNegated) continue;
    if (f.qualifier.empty() && !m.entry->clause_qualifiers.empty()) {
      const Span c = s.clause(m.start);
      for (const auto& [q, _] : m.entry->clause_qualifiers)
        if (lexicon.clause_has(*m.entry, q, n.substr(c.start, c.end - c.start))) f.qualifier = q;
    }
    if (!m.value.empty())
      if (auto v = parse_number(m.value)) f.value = *v;
    if (!region_read) {
      region = region_in(n);
      region_read = true;
    }
    f.region = region;
    if (auto d = s.date_near(m.start, m.end)) f.date = d;
    out.push_back(std::move(f));
  }
}

}  // namespace imr::extract_detail
