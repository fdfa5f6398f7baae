// The course of treatment: kAcuteFlare, kDependence, kTaperPlan.
//
// Acute flare: "acute exacerbation", "flare-up", "new onset of spasms 3 days ago",
// "re-injured", "aggravation"; date = an explicit date in the clause, or the narrative date
// moved back by "N days/weeks ago". Dependence: "withdrawal symptoms", "dependent on",
// "physical dependence", "tolerance" (not "activity/exercise/sitting tolerance"); subject
// = the drug when the sentence names one. Taper plan: "plan to taper", "weaning",
// "decrease Norco to #120" (value = the target), "tapering schedule"; not in sentences
// about utilization review (their weaning is a kUrAction) and not "weaned off" (past use).
#include <re2/re2.h>

#include "extract/detectors.h"
#include "extract/quantity.h"
#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

const RE2& flare_re() {
  static const RE2 re(
      R"(\b(?:acute (?:exacerbation|flare(?:[- ]up)?|worsening|(?:[a-z]+\s+){0,2}?spasms?)|exacerbations?|flare[- ]?ups?|flares?|flared|new onset of (?:[a-z]+\s+){0,3}?(?:pain|spasms?|symptoms)|re-?injur\w*|new injury|aggravat(?:ion|ed)|sudden (?:onset|increase|worsening))\b)");
  return re;
}
const RE2& ago_re() {
  static const RE2 re(std::string(R"(\b()") + kNumberPattern +
                      R"()\s+(days?|weeks?)\s+ago\b)");
  return re;
}
const RE2& dependence_re() {
  static const RE2 re(
      R"(\b(?:withdrawal(?: symptoms| effects)?|dependent on|dependence on|physical(?:ly)? dependen\w+|dependency|(?:developed |has |with )?tolerance)\b)");
  return re;
}
const RE2& activity_tolerance() {
  static const RE2 re(
      R"(\b(?:activity|exercise|sitting|standing|walking|heat|cold|pain|work|activity and exercise|poor)\s+(?:tolerance)\b$)");
  return re;
}
const RE2& taper_re() {
  static const RE2 re(
      R"(\b(?:(plan(?:s|ned)? to (?:taper|wean|decrease|reduce|discontinue|lower)|taper(?:ing|ed)?(?: schedule| plan| protocol)?|wean(?:ing)?(?: schedule| plan| protocol)?|will (?:taper|wean|decrease|reduce|lower)|will be (?:weaned|tapered)|(?:be|being) (?:weaned|tapered) (?:off|from|down))|((?:decrease|decreased|reduce|reduced|lower|lowered|cut)\s+(?:the\s+)?(?:dose\s+of\s+)?(?:[a-z/]+\s+){0,3}?to\s+#?\s*(\d{1,4})))\b)");
  return re;
}
const RE2& review_context() {
  static const RE2 re(
      R"(\b(?:utilization review|ur|modified|non-?certif\w*|certif\w*|reviewer|denied)\b)");
  return re;
}

}  // namespace

void detect_course(const SentenceContext& s, std::vector<Fact>& out) {
  const std::string_view n = s.norm();
  ReMatch m;
  if (find_first(flare_re(), n, 0, &m)) {
    Fact f = s.make(FactKind::kAcuteFlare, m.start, m.end);
    f.subject = "flare";
    if (auto d = s.date_near(m.start, m.end)) {
      f.date = d;
    } else if (ReMatch a; find_first(ago_re(), n, 0, &a) && f.date &&
                          f.date->precision == Date::Precision::kDay) {
      if (auto num = parse_number(a.group(1))) {
        const int unit = a.group(2).rfind("week", 0) == 0 ? 7 : 1;
        f.date = civil_from_days(f.date->first_day() - static_cast<int>(*num * unit));
      }
    }
    out.push_back(std::move(f));
  }
  for (const ReMatch& d : find_all(dependence_re(), n, 4)) {
    if (d.group(0).find("tolerance") != std::string_view::npos &&
        contains(activity_tolerance(), n.substr(0, d.end)))
      continue;
    Fact f = s.make(FactKind::kDependence, d.start, d.end);
    f.subject = s.single_drug_key();
    out.push_back(std::move(f));
    break;
  }
  if (!contains(review_context(), n)) {
    for (const ReMatch& t : find_all(taper_re(), n, 4)) {
      if (t.has(2) && s.drugs().empty()) continue;  // "reduce ... to 20" needs a drug
      Fact f = s.make(FactKind::kTaperPlan, t.start, t.end);
      const auto in_clause = s.drugs_in(s.clause(t.start).start, s.clause(t.start).end);
      f.subject = in_clause.empty() ? s.single_drug_key() : in_clause.front()->drug->key;
      if (t.has(3)) f.value = std::stod(std::string(t.group(3)));
      out.push_back(std::move(f));
      break;
    }
  }
}

}  // namespace imr::extract_detail
