// kPainScore: pain intensity out of 10.
//
// Forms: "9/10", "4-5/10", "8 of 10", "8 out of 10", "VAS 6", "6 on the visual analog scale".
// A score's denominator is 10 and its numerator 0-10; dates ("5/10/14", "1/5/10") and
// doses ("10/325") are never scores. Qualifier from the words around it: "worst", "least",
// "average", "with_medication", "without_medication", else "current". "Pain decreased from
// 8/10 to 4/10 with medications" (or "from 8/10 before gabapentin to 4/10") gives 8 without
// and 4 with medication. "7 on a 10-point scale when she misses a dose" is a score without
// medication, "... when she takes the medication" one with it.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "extract/detectors.h"
#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

const RE2& slash_re() {
  static const RE2 re(R"((\d{1,2}(?:\.\d)?)(?:\s*(?:-|to)\s*(\d{1,2}(?:\.\d)?))?\s*/\s*10\b)");
  return re;
}
const RE2& of_re() {
  static const RE2 re(
      R"(\b(\d{1,2}(?:\.\d)?)(?:\s*(?:-|to)\s*(\d{1,2}(?:\.\d)?))?\s+(?:out\s+)?of\s+(?:a\s+(?:possible\s+)?)?10\b)");
  return re;
}
// "7 on a 10-point scale", "3 on a scale of 0 to 10", "6 on a 0-10 scale".
const RE2& scale_re() {
  static const RE2 re(
      R"(\b(\d{1,2}(?:\.\d)?)(?:\s*(?:-|to)\s*(\d{1,2}(?:\.\d)?))?\s+on\s+(?:a|the)\s+(?:(?:0|1|zero|one)\s*(?:-|to)\s*10\s+(?:point\s+)?(?:pain\s+)?scale|(?:10|ten)[- ]point\s+(?:pain\s+)?scale|(?:pain\s+)?scale\s+of\s+(?:(?:0|1|zero|one)\s*(?:-|to)\s*)?(?:10|ten))\b)");
  return re;
}
const RE2& vas_re() {
  static const RE2 re(
      R"(\b(?:vas|visual analog(?:ue)? scale|nrs|numeric rating scale|pain scale|pain score|pain level)(?:\s+score)?(?:\s+(?:of|was|is|at|=|:|rated))?(?:\s+(?:of|at|a))?\s*:?\s*(\d{1,2}(?:\.\d)?)(?:\s*(?:-|to)\s*(\d{1,2}(?:\.\d)?))?\b)");
  return re;
}
// "pain 7", "pain level 6", "rates pain 6-7", "pain rated 4": a bare number after the word
// pain; rejected when a unit follows ("pain 3 weeks", "pain 2 times a day").
const RE2& bare_re() {
  static const RE2 re(
      R"(\bpain(?:\s+(?:level|score|rating|intensity|severity))?(?:\s+(?:is|was|of|at|as|rated|remains|currently|today|now|=))*\s*:?\s*(\d{1,2}(?:\.\d)?)(?:\s*(?:-|to)\s*(\d{1,2}(?:\.\d)?))?\b)");
  return re;
}
const RE2& unit_after() {
  static const RE2 re(
      R"(^\s*(?:%|percent\b|days?\b|weeks?\b|wks?\b|months?\b|mos?\b|years?\b|yrs?\b|times?\b|x\b|mg\b|mcg\b|ml\b|hours?\b|hrs?\b|minutes?\b|mins?\b|am\b|pm\b|a\.m\.|p\.m\.|lbs?\b|pounds\b|sessions?\b|visits?\b|blocks?\b|feet\b|tablets?\b|tabs?\b|pills?\b|doses?\b|injections?\b|levels?\b|areas?\b|sites?\b))");
  return re;
}
// A further bare score chained to an earlier one by its medication state: "VAS 6 with
// medication and 9 without", "6-7 with meds, 9 without".
const RE2& chained_re() {
  static const RE2 re(
      R"((?:,|\band\b|;|/|\bvs\.?|\bversus\b)\s*(?:then\s+|is\s+|was\s+)?(\d{1,2}(?:\.\d)?)(?:\s*(?:-|to)\s*(\d{1,2}(?:\.\d)?))?\s+(?:with|without|w/o|w/|on|off|before|after)\b)");
  return re;
}
// Qualifier words, searched backwards from the score (the last one wins) and forwards.
const RE2& qualifier_before() {
  // Group 5 is neutral: it consumes "compared with" so that its "with" is not a qualifier.
  static const RE2 re(
      R"(\b(?:(compared (?:with|to)|versus|vs)|(at (?:its |his |her )?worst|worst|at most|maximum|max)|(at (?:its |his |her )?least|least|at best|lowest|minimum|min)|(averages?|on average|average of|usually|typically)|((?:(?:with(?:out)?|on|off) |w/o ?|w/ ?)(?:the )?(?:use of )?(?:his |her |the |their )?(?:current )?(?:pain )?(?:medications?|meds|medicine|opioids?|analgesics?|narcotics?|regimen)|without|with))\b)");
  return re;
}
const RE2& qualifier_after() {
  static const RE2 re(
      R"(^\s*,?\s*(?:on the [a-z ]*scale\s*,?\s*)?(?:\([a-z]+\)\s*)?(?:(at (?:its |his |her )?worst|at most|worst)|(at (?:its |his |her )?(?:least|best)|at minimum)|(on average|average)|((?:(?:with|without|after|before)(?: the)?(?: use of)?(?: his| her| their)? |w/o ?|w/ ?)(?:pain )?(?:medications?|meds|medicine|opioids?|analgesics?|narcotics?)|when (?:she|he|they|the patient|the injured worker) (?:takes?|took|uses?|used|is (?:taking|using|on)) (?:the |his |her |their )?(?:medications?|meds|medicine|opioids?|analgesics?|narcotics?))|((?:without|w/o)(?: them| it| meds| medications?)?\s*(?:[,;.]|and\b|$)|when (?:she|he|they|the patient|the injured worker) (?:runs?|ran|is|are|was|goes|went|has|had) (?:out|off|without|no)\b|when (?:she|he|they|the patient|the injured worker) (?:misses|missed|skips|skipped|forgets|forgot) (?:a |her |his |their )?(?:doses?|medications?|meds)\b|off (?:the |his |her )?(?:medications?|meds)|before (?:taking )?(?:the |his |her )?(?:medications?|meds|a dose))))");
  return re;
}
const RE2& from_to_re() {
  static const RE2 re(R"(\bfrom\s*$)");
  return re;
}
const RE2& to_before_re() {
  static const RE2 re(R"(\b(?:down|decreased|decreases|reduced|reduces|drops?|dropped|lowered|comes down|goes down)\s+to\s*$)");
  return re;
}
const RE2& med_context() {
  static const RE2 re(R"(\b(?:medications?|meds|medicine|opioids?|analgesics?|narcotics?)\b)");
  return re;
}

