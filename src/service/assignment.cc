#include "service/assignment.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "core/text.h"

namespace imr {
namespace {

// Titles, degrees, company suffixes and filler words dropped before names are compared.
const std::set<std::string, std::less<>> kDropWords = {
    "dr",   "md",  "do",  "dc",   "phd",  "psyd",  "mph",  "facs", "pa",   "np",   "esq",
    "inc",  "incorporated", "llc", "llp", "lp",   "ltd",  "corp", "corporation",
    "co",   "company", "pc",  "apc", "the",  "and", "of"};

constexpr int kMinYearsExclusive = 5;
constexpr int kMinHoursPerWeek = 24;

std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty() && !kDropWords.count(cur)) out.push_back(cur);
    cur.clear();
  };
  for (const char ch : name.substr(0, std::min<size_t>(name.size(), 500))) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      cur += static_cast<char>(std::tolower(c));
    } else if (c == '\'' || c == '.') {
      continue;  // "O'Brien" == "OBrien", "M.D." == "MD"
    } else {
      flush();
    }
  }
  flush();
  return out;
}

std::string key_of(std::string_view specialty) { return to_lower(collapse_whitespace(specialty)); }

std::string number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e9) return std::to_string(static_cast<long long>(v));
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string or_list(const std::vector<std::string>& xs) {
  if (xs.empty()) return "";
  if (xs.size() == 1) return xs[0];
  std::vector<std::string> head(xs.begin(), xs.end() - 1);
  return join(head, ", ") + " or " + xs.back();
}

struct Party {
  std::string role;  // "the employer"
  std::string name;
  bool organisation = false;
  bool is_worker = false;
};

std::vector<Party> parties_of(const CaseParties& p) {
  std::vector<Party> out = {
      {"the injured worker", p.worker, false, true},
      {"the employer", p.employer, true, false},
      {"the insurer", p.insurer, true, false},
      {"the claims administrator", p.claims_administrator, true, false},
      {"the requesting physician", p.requesting_physician, false, false},
      {"the requesting physician's medical group", p.medical_group, true, false},
      {"the worker's representative", p.representative, false, false},
      {"the representative's firm", p.representative_firm, true, false},
  };
  std::erase_if(out, [](const Party& x) { return name_words(x.name).empty(); });
  return out;
}

bool person_kind(const std::string& kind) {
  return kind == "physician" || kind == "worker" || kind == "representative";
}

// The reviewer's specialties and subspecialties that fit `fit` (in the fit's order).
std::vector<std::string> matching(const Reviewer& r, const ItemFit& fit) {
  std::set<std::string> have;
  for (const auto& s : r.specialties) have.insert(key_of(s));
  for (const auto& s : r.subspecialties) have.insert(key_of(s));
  std::vector<std::string> out;
  for (const auto& s : fit.specialties)
    if (have.count(key_of(s))) out.push_back(s);
  return out;
}

std::string quoted(const std::string& request) {
  return "'" + collapse_whitespace(request).substr(0, 200) + "'";
}

std::string credentials_line(const Reviewer& r) {
  std::vector<std::string> all = r.specialties;
  all.insert(all.end(), r.subspecialties.begin(), r.subspecialties.end());
  return all.empty() ? "no specialty listed" : join(all, ", ");
}

struct Candidate {
  const Reviewer* reviewer = nullptr;
  ReviewerLoad load;
};

bool before(const Candidate& a, const Candidate& b, bool expedited) {
  const auto key = [expedited](const Candidate& c) {
    return expedited ? std::make_pair(c.load.open_expedited, c.load.open_total)
                     : std::make_pair(c.load.open_total, c.load.open_expedited);
  };
  if (key(a) != key(b)) return key(a) < key(b);
  return a.reviewer->id < b.reviewer->id;
}

std::string load_words(const ReviewerLoad& l) {
  return std::to_string(l.open_expedited) + " open expedited and " + std::to_string(l.open_total) +
         " open cases in all";
}

