#include "assess/fact_query.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text.h"

namespace imr {

std::string class_of(const Fact& f, const DrugTable& drugs) {
  if (const Drug* d = drugs.by_key(f.subject)) return d->drug_class;
  if (const Drug* d = drugs.find(f.subject)) return d->drug_class;
  return {};
}

std::vector<const Fact*> facts_of(const ItemContext& ctx, FactKind kind) {
  std::vector<const Fact*> out;
  for (const auto& f : ctx.facts)
    if (f.kind == kind) out.push_back(&f);
  return out;
}

std::vector<const Fact*> medication_use(const ItemContext& ctx, const std::string& drug_class,
                                        const std::string& drug_key) {
  std::vector<const Fact*> out;
  for (const auto& f : ctx.facts) {
    if (f.kind != FactKind::kMedicationUse || f.polarity != Polarity::kAffirmed) continue;
    if (f.qualifier == "planned") continue;
    const bool match = drug_class.empty() ? f.subject == drug_key
                                          : class_of(f, ctx.drugs) == drug_class;
    if (match) out.push_back(&f);
  }
  return out;
}

std::optional<int> reference_day(const ItemContext& ctx) {
  if (ctx.as_of) return ctx.as_of->last_day();
  std::optional<int> latest;
  for (const auto& f : ctx.facts)
    if (f.date && (!latest || f.date->last_day() > *latest)) latest = f.date->last_day();
  return latest;
}

std::string date_of(const Fact& f) { return f.date ? f.date->iso() : std::string(); }

std::string describe_days(int days) {
  char buf[64];
  if (days < 14) std::snprintf(buf, sizeof buf, "%d day%s", days, days == 1 ? "" : "s");
  else if (days < 60) std::snprintf(buf, sizeof buf, "about %d weeks", (days + 3) / 7);
  else if (days < 730) std::snprintf(buf, sizeof buf, "about %d months", static_cast<int>(std::lround(days / 30.4)));
  else std::snprintf(buf, sizeof buf, "about %d years", static_cast<int>(std::lround(days / 365.25)));
  return buf;
}

std::set<std::string> list_arg(const CriterionRule& rule, const char* key) {
  std::set<std::string> out;
  auto it = rule.args.find(key);
  if (it == rule.args.end()) return out;
  for (const auto& part : split(it->second, ','))
    if (!trim(part).empty()) out.insert(to_lower(trim(part)));
  return out;
}

bool arg_true(const CriterionRule& rule, const char* key) {
  auto it = rule.args.find(key);
  return it != rule.args.end() && (it->second == "true" || it->second == "yes");
}

void cite(Finding& out, const Fact& f) {
  if (std::find(out.evidence.begin(), out.evidence.end(), f.evidence) == out.evidence.end())
    out.evidence.push_back(f.evidence);
  if (!out.vars.count("date") && f.date) out.vars["date"] = f.date->iso();
  if (!out.vars.count("quote")) out.vars["quote"] = f.evidence.text;
}

std::string format_number(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

Evidence request_evidence(const ParsedRequest& r) {
  return Evidence{-1, 0, r.text.size(), r.text};
}

std::optional<RecordDose> dose_in_record(const ItemContext& ctx, const Drug& drug) {
  // Latest mention first: the current dose is the one that counts.
  std::vector<const Fact*> uses = medication_use(ctx, "", drug.key);
  std::reverse(uses.begin(), uses.end());
  for (const Fact* f : uses) {
    const std::string lower = to_lower(f->evidence.text);
    for (const auto& [name, d] : ctx.drugs.names()) {
      if (d != &drug) continue;
      size_t pos = lower.find(name);
      while (pos != std::string::npos) {
        // The dose phrase runs from the name to the next list separator.
        size_t end = f->evidence.text.size();
        for (const char* sep : {",", ";", " and ", " for ", " with "}) {
          const size_t s = lower.find(sep, pos + name.size());
          if (s != std::string::npos) end = std::min(end, s);
        }
        const std::string phrase = f->evidence.text.substr(pos, end - pos);
        const ParsedRequest parsed = parse_request(phrase, ctx.drugs);
        if (parsed.mme_per_day) return RecordDose{f, *parsed.mme_per_day, phrase};
        pos = lower.find(name, pos + name.size());
      }
    }
  }
  return std::nullopt;
}

}  // namespace imr
