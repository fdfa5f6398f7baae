// Services already given and the circumstances service criteria ask about:
// kTherapyCompleted, kHomeExercise, kDeviceTrial, kHomebound, kSurgicalCandidate,
// kMotivation, kEvaluation.
//
// Therapy completed: a therapy named with a completion cue ("has completed 12 sessions of
// physical therapy", "attended eight chiropractic visits", "six acupuncture treatments to
// date", "with chiropractic care her sitting tolerance improved"); not in a sentence that only
// requests or plans it, nor in one reporting utilization review's decision on a request.
// value = sessions when stated; qualifier "helped" when the sentence reports gains, "no_benefit" when it reports none.
// Device trial: "TENS trial", "trial of an H-wave unit", "used a TENS unit for a month";
// qualifier and duration (days) and hours of use per day when stated. Homebound: affirmed
// ("homebound", "confined to the home") or negated ("able to leave the home", "drives
// herself"). Surgical candidacy: not_candidate / declined / planned / candidate.
// Motivation: affirmed or negated ("poorly motivated"). Evaluations done (not requested):
// functional capacity, psychological, multidisciplinary.
#include <re2/re2.h>

#include <algorithm>

#include "extract/detectors.h"
#include "extract/quantity.h"
#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

const RE2& therapy_re() {
  static const RE2 re(
      R"(\b(?:(aquatic therapy|aqua therapy|pool therapy|water therapy)|(physical therapy|physiotherapy|pt (?:sessions?|visits?|treatments?)|(?:sessions?|visits?|course) of pt|pt|land[- ]based therapy|occupational therapy)|(chiropractic(?: treatments?| care| therapy| manipulation| visits?| sessions?)?|chiropractor|spinal manipulation|manipulative therapy)|(acupuncture(?: treatments?| sessions?| visits?)?)|(cognitive behavio(?:u)?ral therapy|cbt|psychotherapy|psychological (?:treatment|counseling|therapy)|counseling sessions)|(functional restoration(?: program)?|frp|chronic pain program|multidisciplinary pain program)|(massage(?: therapy)?))\b)");
  return re;
}
const char* const kTherapySubjects[] = {"aquatic_therapy", "physical_therapy", "chiropractic", "acupuncture",
                                        "psychotherapy",   "functional_restoration", "massage"};

const RE2& completion_re() {
  static const RE2 re(
      R"(\b(?:completed|attended|underwent|undergone|received|finished|participated|went to|has had|had|so far|to date|prior|previous|previously|past|after|failed|tried)\b)");
  return re;
}
const RE2& plan_only_re() {
  static const RE2 re(
      R"(\b(?:request(?:s|ed|ing)?|recommend(?:s|ed)?|will (?:start|begin|attend|undergo)|plan(?:s|ned)? (?:to|for)|prescrib(?:e|ed|ing)|refer(?:red|ral)? (?:to|for)|authoriz\w+|would like)\b)");
  return re;
}
// A sentence reporting what utilization review did with a request ("utilization review
// determined six visits of physical therapy were not medically necessary") names the
// sessions requested, not sessions given, unless it also says they were attended.
const RE2& review_re() {
  static const RE2 re(
      R"(\b(?:utilization review|ur|non-?certif\w*|not medically necessary|(?:was|were) (?:denied|modified|certified|non-?certified|not certified))\b)");
  return re;
}
const RE2& attended_re() {
  static const RE2 re(R"(\b(?:completed|attended|underwent|undergone|finished|participated)\b)");
  return re;
}
const RE2& sessions_re() {
  static const RE2 re(std::string(R"(\b()") + kNumberPattern +
                      R"()\s+(?:[a-z-]+\s+){0,3}?(?:sessions?|visits?|treatments?|appointments?)\b)");
  return re;
}
const RE2& gains_re() {
  static const RE2 re(
      R"(\b(?:improv\w+|gains?|gained|increased|rose|risen|went up|back (?:at|to) (?:full|regular|usual) (?:duty|work)|back to work|now (?:able|walks|sits|stands|lifts)|able to (?:walk|sit|stand|lift|return|resume)|returned to|better|benefit(?:ed)?|helped|helpful|progress(?:ed)?|reduced (?:her|his|the) (?:pain|medication|need))\b)");
  return re;
}
const RE2& no_benefit_re() {
  static const RE2 re(
      R"(\b(?:no (?:\w+ ){0,4}?(?:improvement|benefit|gains?|relief|progress|change)|without (?:\w+ ){0,4}?(?:improvement|benefit|gains?|relief)|did not (?:help|improve|relieve|resolve)|didn't help|(?:has|have|had) not (?:helped|been helpful|relieved|improved|resolved)|not helpful|ineffective|plateau(?:ed)?|failed|minimal (?:benefit|improvement|relief)|little (?:benefit|improvement|relief))\b)");
  return re;
}

const RE2& home_exercise_re() {
  static const RE2 re(
      R"(\b(?:home exercises?(?: program| regimen| routine)?|hep|exercises? at home|home (?:stretching|walking) (?:program|routine)|self-directed (?:home )?(?:exercise|program)|independent exercise program)\b)");
  return re;
}

