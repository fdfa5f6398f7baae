// Measures: the registered functions a rule-pack criterion names to read the record.
//
// A measure looks at the facts extracted from the record and at the parsed request, and
// returns a Finding in one of three states with its evidence. Rule packs can only name
// measures listed here; the loader rejects any other name, and any threshold or argument
// a measure needs but the criterion lacks.
//
// Template variables every measure may set: {value} (the figure found), {date} (ISO date
// of the deciding fact), {detail} (a short phrase), {quote} (the deciding sentence).
// The item-level variables {request}, {drug}, {generic} and {class} are always available.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assess/criterion.h"
#include "assess/rule_pack.h"
#include "core/date.h"
#include "extract/fact.h"
#include "intake/case.h"
#include "intake/request.h"

namespace imr {

// Everything a measure may look at for one disputed item.
struct ItemContext {
  const Case& kase;
  const std::vector<Fact>& facts;
  const ParsedRequest& request;                      // the item under review
  const std::vector<ParsedRequest>& all_requests;    // every disputed item in the case
  const DrugTable& drugs;
  std::optional<Date> as_of;                         // the date the request is judged at
  bool ongoing = false;                              // continued use (vs a new start)
};

using MeasureFn = Finding (*)(const CriterionRule&, const ItemContext&);

// Checks a criterion's arguments beyond their presence; returns a problem or "".
using MeasureCheck = std::string (*)(const CriterionRule&);

struct MeasureSpec {
  const char* name;
  MeasureFn fn;
  bool needs_min;
  bool needs_max;
  std::vector<const char*> required_args;
  const char* description;  // for `imr rules`
  MeasureCheck check = nullptr;
};

// The registry (measures_registry.cc); nullptr for an unknown name.
const MeasureSpec* find_measure(const std::string& name);
const std::vector<MeasureSpec>& all_measures();

// The families of measures, one file each.
std::vector<MeasureSpec> medication_measures();   // measures_medication.cc
std::vector<MeasureSpec> generic_measures();      // measures_generic.cc
std::vector<MeasureSpec> drug_topic_measures();   // measures_drug_topics.cc
std::vector<MeasureSpec> service_measures();      // measures_services.cc

// Whether the request's drug has been in use before the request (continued use, a
// refill) rather than started new; facts used are appended to `evidence`.
bool is_ongoing_use(const ItemContext& ctx, std::vector<Evidence>* evidence);

}  // namespace imr
