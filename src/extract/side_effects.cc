// kSideEffects: adverse effects of medication.
//
// "denied any adverse side effects" (also the charting shorthand "No SE", "S/E: none")
// -> negated, subject "side_effects"; "reports
// constipation and sedation" -> one affirmed fact per effect named (constipation,
// sedation, ...), but only when the sentence speaks of medication (a drug, "medication",
// "side effect", "opioid") so that a head injury's dizziness is not an adverse effect;
// A list naming two or more effects, constipation or sedation among them ("Denies
// constipation, sedation, nausea."), counts as speaking of medication; the later items of such
// a bare list share the first item's negation.
// "side effects were reviewed" -> qualifier "assessed"; "intolerable sedation", "could not
// tolerate the side effects" -> qualifier "intolerable". A generic "side effects" fact is
// kept only when no specific effect was named. Reactions in an allergy list ("Allergies:
// Percocet (itching), codeine (nausea)", "allergic to morphine, which causes vomiting") are
// the history of drugs not taken, not effects of the current medication: not reported.
#include <re2/re2.h>

#include <algorithm>

#include "extract/detectors.h"
#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

const RE2& generic_re() {
  static const RE2 re(
      R"(\b(?:adverse (?:side )?effects?|side[- ]effects?|adverse (?:drug )?(?:reactions?|events?)|s/e|se|aes?)\b)");
  return re;
}
const RE2& specific_re() {
  static const RE2 re(
      R"(\b(constipation|constipated|sedation|sedated|somnolence|drowsiness|drowsy|sleepiness|nausea|nauseated|vomiting|dizziness|dizzy|itching|pruritus|respiratory depression|gi upset|upset stomach|stomach upset|dyspepsia|excessive sweating|confusion|cognitive slowing|fatigue|dry mouth|falling asleep|fell asleep|falls asleep)\b)");
  return re;
}
const RE2& med_context() {
  static const RE2 re(
      R"(\b(?:medications?|meds|medicine|side[- ]effects?|adverse|opioids?|narcotics?|benzodiazepines?|muscle relaxants?|from (?:the|his|her) (?:medication|pills?))\b)");
  return re;
}
const RE2& assessed_re() {
  static const RE2 re(
      R"(\b(?:(?:were|was|are|is|been)\s+(?:reviewed|discussed|assessed|monitored|addressed|evaluated|explained)|(?:reviewed|discussed|assessed|monitored|addressed|evaluated|counseled|educated)\s+(?:\w+\s+){0,3}?(?:for\s+|on\s+|about\s+|regarding\s+)?(?:potential\s+|possible\s+|the\s+)?(?:adverse\s+)?(?:side[- ]effects?|adverse))\b)");
  return re;
}

// The gap between two items of a bare list: ", ", ", or ", " and ", "/".
const RE2& list_gap_re() {
  static const RE2 re(R"(^\s*(?:,|/)?\s*(?:(?:and|or|nor)\s+)?(?:any\s+)?$)");
  return re;
}

// An allergy or intolerance list: the effects named after it are past reactions.
const RE2& allergy_re() {
  static const RE2 re(R"(\b(?:allerg(?:y|ies|ic)|drug intolerances?|nkda)\b)");
  return re;
}

const RE2& intolerable_re() {
  static const RE2 re(
      R"(\b(?:intolerable|not tolerable|(?:could not|couldn't|cannot|unable to|did not) tolerate|too (?:sedating|severe)|had to (?:stop|discontinue))\b)");
  return re;
}

std::string canonical(std::string_view w) {
  if (w.rfind("constipat", 0) == 0) return "constipation";
  if (w.rfind("sedat", 0) == 0 || w == "somnolence" || w.rfind("drows", 0) == 0 ||
      w == "sleepiness" || w.find("asleep") != std::string_view::npos)
    return "sedation";
  if (w.rfind("nause", 0) == 0 || w == "vomiting") return w == "vomiting" ? "vomiting" : "nausea";
  if (w.rfind("dizz", 0) == 0) return "dizziness";
  if (w == "itching" || w == "pruritus") return "pruritus";
  if (w == "gi upset" || w == "upset stomach" || w == "stomach upset" || w == "dyspepsia")
    return "gi_upset";
  if (w == "excessive sweating") return "sweating";
  if (w == "dry mouth") return "dry_mouth";
  if (w == "cognitive slowing" || w == "confusion") return "cognitive_impairment";
  if (w == "respiratory depression") return "respiratory_depression";
  return std::string(w);
}

}  // namespace

void detect_side_effects(const SentenceContext& s, std::vector<Fact>& out) {
  const std::string_view n = s.norm();
  const bool intolerable = contains(intolerable_re(), n);
  // A list of two or more effects that includes the hallmark opioid effects (constipation,
  // sedation) is itself a medication review: "Denies constipation, sedation, nausea."
  const auto effect_list = [&] {
    std::vector<std::string> named;
    for (const ReMatch& m : find_all(specific_re(), n, 12)) {
      const std::string c = canonical(m.group(1));
      if (std::find(named.begin(), named.end(), c) == named.end()) named.push_back(c);
    }
    const bool hallmark = std::find(named.begin(), named.end(), "constipation") != named.end() ||
                          std::find(named.begin(), named.end(), "sedation") != named.end();
    return named.size() >= 2 && hallmark;
  };
  const bool medication = !s.drugs().empty() || contains(med_context(), n) || effect_list();
  bool specific = false;
  std::vector<std::string> seen;
  ReMatch allergy;
  const size_t allergy_at = find_first(allergy_re(), n, 0, &allergy) ? allergy.start : std::string_view::npos;
  if (medication) {
    size_t prev_end = 0;
    Polarity prev_polarity = Polarity::kAffirmed;
    for (const ReMatch& m : find_all(specific_re(), n, 12)) {
      const std::string subject = canonical(m.group(1));
      if (m.start > allergy_at) {  // a reaction in an allergy list
        specific = true;           // named, so no generic fact either
        continue;
      }
      if (std::find(seen.begin(), seen.end(), subject) != seen.end()) continue;
      seen.push_back(subject);
      Fact f = s.make(FactKind::kSideEffects, m.start, m.end);
      // A bare list carries the first item's negation: "Denies constipation, sedation, nausea."
      if (prev_end > 0 && prev_polarity == Polarity::kNegated &&
          f.polarity == Polarity::kAffirmed &&
          contains(list_gap_re(), n.substr(prev_end, m.start - prev_end)))
        f.polarity = Polarity::kNegated;
      prev_end = m.end;
      prev_polarity = f.polarity;
      f.subject = subject;
      if (intolerable && f.polarity == Polarity::kAffirmed) f.qualifier = "intolerable";
      out.push_back(std::move(f));
      specific = true;
    }
  }
  if (specific) return;
  ReMatch m;
  if (!find_first(generic_re(), n, 0, &m)) return;
  Fact f = s.make(FactKind::kSideEffects, m.start, m.end);
  f.subject = "side_effects";
  if (f.polarity == Polarity::kAffirmed && intolerable) f.qualifier = "intolerable";
  else if (f.polarity == Polarity::kAffirmed && contains(assessed_re(), n)) f.qualifier = "assessed";
  out.push_back(std::move(f));
}

}  // namespace imr::extract_detail
