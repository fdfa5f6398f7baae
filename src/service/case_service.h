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
// A write a client makes against the version it read passes a CaseWrite: the version is
// checked inside the write's own transaction (never in a separate read before it), and the
// CaseWrite receives the version the write made, for the client's next write.
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
#include "service/case_document.h"
#include "service/case_particulars.h"
#include "service/deadlines.h"
#include "service/eligibility.h"
#include "service/review_rules.h"
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

// A reviewer's work on one item: the decision, answers to the criteria that decided the
// draft, the rationale and the letter's citations. Accepting the draft: decision = engine's
// (decision empty, keep_decision false). A change of decision needs a reason and a rationale
// of the reviewer's own. With keep_decision the decision stays as it is and only the other
// parts change (answering criteria one at a time).
struct ItemEdit {
  size_t item = 0;                        // 0-based position in the case's items (the order they came)
  std::optional<Decision> decision;       // empty = accept the engine's draft decision
  std::optional<std::string> rationale;   // empty = keep the current rationale; "" = back to the draft's
  std::string reason;
  std::optional<int64_t> expected_version;  // the case version the edit was made against
  std::string item_id;                    // when set, names the item ("item-2") instead of `item`
  bool keep_decision = false;             // leave the decision as it is
  // Answers to the item's criteria (each replaces an earlier answer to the same criterion);
  // disagreeing needs a note.
  std::vector<CriterionAnswer> answers;
  // The letter's citations for the item; an empty list goes back to the draft's.
  std::optional<std::vector<std::string>> citations;
};

// What the reviewer attests when signing (shown with the letter before the signature).
inline constexpr const char* kSigningAttestation =
    "I have reviewed the case file and every disputed item. The decisions, citations and rationales in this "
    "letter are my own, and I have no conflict of interest with any party.";

// A signature: the attestation (required) and, when given, the hash of the letter the
// reviewer previewed (the signature is refused if the letter to sign is not that one).
struct Signature {
  bool attested = false;
  std::string letter_sha256;
};

// The letter as it will go out if signed now, beside the engine's own draft letter.
struct LetterPreview {
  std::string text;                  // the letter as it would be signed now
  std::string engine_text;           // the engine's draft letter (its decisions, rationales, summary)
  std::string sha256;                // of text: sign with it to sign exactly this letter
  std::vector<DraftChange> changes;  // what the reviewer changed from the draft
  std::vector<std::string> blocking; // why it cannot be signed yet (empty: it can)
};

// The assigned reviewer opened the evidence of a criterion (or the request it rests on).
struct EvidenceView {
  std::string item_id;    // "item-1"; when empty, `item` names it
  size_t item = 0;        // 0-based position in the case's items
  std::string criterion;  // the criterion's id in the draft
  int record = -1;        // the record's index in the draft (-1: the request itself)
};

// A write to a case as a client makes it: the version it read (checked inside the write's
// own transaction: a case changed since is a ConflictError), and the version after the write.
struct CaseWrite {
  std::optional<int64_t> expected_version;
  int64_t version = 0;  // set by the write
};

struct DeadlineView {
  Deadline deadline;
  std::string state;  // on track | at risk | overdue | met | met late | ended
};

struct CaseView {
  CaseFile file;                   // the case with its document (items, eligibility, assignment, draft)
  CaseParticulars particulars;     // for the case header
  std::map<std::string, std::string> topic_labels;  // each item's topic in words
  std::vector<ApplicationRow> applications;
  std::vector<RecordRow> records;  // without content
  std::vector<CaseEvent> events;
  std::vector<DeadlineView> deadlines;
  std::vector<SignedRow> signed_determinations;
};

struct QueueEntry {
  CaseHeader file;
  std::string due_state;  // on track | at risk | overdue | "" when nothing due
  std::string document;   // as stored: read (parse_case_document) only when the items are shown
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
  int64_t attach_record(const std::string& case_id, const IncomingRecord& record, const std::string& actor,
                        CaseWrite* write = nullptr);
  // Bulk import: the whole batch in one transaction (all of it is stored or none), each
  // case with its records. Applications already stored are skipped, so a run that was
  // killed part-way can simply be run again.
  ImportSummary import_batch(const std::vector<ImportCase>& batch, const std::string& actor);
  // The claims administrator's records are complete: starts the determination clock.
  void records_complete(const std::string& case_id, const std::string& actor, CaseWrite* write = nullptr);

