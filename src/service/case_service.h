// The case service: the IMR organization's work around the review engine.
//
// An application arrives and is screened (service/eligibility.h); applications of the same
// worker, requesting physician and date of injury are consolidated into one case; a
// conflict-free reviewer of a fitting specialty is assigned (service/assignment.h); records
// come in against deadlines computed from the case's events (service/deadlines.h); the
// engine drafts every disputed item; the assigned reviewer accepts or changes each one and
// signs; the signed letter goes out as text and PDF with a redacted copy for publication.
//
// Every operation is one store transaction that also appends its audit entries, so a
// change and its audit record are kept together or not at all. Operations a rule refuses
// (a second signature, a signature by someone other than the assigned reviewer, an edit
// after signing) are audited as refused attempts and then throw RefusedError.
//
// The service holds no mutable state of its own: it may be shared by many threads when its
// Store is. Audit details carry ids, codes and decisions, never names or other PHI.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/timestamp.h"
#include "decide/engine.h"
#include "service/application.h"
#include "service/assignment.h"
#include "service/calendar.h"
#include "service/deadlines.h"
#include "service/eligibility.h"
#include "service/specialty_map.h"
#include "store/store.h"

namespace imr {

// An operation the rules do not allow (wrong reviewer, already signed, items undecided, a
// case in the wrong state). what() is one sentence for the user.
class RefusedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An unknown case, record or item.
class NotFoundError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What the service needs besides the store: the engine's knowledge, the calendar and the
// specialty map (all immutable), and a clock (fixed in tests).
struct ServiceContext {
  std::shared_ptr<const Knowledge> knowledge;
  HolidayCalendar calendar;
  SpecialtyMap specialties;
  std::function<Timestamp()> clock = now_local;
  std::string organization = "The independent review organization";
  // The data directory; the published copy of a letter reads the redactor's word lists from
  // data_dir/redaction when it is first written (RedactionLexicon::shared).
  std::string data_dir;
};

// Loads the calendar (data_dir/holidays) and specialty map (data_dir/specialties.yaml)
// beside already-loaded knowledge. Throws DataError naming the file and line.
ServiceContext load_service_context(const std::string& data_dir, std::shared_ptr<const Knowledge> knowledge);

// A record as it arrives, before it is stored.
struct IncomingRecord {
  std::string title;
  std::optional<Date> date;
  std::string sender;       // "claims administrator", "requesting physician", ...
  std::string source_name;  // file name
  std::string media_type;   // "text/plain" | "application/pdf"
  std::string text;         // the text the engine reads (extracted from the PDF)
  std::string content;      // original bytes for a PDF, "" for text
};

struct SubmitResult {
  std::string case_id;
  bool created = false;        // a new case (false: consolidated into an open one, or already imported)
  bool consolidated = false;   // added to an open case of the same worker, physician and injury
  bool already_stored = false; // this application id was imported before: nothing changed
  EligibilityFinding finding;
};

// One disputed item as the reviewer works on it.
struct ItemState {
  std::string request;
  std::string ur_action;                  // denied | modified | delayed
  std::string certified;
  std::optional<Decision> engine_decision;  // the draft (empty: no rule covers it)
  std::string engine_rationale;
  std::optional<Decision> decision;       // the reviewer's (empty until decided)
  std::string rationale;                  // the reviewer's (starts as the draft's)
  std::string reason;                     // why the reviewer changed the draft
  std::string decided_by;
  std::string decided_at;
  bool changed() const { return decision && decision != engine_decision; }
};

// A reviewer's decision on one item. Accepting the draft: decision = engine's, rationale
// empty (keeps the draft's). A change of decision needs a reason and a rewritten rationale.
struct ItemEdit {
  size_t item = 0;                        // 0-based
  std::optional<Decision> decision;       // empty = accept the engine's draft decision
  std::optional<std::string> rationale;   // empty = keep the current rationale
  std::string reason;
  std::optional<int64_t> expected_version;  // the case version the edit was made against
};

struct DeadlineView {
  Deadline deadline;
  std::string state;  // on track | at risk | overdue | met | met late | ended
};

struct CaseView {
  CaseRow row;
  nlohmann::json document;
  std::vector<ApplicationRow> applications;
  std::vector<RecordRow> records;  // without content
  std::vector<EventRow> events;
  std::vector<DeadlineView> deadlines;
  std::vector<ItemState> items;
  std::vector<SignedRow> signed_determinations;
};

struct QueueEntry {
  CaseRow row;
  std::string due_state;  // on track | at risk | overdue | "" when nothing due
};

// One case of a bulk import: an application and the records that came with it.
struct ImportCase {
  Application application;
  std::vector<IncomingRecord> records;
};

struct ImportSummary {
  size_t imported = 0;      // applications stored by this run
  size_t skipped = 0;       // already stored by an earlier run
  size_t ineligible = 0;
  size_t consolidated = 0;
  size_t records = 0;
};

struct LetterFiles {
  int sequence = 0;          // which signed determination (0 = original)
  std::string text;
  std::string pdf;
  std::string redacted_text;
  std::string redacted_pdf;
  size_t redactions = 0;
};

class CaseService {
 public:
  CaseService(Store& store, const ServiceContext& context);

