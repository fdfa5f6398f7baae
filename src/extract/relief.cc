// kPainRelief: whether treatment relieves pain, quantified or merely asserted.
//
// Quantified: "50% relief" ("50-60% relief": value 50, value_max 60), "reduces pain by 60 percent", "reduces his pain by half", or
// with/without-medication scores in the same sentence (value = (without - with) / without
// x 100, midpoints for ranges). Asserted: "the medication helps", "decreased his pain
// level", "improved with his medications", "worse without his medications". Negated: "no
// pain relief", "without significant improvement in pain", "not helpful". At most one
// relief fact per sentence; subject = the drug when the sentence names exactly one. A
// negated "medications" relief in a sentence about past trials is left to kPriorTrial.
// A percentage that measures something else ("ROM decreased 25%") is not relief.
#include <re2/re2.h>

#include <algorithm>

#include "extract/detectors.h"
#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

const RE2& percent_re() {
  static const RE2 re(
      R"(\b(\d{1,3})(?:\s*%?\s*(?:-|to)\s*(\d{1,3}))?\s*(?:%|percent)\s*(?:of\s+)?(?:pain\s+)?(?:relief|reduction|improvement|decrease|less pain|better|benefit)|(?:relief|reduction|reduces?|reduced|decreases?|decreased|improvement|improves?|improved|lowers?|lowered|benefit)(?:\s+(?:of|in|by))?(?:\s+(?:his|her|the|their))?(?:\s+pain(?:\s+level)?)?(?:\s+(?:by|of))?\s+(?:about\s+|approximately\s+|at least\s+)?(\d{1,3})\s*(?:%|percent))");
  return re;
}
const RE2& half_re() {
  static const RE2 re(
      R"(\b(?:reduces|reduced|decreases|decreased|cuts|cut|lowers|lowered)\s+(?:his\s+|her\s+|the\s+|their\s+)?pain(?:\s+level)?\s+(?:by\s+)?(?:(a\s+half|one[- ]half|half|in half)|(a\s+third|one[- ]third)|(two[- ]thirds))\b)");
  return re;
}
const RE2& asserted_re() {
  static const RE2 re(
      R"(\b(?:(?:medications?|meds|medicine|it|they|drug|regimen|this|opioids?|patch|which)\s+(?:helps?|helped|is helpful|are helpful|was helpful|were helpful|works?|worked|is effective|are effective|was effective|provides?\s+(?:\w+\s+)?relief|provided\s+(?:\w+\s+)?relief|gives?\s+(?:\w+\s+)?relief|gave\s+(?:\w+\s+)?relief)|(?:decreased|decreases|reduced|reduces|lowers|lowered|alleviates?|alleviated|relieves?|relieved|controls?|controlled|improves?|improved|helps?|helped)\s+(?:with\s+)?(?:his|her|the|their)?\s*pain|pain\s+(?:level\s+)?(?:is\s+|was\s+)?(?:improved|better|decreased|reduced|controlled|relieved|manageable|tolerable)\s+(?:with|on|by)|improved\s+with\s+(?:his\s+|her\s+|the\s+)?(?:current\s+)?(?:medications?|meds|use)|worse\s+without\s+(?:his\s+|her\s+|the\s+)?(?:medications?|meds)|benefit(?:s|ed)?\s+from\s+(?:the\s+|his\s+|her\s+)?(?:medications?|meds)|(?:improvement|decrease|reduction)\s+(?:in|of)\s+(?:his\s+|her\s+|the\s+)?pain|pain\s+relief|relief\s+(?:with|from)|(?:no|any|significant|some|good|adequate|moderate|partial)\s+relief|not\s+(?:been\s+)?helpful|did\s+not\s+help|no\s+benefit)\b)");
  return re;
}

// A sentence about treatments tried before ("NSAIDs were tried without relief"): its
// relief words belong to those trials (kPriorTrial), not to the current medications.
const RE2& trial_context() {
  static const RE2 re(
      R"(\b(?:tried|trialed|trialled|trials? of|attempted|previously used|had used|failed|in the past|previously)\b)");
  return re;
}