// Why the reviewer may not review any case: inactive, not licensed in California, too few
// years or hours in practice.
std::vector<std::string> qualification_reasons(const Reviewer& r) {
  std::vector<std::string> reasons;
  if (!r.active) reasons.push_back("Not active in the registry.");
  if (std::find(r.licensure_states.begin(), r.licensure_states.end(), "CA") == r.licensure_states.end())
    reasons.push_back(r.licensure_states.empty() ? "Not licensed in California (no licensure is listed)."
                                                 : "Not licensed in California (licensed in " +
                                                       join(r.licensure_states, ", ") + ").");
  if (!(r.years_in_practice > kMinYearsExclusive))
    reasons.push_back("In active practice " + number(r.years_in_practice) +
                      " years; more than five years are required.");
  if (r.hours_per_week < kMinHoursPerWeek)
    reasons.push_back("Practises " + number(r.hours_per_week) + " hours a week; at least 24 hours a week are required.");
  return reasons;
}

// The reviewer's affiliations with the case's parties, one sentence each.
std::vector<std::string> conflict_reasons(const Reviewer& r, const std::vector<Party>& parties) {
  std::vector<std::string> reasons;
  for (const auto& party : parties) {
    bool hit = false;
    for (const auto& a : r.affiliations)
      hit = hit || names_match(a.name, party.name, party.organisation && !person_kind(a.kind));
    if (!hit) continue;
    reasons.push_back(party.is_worker ? std::string("Affiliated with the injured worker.")
                                      : "Affiliated with " + party.role + " (" + collapse_whitespace(party.name) + ").");
  }
  return reasons;
}

}  // namespace

std::vector<std::string> hand_assignment_refusals(const Reviewer& reviewer, const CaseParties& parties) {
  std::vector<std::string> reasons = qualification_reasons(reviewer);
  for (auto& reason : conflict_reasons(reviewer, parties_of(parties))) reasons.push_back(std::move(reason));
  return reasons;
}

std::string normalize_party_name(std::string_view name) { return join(name_words(name), " "); }

bool names_match(std::string_view a, std::string_view b, bool organisations) {
  auto wa = name_words(a), wb = name_words(b);
  if (wa.empty() || wb.empty()) return false;
  if (wa == wb) return true;
  if (organisations) {
    const auto& shorter = wa.size() <= wb.size() ? wa : wb;
    const auto& longer = wa.size() <= wb.size() ? wb : wa;
    if (std::equal(shorter.begin(), shorter.end(), longer.begin())) return true;
  }
  std::sort(wa.begin(), wa.end());
  std::sort(wb.begin(), wb.end());
  return wa == wb;
}

