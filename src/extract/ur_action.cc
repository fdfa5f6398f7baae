// kUrAction: what utilization review did with the request.
//
// Only in sentences about review ("utilization review", "UR", "was modified", "were
// denied", "non-certified", "modified to certify"). One fact per drug named (subject =
// drug key; "" when none is named). Each drug takes the action written after it, up to the
// next drug ("Xanax was modified to #15 and Percocet was certified at a quantity of 90"); a list with one verb after it shares it ("Norco #150 and
// Clonazepam #90 were denied"). qualifier: "weaning" (modified or certified for weaning /
// taper; value = quantity when given), "modified" (value = certified quantity), "denied",
// "certified". date: the explicit date in the sentence, else the narrative date.
#include <re2/re2.h>

#include "extract/detectors.h"
#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

const RE2& review_context() {
  static const RE2 re(
      R"(\b(?:utilization review|ur|claims administrator|reviewer|(?:was|were|been|is|are)\s+(?:subsequently\s+|previously\s+|partially\s+)?(?:modified|denied|non-?certified|certified|approved|not certified)|modified to|non-?certif\w*|partial(?:ly)? certif\w*|to certify)\b)");
  return re;
}
const RE2& action_re() {
  static const RE2 re(
      R"(\b(?:(for (?:the purpose of |purposes of )?(?:weaning|tapering|taper|a taper|a wean)|weaning purposes|to (?:allow for |facilitate |initiate )?(?:weaning|tapering|a taper|taper|wean))|(modified|modify|modification|partially certified|partial certification|certif(?:y|ied) (?:a |the )?(?:quantity|qty|reduced))|(denied|non-?certified|noncertified|not certified|not medically necessary|not authorized)|(certified|approved|authorized))\b)");
  return re;
}
const RE2& quantity_re() {
  static const RE2 re(
      R"(\b(?:certif(?:y|ied|ication of)|modified to|reduced to|allow(?:ed)?|approv(?:e|ed)|authoriz(?:e|ed))\s+(?:a\s+|the\s+)?(?:(?:reduced\s+)?(?:quantity|qty\.?)\s*(?:of\s+)?:?\s*|#\s*)?(\d{1,4})\b)");
  return re;
}

// An action verb written right before a drug (after its article).
const RE2& active_verb_re() {
  static const RE2 re(
      R"(\b(?:denied|non-?certified|noncertified|modified|certified|approved|authorized|partially certified)\s+(?:the\s+|his\s+|her\s+|a\s+)?(?:requests?\s+for\s+|prescriptions?\s+(?:for|of)\s+)?$)");
  return re;
}

struct Action {
  std::string qualifier;
  std::optional<double> value;
};

// The action written in [a, b) of the sentence, if any.
std::optional<Action> action_in(std::string_view n, size_t a, size_t b) {
  const std::string_view part = n.substr(a, b - a);
  Action act;
  bool any = false;
  bool weaning = false;
  for (const ReMatch& m : find_all(action_re(), part, 8)) {
    any = true;
    if (m.has(1)) weaning = true;
    else if (m.has(2) && act.qualifier != "denied") act.qualifier = "modified";
    else if (m.has(3)) act.qualifier = act.qualifier.empty() ? "denied" : act.qualifier;
    else if (m.has(4) && act.qualifier.empty()) act.qualifier = "certified";
  }
  if (!any) return std::nullopt;
  if (weaning) act.qualifier = "weaning";
  if (act.qualifier.empty()) return std::nullopt;
  ReMatch q;
  if (find_first(quantity_re(), part, 0, &q)) act.value = std::stod(std::string(q.group(1)));
  return act;
}

}  // namespace

void detect_ur_action(const SentenceContext& s, std::vector<Fact>& out) {
  const std::string_view n = s.norm();
  if (!contains(review_context(), n)) return;
  std::optional<Date> explicit_date;
  for (const auto& d : s.dates())
    if (d.role != DateRole::kInjury && d.role != DateRole::kSurgery) {
      explicit_date = d.date;
      break;
    }
  const auto& mentions = s.drugs();
  auto emit = [&](const Action& act, const std::string& subject, size_t a, size_t b) {
    Fact f = s.make(FactKind::kUrAction, a, b);
    f.polarity = Polarity::kAffirmed;  // "denied" here is the outcome, not a negation
    f.subject = subject;
    f.qualifier = act.qualifier;
    f.value = act.value;
    if (explicit_date) f.date = explicit_date;
    out.push_back(std::move(f));
  };
  if (mentions.empty()) {
    if (auto act = action_in(n, 0, n.size())) emit(*act, "", 0, n.size());
    return;
  }
  std::vector<std::optional<Action>> acts;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const size_t end = i + 1 < mentions.size() ? mentions[i + 1].start : n.size();
    acts.push_back(action_in(n, mentions[i].end, end));
  }
  for (size_t i = 0; i < mentions.size(); ++i) {
    // Active voice: "UR non-certified the Xanax and certified the Percocet".
    const size_t prev_end = i > 0 ? mentions[i - 1].end : 0;
    const std::string_view lead = n.substr(prev_end, mentions[i].start - prev_end);
    ReMatch verb;
    if (find_first(active_verb_re(), lead, 0, &verb)) {
      const size_t region_end = i + 1 < mentions.size() ? mentions[i + 1].start : n.size();
      if (auto a = action_in(n, prev_end + verb.start, region_end)) {
        emit(*a, mentions[i].drug->key, mentions[i].start, mentions[i].end);
        continue;
      }
    }
    std::optional<Action> act = acts[i];
    for (size_t j = i + 1; !act && j < mentions.size(); ++j) act = acts[j];
    // Or an action written before the first drug ("UR denied Norco and Soma").
    if (!act) act = action_in(n, 0, mentions.front().start);
    if (!act) continue;
    emit(*act, mentions[i].drug->key, mentions[i].start, mentions[i].end);
  }
}

}  // namespace imr::extract_detail