// A percentage change of something other than pain ("ROM decreased 25%", "grip strength
// improved 30%"): measured in the clause before the number, with no pain or relief word in
// the match itself.
const RE2& other_measure_re() {
  static const RE2 re(
      R"(\b(?:rom|range of motion|flexion|extension|abduction|adduction|rotation|strength|grip|motion|sensation|reflex(?:es)?|oswestry|odi|ndi|disability index|weight|bmi|swelling|edema|spasm|mobility|endurance|tolerance|sitting|standing|walking|lifting)\b)");
  return re;
}
const RE2& pain_word_re() {
  static const RE2 re(R"(\b(?:pain|relief|symptoms?)\b)");
  return re;
}

double mid(const Fact& f) { return f.value_max ? (*f.value + *f.value_max) / 2 : *f.value; }

}  // namespace

void detect_pain_relief(const SentenceContext& s, std::vector<Fact>& out) {
  const std::string_view n = s.norm();
  const std::string subject = s.single_drug_key().empty() ? "medications" : s.single_drug_key();
  ReMatch m;
  const auto other_measure = [&](const ReMatch& r) {
    if (contains(pain_word_re(), r.group(0))) return false;
    const size_t from = s.clause(r.start).start;
    return contains(other_measure_re(), n.substr(from, r.start - std::min(from, r.start)));
  };
  if (find_first(percent_re(), n, 0, &m) && !other_measure(m)) {
    Fact f = s.make(FactKind::kPainRelief, m.start, m.end);
    f.subject = subject;
    f.qualifier = "quantified";
    f.value = std::stod(std::string(m.has(1) ? m.group(1) : m.group(3)));
    // "50-60% relief": value 50, value_max 60.
    if (m.has(2)) f.value_max = std::stod(std::string(m.group(2)));
    if (f.value_max && (*f.value_max <= *f.value || *f.value_max > 100)) f.value_max.reset();
    if (*f.value <= 100) {
      out.push_back(std::move(f));
      return;
    }
  }
  if (find_first(half_re(), n, 0, &m)) {
    Fact f = s.make(FactKind::kPainRelief, m.start, m.end);
    f.subject = subject;
    f.qualifier = "quantified";
    f.value = m.has(1) ? 50.0 : m.has(2) ? 33.0 : 67.0;
    out.push_back(std::move(f));
    return;
  }
  // With/without-medication scores found in this sentence by detect_pain_scores.
  const Fact* with = nullptr;
  const Fact* without = nullptr;
  for (auto it = out.rbegin(); it != out.rend(); ++it) {
    const Fact& f = *it;
    if (f.evidence.record != s.record() || f.evidence.start != s.sentence_start()) break;
    if (f.kind != FactKind::kPainScore) continue;
    if (f.qualifier == "with_medication" && !with) with = &f;
    if (f.qualifier == "without_medication" && !without) without = &f;
  }
  if (with && without && mid(*without) > 0) {
    const double pct = (mid(*without) - mid(*with)) / mid(*without) * 100.0;
    Fact f = s.make(FactKind::kPainRelief, 0, 0);
    f.polarity = Polarity::kAffirmed;
    f.subject = subject;
    f.qualifier = "quantified";
    f.value = static_cast<double>(static_cast<long>(pct * 10 + (pct >= 0 ? 0.5 : -0.5))) / 10;
    if (pct <= 0) f.polarity = Polarity::kNegated;
    out.push_back(std::move(f));
    return;
  }
  // Asserted relief is read with every drug name standing as "meds" (same length), so that
  // "Norco helps" reads like "meds helps".
  std::string masked(n);
  for (const auto& d : s.drugs())
    if (d.end - d.start >= 4) {
      masked.replace(d.start, 4, "meds");
      for (size_t k = d.start + 4; k < d.end; ++k) masked[k] = ' ';
    }
  if (find_first(asserted_re(), masked, 0, &m)) {
    Fact f = s.make(FactKind::kPainRelief, m.start, m.end);
    const std::string_view w = m.group(0);
    if (w.rfind("no ", 0) == 0 || w.rfind("not ", 0) == 0 || w.rfind("did not", 0) == 0)
      f.polarity = Polarity::kNegated;
    // "Ibuprofen and Tylenol were tried without relief": a statement about past trials
    // (kPriorTrial); as a fact about "medications" it would read as the current regimen.
    if (subject == "medications" && f.polarity == Polarity::kNegated &&
        contains(trial_context(), n))
      return;
    f.subject = subject;
    f.qualifier = "asserted";
    out.push_back(std::move(f));
  }
}

}  // namespace imr::extract_detail
