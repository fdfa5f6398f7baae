// Names of fact kinds and polarities, as they appear in JSON output and docs/facts.md.
#include "extract/fact.h"

#include <string>

namespace imr {

const char* to_string(FactKind k) {
  switch (k) {
    case FactKind::kMedicationUse: return "medication_use";
    case FactKind::kPainScore: return "pain_score";
    case FactKind::kPainRelief: return "pain_relief";
    case FactKind::kFunctionalImprovement: return "functional_improvement";
    case FactKind::kWorkStatus: return "work_status";
    case FactKind::kDrugScreen: return "drug_screen";
    case FactKind::kPdmpCheck: return "pdmp_check";
    case FactKind::kOpioidAgreement: return "opioid_agreement";
    case FactKind::kAberrantBehavior: return "aberrant_behavior";
    case FactKind::kSideEffects: return "side_effects";
    case FactKind::kPriorTrial: return "prior_trial";
    case FactKind::kDiagnosis: return "diagnosis";
    case FactKind::kSurgery: return "surgery";
    case FactKind::kUrAction: return "ur_action";
    case FactKind::kAcuteFlare: return "acute_flare";
    case FactKind::kDependence: return "dependence";
    case FactKind::kTaperPlan: return "taper_plan";
  }
  return "unknown";
}

std::optional<FactKind> fact_kind_from_string(const std::string& name) {
  // Kinds are numbered from zero without gaps; to_string answers "unknown" past the last.
  for (int i = 0;; ++i) {
    const auto k = static_cast<FactKind>(i);
    const std::string n = to_string(k);
    if (n == "unknown") return std::nullopt;
    if (n == name) return k;
  }
}

const char* to_string(Polarity p) {
  switch (p) {
    case Polarity::kAffirmed: return "affirmed";
    case Polarity::kNegated: return "negated";
    case Polarity::kUncertain: return "uncertain";
  }
  return "unknown";
}

}  // namespace imr
