// kFunctionalImprovement: function, measured ("objective") or merely asserted.
//
// Objective (value = the figure): "walk 30 minutes, up from 10", "can sit for 45 minutes",
// "lift 20 lbs", "Oswestry improved from 48 to 30" (value 30, value_max 48 = before),
// "returned to modified duty 20 hours a week", "household chores 3 hours a day".
// Asserted: "improves his activities of daily living", "allows him to function", "improved
// function". Negated: "no functional improvement", "without significant improvement in pain
// or function", "functional improvement was not documented". An asserted fact is kept only
// when the sentence has no objective one.
#include <re2/re2.h>

#include <algorithm>

#include "extract/detectors.h"
#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

const RE2& activity_re() {
  static const RE2 re(
      R"(\b(walk\w*|stand\w*|sit|sits|sitting|drive|drives|driving|sleep\w*|exercis\w*|swim\w*|bik\w*|cycl\w*)\b(?:\s+[a-z]+){0,3}?\s+(?:for\s+)?(?:up\s+to\s+|about\s+|approximately\s+|at\s+least\s+|over\s+)?(\d+(?:\.\d+)?)\s*(minutes?|mins?|hours?|hrs?|blocks?|miles?|feet|ft|yards|laps)\b)");
  return re;
}
const RE2& lift_re() {
  static const RE2 re(
      R"(\b(?:lift\w*|carry\w*)\b(?:\s+[a-z]+){0,3}?\s+(?:up\s+to\s+)?(\d+(?:\.\d+)?)\s*(?:lbs?|pounds)\b)");
  return re;
}
const RE2& scale_re() {
  static const RE2 re(
      R"(\b(oswestry(?: disability index)?|odi|ndi|neck disability index|pain disability index|pdi|roland[- ]morris|functional (?:rating )?(?:scale|score|index))\b[^.;]{0,30}?\bfrom\s+(\d{1,3})%?\s+to\s+(\d{1,3})%?)");
  return re;
}
const RE2& work_hours_re() {
  static const RE2 re(
      R"(\b(?:returned|return|back)\s+to\s+(?:(?:modified|light|full|regular|restricted|part[- ]time|usual)\s+)?(?:duty|work)\b(?:[^.;]{0,30}?\b(\d+(?:\.\d+)?)\s*(?:hours?|hrs|days?))?)");
  return re;
}
const RE2& adl_re() {
  static const RE2 re(
      R"(\b(household chores|chores|housework|house work|cooking|cleaning|grocery shopping|shopping|yard ?work|gardening|self[- ]care|adls?|activities of daily living)\b[^.;]{0,30}?\b(\d+(?:\.\d+)?)\s*(hours?|hrs?|minutes?|mins?)\b)");
  return re;
}
const RE2& asserted_re() {
  static const RE2 re(
      R"(\b(?:(?:improves?|improved|improving|increases?|increased|enhances?|enhanced|maintains?|maintained|restores?|restored)\s+(?:his\s+|her\s+|their\s+|the\s+|overall\s+)*(activities of daily living|adls?|function(?:ing|al (?:status|level|capacity|ability|abilities))?|ability to function|quality of life|mobility|activity level|daily activities|activity tolerance)|allows?\s+(?:him|her|them|the patient|the injured worker|the claimant)\s+to\s+(?:function|work|perform|do|carry|complete|continue|remain|be active|stay active|improve)|allowed\s+(?:him|her|them|the patient|the injured worker|the claimant)\s+to\s+(?:function|work|perform|do|carry|complete|continue|remain|be active|stay active|improve)|(?:improved|increased|better|objective)\s+(function(?:ing|al (?:status|level|capacity))?|activities of daily living|adls?|quality of life|mobility|activity tolerance)|(functional)\s+(?:improvement|gains?|benefit)|improvement\s+(?:in|of)\s+(?:[a-z]+\s+(?:or|and)\s+)?(?:his\s+|her\s+)?(function(?:ing|al \w+)?|activities(?: of daily living)?|adls|quality of life|mobility)|(function|functioning|adls?|activities of daily living)\s+(?:has\s+|have\s+|had\s+)?(?:improved|increased)|able\s+to\s+(function|work|perform (?:his|her|their) (?:adls|activities)))\b)");
  return re;
}

