// Facts: what the record says that decides medical necessity, each with its evidence.
//
// A Fact is a plain value: a kind, what it is about (subject), how it is qualified, its
// numbers and dates, its polarity (affirmed / negated / uncertain) and the exact sentence
// it came from (record index and byte offsets into that record's text).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace imr {

// Where a fact was found. `record` indexes Case::records; offsets are bytes into that
// record's text, [start, end) covering the whole sentence; `text` is that sentence.
// record == -1 means the disputed request itself (e.g. "Refill of ..."); record == -2
// the UR decision given in the case file.
struct Evidence {
  int record = 0;
  size_t start = 0;
  size_t end = 0;
  std::string text;
  friend bool operator==(const Evidence&, const Evidence&) = default;
};

enum class Polarity {
  kAffirmed,   // the record says it is so
  kNegated,    // "denied any side effects", "no documentation of a urine drug screen"
  kUncertain,  // "unclear whether", "possible", "?"
};

enum class FactKind {
  // subject: drug key from the drug table (or the name as written if unknown);
  // qualifier: "current" (taking it), "past" (stopped/discontinued), "planned"
  //            (prescribed/requested now, start), "trial" (a trial of it);
  // date: the date the sentence speaks of (explicit, or the narrative date in force);
  // since: the start date the text gives ("since at least April 2015", "as early as");
  // duration_days: a stated length of use ("for at least 6 months" -> 180; "long-term"
  //                -> 180, "several months" -> 90, "for the past three years" -> 1095);
  // value: 1 when the text says "at least" / "in excess of" (a lower bound).
  kMedicationUse,
  // value/value_max: score out of 10 (4-5/10 -> 4,5); qualifier: "current", "worst",
  // "least", "average", "with_medication", "without_medication"; date when known.
  kPainScore,
  // Pain relief from treatment. qualifier "quantified" (a percentage, or with/without
  // scores: value = percent relief when computable) or "asserted" ("the medication helps").
  // subject: drug key when the relief is tied to one drug, else "medications".
  kPainRelief,
  // Function. subject: the activity or domain ("walking", "adl", "sleep", "work").
  // qualifier "objective" (measured/quantified: minutes, blocks, pounds, hours, a scale
  // score) or "asserted". value: the figure when quantified. Negated = no improvement.
  kFunctionalImprovement,
  // Work status. qualifier: "full_duty", "modified_duty", "not_working", "ttd", "retired".
  kWorkStatus,
  // Urine drug screen / toxicology. qualifier: "consistent", "inconsistent", "done"
  // (result not stated), "ordered"; date when known. Negated = none documented.
  kDrugScreen,
  // CURES / PDMP / prescription monitoring report reviewed. Negated = not checked.
  kPdmpCheck,
  // Opioid / pain agreement or contract signed. Negated = none on file.
  kOpioidAgreement,
  // Aberrant drug-taking behaviour (early refills, lost prescriptions, several
  // prescribers, escalation, diversion). Affirmed = present; negated = none observed.
  kAberrantBehavior,
  // Adverse side effects. Affirmed = present (subject names it when it can); negated =
  // "denies side effects". qualifier "assessed" when the record only says they were reviewed.
  kSideEffects,
  // A previous treatment tried. subject: drug key or therapy ("nsaid", "acetaminophen",
  // "physical_therapy", "butrans", "tricyclic"); qualifier: "failed", "helped",
  // "not_tolerated", "tried".
  kPriorTrial,
  // subject: normalized code ("anxiety_disorder", "depression", "neuropathic_pain",
  // "radiculopathy", "low_back_pain", "failed_back_surgery", "insomnia", "muscle_spasm",
  // "osteoarthritis", "bipolar_disorder", "opioid_use_disorder", ...).
  kDiagnosis,
  // subject: procedure as written (lower case); date when known.
  kSurgery,
  // The UR's action. qualifier: "denied", "modified" (value = certified quantity),
  // "weaning" (modified or certified for weaning / taper); subject: drug key if named.
  kUrAction,
  // An acute exacerbation / flare / new injury (muscle relaxants, short courses).
  // date when known.
  kAcuteFlare,
  // Dependence or withdrawal ("withdrawal symptoms without them"); subject drug if named.
  kDependence,
  // A taper or weaning plan documented by the treating physician; subject drug if named.
  kTaperPlan,

