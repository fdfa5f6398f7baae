#include "store/sql_case_store.h"

#include <stdexcept>

#include "store/schema.h"

namespace imr {

namespace {

using sql::Param;
using sql::Row;
using Params = std::vector<Param>;

#define CASE_COLUMNS "id, status, expedited, open, consolidation_key, reviewer_id, received, due, due_what, document, version"
#define RECORD_COLUMNS "id, case_id, title, date, sender, received_at, media_type, source_name, text, sha256"
#define USER_COLUMNS "id, role, reviewer_id, password_hash, active, created_at"
#define SESSION_COLUMNS "token_hash, user_id, csrf_token, created_at, expires_at, revoked"

CaseRow read_case(const Row& r) {
  return CaseRow{r.text(0), r.text(1), r.flag(2), r.flag(3), r.text(4), r.text(5),
                 r.text(6), r.text(7), r.text(8), r.text(9), r.integer(10)};
}

ApplicationRow read_application(const Row& r) { return {r.text(0), r.text(1), r.text(2), r.text(3)}; }

// RECORD_COLUMNS, then the content (NULL when not asked for).
RecordRow read_record(const Row& r) {
  return RecordRow{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6),
                   r.text(7),    r.text(8), r.is_null(10) ? "" : r.blob(10), r.text(9)};
}

UserRow read_user(const Row& r) { return {r.text(0), r.text(1), r.text(2), r.text(3), r.flag(4), r.text(5)}; }

SessionRow read_session(const Row& r) { return {r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.flag(5)}; }

// The case's columns in CASE_COLUMNS order up to document, then the due-date sort key.
Params case_params(const CaseRow& row) {
  return {row.id, row.status, row.expedited, row.open, row.consolidation_key, row.reviewer_id, row.received,
          row.due, row.due_what, row.document};
}

class SqlStoreTx final : public StoreTx {
 public:
  explicit SqlStoreTx(sql::Session& session) : s_(session) {}

  std::optional<CaseRow> find_case(const std::string& id) override {
    return one<CaseRow>("SELECT " CASE_COLUMNS " FROM cases WHERE id = ?", {id}, read_case);
  }

  std::optional<CaseRow> find_open_case_by_key(const std::string& key) override {
    return one<CaseRow>("SELECT " CASE_COLUMNS
                        " FROM cases WHERE consolidation_key = ? AND open = 1 ORDER BY received, id LIMIT 1",
                        {key}, read_case);
  }

  void insert_case(const CaseRow& row) override {
    Params p = case_params(row);
    p.emplace_back(store_schema::due_order(row.due));
    if (s_.run("INSERT INTO cases (" CASE_COLUMNS ", due_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) "
               "ON CONFLICT (id) DO NOTHING",
               p) != 1)
      throw ConflictError("case " + row.id + " already exists");
  }

  int64_t update_case(const CaseRow& row) override {
    const Params columns = case_params(row);
    Params p(columns.begin() + 1, columns.end());  // all but the id
    p.emplace_back(store_schema::due_order(row.due));
    p.emplace_back(row.id);
    p.emplace_back(row.version);
    if (s_.run("UPDATE cases SET status = ?, expedited = ?, open = ?, consolidation_key = ?, "
               "reviewer_id = ?, received = ?, due = ?, due_what = ?, document = ?, due_order = ?, "
               "version = version + 1 WHERE id = ? AND version = ?",
               p) != 1) {
      if (!find_case(row.id)) throw ConflictError("case " + row.id + " does not exist");
      throw ConflictError("case " + row.id + " was changed by someone else (version " + std::to_string(row.version) +
                          " is stale)");
    }
    return row.version + 1;
  }

  std::vector<CaseRow> list_open_cases(const OpenCaseQuery& q) override {
    check_page(q.limit, q.offset);
    if (q.reviewer_id.empty())
      return s_.rows<CaseRow>("SELECT " CASE_COLUMNS " FROM cases WHERE open = 1 ORDER BY due_order, id LIMIT ? OFFSET ?",
                              {q.limit, q.offset}, read_case);
    return s_.rows<CaseRow>("SELECT " CASE_COLUMNS " FROM cases WHERE reviewer_id = ? AND open = 1 "
                            "ORDER BY due_order, id LIMIT ? OFFSET ?",
                            {q.reviewer_id, q.limit, q.offset}, read_case);
  }

  int64_t count_open_cases(const std::string& reviewer_id) override {
    if (reviewer_id.empty()) return s_.integer("SELECT COUNT(*) FROM cases WHERE open = 1", {});
    return s_.integer("SELECT COUNT(*) FROM cases WHERE reviewer_id = ? AND open = 1", {reviewer_id});
  }