struct Score {
  size_t start, end;
  double lo, hi;
};

bool inside_date(const SentenceContext& s, size_t a, size_t b) {
  for (const auto& d : s.dates())
    if (a < d.end && d.start < b) return true;
  return false;
}

std::string classify(std::string_view with_or_without) {
  return with_or_without.find("without") != std::string_view::npos ||
                 with_or_without.find("w/o") != std::string_view::npos ||
                 with_or_without.find("before") != std::string_view::npos
             ? "without_medication"
             : "with_medication";
}

}  // namespace

void detect_pain_scores(const SentenceContext& s, std::vector<Fact>& out) {
  const std::string_view n = s.norm();
  std::vector<Score> scores;
  auto add = [&](const ReMatch& m) {
    const size_t a = m.start, b = m.end;
    // A slash score must not sit inside a longer number run: "1/5/10", "5/10/14", "10/325".
    if (a > 0 && (std::isdigit(static_cast<unsigned char>(n[a - 1])) || n[a - 1] == '/' ||
                  n[a - 1] == '.' || n[a - 1] == '-'))
      return;
    if (b < n.size() && (n[b] == '/' || std::isdigit(static_cast<unsigned char>(n[b])))) return;
    if (inside_date(s, a, b)) return;
    for (const auto& sc : scores)
      if (a < sc.end && sc.start < b) return;
    const double lo = std::stod(std::string(m.group(1)));
    const double hi = m.has(2) ? std::stod(std::string(m.group(2))) : lo;
    if (lo < 0 || lo > 10 || hi < lo || hi > 10) return;
    scores.push_back({a, b, lo, hi});
  };
  for (const auto* re : {&slash_re(), &of_re(), &scale_re(), &vas_re()})
    for (const ReMatch& m : find_all(*re, n, 32)) add(m);
  for (const ReMatch& m : find_all(bare_re(), n, 16))
    if (!contains(unit_after(), n.substr(m.end))) add(m);
  if (!scores.empty()) {
    const size_t first = std::min_element(scores.begin(), scores.end(), [](auto& x, auto& y) {
                           return x.start < y.start;
                         })->start;
    for (ReMatch m : find_all(chained_re(), n, 16)) {
      if (m.start < first) continue;
      // The score is the number (range) alone, so that the words after it qualify it.
      m.start = m.offsets[1];
      m.end = m.has(2) ? m.offsets[2] + m.groups[2].size() : m.offsets[1] + m.groups[1].size();
      add(m);
    }
  }
  std::sort(scores.begin(), scores.end(),
            [](const Score& x, const Score& y) { return x.start < y.start; });

  const bool meds = contains(med_context(), n) || !s.drugs().empty();
  // Qualifier words are read with every drug name standing as "meds" (same length), so
  // "9/10 without Vicodin" reads like "9/10 without meds".
  std::string masked(n);
  for (const auto& d : s.drugs())
    if (d.end - d.start >= 4) {
      masked.replace(d.start, 4, "meds");
      for (size_t k = d.start + 4; k < d.end; ++k) masked[k] = ' ';
    }
  const std::string_view q_text = masked;
  size_t prev_end = 0;
  std::string prev_qual;
  for (size_t i = 0; i < scores.size(); ++i) {
    const Score& sc = scores[i];
    const Span clause = s.clause(sc.start);
    const size_t from = std::max(prev_end, clause.start);
    const std::string_view before = q_text.substr(from, sc.start - from);
    const size_t next = i + 1 < scores.size() ? scores[i + 1].start : n.size();
    const std::string_view after = q_text.substr(sc.end, std::min(next, clause.end) - sc.end);
    std::string qual = "current";
    ReMatch q;
    // The medication state (with / without) wins over worst / least / average.
    std::string med_state, position;
    // ", at worst 9/10" / ", with meds 5/10": words after a comma that lead straight into the
    // next score qualify that score, not this one.
    const bool leads_next = [&] {
      if (i + 1 >= scores.size() || scores[i + 1].start > clause.end) return false;
      if (!find_first(qualifier_after(), after, 0, &q)) return false;
      const std::string_view lead = trim(after.substr(0, q.offsets[0] + q.groups[0].size()));
      const std::string_view rest = trim(after.substr(q.end));
      return !lead.empty() && lead[0] == ',' && rest.size() <= 3;
    }();
    if (!leads_next && find_first(qualifier_after(), after, 0, &q)) {
      if (q.has(1)) position = "worst";
      else if (q.has(2)) position = "least";
      else if (q.has(3)) position = "average";
      else if (q.has(5)) med_state = "without_medication";
      else med_state = classify(q.group(4));
    }
    // Before the score the last qualifier word wins.
    std::string before_position, before_state;
    for (const ReMatch& l : find_all(qualifier_before(), before, 16)) {
      if (l.has(2)) before_position = "worst";
      else if (l.has(3)) before_position = "least";
      else if (l.has(4)) before_position = "average";
      else if (l.has(5) && (l.group(5) != "with" || meds)) {
        const std::string_view w = l.group(5);
        before_state = (w.rfind("without", 0) == 0 || w.rfind("w/o", 0) == 0 ||
                        w.rfind("off", 0) == 0)
                           ? "without_medication"
                           : "with_medication";
      }
    }
    if (position.empty()) position = before_position;
    if (med_state.empty()) med_state = before_state;
    if (!med_state.empty()) qual = med_state;
    else if (!position.empty()) qual = position;
    // "from 8/10 to 4/10" with medications: before and after.
    if (meds && i + 1 < scores.size() && contains(from_to_re(), before)) {
      const std::string_view gap = n.substr(sc.end, scores[i + 1].start - sc.end);
      if (trim(gap) == "to" || trim(gap) == "down to") qual = "without_medication";
    }
    // "pain down to 4/10 from 8/10" with medications: after, then before.
    if (meds && i + 1 < scores.size() && qual == "current" &&
        trim(n.substr(sc.end, scores[i + 1].start - sc.end)) == "from" &&
        contains(to_before_re(), n.substr(clause.start, sc.start - clause.start)))
      qual = "with_medication";
    if (meds && i > 0 && qual == "current" &&
        trim(n.substr(scores[i - 1].end, sc.start - scores[i - 1].end)) == "from" &&
        contains(to_before_re(), n.substr(clause.start, scores[i - 1].start - clause.start)))
      qual = "without_medication";
    if (meds && i > 0 && qual == "current") {
      const std::string_view gap = n.substr(scores[i - 1].end, sc.start - scores[i - 1].end);
      const std::string_view before_prev =
          n.substr(clause.start, scores[i - 1].start - std::min(clause.start, scores[i - 1].start));
      // "from 8/10 before gabapentin to 4/10": the earlier score's own medication words
      // ("before gabapentin") may sit between the two.
      const std::string_view g = trim(gap);
      const bool to_gap = g == "to" || g == "down to" ||
                          (prev_qual == "without_medication" && g.size() <= 40 &&
                           g.size() > 3 && g.substr(g.size() - 3) == " to");
      if (to_gap && contains(from_to_re(), before_prev)) qual = "with_medication";
    }
    Fact f = s.make(FactKind::kPainScore, sc.start, sc.end);
    // A score is a measurement: "8/10 without medications" does not negate it.
    if (f.polarity == Polarity::kNegated) f.polarity = Polarity::kAffirmed;
    f.subject = "pain";
    f.qualifier = qual;
    f.value = sc.lo;
    if (sc.hi != sc.lo) f.value_max = sc.hi;
    out.push_back(std::move(f));
    prev_end = sc.end;
    prev_qual = qual;
  }
}

}  // namespace imr::extract_detail