const RE2& device_re() {
  static const RE2 re(
      R"(\b(?:(tens(?: unit)?|transcutaneous electrical nerve stimulat\w+)|(h-?wave(?: unit| device)?|h wave(?: unit| device)?))\b)");
  return re;
}
const RE2& trial_cue_re() {
  static const RE2 re(R"(\b(?:trials?|trialed|trialled|used|using|rented|tried|home use)\b)");
  return re;
}
const RE2& duration_re() {
  static const RE2 re(std::string(R"(\b()") + kNumberPattern +
                      R"()[- ](days?|weeks?|months?)\b)");
  return re;
}
const RE2& hours_re() {
  static const RE2 re(std::string(R"(\b()") + kNumberPattern +
                      R"()\s+hours?\s+(?:a|per|each)\s+day\b)");
  return re;
}

const RE2& homebound_re() {
  static const RE2 re(
      R"(\b(?:(homebound|home-bound|house-?bound|bed-?bound|confined to (?:the |her |his )?(?:home|house|bed)|unable to leave (?:the |her |his )?(?:home|house))|(able to leave (?:the |her |his )?(?:home|house)|leaves (?:the |her |his )?(?:home|house)|drives (?:herself|himself)|goes (?:shopping|to the store)|not homebound))\b)");
  return re;
}

const RE2& candidate_re() {
  static const RE2 re(
      R"(\b(?:(not (?:a |an )?(?:surgical candidate|candidate for (?:further )?surgery|operative candidate)|non-?surgical candidate|no surgical (?:indications?|options?|lesion)|surgery (?:is |was )?not (?:recommended|indicated|an option))|(declined (?:\w+ )?surgery|declines (?:\w+ )?surgery|refuses (?:\w+ )?surgery|refused (?:\w+ )?surgery|(?:does|did) not (?:wish|want) (?:to (?:have|undergo) )?(?:\w+ )?surgery|not interested in (?:\w+ )?surgery)|(scheduled for (?:\w+ ){0,2}surgery|surgery (?:is |has been )?(?:scheduled|planned))|((?:surgical|operative) candidate|candidate for (?:\w+ ){0,2}surgery|(?:would|will|willing to) consider (?:\w+ ){0,2}surgery|interested in (?:\w+ ){0,2}surgery|wishes to (?:proceed with|have) (?:\w+ ){0,2}surgery))\b)");
  return re;
}

const RE2& motivation_re() {
  static const RE2 re(
      R"(\b(?:(poorly motivated|unmotivated|lacks motivation|lack of motivation|no motivation|little motivation|not motivated)|(highly motivated|very motivated|well motivated|motivated|motivation to (?:return|improve|change|get)|eager to return to work|wants to return to work|committed to (?:the program|returning|recovery|change)))\b)");
  return re;
}

const RE2& evaluation_re() {
  static const RE2 re(
      R"(\b(?:(functional capacity evaluation|fce|baseline functional testing|physical performance (?:testing|evaluation))|(psychological (?:evaluation|assessment|testing|consultation)|psych(?:ological)? eval\w*|psychometric testing)|((?:multidisciplinary|interdisciplinary) (?:evaluation|assessment)|(?:functional restoration|frp|chronic pain program) (?:evaluation|assessment)))\b)");
  return re;
}
const RE2& evaluation_done_re() {
  static const RE2 re(
      R"(\b(?:completed|performed|done|underwent|undergone|showed|revealed|demonstrated|found|documented|dated|was obtained|results?|scored|on \d)\b)");
  return re;
}

std::optional<int> days_of(std::string_view number, std::string_view unit) {
  auto n = parse_number(number);
  if (!n) return std::nullopt;
  const int per = unit.rfind("month", 0) == 0 ? 30 : unit.rfind("week", 0) == 0 ? 7 : 1;
  return static_cast<int>(*n * per);
}

std::string outcome(std::string_view n) {
  if (contains(no_benefit_re(), n)) return "no_benefit";
  if (contains(gains_re(), n)) return "helped";
  return "";
}

void therapies(const SentenceContext& s, std::vector<Fact>& out) {
  if (s.instruction()) return;  // "Continue physical therapy": a plan, not sessions given
  const std::string_view n = s.norm();
  // Sessions given show as a completion cue, a count of sessions, or an outcome of them.
  // A plan or request needs an explicit completion cue ("after the six visits she had").
  const bool outcome_said = contains(gains_re(), n) || contains(no_benefit_re(), n);
  const bool completed = contains(completion_re(), n);
  if (!completed && !contains(sessions_re(), n) && !outcome_said) return;
  if (contains(plan_only_re(), n) && !completed) return;
  if (contains(review_re(), n) && !contains(attended_re(), n)) return;
  std::vector<std::string> seen;
  for (const ReMatch& m : find_all(therapy_re(), n, 8)) {
    std::string subject;
    for (size_t g = 1; g <= 7; ++g)
      if (m.has(g)) subject = kTherapySubjects[g - 1];
    // "pt" alone is also the patient ("the pt reports").
    if (m.group(0) == "pt" && pt_means_patient(n, m.start, m.end)) continue;
    const Span c = s.clause(m.start);
    const std::string_view clause = n.substr(c.start, c.end - c.start);
    // A plan in the therapy's own clause without any sign of sessions given.
    if (contains(plan_only_re(), clause) && !contains(completion_re(), clause)) continue;
    if (std::find(seen.begin(), seen.end(), subject) != seen.end()) continue;
    seen.push_back(subject);
    Fact f = s.make(FactKind::kTherapyCompleted, m.start, m.end);
    f.subject = subject;
    if (f.polarity == Polarity::kNegated && contains(no_benefit_re(), n)) f.polarity = Polarity::kAffirmed;
    if (ReMatch k; find_first(sessions_re(), n, 0, &k))
      if (auto v = parse_number(k.group(1))) f.value = *v;
    f.qualifier = outcome(n);
    if (auto d = s.date_near(m.start, m.end)) f.date = d;
    out.push_back(std::move(f));
  }
}