  std::vector<CaseRow> list_cases(int limit, int offset) override {
    check_page(limit, offset);
    return s_.rows<CaseRow>("SELECT " CASE_COLUMNS " FROM cases ORDER BY id LIMIT ? OFFSET ?", {limit, offset},
                            read_case);
  }

  std::map<std::string, ReviewerLoadRow> open_load_by_reviewer() override {
    std::map<std::string, ReviewerLoadRow> out;
    s_.run("SELECT reviewer_id, SUM(expedited), COUNT(*) FROM cases WHERE open = 1 AND reviewer_id <> '' "
           "GROUP BY reviewer_id",
           {}, [&](const Row& r) {
             out[r.text(0)] = {static_cast<int>(r.integer(1)), static_cast<int>(r.integer(2))};
           });
    return out;
  }

  int64_t next_sequence(const std::string& name) override {
    return s_.integer("INSERT INTO sequences AS s (name, value) VALUES (?, 1) "
                      "ON CONFLICT (name) DO UPDATE SET value = s.value + 1 RETURNING value",
                      {name});
  }

  std::optional<ApplicationRow> find_application(const std::string& id) override {
    return one<ApplicationRow>(
        "SELECT application_id, case_id, received, json FROM applications WHERE application_id = ?", {id},
        read_application);
  }

  void insert_application(const ApplicationRow& row) override {
    if (s_.run("INSERT INTO applications (application_id, case_id, received, json) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (application_id) DO NOTHING",
               {row.application_id, row.case_id, row.received, row.json}) != 1)
      throw ConflictError("application " + row.application_id + " is already stored");
  }

  std::vector<ApplicationRow> applications(const std::string& case_id) override {
    return s_.rows<ApplicationRow>("SELECT application_id, case_id, received, json FROM applications "
                                   "WHERE case_id = ? ORDER BY received, application_id",
                                   {case_id}, read_application);
  }

  int64_t insert_record(const RecordRow& row) override {
    // The same file on the same case again: nothing inserted (a concurrent insert of it is
    // waited for by PostgreSQL's ON CONFLICT), and the stored record's id is the answer.
    const int64_t inserted = s_.integer(
        "INSERT INTO records (case_id, title, date, sender, received_at, media_type, source_name, text, content, "
        "sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, sha256) DO NOTHING RETURNING id",
        {row.case_id, row.title, row.date, row.sender, row.received_at, row.media_type, row.source_name, row.text,
         Param::blob(row.content), row.sha256},
        0);
    if (inserted != 0) return inserted;
    return s_.integer("SELECT id FROM records WHERE case_id = ? AND sha256 = ?", {row.case_id, row.sha256});
  }

  std::vector<RecordRow> records(const std::string& case_id, bool with_content) override {
    if (with_content)
      return s_.rows<RecordRow>("SELECT " RECORD_COLUMNS ", content FROM records WHERE case_id = ? ORDER BY id",
                                {case_id}, read_record);
    return s_.rows<RecordRow>("SELECT " RECORD_COLUMNS ", NULL FROM records WHERE case_id = ? ORDER BY id",
                              {case_id}, read_record);
  }

  void append_event(const EventRow& row) override {
    s_.run("INSERT INTO events (case_id, kind, at, detail) VALUES (?, ?, ?, ?)",
           {row.case_id, row.kind, row.at, row.detail});
  }

  std::vector<EventRow> events(const std::string& case_id) override {
    return s_.rows<EventRow>("SELECT id, case_id, kind, at, detail FROM events WHERE case_id = ? ORDER BY id",
                             {case_id}, [](const Row& r) {
                               return EventRow{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4)};
                             });
  }

  void append_signed(const SignedRow& row) override {
    if (s_.run("INSERT INTO signed (case_id, sequence, signed_by, signed_at, reason, determination, letter_text) "
               "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, sequence) DO NOTHING",
               {row.case_id, row.sequence, row.signed_by, row.signed_at, row.reason, row.determination,
                row.letter_text}) != 1)
      throw ConflictError("case " + row.case_id + " already has signed determination " + std::to_string(row.sequence));
  }

  std::vector<SignedRow> signed_determinations(const std::string& case_id) override {
    return s_.rows<SignedRow>(
        "SELECT id, case_id, sequence, signed_by, signed_at, reason, determination, letter_text "
        "FROM signed WHERE case_id = ? ORDER BY sequence",
        {case_id}, [](const Row& r) {
          return SignedRow{r.integer(0), r.text(1), static_cast<int>(r.integer(2)), r.text(3), r.text(4),
                           r.text(5),    r.text(6), r.text(7)};
        });
  }

