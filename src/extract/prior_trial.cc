// kPriorTrial: treatments tried before, and how they went.
//
// Terms are therapies and drug classes (normalized: acupuncture, physical_therapy, tens,
// chiropractic, nerve_block, epidural_injection, functional_restoration, massage, nsaid,
// acetaminophen, tricyclic, ...) and the drug table's drugs (subject = drug key).
// Outcome from the words around a term in its clause: "failed NSAIDs", "NSAIDs failed",
// "Tylenol ... failure", "tried ibuprofen without relief" -> failed; "could not tolerate
// gabapentin", "intolerant of", "tried gabapentin but stopped due to dizziness" (after-cues
// reach over one "but") -> not_tolerated; "Butrans trial ... able to reduce his
// Norco", "improved with previous use of" -> helped; "tried", "trial of" -> tried.
// In a "treatment to date has included ..." sentence every therapy named is "tried".
// A drug-table drug needs an explicit outcome (otherwise it is only a medication use).
#include <re2/re2.h>

#include <algorithm>

#include "extract/detectors.h"
#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

const RE2& therapy_re() {
  static const RE2 re(
      R"(\b(?:(acupuncture)|(physical therapy|physiotherapy|pt sessions|land[- ]based therapy|pt)|(tens(?: unit)?|transcutaneous electrical nerve stimulation)|(chiropractic(?: treatment| care| therapy| manipulation)?|chiropractor|chiro|spinal manipulation)|((?:medial branch |lumbar |cervical |facet |sympathetic |selective )?nerve blocks?|medial branch blocks?|facet blocks?|facet injections?)|((?:lumbar |cervical |caudal )?epidural(?: steroid)?(?: injections?)?|esis?|transforaminal injections?)|(functional restoration(?: program)?|hfrp|frp)|(massage(?: therapy)?)|(trigger point injections?)|(home exercise(?: program)?|hep)|(cognitive behavio(?:u)?ral therapy|cbt|psychotherapy)|(radiofrequency (?:ablation|neurotomy)|rhizotomy)|(spinal cord stimulat\w+(?: trial)?|scs)|(aquatic therapy|pool therapy)|(nsaids?|anti-?inflammator(?:y|ies)(?: medications?)?|non-?steroidal anti-?inflammator\w+)|(tylenol|acetaminophen)|(tricyclics?(?: antidepressants?)?|amitriptyline|nortriptyline)|(anticonvulsants?|antiepileptics?|anti-epilepsy drugs?)|(antidepressants?)|(opioids?|narcotics?)|(muscle relaxants?)|(injections?)|(bracing|braces?)|(ice(?: and heat)?|heat therapy)|(medications?|meds|pain medications?|oral medications?|analgesics?)|(occupational therapy|hand therapy|ot)|(activity modifications?|modified activit\w+|activity restrictions?)|(rest)|(splints?|splinting|casts?|casting|immobiliz\w+|slings?)|(crutches|cane|walker))\b)");
  return re;
}
const char* const kTherapies[] = {
    "acupuncture",        "physical_therapy", "tens",         "chiropractic",
    "nerve_block",        "epidural_injection", "functional_restoration", "massage",
    "trigger_point_injection", "home_exercise", "psychotherapy", "radiofrequency_ablation",
    "spinal_cord_stimulator", "aquatic_therapy", "nsaid", "acetaminophen", "tricyclic",
    "anticonvulsant", "antidepressant", "opioid", "muscle_relaxant", "injection", "bracing",
    "ice_heat", "medications", "occupational_therapy", "activity_modification", "rest", "immobilization",
    "crutches"};
constexpr size_t kTherapyCount = sizeof(kTherapies) / sizeof(kTherapies[0]);

const RE2& list_intro_re() {
  static const RE2 re(
      R"(\b(?:treatments?(?:\s+and\s+(?:evaluation|evaluations|diagnostic \w+|testing))?\s+(?:to date\s+)?(?:has|have|had)\s+(?:included|includes|consisted of|been)|treatments? (?:rendered |provided |received )?(?:to date )?(?:includes|included|consisted of|consists of)|(?:past|prior|previous|conservative)\s+(?:treatments?|care|therapies|therapy)\s+(?:has\s+|have\s+|had\s+)?(?:included|include|includes|consisted of|consists of|including)|(?:has|had|have)\s+(?:tried|undergone|received|completed|failed)|treated conservatively with|conservative (?:care|treatment|management) (?:with|including))\b)");
  return re;
}