  // --- services and the drug topics beyond the seeds (detectors: services.cc, findings.cc)
  // Therapy sessions already given. subject: "physical_therapy", "aquatic_therapy",
  // "chiropractic", "acupuncture", "psychotherapy", "functional_restoration", "massage";
  // value: sessions completed when stated; qualifier "helped" (objective gains) /
  // "no_benefit" / "" (not said); date when known.
  kTherapyCompleted,
  // A home exercise program in place (affirmed) or not (negated).
  kHomeExercise,
  // Imaging or electrodiagnostic result. subject: "mri", "ct", "xray", "emg_ncv";
  // qualifier: "nerve_root_compression", "disc_herniation", "stenosis", "fracture",
  // "degenerative", "normal", "other"; body region in `region`; date when known.
  kImagingFinding,
  // Examination finding. subject: "dermatomal_sensory_loss", "weakness", "reflex_change",
  // "positive_slr", "foot_drop", "trigger_point_twitch", "spasm", "tenderness";
  // qualifier "progressive" when worsening.
  kExamFinding,
  // A red flag. subject: "cauda_equina", "fracture", "infection", "tumor",
  // "progressive_deficit". Negated = red flags denied / none.
  kRedFlag,
  // Response to a previous injection. subject: "epidural", "facet", "radiofrequency",
  // "trigger_point", "knee_injection"; value: percent relief; duration_days: how long it
  // lasted; qualifier "helped" / "no_benefit".
  kInjectionResponse,
  // A device trial. subject: "tens", "h_wave"; qualifier "helped" / "no_benefit";
  // duration_days: trial length; value: hours of use per day when stated.
  kDeviceTrial,
  // Homebound (affirmed) or able to leave home (negated).
  kHomebound,
  // Surgery as an option. qualifier: "candidate", "not_candidate", "declined", "planned".
  kSurgicalCandidate,
  // A symptom. subject: "nausea", "constipation", "insomnia", "heartburn", "gi_bleed",
  // "dizziness", "dyspepsia".
  kSymptom,
  // Sleep hygiene addressed (education or trial) — for sleep aids.
  kSleepHygiene,
  // Motivation to change / return to work (functional restoration). Negated = poor.
  kMotivation,
  // An evaluation done. subject: "functional_capacity_evaluation",
  // "psychological_evaluation", "multidisciplinary_evaluation".
  kEvaluation,
};

const char* to_string(FactKind k);
const char* to_string(Polarity p);
// The kind named by to_string(k) ("drug_screen"); nullopt for an unknown name.
std::optional<FactKind> fact_kind_from_string(const std::string& name);

struct Fact {
  FactKind kind = FactKind::kMedicationUse;
  Polarity polarity = Polarity::kAffirmed;
  std::string subject;
  std::string qualifier;
  std::optional<double> value;
  std::optional<double> value_max;
  std::optional<Date> date;            // the date the sentence speaks of
  std::optional<Date> since;           // kMedicationUse: stated start
  std::optional<int> duration_days;    // kMedicationUse: stated length of use
  std::string region;                  // body region id when the fact names one ("lumbar_spine")
  // kMedicationUse: the dose the sentence states for the drug ("Percocet 10/325 mg every
  // 4 to 6 hours"), read once at extraction, with its daily morphine equivalents when the
  // drug is an opioid and strength and frequency are given.
  std::string dose;
  std::optional<double> mme_min;
  std::optional<double> mme_max;
  Evidence evidence;

  friend bool operator==(const Fact&, const Fact&) = default;
};

}  // namespace imr
