#include "extract/context.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>

namespace imr::extract_detail {
namespace {

constexpr std::array<std::string_view, 5> kClauseWords = {" but ", " however", " although ",
                                                            " whereas ", " though "};

}  // namespace

SentenceContext::SentenceContext(int record, std::string_view record_text,
                                 const Sentence& sentence, const DrugTable& drugs)
    : record_(record),
      table_(drugs),
      raw_(record_text.substr(sentence.start, sentence.end - sentence.start)),
      sentence_(sentence),
      scopes_(sentence.norm),
      drugs_(find_drug_mentions(sentence.norm, drugs)),
      dates_(sentence.dates) {
  const std::string_view n = sentence.norm;
  static const RE2 kInstruction(
      R"(^(?:[-*\d.)\s]*)(?:(?:treatment )?plans?\s*:\s*|recommendations?\s*:\s*|p\s*:\s*)?(?:continue|continues to|start|begin|resume|request(?:ing)?|recommend(?:ed|ing)?|will|plan(?:s|ned)? (?:to|for)|follow[- ]up|return|schedule|refer|order|obtain|proceed|consider|perform|initiate|discontinue|increase|decrease|add|use|apply|avoid|take|encourage[ds]?|advised? to|instruct(?:ed)? to)\b)");
  instruction_ = RE2::PartialMatch(re2::StringPiece(n.data(), n.size()), kInstruction);
  for (size_t i = 0; i < n.size(); ++i) {
    if (n[i] == ';' || n[i] == ':') {
      bounds_.emplace_back(i, 1);
      continue;
    }
    for (std::string_view w : kClauseWords)
      if (n.compare(i, w.size(), w) == 0) {
        bounds_.emplace_back(i, w.size());
        break;
      }
  }
}

Fact SentenceContext::make(FactKind kind, size_t start, size_t end) const {
  Fact f;
  f.kind = kind;
  f.polarity = scopes_.at(start, end);
  f.date = sentence_.date;
  f.evidence = Evidence{record_, sentence_.start, sentence_.end, std::string(raw_)};
  return f;
}

Span SentenceContext::clause(size_t pos) const {
  // The first boundary at or after pos ends the clause; the one before it starts it.
  const auto it = std::lower_bound(
      bounds_.begin(), bounds_.end(), pos,
      [](const std::pair<size_t, size_t>& bd, size_t p) { return bd.first < p; });
  const size_t e = it == bounds_.end() ? norm().size() : it->first;
  size_t b = it == bounds_.begin() ? 0 : std::prev(it)->first + std::prev(it)->second;
  if (b > e) b = e;
  return Span{b, e};
}

std::optional<Date> SentenceContext::date_near(size_t start, size_t end, bool surgery) const {
  const Span c = clause(start);
  std::optional<Date> best;
  size_t best_dist = 0;
  for (const SentenceDate& d : dates_) {
    if (d.start < c.start || d.end > c.end) continue;
    if (d.role == DateRole::kInjury) continue;
    if (d.role == DateRole::kSurgery && !surgery) continue;
    const size_t dist = d.start >= end ? d.start - end : (start >= d.end ? start - d.end : 0);
    if (!best || dist < best_dist) {
      best = d.date;
      best_dist = dist;
    }
  }
  return best;
}

std::string SentenceContext::single_drug_key() const {
  std::string key;
  for (const auto& m : drugs_) {
    if (key.empty()) key = m.drug->key;
    else if (key != m.drug->key) return "";
  }
  return key;
}

std::vector<const DrugMention*> SentenceContext::drugs_in(size_t start, size_t end) const {
  std::vector<const DrugMention*> out;
  for (const auto& m : drugs_)
    if (m.start >= start && m.end <= end) out.push_back(&m);
  return out;
}

}  // namespace imr::extract_detail
