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

std::vector<const Fact*> matching_facts(const ItemContext& ctx, FactKind kind, const std::set<std::string>& subjects,
                                        const std::set<std::string>& qualifiers) {
  std::vector<const Fact*> out;
  for (const Fact* f : facts_of(ctx, kind)) {
    if (!subjects.empty() && !subjects.count(f->subject) && !subjects.count(class_of(*f, ctx.drugs))) continue;
    if (!in_or_any(qualifiers, f->qualifier)) continue;
    out.push_back(f);
  }
  return out;
}

std::string generic_of(const Fact& f, const DrugTable& drugs) {
  const Drug* d = drugs.by_key(f.subject);
  return d ? d->generic : f.subject;
}

std::string readable(std::string code) {
  for (char& c : code)
    if (c == '_') c = ' ';
  return code;
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

const Fact* dose_in_record(const ItemContext& ctx, const Drug& drug) {
  // Latest mention first: the current dose is the one that counts.
  const Fact* latest = nullptr;
  for (const Fact* f : medication_use(ctx, "", drug.key))
    if (f->mme_max) latest = f;
  return latest;
}

}  // namespace imr
