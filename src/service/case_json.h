// The case service's results as JSON: what `imr case ... --format json` prints and what
// the HTTP API returns. One place, so the two never drift apart.
#pragma once

#include <nlohmann/json.hpp>

#include "service/case_service.h"

namespace imr {

nlohmann::json to_json(const EligibilityFinding& f);
nlohmann::json to_json(const SubmitResult& r);
nlohmann::json to_json(const AssignmentResult& r);
nlohmann::json to_json(const ItemState& item);
nlohmann::json to_json(const DeadlineView& d);
nlohmann::json to_json(const CaseView& v);             // no record texts, no PHI beyond the case's own parties
nlohmann::json to_json(const QueueEntry& e);
nlohmann::json to_json(const SignedRow& s);
nlohmann::json to_json(const AuditRow& a);
nlohmann::json to_json(const ImportSummary& s);
nlohmann::json record_json(const RecordRow& r);
nlohmann::json to_json(const Reviewer& r);  // the registry entry without its affiliations

}  // namespace imr
