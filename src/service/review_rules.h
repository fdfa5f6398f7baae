// The rules of a review that is not a rubber stamp, as pure functions of the case document:
// what still stands in the way of a signature, how the reviewer's notes on the criteria flow
// into the rationale, what the reviewer changed from the engine's draft, and the time spent
// on a case. The case service enforces them (decide, preview, sign); the API and the command
// line only pass them on.
//
// "The criteria that decided the draft" are the criteria of an item's draft marked
// `decided: true` by the engine (render/review_json.h). Each needs the reviewer's answer,
// agree or disagree, and a disagreement needs a note. An item no rule pack covers has no
// criteria: the reviewer writes its decision, citation and rationale.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/timestamp.h"
#include "service/case_document.h"

namespace imr {

// One way the letter differs from the engine's draft.
struct DraftChange {
  std::string what;       // decision | rationale | citations | criterion | summary
  std::string item_id;    // "" for the summary
  int item = 0;           // the item's number (1-based), 0 for the summary
  std::string from, to;   // for a decision: the engine's and the reviewer's
  std::string criterion;  // for a criterion the reviewer disagreed with: its id
  std::string title;      // ... its title
  std::string note;       // ... and the reviewer's note
};
nlohmann::json to_json(const DraftChange& c);

// The criterion `criterion` of an item's draft, or nullptr.
const nlohmann::json* draft_criterion(const CaseDraft& draft, const std::string& item_id, const std::string& criterion);
// Whether no rule pack covers the item in the draft (the reviewer writes everything).
bool drafted_without_rule(const CaseDraft& draft, const std::string& item_id);

// Why the case cannot be signed yet, one sentence per problem, items in order (empty when it
// can be). Needs a draft.
std::vector<std::string> signing_blockers(const CaseDocument& doc);

// The rationale the reviewer starts from: the engine's (when the reviewer's decision is the
// engine's) followed by each disagreement as "<criterion title>: <note>."; only the notes when
// the decision differs (the engine's rationale argues the other way); "" for an item no rule
// covers and no notes.
std::string rationale_with_notes(const CaseItem& item, const CaseDraft& draft);

// What the reviewer changed from the draft: decisions, rationales, citations, criteria
// disagreed with, the summary. Items in order.
std::vector<DraftChange> changes_from_draft(const CaseDocument& doc);

inline constexpr int64_t kIdleGapMinutes = 15;
// Minutes of work in a sorted list of a reviewer's action times: the gaps between
// consecutive actions, each counted up to `idle_gap_minutes` (a longer gap is time away).
int64_t active_minutes(const std::vector<Timestamp>& actions, int64_t idle_gap_minutes = kIdleGapMinutes);

}  // namespace imr
