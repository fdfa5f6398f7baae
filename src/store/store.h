// The case store: where the case service keeps cases, records, events, signed
// determinations, reviewers and the audit trail.
//
// One interface, two backends: SQLite (the embedded default, one file) and PostgreSQL (for
// teams), chosen by a location string (open_store). The store is deliberately dumb: it keeps
// rows and answers the few queries the service needs; every rule (eligibility, deadlines,
// sign-off) lives in the service. Rows carry their structured parts as JSON text the service
// writes and reads.
//
// Transactions. Every change happens inside Store::transact(fn): fn runs against a StoreTx
// and either returns (commit) or throws (rollback, the exception propagates). The service puts
// a change to a case and its audit entry in the same transaction, so neither is ever kept
// without the other. A process killed mid-transaction leaves the store as it was before it.
//
// Guarantees the backends enforce themselves (not only the service):
//   - audit entries, events and signed determinations are append-only (UPDATE and DELETE are
//     refused by the database);
//   - update_case() is a compare-and-set on the case version (ConflictError when stale);
//   - an application id is stored once (insert_application on a known id throws ConflictError).
//
// Thread safety: a Store may be shared by many threads; transact() calls are serialized or
// isolated by the backend. A StoreTx must not outlive its transact() call or cross threads.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace imr {

// A write that lost a race or broke a uniqueness rule: a stale case version, an application
// id already stored. The message names what conflicted.
class ConflictError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A store that cannot be opened or used (bad location, I/O error, a newer schema than this
// program knows). what() names the location and the problem.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct CaseRow {
  std::string id;                 // "IMR-2026-000001"
  std::string status;             // service-defined: received, ineligible, eligible, assigned, ...
  bool expedited = false;
  bool open = true;               // false once signed and sent, ineligible, or withdrawn
  std::string consolidation_key;  // worker + requesting physician + date of injury, normalized
  std::string reviewer_id;        // assigned reviewer, "" when none
  std::string received;           // ISO date the first application arrived
  // The next deadline, derived from the case's events by the service in the same transaction
  // as the event that changed it (kept only so listings need no per-case computation).
  std::string due;                // ISO timestamp, "" when nothing is pending
  std::string due_what;           // "assignment_notice" | "records" | "determination" | ""
  std::string document;           // JSON: applications' parties, eligibility, items, drafts...
  int64_t version = 0;            // bumped by every update_case; 1 after insert
};

struct ApplicationRow {
  std::string application_id;  // the sender's id
  std::string case_id;
  std::string received;        // ISO date
  std::string json;            // the application as received
};

struct RecordRow {
  int64_t id = 0;              // assigned by the store
  std::string case_id;
  std::string title;
  std::string date;            // ISO date of the document, "" when undated
  std::string sender;          // who sent it ("claims administrator", "requesting physician")
  std::string received_at;     // ISO timestamp it arrived
  std::string media_type;      // "text/plain" | "application/pdf"
  std::string source_name;     // original file name
  std::string text;            // the text the engine reads
  std::string content;         // the original bytes (PDF), "" for text
  std::string sha256;          // of the original bytes: attaching the same file twice is a no-op
};

struct EventRow {
  int64_t id = 0;
  std::string case_id;
  std::string kind;            // received, eligible, ineligible, assigned, notice_sent, ...
  std::string at;              // ISO timestamp
  std::string detail;          // kind-specific ("mail", "electronic", a reviewer id)
};

struct SignedRow {
  int64_t id = 0;
  std::string case_id;
  int sequence = 0;            // 0 = the determination, 1.. = amendments
  std::string signed_by;       // reviewer id
  std::string signed_at;       // ISO timestamp
  std::string reason;          // for an amendment: why it was corrected
  std::string determination;   // JSON: the items as signed, rules version
  std::string letter_text;     // the letter as signed
};

struct AuditRow {
  int64_t id = 0;
  std::string case_id;         // "" for events not about one case (reviewer import)
  std::string at;              // ISO timestamp
  std::string actor;           // user or reviewer id, "engine", "system"
  std::string action;          // created, screened, assigned, drafted, edited, signed, refused, ...
  std::string detail;          // JSON; never PHI-free by accident: the service decides what goes in
};

struct ReviewerRow {
  std::string id;
  std::string json;            // the registry entry
  bool active = true;
};

// A workbench user (auth/). The store keeps the row; the rules live in auth/.
struct UserRow {
  std::string id;
  std::string role;            // "intake" | "reviewer" | "administrator" (the database checks)
  std::string reviewer_id;     // the registry id a reviewer user acts as; "" for other roles
  std::string password_hash;   // Argon2id string (auth/password.h), never the password
  bool active = true;
  std::string created_at;      // ISO timestamp
};

