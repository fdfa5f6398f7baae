// The case service's results as JSON: what `imr case ... --format json` prints and what
// the HTTP API returns. One place, so the two never drift apart.
#pragma once

#include <nlohmann/json.hpp>

#include "service/case_service.h"

namespace imr {

nlohmann::json to_json(const SubmitResult& r);
nlohmann::json to_json(const AssignmentResult& r);
nlohmann::json to_json(const CaseItem& item);  // as stored, with "changed" and decided_at "" when undecided
nlohmann::json to_json(const DeadlineView& d);
nlohmann::json to_json(const CaseView& v);  // no record texts; "draft" is the engine's review JSON
nlohmann::json to_json(const QueueEntry& e);
nlohmann::json to_json(const SignedRow& s);
nlohmann::json to_json(const AuditRow& a);
nlohmann::json to_json(const ImportSummary& s);
nlohmann::json record_json(const RecordRow& r);
nlohmann::json to_json(const Reviewer& r);  // the registry entry without its affiliations
nlohmann::json to_json(const LetterPreview& p);

}  // namespace imr