AssignmentResult assign_reviewer(const std::vector<DisputedItemForAssignment>& items,
                                 const CaseParties& case_parties, bool expedited,
                                 const std::vector<Reviewer>& registry,
                                 const std::map<std::string, ReviewerLoad>& load,
                                 const SpecialtyMap& map) {
  AssignmentResult result;
  for (const auto& item : items) {
    const SpecialtyFit f = map.match(item.topic, item.drug_class, item.service, item.request);
    result.items.push_back({item.request, f.specialties, f.basis});
    for (const auto& s : f.specialties)
      if (std::find(result.required_specialties.begin(), result.required_specialties.end(), s) ==
          result.required_specialties.end())
        result.required_specialties.push_back(s);
  }
  const std::vector<Party> parties = parties_of(case_parties);

  std::vector<Candidate> eligible;
  std::vector<Exclusion> exclusions;                 // reviewers failing a rule
  std::vector<bool> item_has_fitting(items.size());  // some otherwise-qualified reviewer fits it
  for (const auto& r : registry) {
    Exclusion ex{r.id, qualification_reasons(r)};
    const bool qualified = ex.reasons.empty();  // everything but specialty fit and conflicts
    for (size_t i = 0; i < result.items.size(); ++i) {
      const ItemFit& fit = result.items[i];
      if (!fit.found()) {
        ex.reasons.push_back("No specialty can be matched to " + quoted(fit.request) +
                             ": the specialty map does not cover it.");
        continue;
      }
      if (matching(r, fit).empty()) {
        ex.reasons.push_back("No specialty fitting " + quoted(fit.request) + " (it needs " +
                             or_list(fit.specialties) + "; the reviewer has " +
                             credentials_line(r) + ").");
      } else {
        item_has_fitting[i] = item_has_fitting[i] || qualified;
      }
    }
    for (auto& reason : conflict_reasons(r, parties)) ex.reasons.push_back(std::move(reason));
    if (ex.reasons.empty())
      eligible.push_back({&r, load.count(r.id) ? load.at(r.id) : ReviewerLoad{}});
    else
      exclusions.push_back(std::move(ex));
  }

  if (items.empty()) {
    result.explanation = "No reviewer was assigned: the case has no disputed items.";
    for (const auto& c : eligible) exclusions.push_back({c.reviewer->id, {"The case has no disputed items."}});
    result.excluded = std::move(exclusions);
    return result;
  }

  std::string fit_summary;
  for (const auto& fit : result.items)
    fit_summary += " " + quoted(fit.request) +
                   (fit.found() ? " needs " + or_list(fit.specialties) + " (by " + fit.basis + ")."
                                : " is not covered by the specialty map.");

  if (eligible.empty()) {
    std::string why;
    const bool unmapped = std::any_of(result.items.begin(), result.items.end(),
                                      [](const ItemFit& f) { return !f.found(); });
    if (unmapped) {
      why = " At least one disputed item is not covered by the specialty map: an administrator can add it to "
            "the specialty map, or intake can assign a qualified reviewer by hand, with the reason.";
    } else if (items.size() > 1 &&
               std::all_of(item_has_fitting.begin(), item_has_fitting.end(), [](bool b) { return b; })) {
      why = " No single reviewer fits every disputed item, though each item has a qualified "
            "reviewer who fits it; the case needs a manual split between reviewers, or intake can assign a "
            "qualified reviewer by hand, with the reason.";
    } else if (items.size() > 1) {
      why = " No single reviewer fits every disputed item; the case needs a manual split or a "
            "reviewer with a fitting specialty added to the registry.";
    }
    result.explanation = "No reviewer was assigned: none of the " + std::to_string(registry.size()) +
                         " reviewers in the registry is eligible (each one's reasons are listed)." +
                         why + " Specialty fit:" + fit_summary;
    result.excluded = std::move(exclusions);
    return result;
  }

  std::sort(eligible.begin(), eligible.end(),
            [expedited](const Candidate& a, const Candidate& b) { return before(a, b, expedited); });
  const Candidate& chosen = eligible.front();
  const Reviewer& r = *chosen.reviewer;
  result.reviewer_id = r.id;

  std::string fits;
  for (const auto& fit : result.items)
    fits += " " + quoted(fit.request) + " needs " + or_list(fit.specialties) + " (by " + fit.basis +
            "); the reviewer has " + join(matching(r, fit), ", ") + ".";
  result.explanation =
      "Assigned reviewer " + r.id + " (" + credentials_line(r) + ")." + " Specialty fit:" + fits +
      " The reviewer is active, licensed in California, has " + number(r.years_in_practice) +
      " years in active practice, practises " + number(r.hours_per_week) +
      " hours a week, and has no affiliation with any party. Of " + std::to_string(eligible.size()) +
      " eligible reviewer" + (eligible.size() == 1 ? "" : "s") + ", this one has the least open work for " +
      (expedited ? "an expedited case (fewest open expedited cases first, then fewest open cases)"
                 : "a regular case (fewest open cases first, then fewest open expedited cases)") +
      ": " + load_words(chosen.load) + ".";

  // Eligible reviewers not chosen are listed as excluded too, with why.
  for (size_t i = 1; i < eligible.size(); ++i) {
    const Candidate& c = eligible[i];
    const bool same = c.load.open_expedited == chosen.load.open_expedited &&
                      c.load.open_total == chosen.load.open_total;
    exclusions.push_back(
        {c.reviewer->id,
         {same ? "Eligible, with the same open work as " + r.id + " (" + load_words(c.load) +
                     "); the tie goes to the earlier reviewer id."
               : "Eligible, but has more open work than " + r.id + ": " + load_words(c.load) +
                     ", against " + load_words(chosen.load) + "."}});
  }
  // Registry order for the exclusions, so the list reads like the registry.
  std::map<std::string, size_t> order;
  for (size_t i = 0; i < registry.size(); ++i) order.emplace(registry[i].id, i);
  std::stable_sort(exclusions.begin(), exclusions.end(), [&](const Exclusion& a, const Exclusion& b) {
    return order[a.reviewer_id] < order[b.reviewer_id];
  });
  result.excluded = std::move(exclusions);
  return result;
}

}  // namespace imr
