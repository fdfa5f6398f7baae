// parse_request: which kind of request this is (drug, compound, service, unknown), then the
// field readers (request_amounts, request_frequency, request_service) and the derived
// figures (units per day, days' supply, MME per day).
#include "intake/request.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>

#include "intake/request_amounts.h"
#include "intake/request_frequency.h"
#include "intake/request_service.h"

namespace imr {
namespace {

// Levenshtein distance, for tying a misspelled brand ("Norcco") to its brand. Inputs are
// short names (capped), so the quadratic table is small.
size_t edit_distance(std::string_view a, std::string_view b) {
  if (a.size() > 40 || b.size() > 40) return 99;
  std::array<size_t, 41> prev{}, cur{};
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    prev = cur;
  }
  return prev[b.size()];
}

// The brand as the table spells it when the written name is a brand or a near miss of one.
std::string brand_for(const Drug& drug, std::string_view matched_lower) {
  for (const auto& b : drug.brands)
    if (to_lower(b) == matched_lower) return b;
  // Only a listed misspelling can stand for a brand, and only when it is nearer to that
  // brand than to the generic name ("norcco" is Norco; "methadone" is not Methadose).
  const bool misspelt = std::any_of(drug.misspellings.begin(), drug.misspellings.end(),
                                    [&](const auto& m) { return to_lower(m) == matched_lower; });
  if (!misspelt || matched_lower.size() < 5) return "";
  const size_t to_generic = edit_distance(to_lower(drug.generic), matched_lower);
  for (const auto& b : drug.brands) {
    const size_t d = edit_distance(to_lower(b), matched_lower);
    if (d <= 2 && d < to_generic) return b;
  }
  return "";
}

struct DrugHit {
  const Drug* drug;
  Span span;
};

std::optional<DrugHit> find_drug(std::string_view lower, const DrugTable& table) {
  const auto hit = table.name_index().find_earliest(lower);
  if (!hit) return std::nullopt;
  return DrugHit{table.names()[hit->first].second, hit->second};
}

// Everything after the name: amounts, frequency, form, route; then the derived figures.
// `drug` may be null (an unknown drug: its amounts are still read).
void read_drug_details(ParsedRequest& r, std::string& work, std::string_view lower,
                       std::string_view original, bool read_strengths) {
  const Drug* drug = r.drug;
  r.refills = take_refills(work).value_or(0);
  r.duration_days = take_duration_days(work);
  r.quantity = take_quantity(work);
  if (read_strengths) r.strengths = take_strengths(work, r.ingredients.size() > 1);
  r.units_per_dose = take_units_per_dose(work);
  if (auto found = find_frequency(work, original)) {
    r.frequency = found->frequency;
    blank(work, found->schedule_span);
    blank(work, found->prn_span);
  }
  r.dosage_form = find_dosage_form(work);
  if (r.dosage_form.empty() && drug) r.dosage_form = drug->default_form;
  r.route = find_route(work);
  if (r.route.empty() && drug) r.route = drug->default_route;
  r.extended_release = (drug && drug->long_acting) || find_extended_release(lower);
  // Patch strengths are per hour: "Fentanyl patches 100mcg" is 100 mcg/hr.
  if (r.dosage_form == "patch")
    for (auto& s : r.strengths)
      if (s.unit == "mcg") s.unit = "mcg/hr";

  if (r.strengths.empty()) r.notes.push_back("strength not stated");
  if (!r.quantity) r.notes.push_back("quantity not stated");
  if (!r.frequency) r.notes.push_back("frequency not stated");
}

void derive(ParsedRequest& r) {
  if (r.frequency && r.frequency->doses_per_day.max > 0) {
    if (!r.units_per_dose) r.notes.push_back("units per dose not stated; 1 assumed");
    const Range per_dose = r.units_per_dose.value_or(Range{1, 1});
    const Range doses = r.frequency->doses_per_day;
    r.units_per_day = Range{per_dose.min * doses.min, per_dose.max * doses.max};
    if (r.quantity && r.units_per_day->min > 0)
      r.days_supply = Range{*r.quantity / r.units_per_day->max, *r.quantity / r.units_per_day->min};
  } else if (r.frequency) {
    r.notes.push_back("as needed without a schedule: doses per day not stated");
  }
  const Drug* drug = r.drug;
  if (!drug || drug->drug_class != "opioid") return;
  if (!drug->mme) {
    r.notes.push_back("no MME factor for " + drug->generic + " (excluded from MME sums)");
    return;
  }
  if (r.strengths.empty()) return;
  // Only the opioid counts. In an acetaminophen combination it is the smallest number,
  // whichever order it is written in (10/325, 300/30 for codeine, 320.5/30/16 for
  // acetaminophen/caffeine/dihydrocodeine).
  Strength s = r.strengths.front();
  if (std::find(drug->ingredients.begin(), drug->ingredients.end(), "acetaminophen") != drug->ingredients.end())
    for (const Strength& other : r.strengths)
      if (other.value < s.value) s = other;
  const bool per_hour = drug->mme->per_mcg_hr.has_value();
  const std::string expected = per_hour ? "mcg/hr" : "mg";
  if (s.unit != expected) {
    r.notes.push_back("MME not computed: strength in '" + s.unit + "', expected '" + expected + "'");
    return;
  }
  if (per_hour) r.mme_per_day = mme_per_day(*drug, s.value, Range{1, 1});
  else if (r.units_per_day) r.mme_per_day = mme_per_day(*drug, s.value, *r.units_per_day);
}

// The written name of an unknown drug: the word just before its strength ("Zorblax 10mg",
// "Zorblax ER 10 mg") or its quantity ("Zorblax #30"), unless that is a request word.
std::optional<Span> unknown_name(std::string_view lower) {
  static const RE2 kNamed(
      R"(\b([a-z][a-z\-]{2,})(?:\s+(?:er|xr|sr|cr|la|xl|dr|hcl))?\s*(?:\d+(?:\.\d+)?\s*(?:mg|mcg|%|ml|gm?)\b|#\s*\d))");
  static constexpr std::string_view kSkip[] = {
      "refill", "refills", "request", "for", "retro", "retrospective", "continue", "continued",
      "prescription", "medication", "the", "new", "trial", "generic", "brand", "and", "of",
      "take", "tab", "tabs", "tablet", "tablets", "cap", "caps", "capsule", "capsules",
      "patch", "patches", "cream", "gel", "qty", "quantity", "with"};
  re2::StringPiece input(lower.data(), lower.size());
  re2::StringPiece word;
  while (RE2::FindAndConsume(&input, kNamed, &word)) {
    const std::string_view w(word.data(), word.size());
    if (std::find(std::begin(kSkip), std::end(kSkip), w) != std::end(kSkip)) continue;
    const size_t start = static_cast<size_t>(word.data() - lower.data());
    return Span{start, start + word.size()};
  }
  return std::nullopt;
}

void parse_compound(ParsedRequest& r, const std::vector<CompoundPart>& parts,
                    const std::string& lower, const std::string& original,
                    const DrugTable& table) {
  r.drug = table.by_key("compound_topical");
  if (!r.drug) {
    r.notes.push_back("compounded product, but the drug table has no 'compound_topical'");
    return;
  }
  r.kind = ParsedRequest::Kind::kDrug;
  std::string_view head = std::string_view(original).substr(0, parts.front().span.start);
  while (!head.empty() && (head.back() == ':' || head.back() == ' ' || head.back() == '-' ||
                           head.back() == ',' || head.back() == '('))
    head.remove_suffix(1);
  r.name_as_written = head.empty() ? "compound" : std::string(trim(head));
  std::string work = lower;
  blank(work, {0, head.size()});
  for (const auto& p : parts) {
    const Drug* known = table.find(p.name);
    r.ingredients.push_back(known && known->ingredients.size() == 1 ? known->ingredients[0]
                                                                     : p.name);
    r.strengths.push_back(p.strength);
    blank(work, p.span);
  }
  read_drug_details(r, work, lower, original, /*read_strengths=*/false);
  r.dosage_form = find_dosage_form(lower);
  if (r.dosage_form.empty()) r.dosage_form = r.drug->default_form;
  derive(r);
}

// Spinal levels a request names: "L4-5 and L5-S1" is two, "two-level" is two; none named
// is nullopt.
std::optional<int> count_spinal_levels(std::string_view lower) {
  static const RE2 kLevel(R"(\b([ctls]\d{1,2})\s*-\s*([ctls]?\d{1,2})\b)");
  static const RE2 kCount(R"(\b(two|three|four|2|3|4)[- ]levels?\b)");
  re2::StringPiece input(lower.data(), lower.size());
  std::string a, b;
  int levels = 0;
  while (levels < 10 && RE2::FindAndConsume(&input, kLevel, &a, &b)) ++levels;
  std::string word;
  if (RE2::PartialMatch(re2::StringPiece(lower.data(), lower.size()), kCount, &word)) {
    const int n = word == "two" || word == "2" ? 2 : word == "three" || word == "3" ? 3 : 4;
    levels = std::max(levels, n);
  }
  if (levels == 0) return std::nullopt;
  return levels;
}

}  // namespace

