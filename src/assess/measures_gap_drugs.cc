// Measures for the gap drugs family (naloxone and the drugs that turn on the claimant's
// opioid regimen).
//
// opioid_dose_at_least: the opioids the claimant takes come to at least args.min morphine
// equivalents a day (CDC 2016 marks 50 MME/day as a dose at which an overdose is markedly
// more likely). It counts what combined_mme counts (opioid_dose_total); a total that rests on
// no opioid dose at all is not documented rather than low.
#include "assess/fact_query.h"
#include "assess/measures.h"
#include "core/text.h"

namespace imr {
namespace {

using S = CriterionState;

Finding opioid_dose_at_least(const CriterionRule& rule, const ItemContext& ctx) {
  Finding out;
  const double min = rule.args.number("min");
  const OpioidDoseTotal total = opioid_dose_total(ctx, out);
  out.vars["limit"] = format_number(min);
  out.vars["items"] = join(total.parts, "; ");
  out.vars["value"] = format_number(total.mme);
  if (total.mme >= min) {
    out.reason = "high_dose";
    out.state = S::kMet;
  } else if (total.mme > 0) {
    out.reason = "lower_dose";
    out.state = S::kNotMet;
  } else {
    out.reason = "dose_unknown";
    out.state = S::kNotDocumented;
  }
  return out;
}

}  // namespace

std::vector<MeasureContract> gap_drug_measures() {
  return {
      {"opioid_dose_at_least", opioid_dose_at_least,
       "total morphine equivalents per day of all opioids taken at least min (a high-dose risk)",
       {{"min", ArgType::kNumber, true, "", "MME per day"}},
       {{S::kMet, "high_dose", {"value", "limit", "items"}},
        {S::kNotMet, "lower_dose", {"value", "limit", "items"}},
        {S::kNotDocumented, "dose_unknown", {"limit"}}},
       {FactKind::kMedicationUse}},
  };
}

}  // namespace imr
