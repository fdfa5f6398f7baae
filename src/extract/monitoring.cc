// Opioid monitoring: urine drug screens (kDrugScreen), CURES / PDMP checks (kPdmpCheck),
// opioid agreements (kOpioidAgreement) and aberrant drug-taking behaviour
// (kAberrantBehavior). One fact per concept per clause; negation from the scopes ("no
// recent urine toxicology", "no CURES report", "no aberrant behaviors").
//
// Drug screen qualifier: "inconsistent" (inconsistent, not consistent, unexpected, positive
// for non-prescribed drugs), "consistent" (consistent, appropriate, compliant, as
// expected), "ordered" (ordered, requested, will obtain, pending, recommended), else "done".
// PDMP qualifier: "inconsistent", "consistent" or "reviewed". Agreement: "signed" or "".
// Dates: the date written with the concept ("UDS 1/20/16: ..."), else one counted back
// from the narrative date ("last UDS was 6 months ago"), else the narrative date.
#include <re2/re2.h>

#include <algorithm>

#include "extract/detectors.h"
#include "extract/quantity.h"
#include "extract/re_util.h"

namespace imr::extract_detail {
namespace {

const RE2& screen_re() {
  static const RE2 re(
      R"(\b(?:urine (?:drug|toxicology|tox)(?: screens?| tests?| testing| screening| results?| toxicology)*|urine drug|urine screens?|urinalysis drug screen|drug screens?|drug tests?|drug testing|drug screening|toxicology(?: screens?| results?| reports?| tests?| testing)?|tox screens?|uds|udt|tox)\b)");
  return re;
}
const RE2& pdmp_re() {
  static const RE2 re(
      R"(\b(?:cures(?:/pdmp)?(?: reports?| database| query| check| review)?|pdmp|prescription drug monitoring(?: program)?(?: report)?|prescription monitoring(?: program)?|pmp|narx)\b)");
  return re;
}
const RE2& agreement_re() {
  static const RE2 re(
      R"(\b(?:(?:opioid|opiate|narcotic|pain|medication|treatment|controlled substance)s?\s+(?:management\s+|treatment\s+|use\s+)?(?:agreement|contract)s?|(?:signed|sign)\s+(?:an?\s+|the\s+)?(?:agreement|contract))\b)");
  return re;
}
const RE2& aberrant_re() {
  static const RE2 re(
      R"(\b(?:(aberrant(?: drug[- ](?:taking|seeking|related|use))?(?: behaviou?rs?)?|drug[- ]taking behaviou?rs?)|(early refills?|refills? (?:(?:was|were|being|are|is) )?(?:requested |sought |obtained |filled |picked up )?(?:too )?early|(?:request(?:s|ed|ing)?|ask(?:s|ed|ing)? for|obtain(?:s|ed)?|sought) (?:an? |two |several |multiple |repeated )?(?:early )?refills? (?:\w+ )?early|ran out (?:of (?:his |her |the |their )?(?:medications?|meds|tablets|pills|supply|prescriptions?) )?(?:too )?early|runs out (?:of (?:his |her |the |their )?(?:medications?|meds|tablets|pills|supply) )?(?:too )?early|running out (?:of (?:his |her |the |their )?(?:medications?|meds|tablets|pills|supply) )?(?:too )?early)|((?:lost|stolen|misplaced) (?:(?:his|her|their|the|a|an) )?(?:prescriptions?|medications?|meds|scripts?|pills?|tablets|bottle))|(multiple (?:prescribers|providers|physicians|doctors|pharmacies)|more than one (?:prescriber|pharmacy)|(?:obtain(?:s|ed|ing)?|got|gets|getting|receiv(?:es|ed|ing)|prescribed|filled|sought|seeking)\s+(?:[a-z0-9/.]+\s+){0,5}?(?:from|by) (?:another|other|a second|a different|an outside|outside|multiple|several) (?:doctors?|physicians?|providers?|prescribers?|clinics?|pharmac(?:y|ies)))|(doctor shopping)|(drug[- ]seeking|(?:er|ed|emergency (?:room|department)) visits? (?:for|to obtain|seeking) (?:more )?(?:pain )?(?:medications?|meds|opioids?|narcotics?|refills?|pain pills|injections?))|(misuse)|((?:substance |drug |opioid )?abuse)|(diversion|divert(?:ed|ing))|(escalat\w+ (?:use|doses?|dosing|of (?:his|her|the) (?:dose|use))|self[- ]escalat\w+|(?:taking|takes|took|taken|using|uses|used) (?:more|higher doses?) (?:medications? |pills |tablets |of (?:it|them|his \w+|her \w+) )?than (?:prescribed|directed)|(?:taking|takes|took|taken) (?:extra|additional) (?:tablets|pills|doses))|(addiction|addictive behaviou?rs?)|(non-?compliance|noncompliant|non-?adheren\w+))\b)");
  return re;
}
const char* const kAberrantSubjects[] = {
    "aberrant_behavior", "early_refill", "lost_prescription", "multiple_prescribers",
    "doctor_shopping", "drug_seeking", "misuse", "abuse", "diversion", "escalation",
    "addiction", "noncompliance"};

const RE2& inconsistent_re() {
  static const RE2 re(
      R"(\b(?:inconsistent|not consistent|not as expected|not prescribed|inappropriate|unexpected|aberrant|positive for (?:non-?prescribed|illicit|unprescribed|marijuana|cannabis|thc|cocaine|methamphetamine|amphetamines?|heroin|alcohol)|negative for (?:the )?prescribed|negative for (?:his |her |their )?(?:medications?|meds|opioids?)|negative for (?:[a-z/]+ ){1,2}despite|did not (?:show|detect|reveal) (?:the )?prescribed)\b)");
  return re;
}
const RE2& consistent_re() {
  static const RE2 re(
      R"(\b(?:consistent|appropriate|compliant|as expected|negative for (?:any )?(?:illicit|illegal|non-?prescribed|unprescribed)|within expected|compliance|unremarkable|clean|c/w|ok|okay|positive (?:only )?for (?:the |his |her |their )?(?:prescribed|current) (?:medications?|meds|drugs?|opioids?)|positive (?:only )?for (?:[a-z/]+ ){1,3}only|only positive for|matched|matches|concordant|no (?:red flags|discrepanc\w+|inconsistenc\w+)|no (?:other|additional|outside) (?:prescribers|providers|physicians|pharmacies)|(?:a )?single prescriber|one prescriber)\b)");
  return re;
}
const RE2& ordered_re() {
  static const RE2 re(
      R"(\b(?:ordered|order|requested|request|will (?:obtain|order|perform|check|do|collect|run)|to be (?:done|performed|collected|obtained)|pending|recommended|recommend|plan(?:ned)? to|scheduled|next (?:visit|appointment|office visit|follow[- ]?up|week|month)|at (?:the )?next)\b)");
  return re;
}
const RE2& reviewed_re() {
  static const RE2 re(
      R"(\b(?:reviewed|checked|queried|obtained|consulted|run|ran|performed|done|on file|available)\b)");
  return re;
}
const RE2& signed_re() {
  static const RE2 re(R"(\b(?:signed|on file|in place|executed|updated|current|reviewed)\b)");
  return re;
}

// The text of the clause around [a, b), for qualifier words. A clause that ends in ':'
// is a heading ("UDS 1/20/16: positive for ...") and takes the clause after it too.
std::string_view clause_text(const SentenceContext& s, size_t a) {
  const std::string_view n = s.norm();
  const Span c = s.clause(a);
  size_t end = c.end;
  if (end < n.size() && n[end] == ':') end = s.clause(end + 1).end;
  return n.substr(c.start, end - c.start);
}

// Drops matches whose clause already produced one (first one wins).
template <typename F>
void per_clause(const SentenceContext& s, const RE2& re, F&& f) {
  std::vector<size_t> clauses;
  for (const ReMatch& m : find_all(re, s.norm(), 16)) {
    const size_t c = s.clause(m.start).start;
    if (std::find(clauses.begin(), clauses.end(), c) != clauses.end()) continue;
    clauses.push_back(c);
    f(m);
  }
}

// "UDS: negative", "UDS 3/2/17: negative" right after the concept.
const RE2& negative_result() {
  static const RE2 re(R"(^\s*(?:\(?[\d/.-]+\)?\s*)?:\s*negative\b)");
  return re;
}

// "Last UDS was 6 months ago": the date counted back from `date`, when the clause says so.
std::optional<Date> ago_date(const SentenceContext& s, size_t pos, const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  const Span c = s.clause(pos);
  for (const DurationPhrase& p : find_durations(s.norm().substr(c.start, c.end - c.start)))
    if (p.ago_days) return civil_from_days(date->first_day() - *p.ago_days);
  return std::nullopt;
}

}  // namespace

void detect_monitoring(const SentenceContext& s, std::vector<Fact>& out) {
  per_clause(s, screen_re(), [&](const ReMatch& m) {
    const std::string_view c = clause_text(s, m.start);
    Fact f = s.make(FactKind::kDrugScreen, m.start, m.end);
    f.subject = "urine_drug_screen";
    if (contains(inconsistent_re(), c)) f.qualifier = "inconsistent";
    else if (contains(consistent_re(), c)) f.qualifier = "consistent";
    else if (contains(ordered_re(), c)) f.qualifier = "ordered";
    else f.qualifier = "done";
    if (auto d = s.date_near(m.start, m.end)) f.date = d;
    else if (auto a = ago_date(s, m.start, f.date)) f.date = a;
    // "UDS: negative" reports a result; it does not deny that a screen was done.
    if (f.polarity == Polarity::kNegated && contains(negative_result(), s.norm().substr(m.end)))
      f.polarity = Polarity::kAffirmed;
    out.push_back(std::move(f));
  });
  per_clause(s, pdmp_re(), [&](const ReMatch& m) {
    const std::string_view c = clause_text(s, m.start);
    Fact f = s.make(FactKind::kPdmpCheck, m.start, m.end);
    f.subject = "pdmp";
    if (contains(inconsistent_re(), c)) f.qualifier = "inconsistent";
    else if (contains(consistent_re(), c)) f.qualifier = "consistent";
    else if (contains(ordered_re(), c) && !contains(reviewed_re(), c)) f.qualifier = "ordered";
    else f.qualifier = "reviewed";
    if (auto d = s.date_near(m.start, m.end)) f.date = d;
    out.push_back(std::move(f));
  });
  per_clause(s, agreement_re(), [&](const ReMatch& m) {
    Fact f = s.make(FactKind::kOpioidAgreement, m.start, m.end);
    f.subject = "opioid_agreement";
    f.qualifier = contains(signed_re(), clause_text(s, m.start)) ? "signed" : "";
    if (auto d = s.date_near(m.start, m.end)) f.date = d;
    out.push_back(std::move(f));
  });
  std::vector<std::string> seen;
  for (const ReMatch& m : find_all(aberrant_re(), s.norm(), 16)) {
    std::string subject = "aberrant_behavior";
    for (size_t g = 1; g < m.groups.size() && g <= 12; ++g)
      if (m.has(g)) subject = kAberrantSubjects[g - 1];
    if (std::find(seen.begin(), seen.end(), subject) != seen.end()) continue;
    seen.push_back(subject);
    Fact f = s.make(FactKind::kAberrantBehavior, m.start, m.end);
    f.subject = subject;
    out.push_back(std::move(f));
  }
}

}  // namespace imr::extract_detail
