// Private to the case service: the steps every operation shares (audit, events and the
// deadline refresh, loading and saving a case, the engine's view of a case, refusals). Not
// part of the library's interface. The case document's layout is service/case_document.h's.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "service/case_document.h"
#include "service/case_service.h"

namespace imr::case_internal {

using nlohmann::json;

// Appends one audit entry. `detail` must hold no PHI (ids, codes, decisions only).
void record_audit(StoreTx& tx, const std::string& case_id, Timestamp at, const std::string& actor,
                  const std::string& action, const json& detail = json::object());

// Appends an event and recomputes the case's next deadline from all its events.
void add_event(StoreTx& tx, CaseFile& file, const ServiceContext& ctx, EventKind kind, Timestamp at,
               const std::string& detail = "");
// The stored events, typed; a row of a kind this program does not know is a StoreError.
std::vector<CaseEvent> case_events(const std::string& case_id, const std::vector<EventRow>& rows);
void refresh_due(StoreTx& tx, CaseFile& file, const ServiceContext& ctx);
// The next deadline from these events (all the case has).
void set_due(CaseFile& file, const std::vector<CaseEvent>& events, const ServiceContext& ctx);

// The case, or NotFoundError. With a write that expects a version, a case at another version
// is a ConflictError (checked here, inside the caller's transaction).
CaseFile load_case(StoreTx& tx, const std::string& case_id, const CaseWrite* write = nullptr);
// Writes the case (compare-and-set on its version); file.version becomes the new version.
void save_case(StoreTx& tx, CaseFile& file);

// The applications on a case, parsed.
std::vector<Application> applications_of(StoreTx& tx, const std::string& case_id);

// The engine's view of a case (its records and the disputed items with the UR decision)
// and, in the same order as its requests, the ids of the case items they are.
struct EngineInput {
  Case engine_case;
  std::vector<std::string> item_ids;
};
EngineInput engine_input(StoreTx& tx, const CaseFile& file, const ServiceContext& ctx);
// The engine's determinations by case item id. Throws std::logic_error when the review
// does not answer the requests it was given one for one (same count, same request text).
std::map<std::string, const Determination*> determinations_by_item(const EngineInput& input, const Review& review);

json decision_json(const std::optional<Decision>& d);

// Why `actor` may not work on the case under review now, "" when it may: only the assigned
// reviewer `may` (decide its items, sign it), and only on a current draft.
std::string reviewer_refusal(const CaseFile& file, const std::string& actor, const char* may, const char* no_draft);

// The item an edit names: by id when given, else by its number. NotFoundError otherwise.
CaseItem& edited_item(CaseDocument& doc, const ItemEdit& edit, const std::string& case_id);
// The item's number as users see it (1-based).
size_t item_number(const CaseDocument& doc, const CaseItem& item);

// A status as users read it ("awaiting records").
std::string status_words(CaseStatus status);

// A refused attempt: audited in its own committed transaction, then RefusedError.
[[noreturn]] void refuse(Store& store, const std::string& case_id, Timestamp at, const std::string& actor,
                         const std::string& attempted, const std::string& why);

}  // namespace imr::case_internal
