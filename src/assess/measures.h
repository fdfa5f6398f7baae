// Measures: the registered functions a rule-pack criterion names to read the record.
//
// A measure looks at the facts extracted from the record and at the parsed request and
// returns a Finding: met, not met or not documented, with its evidence, a reason code and
// the values its wording needs. Each measure declares a contract:
//
//   - args      the arguments it takes, typed (args.h); the loader rejects any other key,
//               a wrong type and an unknown code, and converts the values once;
//   - outcomes  every (state, reason) it can return and the placeholders it fills for each;
//               the loader rejects pack wording that uses a placeholder an outcome does not
//               fill, so no "{count}" can reach a letter unfilled. The {detail} phrase of
//               each outcome is data (data/measure_phrases.yaml), not C++;
//   - reads     the fact kinds it reads (shown by `imr rules`).
//
// Placeholders every criterion may use: {request}, {drug}, {generic}, {class} (the item)
// and {detail} (the outcome's phrase).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assess/args.h"
#include "assess/criterion.h"
#include "assess/rule_pack.h"
#include "core/citation.h"
#include "core/date.h"
#include "extract/fact.h"
#include "intake/case.h"
#include "intake/request.h"

namespace imr {

// Another disputed item of the same case, as far as it has been decided, for criteria
// that follow another item's decision (an associated surgical service and its surgery).
struct RelatedItem {
  const ParsedRequest* request = nullptr;
  std::string topic;                 // the governing pack's topic, "" when no rule
  std::optional<Decision> decision;  // empty when not decided (yet, or no rule)
  std::string decided_by;            // the criterion that decided it, for wording
};

// Everything a measure may look at for one disputed item.
struct ItemContext {
  const Case& kase;
  const std::vector<Fact>& facts;
  const ParsedRequest& request;                      // the item under review
  const std::vector<ParsedRequest>& all_requests;    // every disputed item in the case
  const DrugTable& drugs;
  std::optional<Date> as_of;                         // the date the request is judged at
  bool ongoing = false;                              // continued use (vs a new start)
  const UrItem* ur_item = nullptr;                   // the UR decision on this item, if given
  const ParsedRequest* certified = nullptr;          // what UR certified of it, parsed
  const std::vector<RelatedItem>* related = nullptr; // the case's other items (same order)
  const RulePack* pack = nullptr;                    // the governing pack
};

using MeasureFn = Finding (*)(const CriterionRule&, const ItemContext&);

// One result a measure can return: its state, a reason code (unique within the measure)
// and the placeholders it always fills for that result.
struct Outcome {
  CriterionState state;
  const char* reason;
  std::vector<const char*> fills;
  // Possible only when the criterion's boolean argument of this name is true ("absent"),
  // or false ("!absent"); "" when always possible.
  const char* only_if = "";
  bool possible_with(const Args& args) const;
};

struct MeasureContract {
  const char* name;
  MeasureFn fn;
  const char* description;  // for `imr rules` and docs/rule-packs.md
  std::vector<ArgSpec> args;
  std::vector<Outcome> outcomes;
  std::vector<FactKind> reads;

  const ArgSpec* arg(const std::string& name) const;
  const Outcome* outcome(CriterionState state, const std::string& reason) const;
};

// The registry (measures_registry.cc); nullptr for an unknown name.
const MeasureContract* find_measure(const std::string& name);
const std::vector<MeasureContract>& all_measures();

// The families of measures, one file each.
std::vector<MeasureContract> medication_measures();   // measures_medication.cc
std::vector<MeasureContract> generic_measures();      // measures_generic.cc
std::vector<MeasureContract> drug_topic_measures();   // measures_drug_topics.cc
std::vector<MeasureContract> service_measures();      // measures_services.cc
std::vector<MeasureContract> request_measures();      // measures_request.cc
std::vector<MeasureContract> case_measures();         // measures_case.cc
std::vector<MeasureContract> gap_drug_measures();     // measures_gap_drugs.cc

// The morphine equivalents a day of every opioid the claimant would take: each disputed
// request's dose (else the dose the record gives for it) and the other opioids the record
// shows in use (measures_medication.cc). Sources are cited into `out`.
struct OpioidDoseTotal {
  double mme = 0;                  // the upper end of each dose, summed
  std::vector<std::string> parts;  // one line per opioid counted, for wording
  bool own_known = false;          // the item under review is an opioid whose dose is known
};
OpioidDoseTotal opioid_dose_total(const ItemContext& ctx, Finding& out);

// Whether the request continues a course already under way (a drug in use, a refill;
// sessions, an injection or a device trial of the same service given before, as the
// governing pack defines it); facts used are appended to `evidence`.
bool is_ongoing_use(const ItemContext& ctx, std::vector<Evidence>* evidence);

}  // namespace imr
