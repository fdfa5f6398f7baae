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
    case FactKind::kTherapyCompleted: return "therapy_completed";
    case FactKind::kHomeExercise: return "home_exercise";
    case FactKind::kImagingFinding: return "imaging_finding";
    case FactKind::kExamFinding: return "exam_finding";
    case FactKind::kRedFlag: return "red_flag";
    case FactKind::kInjectionResponse: return "injection_response";
    case FactKind::kDeviceTrial: return "device_trial";
    case FactKind::kHomebound: return "homebound";
    case FactKind::kSurgicalCandidate: return "surgical_candidate";
    case FactKind::kSymptom: return "symptom";
    case FactKind::kSleepHygiene: return "sleep_hygiene";
    case FactKind::kMotivation: return "motivation";
    case FactKind::kEvaluation: return "evaluation";
    case FactKind::kProcedureClass: return "procedure_class";
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