std::string activity_subject(std::string_view verb) {
  if (verb.rfind("walk", 0) == 0) return "walking";
  if (verb.rfind("stand", 0) == 0) return "standing";
  if (verb.rfind("sit", 0) == 0) return "sitting";
  if (verb.rfind("driv", 0) == 0) return "driving";
  if (verb.rfind("sleep", 0) == 0) return "sleep";
  return "exercise";
}

std::string domain_subject(std::string_view w) {
  if (w.find("adl") != std::string_view::npos || w.find("daily") != std::string_view::npos ||
      w.find("activit") != std::string_view::npos)
    return "adl";
  if (w.find("quality") != std::string_view::npos) return "quality_of_life";
  if (w.find("mobility") != std::string_view::npos) return "mobility";
  if (w == "work") return "work";
  return "function";
}

}  // namespace

void detect_function(const SentenceContext& s, std::vector<Fact>& out) {
  const std::string_view n = s.norm();
  bool objective = false;
  // A figure the claimant reports ("she reports she can walk 30 minutes") is a report, not
  // a measurement: qualifier "reported".
  static const RE2 self_report(
      R"(\b(?:reports?|reported|reporting|states?|stated|says|said|claims?|claimed|feels?|felt|describes?|described|endorses?|per (?:the )?(?:patient|applicant|injured worker|claimant)|according to (?:the )?(?:patient|applicant|injured worker|claimant)|subjectively)\b)");
  auto emit = [&](const ReMatch& m, std::string subject, std::optional<double> value,
                  std::optional<double> before) {
    Fact f = s.make(FactKind::kFunctionalImprovement, m.start, m.end);
    f.subject = std::move(subject);
    const Span c = s.clause(m.start);
    f.qualifier = contains(self_report, n.substr(c.start, m.start - c.start)) ? "reported" : "objective";
    f.value = value;
    f.value_max = before;
    out.push_back(std::move(f));
    objective = true;
  };
  for (const ReMatch& m : find_all(activity_re(), n, 8))
    emit(m, activity_subject(m.group(1)), std::stod(std::string(m.group(2))), std::nullopt);
  static const RE2 restriction(
      R"(\b(?:avoid|no|not to|restrict\w*|limit\w*|precautions?|should not|cannot|unable to)\s+(?:\w+\s+){0,1}$)");
  for (const ReMatch& m : find_all(lift_re(), n, 4))
    if (!contains(restriction, n.substr(m.start > 30 ? m.start - 30 : 0,
                                        m.start - (m.start > 30 ? m.start - 30 : 0))))
      emit(m, "lifting", std::stod(std::string(m.group(1))), std::nullopt);
  for (const ReMatch& m : find_all(scale_re(), n, 4))
    emit(m, "disability_scale", std::stod(std::string(m.group(3))),
         std::stod(std::string(m.group(2))));
  for (const ReMatch& m : find_all(work_hours_re(), n, 2))
    emit(m, "work", m.has(1) ? std::optional<double>(std::stod(std::string(m.group(1))))
                             : std::nullopt,
         std::nullopt);
  for (const ReMatch& m : find_all(adl_re(), n, 4))
    emit(m, "adl", std::stod(std::string(m.group(2))), std::nullopt);
  if (objective) return;
  ReMatch m;
  if (find_first(asserted_re(), n, 0, &m)) {
    std::string_view domain;
    for (size_t g = 1; g < m.groups.size(); ++g)
      if (m.has(g)) domain = m.group(g);
    // "allows him to improve his activities of daily living": the domain follows.
    if (domain.empty()) domain = n.substr(m.start, std::min<size_t>(m.end - m.start + 40, n.size() - m.start));
    Fact f = s.make(FactKind::kFunctionalImprovement, m.start, m.end);
    f.subject = domain_subject(domain);
    f.qualifier = "asserted";
    out.push_back(std::move(f));
  }
}

}  // namespace imr::extract_detail
