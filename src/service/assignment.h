// Assigning a case to a reviewer: conflict-free, qualified, fitting, least loaded.
//
// A reviewer is eligible when all of these hold:
//   - active in the registry;
//   - licensed in California;
//   - more than five years in active practice, and at least 24 hours a week in practice;
//   - one of their specialties or subspecialties fits EVERY disputed item (per the
//     specialty map). When no single reviewer fits every item nobody is assigned: the
//     case needs a manual split or a reviewer added (the safe rule; see docs/reviewers.md);
//   - no affiliation with any party of the case (names compared after normalising case,
//     punctuation, titles and company suffixes; see names_match()).
// Among the eligible, an expedited case goes to the fewest open expedited cases, then the
// fewest open cases in all; a regular case to the fewest open cases, then the fewest
// expedited; ties by reviewer id. Deterministic and pure: the same inputs give the same
// result.
//
// The explanation and every exclusion reason are whole sentences that never carry the
// injured worker's name (nor the reviewer's: reviewers are named by id).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "service/reviewer.h"
#include "service/specialty_map.h"

namespace imr {

struct DisputedItemForAssignment {
  std::string request;     // as written: "Norco 10/325mg #120"
  std::string topic;       // the governing rule pack's topic; empty when none
  std::string drug_class;  // data/drugs.yaml class when the item is a drug
  std::string service;     // data/services.yaml name when the item is a service
};

struct CaseParties {
  std::string worker, employer, insurer, claims_administrator, requesting_physician,
      medical_group, representative, representative_firm;
};

struct ReviewerLoad {
  int open_expedited = 0;
  int open_total = 0;
};

struct Exclusion {
  std::string reviewer_id;
  std::vector<std::string> reasons;  // every reason, each a sentence
};

// What the map says fits one item (in the item order given).
struct ItemFit {
  std::string request;
  std::vector<std::string> specialties;  // empty when the map does not cover the item
  std::string basis;                     // "topic 'opioids'"
  bool found() const { return !specialties.empty(); }
};

struct AssignmentResult {
  std::optional<std::string> reviewer_id;
  std::string explanation;                        // why this reviewer, or why nobody
  std::vector<Exclusion> excluded;                // every other reviewer, in registry order
  std::vector<std::string> required_specialties;  // union over items, first-seen order
  std::vector<ItemFit> items;                     // per item, for the message
};

AssignmentResult assign_reviewer(const std::vector<DisputedItemForAssignment>& items,
                                 const CaseParties& parties, bool expedited,
                                 const std::vector<Reviewer>& registry,
                                 const std::map<std::string, ReviewerLoad>& load,
                                 const SpecialtyMap& map);

// Why `reviewer` may not be assigned to a case of these parties even by hand: not active, not
// licensed in California, too few years or hours in practice, or affiliated with a party.
// Empty when a hand assignment may go ahead (a specialty that does not fit is for the hand
// assignment's reason to answer).
std::vector<std::string> hand_assignment_refusals(const Reviewer& reviewer, const CaseParties& parties);

// A name reduced for comparison: lower case, punctuation to spaces, titles and suffixes
// ("Dr.", "MD", "DO", "Inc.", "LLC", "Corp." ...) dropped, whitespace collapsed.
std::string normalize_party_name(std::string_view name);

// True when an affiliation name and a party name denote the same party: equal after
// normalising, or the same words in another order ("Smith, John MD" and "Dr. John
// Smith"), or — when both are organisations — one is the other's leading words
// ("Sedgwick" and "Sedgwick Claims Management Services").
bool names_match(std::string_view a, std::string_view b, bool organisations);

}  // namespace imr