  // Reviewers: adds or replaces (by id) the entries of a registry JSON document
  // (docs/reviewers.md); InputError naming `file` and the field when it is malformed.
  size_t import_reviewers(std::string_view registry_json, const std::string& file, const std::string& actor);
  std::vector<Reviewer> reviewers() const;

  // Assignment: picks the reviewer (or explains why none fits), records it; then the
  // notice of assignment is sent ("mail" | "electronic").
  AssignmentResult assign(const std::string& case_id, const std::string& actor, CaseWrite* write = nullptr);
  // Assignment by hand when no reviewer fits (the last assignment found nobody): intake names
  // the reviewer and the reason, both audited. Refused for a reviewer who is inactive, not
  // qualified (licence, years, hours) or affiliated with a party; a specialty that does not
  // fit is what the reason answers for.
  AssignmentResult assign_by_hand(const std::string& case_id, const std::string& reviewer_id, const std::string& reason,
                                  const std::string& actor, CaseWrite* write = nullptr);
  void notice_sent(const std::string& case_id, const std::string& method, const std::string& actor,
                   CaseWrite* write = nullptr);

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
  std::vector<CaseFile> all_cases() const;
  // A guideline topic's name ("Opioids" for "opioids"); the code itself when no pack names it.
  std::string topic_label(const std::string& topic) const;
  // The store behind the service: "sqlite" | "postgresql", and its schema version.
  std::string store_backend() const { return store_.backend(); }
  int store_schema_version() const { return store_.schema_version(); }

  // The engine's draft: made (or remade, when records changed and nothing is signed) and
  // stored; returns the review JSON with facts.
  nlohmann::json draft(const std::string& case_id, const std::string& actor, CaseWrite* write = nullptr);

  // Review and sign-off (actor = reviewer id). Returns the new case version.
  int64_t decide(const std::string& case_id, const ItemEdit& edit, const std::string& actor);
  // The reviewer's case summary for the letter; nullopt or "" goes back to the draft's.
  void edit_summary(const std::string& case_id, const std::optional<std::string>& summary, const std::string& actor,
                    CaseWrite* write = nullptr);
  // Audited ("evidence_opened"); changes nothing else (no new version). NotFoundError for an
  // unknown item or criterion.
  void evidence_opened(const std::string& case_id, const EvidenceView& view, const std::string& actor);
  // The letter as it would be signed now, what differs from the draft, and what still stands
  // in the way of signing. The assigned reviewer only; audited ("previewed").
  LetterPreview preview(const std::string& case_id, const std::string& actor);
  // Refused while an item is undecided or a criterion that decided its draft is unanswered,
  // without the attestation, when the letter is not the one previewed (signature.letter_sha256),
  // and when the rule packs or the drug table changed since the draft (re-draft first). The
  // audit records the time on the case, the evidence opened and what changed from the draft.
  SignedRow sign(const std::string& case_id, const std::string& actor, const Signature& signature,
                 CaseWrite* write = nullptr);
  // A correction after signing: a new signed amendment; the original is kept.
  SignedRow amend(const std::string& case_id, const std::vector<ItemEdit>& edits, const std::string& reason,
                  const std::string& actor, CaseWrite* write = nullptr);

  // The letter out for a signed determination (latest when sequence is empty).
  LetterFiles letter(const std::string& case_id, std::optional<int> sequence, const std::string& actor);

  // The case's audit trail; reading it is itself audited ("audit_viewed", by `actor`).
  std::vector<AuditRow> audit_trail(const std::string& case_id, const std::string& actor);

 private:
  SubmitResult submit_in(StoreTx& tx, const Application& app, const std::string& actor, Timestamp now);
  int64_t attach_in(StoreTx& tx, CaseFile& file, const IncomingRecord& record, const std::string& actor,
                    Timestamp now);

  Store& store_;
  const ServiceContext context_;  // a copy: immutable, small
  Engine engine_;
};

}  // namespace imr