  void append_audit(const AuditRow& row) override {
    s_.run("INSERT INTO audit (case_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)",
           {row.case_id, row.at, row.actor, row.action, row.detail});
  }

  std::vector<AuditRow> audit(const std::string& case_id) override {
    return s_.rows<AuditRow>("SELECT id, case_id, at, actor, action, detail FROM audit WHERE case_id = ? ORDER BY id",
                             {case_id}, [](const Row& r) {
                               return AuditRow{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5)};
                             });
  }

  void upsert_reviewer(const ReviewerRow& row) override {
    s_.run("INSERT INTO reviewers (id, json, active) VALUES (?, ?, ?) "
           "ON CONFLICT (id) DO UPDATE SET json = excluded.json, active = excluded.active",
           {row.id, row.json, row.active});
  }

  std::vector<ReviewerRow> reviewers() override {
    return s_.rows<ReviewerRow>("SELECT id, json, active FROM reviewers ORDER BY id", {}, [](const Row& r) {
      return ReviewerRow{r.text(0), r.text(1), r.flag(2)};
    });
  }

  void insert_user(const UserRow& row) override {
    if (s_.run("INSERT INTO users (" USER_COLUMNS ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
               {row.id, row.role, row.reviewer_id, row.password_hash, row.active, row.created_at}) != 1)
      throw ConflictError("user " + row.id + " already exists");
  }

  bool update_user_password(const std::string& id, const std::string& password_hash) override {
    return s_.run("UPDATE users SET password_hash = ? WHERE id = ?", {password_hash, id}) == 1;
  }

  bool update_user_active(const std::string& id, bool active) override {
    return s_.run("UPDATE users SET active = ? WHERE id = ?", {active, id}) == 1;
  }

  std::optional<UserRow> find_user(const std::string& id) override {
    return one<UserRow>("SELECT " USER_COLUMNS " FROM users WHERE id = ?", {id}, read_user);
  }

  std::vector<UserRow> list_users() override {
    return s_.rows<UserRow>("SELECT " USER_COLUMNS " FROM users ORDER BY id", {}, read_user);
  }

  void insert_session(const SessionRow& row) override {
    if (s_.run("INSERT INTO sessions (" SESSION_COLUMNS ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (token_hash) DO NOTHING",
               {row.token_hash, row.user_id, row.csrf_token, row.created_at, row.expires_at, row.revoked}) != 1)
      throw ConflictError("session already exists");
  }

  std::optional<SessionRow> find_session(const std::string& token_hash) override {
    return one<SessionRow>("SELECT " SESSION_COLUMNS " FROM sessions WHERE token_hash = ?", {token_hash},
                           read_session);
  }

  bool revoke_session(const std::string& token_hash) override {
    return s_.run("UPDATE sessions SET revoked = 1 WHERE token_hash = ?", {token_hash}) == 1;
  }

  void record_login_attempt(const std::string& user_id, const std::string& at, bool ok) override {
    s_.run("INSERT INTO login_attempts (user_id, at, ok) VALUES (?, ?, ?)", {user_id, at, ok});
  }

  int64_t count_failed_logins_since(const std::string& user_id, const std::string& iso_time) override {
    return s_.integer("SELECT COUNT(*) FROM login_attempts WHERE user_id = ? AND at >= ? AND ok = 0",
                      {user_id, iso_time});
  }

 private:
  template <typename T, typename Read>
  std::optional<T> one(std::string_view sql, const Params& params, Read read) {
    auto rows = s_.rows<T>(sql, params, read);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }

  sql::Session& s_;
};

class SqlCaseStore final : public Store {
 public:
  explicit SqlCaseStore(std::unique_ptr<sql::Database> database) : db_(std::move(database)) {
    db_->transact([&](sql::Session& s) {
      version_ = sql::run_migrations(s, "schema_migrations", store_schema::migrations(), db_->shown());
    });
  }

  void transact(const std::function<void(StoreTx&)>& fn) override {
    db_->transact([&](sql::Session& s) {
      SqlStoreTx tx(s);
      fn(tx);
    });
  }
  std::string backend() const override { return db_->backend(); }
  int schema_version() const override { return version_; }

 private:
  std::unique_ptr<sql::Database> db_;
  int version_ = 0;
};

}  // namespace

void check_page(int limit, int offset) {
  if (limit < 0 || offset < 0)
    throw std::invalid_argument("a listing needs a limit and offset of 0 or more (given " + std::to_string(limit) +
                                ", " + std::to_string(offset) + ")");
}

std::unique_ptr<Store> open_case_store(std::unique_ptr<sql::Database> database) {
  return std::make_unique<SqlCaseStore>(std::move(database));
}

}  // namespace imr
