// Determinations: per disputed item, the decision, citations, criteria with evidence, the
// rationale, and what documentation would change the outcome.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assess/criterion.h"
#include "core/citation.h"
#include "extract/fact.h"
#include "intake/case.h"
#include "intake/request.h"

namespace imr {

// A citation the engine emits: family ("MTUS", "ODG", "ACOEM"), the document, section and
// pages, and whether it is cited as a non-MTUS supplement.
struct EngineCitation {
  std::string family;
  std::string document;
  std::string section;
  std::string pages;
  bool non_mtus = false;
  friend bool operator==(const EngineCitation&, const EngineCitation&) = default;
};

struct Determination {
  std::string request;                // as written
  ParsedRequest parsed;
  std::string topic;                  // rule topic, "" when no rule pack covers it
  std::string pack_id;                // "" when no rule
  bool no_rule = false;               // no pack covers the request: routed to the reviewer
  bool rules_superseded = false;      // the pack used is not in force on the request date
  // The drafted decision; empty when no rule pack covers the request (not guessed).
  std::optional<Decision> decision;
  bool ongoing = false;
  std::vector<EngineCitation> citations;  // MTUS first, then non-MTUS supplements
  std::vector<Citation> claims_administrator_citations;  // from the UR input
  std::vector<CriterionResult> criteria;
  std::string rationale;
  std::vector<std::string> to_change_outcome;
  std::vector<std::string> notes;     // reviewer-facing flags (no frequency, >120 MED, ...)
  std::string formulary_status;       // MTUS Drug Formulary status, dates of service from 2018
};

struct Review {
  std::string case_id;
  std::string rules_version;
  std::string drugs_version;
  std::optional<Date> as_of;
  std::vector<Determination> items;
  std::vector<Fact> facts;  // every fact extracted from the records, with its evidence
};

}  // namespace imr