// A login session. Only the SHA-256 of the session token is stored, so a copy of the store
// cannot be used to log in.
struct SessionRow {
  std::string token_hash;      // hex SHA-256 of the token the client holds
  std::string user_id;
  std::string csrf_token;      // sent back with every state-changing request
  std::string created_at;      // ISO timestamps
  std::string expires_at;
  bool revoked = false;
};

struct OpenCaseQuery {
  std::string reviewer_id;     // "" = all reviewers
  int limit = 100;             // at most this many rows
  int offset = 0;
};

struct ReviewerLoadRow {
  int open_expedited = 0;
  int open_total = 0;
};

class StoreTx {
 public:
  virtual ~StoreTx() = default;

  // Cases.
  virtual std::optional<CaseRow> find_case(const std::string& id) = 0;
  // The open case with this consolidation key, if any (the oldest when several).
  virtual std::optional<CaseRow> find_open_case_by_key(const std::string& consolidation_key) = 0;
  virtual void insert_case(const CaseRow& row) = 0;  // row.version is set to 1
  // Writes row if the stored version is still `row.version`; the stored version becomes
  // row.version + 1, which is returned. ConflictError otherwise.
  virtual int64_t update_case(const CaseRow& row) = 0;
  // Open cases ordered by due (cases with no due date last), then id.
  virtual std::vector<CaseRow> list_open_cases(const OpenCaseQuery& query) = 0;
  virtual int64_t count_open_cases(const std::string& reviewer_id) = 0;
  // Every case, open or not, by id (statistics over the whole store), a page at a time.
  virtual std::vector<CaseRow> list_cases(int limit, int offset) = 0;
  // Open cases per assigned reviewer.
  virtual std::map<std::string, ReviewerLoadRow> open_load_by_reviewer() = 0;
  // The next value of a named counter (case numbers per year); starts at 1.
  virtual int64_t next_sequence(const std::string& name) = 0;

  // Applications.
  virtual std::optional<ApplicationRow> find_application(const std::string& application_id) = 0;
  virtual void insert_application(const ApplicationRow& row) = 0;
  virtual std::vector<ApplicationRow> applications(const std::string& case_id) = 0;

  // Records. insert_record returns the new id, or the existing record's id when the case
  // already holds a record with the same sha256.
  virtual int64_t insert_record(const RecordRow& row) = 0;
  virtual std::vector<RecordRow> records(const std::string& case_id, bool with_content) = 0;

  // Events, signed determinations and audit entries: append-only, in insertion order.
  virtual void append_event(const EventRow& row) = 0;
  virtual std::vector<EventRow> events(const std::string& case_id) = 0;
  virtual void append_signed(const SignedRow& row) = 0;
  virtual std::vector<SignedRow> signed_determinations(const std::string& case_id) = 0;
  virtual void append_audit(const AuditRow& row) = 0;
  virtual std::vector<AuditRow> audit(const std::string& case_id) = 0;

  // Reviewers.
  virtual void upsert_reviewer(const ReviewerRow& row) = 0;
  virtual std::vector<ReviewerRow> reviewers() = 0;

  // Users. insert_user throws ConflictError for a known id; the updates return false when no
  // such user exists. list_users is ordered by id.
  virtual void insert_user(const UserRow& row) = 0;
  virtual bool update_user_password(const std::string& id, const std::string& password_hash) = 0;
  // Deactivates (or reactivates) a user; false when no such user exists.
  virtual bool update_user_active(const std::string& id, bool active) = 0;
  virtual std::optional<UserRow> find_user(const std::string& id) = 0;
  virtual std::vector<UserRow> list_users() = 0;

  // Sessions, by token hash. revoke_session returns false when no such session exists.
  virtual void insert_session(const SessionRow& row) = 0;
  virtual std::optional<SessionRow> find_session(const std::string& token_hash) = 0;
  virtual bool revoke_session(const std::string& token_hash) = 0;

  // Login attempts (the rate limit). Times are ISO timestamps, compared as text.
  virtual void record_login_attempt(const std::string& user_id, const std::string& at, bool ok) = 0;
  // Failed attempts for user_id at or after iso_time.
  virtual int64_t count_failed_logins_since(const std::string& user_id, const std::string& iso_time) = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  // Runs fn in one transaction: commit when it returns, roll back when it throws (the
  // exception propagates unchanged).
  virtual void transact(const std::function<void(StoreTx&)>& fn) = 0;
  virtual std::string backend() const = 0;    // "sqlite" | "postgresql"
  virtual int schema_version() const = 0;
};

// Opens (creating when needed) the store at `location` and runs its schema migrations:
//   "postgresql://..." or "postgres://..."  -> PostgreSQL (libpqxx)
//   "sqlite:PATH" or a plain PATH            -> SQLite file (WAL, foreign keys on)
// Throws StoreError naming the location and the problem.
std::unique_ptr<Store> open_store(const std::string& location);

}  // namespace imr
