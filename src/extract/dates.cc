#include "extract/dates.h"

#include <re2/re2.h>

#include <algorithm>

#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

const RE2& injury_cue() {
  static const RE2 re(R"(\b(?:injur\w*|accident|doi|d/o/i|sustained|fell|trauma|industrial)\b)");
  return re;
}
const RE2& surgery_cue() {
  static const RE2 re(
      R"(\b(?:surger\w*|surgical|operat\w+|fusion|\w+ectomy|\w+otomy|\w+plasty|arthroscop\w*|arthrodesis|underwent|implant\w*|repair|replacement|removal|release|decompression|s/p|status post)\b)");
  return re;
}
const RE2& review_cue() {
  static const RE2 re(
      R"(\b(?:utilization review|ur|determination|(?:was|were) (?:modified|denied|certified|non-?certified|partially certified|approved)|modified to|non-?certif\w*|to certify|imr)\b)");
  return re;
}
// An encounter noun, then up to 40 characters, then "on"/"dated"/"of" right before the date.
const RE2& encounter_before() {
  static const RE2 re(
      R"(\b(?:notes?|reports?|visits?|(?:re-?)?evaluations?|exams?|examinations?|findings|follow[- ]?ups?|followed up|records?|seen|saw|(?:re)?assessments?|consultations?|appointments?|encounters?|office|clinic|documentation|evaluated|examined|presented|returned|progress)\b[^.;:]{0,40}\b(?:on|dated|of)\s*$)");
  return re;
}
// The date opens the sentence: "On 8-24-15, ...", "As of 3/3/15 ...".
const RE2& sentence_opening() {
  static const RE2 re(R"(^\s*(?:on|at|during|as of|by|per|in)\s+(?:the\s+)?$)");
  return re;
}
// "the 09/25/2014 report", "according to the 07/30/2014 progress report".
const RE2& article_before() {
  static const RE2 re(R"((?:^|\b(?:the|a|an|per|his|her|in|at|during|on|from))\s*$)");
  return re;
}
const RE2& report_after() {
  static const RE2 re(
      R"(^\s*(?:(?:progress|office|follow[- ]?up|clinical|medical|primary treating physician'?s?|ptp|pain management|orthopedic|psychiatric|psychological|physician'?s?|doctor'?s?|initial|comprehensive|supplemental|pr-2|interim)\s+)*(?:note|report|visit|evaluation|exam|examination|record|encounter|consultation|assessment|re-?evaluation|appointment|follow[- ]?up)\b)");
  return re;
}
const RE2& chain_gap() {
  static const RE2 re(R"(^\s*(?:,\s*)?(?:and|&|,)\s*$)");
  return re;
}

bool matches(const RE2& re, std::string_view s) { return contains(re, s); }

// "the injured worker" is the patient, not an injury: blank it out (same length) before
// looking for injury cues.
std::string mask_patient_words(std::string_view norm) {
  std::string out(norm);
  for (std::string_view w : {"injured worker", "injured employee", "injured party"}) {
    size_t p = 0;
    while ((p = out.find(w, p)) != std::string::npos) {
      for (size_t i = 0; i < 7; ++i) out[p + i] = '_';  // "injured"
      p += w.size();
    }
  }
  return out;
}

}  // namespace

std::vector<SentenceDate> sentence_dates(std::string_view norm) {
  std::vector<SentenceDate> out;
  size_t from = 0;
  while (out.size() < 16) {
    auto m = find_date(norm, from);
    if (!m) break;
    out.push_back({m->date, m->start, m->end, DateRole::kOther});
    from = m->end;
  }
  const bool review_sentence = matches(review_cue(), norm);
  const std::string masked = mask_patient_words(norm);
  for (size_t i = 0; i < out.size(); ++i) {
    SentenceDate& d = out[i];
    const size_t wb = d.start > 70 ? d.start - 70 : 0;
    const std::string_view before = std::string_view(masked).substr(wb, d.start - wb);
    const std::string_view near_before =
        std::string_view(masked).substr(d.start > 40 ? d.start - 40 : 0, d.start - (d.start > 40 ? d.start - 40 : 0));
    const std::string_view after =
        std::string_view(masked).substr(d.end, std::min<size_t>(60, norm.size() - d.end));
    const std::string_view head = norm.substr(0, d.start);
    if (matches(injury_cue(), before)) {
      d.role = DateRole::kInjury;
      continue;
    }
    if (matches(surgery_cue(), near_before)) {
      d.role = DateRole::kSurgery;
      continue;
    }
    bool encounter = false;
    if (matches(encounter_before(), before)) encounter = true;
    if (!encounter && matches(sentence_opening(), head)) {
      // The cue follows the date: "On 11/2/13 he was injured", "On 5/1/12 he underwent".
      if (matches(injury_cue(), after)) {
        d.role = DateRole::kInjury;
        continue;
      }
      if (matches(surgery_cue(), after)) {
        d.role = DateRole::kSurgery;
        continue;
      }
      encounter = !review_sentence;
    }
    if (!encounter && matches(article_before(), before) && matches(report_after(), after))
      encounter = true;
    if (!encounter && i > 0 && out[i - 1].role == DateRole::kEncounter &&
        matches(chain_gap(), norm.substr(out[i - 1].end, d.start - out[i - 1].end)))
      encounter = true;
    if (encounter && matches(review_cue(), before)) encounter = false;
    d.role = encounter ? DateRole::kEncounter
                       : (review_sentence ? DateRole::kReview : DateRole::kOther);
  }
  return out;
}

std::optional<Date> latest_encounter(const std::vector<SentenceDate>& dates) {
  std::optional<Date> best;
  for (const auto& d : dates)
    if (d.role == DateRole::kEncounter && (!best || d.date.last_day() > best->last_day()))
      best = d.date;
  return best;
}

}  // namespace imr::extract_detail