ParsedRequest parse_request(std::string_view text, const DrugTable& table,
                            const ServiceTable& services) {
  ParsedRequest r;
  const bool truncated = text.size() > kMaxRequestChars;
  const std::string original = collapse_whitespace(text.substr(0, kMaxRequestChars));
  const std::string lower = to_lower(original);
  r.text = original;

  const RegionReading regions = services.body_regions().read(original);
  r.body_region = regions.region;
  r.body_regions = regions.regions;
  r.body_region_label = regions.label;
  r.laterality = regions.laterality;

  const auto parts = find_compound_parts(lower);
  const bool compound_word = lower.find("compound") != std::string::npos;
  if (parts.size() >= 2 || (compound_word && !parts.empty())) {
    parse_compound(r, parts, lower, original, table);
  } else {
    const auto drug = find_drug(lower, table);
    const auto service = services.find_service(lower);
    if (service && (!drug || service->second.start < drug->span.start)) {
      read_service(r, *service->first, service->second, lower, services, regions);
    } else if (drug) {
      r.kind = ParsedRequest::Kind::kDrug;
      r.drug = drug->drug;
      r.name_as_written = original.substr(drug->span.start, drug->span.size());
      r.brand = brand_for(*drug->drug, lower.substr(drug->span.start, drug->span.size()));
      r.ingredients = drug->drug->ingredients;
      std::string work = lower;
      blank(work, drug->span);
      read_drug_details(r, work, lower, original, /*read_strengths=*/true);
      derive(r);
    } else if (const auto name = unknown_name(lower)) {
      r.name_as_written = original.substr(name->start, name->size());
      r.notes.push_back("unknown drug '" + r.name_as_written + "'");
      std::string work = lower;
      blank(work, *name);
      read_drug_details(r, work, lower, original, /*read_strengths=*/true);
      derive(r);
    } else {
      r.notes.push_back("not a recognised drug or service");
    }
  }
  r.flags = services.flags_in(lower);
  r.spinal_levels = count_spinal_levels(lower);
  if (truncated)
    r.notes.push_back("request cut to " + std::to_string(kMaxRequestChars) + " characters");
  return r;
}

bool ParsedRequest::has_flag(const std::string& f) const {
  return std::find(flags.begin(), flags.end(), f) != flags.end();
}

std::string ParsedRequest::topic() const {
  if (kind == Kind::kService) return service_topic;
  if (drug) return drug->topic;
  return "";
}

ParsedRequest parse_request(std::string_view text, const DrugTable& table) {
  static const ServiceTable kNoServices;  // immutable: drug requests only
  return parse_request(text, table, kNoServices);
}

}  // namespace imr