  // Intake. Screens the application, consolidates or creates the case, records the
  // "received" and "eligible"/"ineligible" events. Importing the same application id again
  // changes nothing (already_stored).
  SubmitResult submit(const Application& app, const std::string& actor);
  // Records. Attaching the same bytes to a case twice is a no-op (returns the first id).
  int64_t attach_record(const std::string& case_id, const IncomingRecord& record, const std::string& actor);
  // Bulk import: the whole batch in one transaction (all of it is stored or none), each
  // case with its records. Applications already stored are skipped, so a run that was
  // killed part-way can simply be run again.
  ImportSummary import_batch(const std::vector<ImportCase>& batch, const std::string& actor);
  // The claims administrator's records are complete: starts the determination clock.
  void records_complete(const std::string& case_id, const std::string& actor);

  // Reviewers: adds or replaces (by id) the entries of a registry JSON document
  // (docs/reviewers.md); InputError naming `file` and the field when it is malformed.
  size_t import_reviewers(std::string_view registry_json, const std::string& file, const std::string& actor);
  std::vector<Reviewer> reviewers() const;

  // Assignment: picks the reviewer (or explains why none fits), records it; then the
  // notice of assignment is sent ("mail" | "electronic").
  AssignmentResult assign(const std::string& case_id, const std::string& actor);
  void notice_sent(const std::string& case_id, const std::string& method, const std::string& actor);

  // Reading. `actor` is audited ("viewed"); when the actor is the assigned reviewer the
  // first view after records are complete marks the case opened for review.
  CaseView view(const std::string& case_id, const std::string& actor);
  std::vector<QueueEntry> open_cases(const OpenCaseQuery& query) const;
  // The case row alone, not audited: for a caller's access check before an audited read.
  // NotFoundError for an unknown case.
  CaseRow case_row(const std::string& case_id) const;
  // One record with its text and original bytes; audited ("record_viewed"). NotFoundError.
  RecordRow record(const std::string& case_id, int64_t record_id, const std::string& actor);
  // A caller's access rule refused `attempted` (a reviewer opening another reviewer's case):
  // audited as a refused attempt, then RefusedError(why).
  [[noreturn]] void refuse_access(const std::string& case_id, const std::string& actor,
                                  const std::string& attempted, const std::string& why);
  // Every case in the store, open or closed, by id (for statistics).
  std::vector<CaseRow> all_cases() const;

  // The engine's draft: made (or remade, when records changed and nothing is signed) and
  // stored; returns the review JSON with facts.
  nlohmann::json draft(const std::string& case_id, const std::string& actor);

  // Review and sign-off (actor = reviewer id). Returns the new case version.
  int64_t decide(const std::string& case_id, const ItemEdit& edit, const std::string& actor);
  // With expected_version, a case changed since that version is a ConflictError.
  SignedRow sign(const std::string& case_id, const std::string& actor,
                 std::optional<int64_t> expected_version = std::nullopt);
  // A correction after signing: a new signed amendment; the original is kept.
  SignedRow amend(const std::string& case_id, const std::vector<ItemEdit>& edits, const std::string& reason,
                  const std::string& actor);

  // The letter out for a signed determination (latest when sequence is empty).
  LetterFiles letter(const std::string& case_id, std::optional<int> sequence, const std::string& actor);

  // The case's audit trail; reading it is itself audited ("audit_viewed", by `actor`).
  std::vector<AuditRow> audit_trail(const std::string& case_id, const std::string& actor);

 private:
  SubmitResult submit_in(StoreTx& tx, const Application& app, const std::string& actor, Timestamp now);
  int64_t attach_in(StoreTx& tx, CaseRow& row, const IncomingRecord& record, const std::string& actor,
                    Timestamp now);

  Store& store_;
  const ServiceContext context_;  // a copy: immutable, small
  Engine engine_;
};

// Items of a case document, decoded.
std::vector<ItemState> items_of(const nlohmann::json& document);

}  // namespace imr
