// Private to the case service: the case document's layout and the steps every operation
// shares (audit, deadline refresh, loading a case for change). Not part of the library's
// interface.
//
// The case document (CaseRow::document) is JSON:
//   application_ids  [id...]            the applications consolidated into the case
//   eligibility      {eligible, reasons[{code,text}], filing_deadline, basis}
//   items            [{request, ur_action, certified, guideline, application_id,
//                      engine_decision, engine_rationale, decision, rationale, reason,
//                      decided_by, decided_at}]
//   assignment       {reviewer_id, explanation, excluded[{reviewer_id, reasons[]}], ...}
//   notice_method    "mail" | "electronic"
//   draft            {drafted_at, rules_version, records, review}   (engine review JSON)
//   opened_at        when the assigned reviewer first opened the case after records
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "service/case_service.h"

namespace imr::case_internal {

using nlohmann::json;

inline constexpr const char* kStatusReceived = "received";
inline constexpr const char* kStatusIneligible = "ineligible";
inline constexpr const char* kStatusEligible = "eligible";
inline constexpr const char* kStatusAssigned = "assigned";
inline constexpr const char* kStatusAwaitingRecords = "awaiting_records";
inline constexpr const char* kStatusInReview = "in_review";
inline constexpr const char* kStatusSigned = "signed";

// Appends one audit entry. `detail` must hold no PHI (ids, codes, decisions only).
void record_audit(StoreTx& tx, const std::string& case_id, Timestamp at, const std::string& actor,
           const std::string& action, const json& detail = json::object());

// Appends an event and recomputes the case's next deadline from all its events.
void add_event(StoreTx& tx, CaseRow& row, const ServiceContext& ctx, const std::string& kind,
               Timestamp at, const std::string& detail = "");
std::vector<CaseEvent> case_events(const std::vector<EventRow>& rows);
void refresh_due(StoreTx& tx, CaseRow& row, const ServiceContext& ctx);

// The case, or NotFoundError.
CaseRow load_case(StoreTx& tx, const std::string& case_id);
json document_of(const CaseRow& row);

// The applications on a case, parsed.
std::vector<Application> applications_of(StoreTx& tx, const std::string& case_id);

// The engine's view of a case: its records and the disputed items with the UR decision.
Case engine_case(StoreTx& tx, const CaseRow& row, const ServiceContext& ctx);

std::optional<Decision> decision_from(const json& value);
json decision_json(const std::optional<Decision>& d);

// A refused attempt: audited in its own committed transaction, then RefusedError.
[[noreturn]] void refuse(Store& store, const std::string& case_id, Timestamp at, const std::string& actor,
                         const std::string& attempted, const std::string& why);

}  // namespace imr::case_internal