// Outcome cues before a term (anchored at the end of the text before it).
const RE2& before_re() {
  static const RE2 re(
      R"(\b(?:(failed|failure of|unsuccessful trials? of|no (?:relief|benefit|improvement) (?:from|with))|((?:could not|couldn't|unable to|did not|didn't|does not|cannot) tolerate|intoleran(?:t|ce) (?:of|to)|allergic to|allergy to|side effects (?:from|with|of))|((?:improved|benefit(?:ed)?|did well|relief) (?:with|from) (?:the |his |her )?(?:previous |prior )?(?:use of )?)|(tried|trialed|trialled|trials? of|had used|previously used|prior use of|previous use of|courses? of|attempted))\b[^.;]{0,40}$)");
  return re;
}
// Outcome cues after a term.
const RE2& after_re() {
  static const RE2 re(
      R"(^[^.;]{0,50}?\b(?:((?:has |have |had )?failed|failure|(?:was|were) (?:unsuccessful|ineffective|not effective|not helpful)|did not help|didn't help|(?:has|have|had) not (?:helped|been helpful|relieved|improved|resolved)|(?:did|does|do) not (?:relieve|improve|resolve)|without (?:any |significant |much |adequate |sufficient |meaningful |lasting |good |noticeable |real )?(?:pain )?(?:relief|benefit|improvement|success|effect)|with (?:no|little|minimal) (?:relief|benefit|improvement)|provided (?:no|little|minimal) (?:relief|benefit)|gave no relief|no relief|(?:stopped|discontinued|quit)\s+(?:it\s+|them\s+)?(?:due to|because of|for)\s+(?:lack of|no|poor|inadequate|insufficient|limited|minimal) (?:relief|benefit|efficacy|effect|improvement))|((?:was |were )?(?:not tolerated|poorly tolerated)|caused (?:side effects|nausea|sedation|drowsiness|dizziness|gi upset|stomach upset|stomach pain|weight gain|rash|confusion|headaches?|constipation|itching|gastritis|ulcers?|gi bleed\w*|bleeding|heartburn|dyspepsia|reflux)|(?:due to|because of|secondary to) (?:side effects|adverse effects|intolerance|nausea|dizziness|sedation|drowsiness|somnolence|gi upset|stomach upset|rash|weight gain|constipation|itching|confusion|headaches?|fatigue|mental fog\w*|cognitive \w+|swelling|edema))|(helped|was helpful|were helpful|provided (?:\w+ )?relief|was effective|were effective|with (?:good|some|significant|moderate) (?:relief|benefit|results|improvement)|able to (?:reduce|decrease|discontinue|stop|wean)))\b)");
  return re;
}

// "Butrans trial", "a TENS trial": a trial without a stated result.
const RE2& trial_after() {
  static const RE2 re(R"(^\s*(?:unit\s+)?(?:trials?|trialed)\b)");
  return re;
}

struct Term {
  size_t start, end;
  std::string subject;
  bool drug;
};

}  // namespace

void detect_prior_trials(const SentenceContext& s, std::vector<Fact>& out) {
  if (s.instruction()) return;  // a plan names treatment to come, not treatment tried
  const std::string_view n = s.norm();
  std::vector<Term> terms;
  for (const ReMatch& m : find_all(therapy_re(), n, 24)) {
    std::string subject;
    for (size_t g = 1; g <= kTherapyCount; ++g)
      if (m.has(g)) subject = kTherapies[g - 1];
    // A drug the table knows is reported by its key instead.
    bool is_drug = false;
    for (const auto& d : s.drugs())
      if (d.start < m.end && m.start < d.end) is_drug = true;
    if (m.group(0) == "pt" && pt_means_patient(n, m.start, m.end)) continue;
    if (!is_drug && !subject.empty()) terms.push_back({m.start, m.end, subject, false});
  }
  for (const auto& d : s.drugs()) terms.push_back({d.start, d.end, d.drug->key, true});
  std::sort(terms.begin(), terms.end(), [](const Term& a, const Term& b) { return a.start < b.start; });

  ReMatch intro;
  const bool listed = find_first(list_intro_re(), n, 0, &intro);
  std::vector<std::string> seen;
  for (size_t i = 0; i < terms.size(); ++i) {
    const Term& t = terms[i];
    const Span c = s.clause(t.start);
    // Before-cues reach at most ~90 bytes back: a bounded window keeps long lists linear.
    const size_t from = std::max(c.start, t.start > 120 ? t.start - 120 : size_t{0});
    const std::string_view before = n.substr(from, t.start - from);
    const size_t next = i + 1 < terms.size() ? terms[i + 1].start : c.end;
    // After-cues may pass over the rest of a list ("Tylenol or NSAID failure").
    // ... and over a "but" ("tried gabapentin but stopped due to dizziness").
    size_t after_end = std::max(c.end, next);
    if (n.compare(c.end, 5, " but ") == 0) after_end = std::max(after_end, s.clause(c.end + 5).end);
    const std::string_view after = n.substr(t.end, after_end - t.end);
    std::string outcome;
    size_t cue_start = t.start;
    ReMatch a, b;
    if (find_first(after_re(), after, 0, &a)) {
      outcome = a.has(1) ? "failed" : a.has(2) ? "not_tolerated" : "helped";
    }
    // "allergic to penicillin and takes Norco": a new verb after the cue ends its reach.
    static const RE2 new_verb(
        R"(\b(?:and|but|who|which|now)\s+(?:takes|taking|uses|using|is|was|continues|has|remains|currently)\b)");
    if (find_first(before_re(), before, 0, &b) && !contains(new_verb, before.substr(b.start))) {
      if (outcome.empty())
        outcome = b.has(1) ? "failed" : b.has(2) ? "not_tolerated" : b.has(3) ? "helped" : "tried";
      cue_start = from + b.start;
    }
    if (outcome.empty() && contains(trial_after(), after)) outcome = "tried";
    if (outcome.empty() && listed && !t.drug && t.start > intro.start) outcome = "tried";
    if (outcome.empty()) continue;
    const std::string key = t.subject + "/" + outcome;
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    Fact f = s.make(FactKind::kPriorTrial, std::min(cue_start, t.start), t.end);
    f.subject = t.subject;
    f.qualifier = outcome;
    out.push_back(std::move(f));
  }
}

}  // namespace imr::extract_detail
