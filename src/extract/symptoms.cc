// kSymptom and kSleepHygiene.
//
// kSymptom: one fact per symptom named in a sentence, subject one of "nausea" (nausea,
// nauseated, vomiting), "constipation" (constipated, hard stools, infrequent bowel
// movements), "insomnia" (cannot sleep, wakes at night, trouble sleeping), "heartburn"
// (heartburn, acid reflux, reflux symptoms), "dyspepsia" (dyspepsia, indigestion, stomach
// upset, GI upset, epigastric pain), "gi_bleed" (GI bleeding, melena, bloody or black
// stools, hematemesis) and "dizziness" (dizzy, lightheaded, vertigo). Polarity follows the
// sentence's negation scopes ("denies heartburn" -> negated).
//
// kSleepHygiene: sleep hygiene addressed — education, counselling or a trial of sleep
// hygiene measures, a regular sleep schedule, limiting caffeine or screens at bedtime, or
// CBT for insomnia. "Sleep hygiene has not been discussed" -> negated.
#include <re2/re2.h>

#include <algorithm>
#include <string>

#include "extract/detectors.h"
#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

const RE2& symptom_re() {
  static const RE2 re(
      R"(\b(nausea|nauseated|nauseous|vomiting|constipation|constipated|hard stools?|infrequent bowel movements?|)"
      R"(straining (?:with|at) (?:stool|bowel movements?)|insomnia|(?:cannot|can't|unable to|difficulty|trouble|)"
      R"(problems?) (?:falling |staying )?(?:sleep|sleeping|asleep)|wakes? (?:up )?(?:several times |repeatedly )?(?:at|during the) night|)"
      R"(heartburn|heart burn|acid reflux|reflux symptoms|dyspepsia|dyspeptic|indigestion|stomach upset|upset stomach|)"
      R"(gi upset|gastric upset|epigastric (?:pain|discomfort|burning)|gastrointestinal bleed(?:ing)?|gi bleed(?:ing)?|)"
      R"(melena|black(?:,)? tarry stools?|bloody stools?|hematemesis|dizziness|dizzy|light[- ]?headed(?:ness)?|vertigo)\b)");
  return re;
}

std::string canonical(std::string_view w) {
  auto starts = [&](const char* p) { return w.rfind(p, 0) == 0; };
  if (starts("nause") || w == "vomiting") return "nausea";
  if (starts("constipat") || starts("hard stool") || starts("infrequent bowel") || starts("straining"))
    return "constipation";
  if (starts("heartburn") || starts("heart burn") || starts("acid reflux") || starts("reflux"))
    return "heartburn";
  if (starts("dyspep") || w == "indigestion" || w == "stomach upset" || w == "upset stomach" ||
      w == "gi upset" || w == "gastric upset" || starts("epigastric"))
    return "dyspepsia";
  if (starts("gastrointestinal bleed") || starts("gi bleed") || w == "melena" || starts("black") ||
      starts("bloody") || w == "hematemesis")
    return "gi_bleed";
  if (starts("dizz") || starts("light") || w == "vertigo") return "dizziness";
  return "insomnia";
}

const RE2& hygiene_re() {
  static const RE2 re(
      R"(\b(?:sleep hygiene|regular (?:sleep|bedtime) (?:schedule|routine)|consistent (?:sleep|bed) ?times?|)"
      R"((?:limit|limits|limiting|avoid|avoids|avoiding|cut (?:out|back on)|no) (?:\w+ ){0,2}(?:caffeine|screens?|screen time|naps|napping) )"
      R"((?:\w+ ){0,3}(?:bedtime|evening|night|afternoon)|cbt[- ]i|cognitive behavioral therapy for insomnia)\b)");
  return re;
}

}  // namespace

void detect_symptoms(const SentenceContext& s, std::vector<Fact>& out) {
  const std::string_view n = s.norm();
  std::vector<std::string> seen;
  for (const ReMatch& m : find_all(symptom_re(), n, 16)) {
    const std::string subject = canonical(m.group(1));
    if (std::find(seen.begin(), seen.end(), subject) != seen.end()) continue;
    seen.push_back(subject);
    Fact f = s.make(FactKind::kSymptom, m.start, m.end);
    f.subject = subject;
    out.push_back(std::move(f));
  }
  ReMatch h;
  if (find_first(hygiene_re(), n, 0, &h)) {
    Fact f = s.make(FactKind::kSleepHygiene, h.start, h.end);
    f.subject = "sleep_hygiene";
    out.push_back(std::move(f));
  }
}

}  // namespace imr::extract_detail
