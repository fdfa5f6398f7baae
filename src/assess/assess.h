// Applying a rule pack to one disputed item: each criterion evaluated to met / not met /
// not documented, with its evidence and its wording filled in.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "assess/criterion.h"
#include "assess/measures.h"
#include "assess/rule_pack.h"

namespace imr {

class Phrases;

struct ItemAssessment {
  const RulePack* pack = nullptr;
  bool ongoing = false;                 // continued use rather than a new start
  std::vector<Evidence> ongoing_evidence;
  std::vector<CriterionResult> criteria;  // in pack order, only those of the item's phase
  std::map<std::string, std::string> item_vars;  // {request}, {drug}, {generic}, {class}
};

// Evaluates every criterion of `pack` that applies to the item's phase. Criteria with
// only_if_diagnosis are skipped unless one of those diagnoses is in the record. Each
// outcome's {detail} comes from `phrases`.
ItemAssessment assess_item(const RulePack& pack, ItemContext ctx, const Phrases& phrases);

// {request}, {drug}, {generic} and {class} for one request.
std::map<std::string, std::string> item_vars(const ParsedRequest& r, const DrugTable& drugs);

// Replaces {name} placeholders from `vars`; unknown names are left as they are.
std::string fill_placeholders(const std::string& wording,
                              const std::map<std::string, std::string>& vars);

}  // namespace imr