void home_exercise(const SentenceContext& s, std::vector<Fact>& out) {
  ReMatch m;
  if (!find_first(home_exercise_re(), s.norm(), 0, &m)) return;
  Fact f = s.make(FactKind::kHomeExercise, m.start, m.end);
  f.subject = "home_exercise";
  // "Continue the home exercise program": an instruction, not evidence the program is done.
  if (s.instruction() && f.polarity == Polarity::kAffirmed) f.polarity = Polarity::kUncertain;
  out.push_back(std::move(f));
}

void device_trials(const SentenceContext& s, std::vector<Fact>& out) {
  if (s.instruction()) return;
  const std::string_view n = s.norm();
  if (!contains(trial_cue_re(), n)) return;
  if (contains(plan_only_re(), n) && !contains(gains_re(), n) && !contains(no_benefit_re(), n)) return;
  ReMatch m;
  if (!find_first(device_re(), n, 0, &m)) return;
  Fact f = s.make(FactKind::kDeviceTrial, m.start, m.end);
  f.subject = m.has(1) ? "tens" : "h_wave";
  if (f.polarity == Polarity::kNegated && contains(no_benefit_re(), n)) f.polarity = Polarity::kAffirmed;
  f.qualifier = outcome(n);
  if (ReMatch d; find_first(duration_re(), n, 0, &d)) f.duration_days = days_of(d.group(1), d.group(2));
  if (ReMatch h; find_first(hours_re(), n, 0, &h))
    if (auto v = parse_number(h.group(1))) f.value = *v;
  out.push_back(std::move(f));
}

void homebound(const SentenceContext& s, std::vector<Fact>& out) {
  ReMatch m;
  if (!find_first(homebound_re(), s.norm(), 0, &m)) return;
  Fact f = s.make(FactKind::kHomebound, m.start, m.end);
  f.subject = "homebound";
  if (m.has(2)) f.polarity = Polarity::kNegated;
  out.push_back(std::move(f));
}

void surgical_candidate(const SentenceContext& s, std::vector<Fact>& out) {
  ReMatch m;
  if (!find_first(candidate_re(), s.norm(), 0, &m)) return;
  Fact f = s.make(FactKind::kSurgicalCandidate, m.start, m.end);
  f.subject = "surgery";
  if (m.has(1)) f.qualifier = "not_candidate";
  else if (m.has(2)) f.qualifier = "declined";
  else if (m.has(3)) f.qualifier = "planned";
  else f.qualifier = "candidate";
  // The negation is part of these phrases, not of the fact.
  if (m.has(1) || m.has(2)) f.polarity = Polarity::kAffirmed;
  out.push_back(std::move(f));
}

void motivation(const SentenceContext& s, std::vector<Fact>& out) {
  ReMatch m;
  if (!find_first(motivation_re(), s.norm(), 0, &m)) return;
  Fact f = s.make(FactKind::kMotivation, m.start, m.end);
  f.subject = "motivation";
  if (m.has(1)) f.polarity = Polarity::kNegated;
  out.push_back(std::move(f));
}

void evaluations(const SentenceContext& s, std::vector<Fact>& out) {
  const std::string_view n = s.norm();
  for (const ReMatch& m : find_all(evaluation_re(), n, 4)) {
    const Span c = s.clause(m.start);
    const std::string_view clause = n.substr(c.start, c.end - c.start);
    if (contains(plan_only_re(), clause) && !contains(evaluation_done_re(), clause)) continue;
    if (!contains(evaluation_done_re(), n)) continue;
    Fact f = s.make(FactKind::kEvaluation, m.start, m.end);
    f.subject = m.has(1) ? "functional_capacity_evaluation"
                : m.has(2) ? "psychological_evaluation"
                           : "multidisciplinary_evaluation";
    if (auto d = s.date_near(m.start, m.end)) f.date = d;
    out.push_back(std::move(f));
  }
}

}  // namespace

void detect_services(const SentenceContext& s, std::vector<Fact>& out) {
  therapies(s, out);
  home_exercise(s, out);
  device_trials(s, out);
  homebound(s, out);
  surgical_candidate(s, out);
  motivation(s, out);
  evaluations(s, out);
}

}  // namespace imr::extract_detail
