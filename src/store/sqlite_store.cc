#include "store/sqlite_store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <SQLiteCpp/VariadicBind.h>
#include <sqlite3.h>

#include <mutex>
#include <unordered_map>

#include "store/schema.h"

namespace imr {

namespace {

class SqliteTx;

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const std::string& path)
      : path_(path), db_(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX) {
    db_.exec("PRAGMA journal_mode=WAL");
    db_.exec("PRAGMA synchronous=NORMAL");
    db_.exec("PRAGMA foreign_keys=ON");
    db_.exec("PRAGMA cache_size=-65536");  // 64 MiB: large stores keep their indexes in memory
    db_.setBusyTimeout(10000);
    migrate();
  }

  void transact(const std::function<void(StoreTx&)>& fn) override;
  std::string backend() const override { return "sqlite"; }
  int schema_version() const override { return version_; }

  // A prepared statement kept for the connection's life: preparing is most of the cost of a
  // small query, and bulk import runs the same few statements many times.
  SQLite::Statement& statement(const char* sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) it = cache_.emplace(sql, std::make_unique<SQLite::Statement>(db_, sql)).first;
    SQLite::Statement& s = *it->second;
    s.tryReset();  // reset() would throw again for a statement whose last step failed
    s.clearBindings();
    return s;
  }
  SQLite::Database& db() { return db_; }

 private:
  void migrate() {
    std::lock_guard lock(mutex_);
    db_.exec("BEGIN IMMEDIATE");
    try {
      db_.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
               "description TEXT NOT NULL)");
      int current = db_.execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").getInt();
      if (current > store_schema::latest_version())
        throw StoreError(path_ + ": schema version " + std::to_string(current) +
                         " is newer than this program knows (" +
                         std::to_string(store_schema::latest_version()) + "); upgrade imr");
      for (const auto& m : store_schema::migrations()) {
        if (m.version <= current) continue;
        db_.exec(m.sqlite);
        SQLite::Statement record(db_, "INSERT INTO schema_migrations (version, description) VALUES (?, ?)");
        record.bind(1, m.version);
        record.bind(2, m.description);
        record.exec();
        current = m.version;
      }
      version_ = current;
      db_.exec("COMMIT");
    } catch (...) {
      db_.exec("ROLLBACK");
      throw;
    }
  }

  std::string path_;
  SQLite::Database db_;
  std::mutex mutex_;
  int version_ = 0;
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> cache_;
  friend class SqliteTx;
};

std::string text(SQLite::Statement& s, int column) { return s.getColumn(column).getString(); }

CaseRow read_case(SQLite::Statement& s) {
  CaseRow row;
  row.id = text(s, 0);
  row.status = text(s, 1);
  row.expedited = s.getColumn(2).getInt() != 0;
  row.open = s.getColumn(3).getInt() != 0;
  row.consolidation_key = text(s, 4);
  row.reviewer_id = text(s, 5);
  row.received = text(s, 6);
  row.due = text(s, 7);
  row.due_what = text(s, 8);
  row.document = text(s, 9);
  row.version = s.getColumn(10).getInt64();
  return row;
}

#define CASE_COLUMNS "id, status, expedited, open, consolidation_key, reviewer_id, received, due, due_what, document, version"

class SqliteTx final : public StoreTx {
 public:
  explicit SqliteTx(SqliteStore& store) : store_(store) {}

  std::optional<CaseRow> find_case(const std::string& id) override {
    auto& s = store_.statement("SELECT " CASE_COLUMNS " FROM cases WHERE id = ?");
    s.bind(1, id);
    if (!s.executeStep()) return std::nullopt;
    return read_case(s);
  }

  std::optional<CaseRow> find_open_case_by_key(const std::string& key) override {
    auto& s = store_.statement("SELECT " CASE_COLUMNS
                               " FROM cases WHERE consolidation_key = ? AND open = 1 ORDER BY received, id LIMIT 1");
    s.bind(1, key);
    if (!s.executeStep()) return std::nullopt;
    return read_case(s);
  }

  void insert_case(const CaseRow& row) override {
    auto& s = store_.statement(
        "INSERT INTO cases (" CASE_COLUMNS ", due_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)");
    bind_case(s, row);
    s.bind(11, store_schema::due_order(row.due));
    try {
      s.exec();
    } catch (const SQLite::Exception& e) {
      if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY)
        throw ConflictError("case " + row.id + " already exists");
      throw;
    }
  }

  int64_t update_case(const CaseRow& row) override {
    auto& s = store_.statement(
        "UPDATE cases SET status = ?2, expedited = ?3, open = ?4, consolidation_key = ?5, reviewer_id = ?6, "
        "received = ?7, due = ?8, due_what = ?9, document = ?10, due_order = ?12, version = version + 1 "
        "WHERE id = ?1 AND version = ?11");
    bind_case(s, row);
    s.bind(11, row.version);
    s.bind(12, store_schema::due_order(row.due));
    if (s.exec() != 1) {
      if (!find_case(row.id)) throw ConflictError("case " + row.id + " does not exist");
      throw ConflictError("case " + row.id + " was changed by someone else (version " +
                          std::to_string(row.version) + " is stale)");
    }
    return row.version + 1;
  }

  std::vector<CaseRow> list_open_cases(const OpenCaseQuery& q) override {
    SQLite::Statement* s;
    if (q.reviewer_id.empty()) {
      s = &store_.statement("SELECT " CASE_COLUMNS
                            " FROM cases WHERE open = 1 ORDER BY due_order, id LIMIT ? OFFSET ?");
      s->bind(1, q.limit);
      s->bind(2, q.offset);
    } else {
      s = &store_.statement("SELECT " CASE_COLUMNS " FROM cases WHERE reviewer_id = ? AND open = 1 "
                            "ORDER BY due_order, id LIMIT ? OFFSET ?");
      s->bind(1, q.reviewer_id);
      s->bind(2, q.limit);
      s->bind(3, q.offset);
    }
    std::vector<CaseRow> out;
    while (s->executeStep()) out.push_back(read_case(*s));
    return out;
  }

  std::vector<CaseRow> list_cases(int limit, int offset) override {
    auto& s = store_.statement("SELECT " CASE_COLUMNS " FROM cases ORDER BY id LIMIT ? OFFSET ?");
    s.bind(1, limit);
    s.bind(2, offset);
    std::vector<CaseRow> out;
    while (s.executeStep()) out.push_back(read_case(s));
    return out;
  }

  int64_t count_open_cases(const std::string& reviewer_id) override {
    SQLite::Statement* s;
    if (reviewer_id.empty()) {
      s = &store_.statement("SELECT COUNT(*) FROM cases WHERE open = 1");
    } else {
      s = &store_.statement("SELECT COUNT(*) FROM cases WHERE reviewer_id = ? AND open = 1");
      s->bind(1, reviewer_id);
    }
    s->executeStep();
    return s->getColumn(0).getInt64();
  }

  std::map<std::string, ReviewerLoadRow> open_load_by_reviewer() override {
    auto& s = store_.statement(
        "SELECT reviewer_id, SUM(expedited), COUNT(*) FROM cases WHERE open = 1 AND reviewer_id <> '' "
        "GROUP BY reviewer_id");
    std::map<std::string, ReviewerLoadRow> out;
    while (s.executeStep()) out[text(s, 0)] = {s.getColumn(1).getInt(), s.getColumn(2).getInt()};
    return out;
  }

  int64_t next_sequence(const std::string& name) override {
    auto& s = store_.statement(
        "INSERT INTO sequences (name, value) VALUES (?, 1) "
        "ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value");
    s.bind(1, name);
    s.executeStep();
    int64_t value = s.getColumn(0).getInt64();
    while (s.executeStep()) {
    }
    return value;
  }

  std::optional<ApplicationRow> find_application(const std::string& id) override {
    auto& s = store_.statement("SELECT application_id, case_id, received, json FROM applications WHERE application_id = ?");
    s.bind(1, id);
    if (!s.executeStep()) return std::nullopt;
    return ApplicationRow{text(s, 0), text(s, 1), text(s, 2), text(s, 3)};
  }

  void insert_application(const ApplicationRow& row) override {
    auto& s = store_.statement("INSERT INTO applications (application_id, case_id, received, json) VALUES (?, ?, ?, ?)");
    SQLite::bind(s, row.application_id, row.case_id, row.received, row.json);
    try {
      s.exec();
    } catch (const SQLite::Exception& e) {
      if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY)
        throw ConflictError("application " + row.application_id + " is already stored");
      throw;
    }
  }

  std::vector<ApplicationRow> applications(const std::string& case_id) override {
    auto& s = store_.statement(
        "SELECT application_id, case_id, received, json FROM applications WHERE case_id = ? ORDER BY received, application_id");
    s.bind(1, case_id);
    std::vector<ApplicationRow> out;
    while (s.executeStep()) out.push_back({text(s, 0), text(s, 1), text(s, 2), text(s, 3)});
    return out;
  }

  int64_t insert_record(const RecordRow& row) override {
    auto& existing = store_.statement("SELECT id FROM records WHERE case_id = ? AND sha256 = ?");
    existing.bind(1, row.case_id);
    existing.bind(2, row.sha256);
    if (existing.executeStep()) return existing.getColumn(0).getInt64();
    auto& s = store_.statement(
        "INSERT INTO records (case_id, title, date, sender, received_at, media_type, source_name, text, "
        "content, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::bind(s, row.case_id, row.title, row.date, row.sender, row.received_at, row.media_type,
                 row.source_name, row.text);
    if (row.content.empty())
      s.bind(9);
    else
      s.bind(9, row.content.data(), static_cast<int>(row.content.size()));
    s.bind(10, row.sha256);
    s.exec();
    return store_.db().getLastInsertRowid();
  }

  std::vector<RecordRow> records(const std::string& case_id, bool with_content) override {
    auto& s = store_.statement(
        "SELECT id, case_id, title, date, sender, received_at, media_type, source_name, text, "
        "content, sha256 FROM records WHERE case_id = ? ORDER BY id");
    s.bind(1, case_id);
    std::vector<RecordRow> out;
    while (s.executeStep()) {
      RecordRow r;
      r.id = s.getColumn(0).getInt64();
      r.case_id = text(s, 1);
      r.title = text(s, 2);
      r.date = text(s, 3);
      r.sender = text(s, 4);
      r.received_at = text(s, 5);
      r.media_type = text(s, 6);
      r.source_name = text(s, 7);
      r.text = text(s, 8);
      if (with_content && !s.getColumn(9).isNull()) {
        auto column = s.getColumn(9);
        r.content.assign(static_cast<const char*>(column.getBlob()), column.getBytes());
      }
      r.sha256 = text(s, 10);
      out.push_back(std::move(r));
    }
    return out;
  }

  void append_event(const EventRow& row) override {
    auto& s = store_.statement("INSERT INTO events (case_id, kind, at, detail) VALUES (?, ?, ?, ?)");
    SQLite::bind(s, row.case_id, row.kind, row.at, row.detail);
    s.exec();
  }

  std::vector<EventRow> events(const std::string& case_id) override {
    auto& s = store_.statement("SELECT id, case_id, kind, at, detail FROM events WHERE case_id = ? ORDER BY id");
    s.bind(1, case_id);
    std::vector<EventRow> out;
    while (s.executeStep()) out.push_back({s.getColumn(0).getInt64(), text(s, 1), text(s, 2), text(s, 3), text(s, 4)});
    return out;
  }

  void append_signed(const SignedRow& row) override {
    auto& s = store_.statement(
        "INSERT INTO signed (case_id, sequence, signed_by, signed_at, reason, determination, letter_text) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    SQLite::bind(s, row.case_id, row.sequence, row.signed_by, row.signed_at, row.reason, row.determination,
                 row.letter_text);
    try {
      s.exec();
    } catch (const SQLite::Exception& e) {
      if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE)
        throw ConflictError("case " + row.case_id + " already has signed determination " +
                            std::to_string(row.sequence));
      throw;
    }
  }

  std::vector<SignedRow> signed_determinations(const std::string& case_id) override {
    auto& s = store_.statement(
        "SELECT id, case_id, sequence, signed_by, signed_at, reason, determination, letter_text "
        "FROM signed WHERE case_id = ? ORDER BY sequence");
    s.bind(1, case_id);
    std::vector<SignedRow> out;
    while (s.executeStep())
      out.push_back({s.getColumn(0).getInt64(), text(s, 1), s.getColumn(2).getInt(), text(s, 3), text(s, 4),
                     text(s, 5), text(s, 6), text(s, 7)});
    return out;
  }

  void append_audit(const AuditRow& row) override {
    auto& s = store_.statement("INSERT INTO audit (case_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)");
    SQLite::bind(s, row.case_id, row.at, row.actor, row.action, row.detail);
    s.exec();
  }

  std::vector<AuditRow> audit(const std::string& case_id) override {
    auto& s = store_.statement("SELECT id, case_id, at, actor, action, detail FROM audit WHERE case_id = ? ORDER BY id");
    s.bind(1, case_id);
    std::vector<AuditRow> out;
    while (s.executeStep())
      out.push_back({s.getColumn(0).getInt64(), text(s, 1), text(s, 2), text(s, 3), text(s, 4), text(s, 5)});
    return out;
  }

  void upsert_reviewer(const ReviewerRow& row) override {
    auto& s = store_.statement(
        "INSERT INTO reviewers (id, json, active) VALUES (?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET json = excluded.json, active = excluded.active");
    SQLite::bind(s, row.id, row.json, row.active ? 1 : 0);
    s.exec();
  }

  std::vector<ReviewerRow> reviewers() override {
    auto& s = store_.statement("SELECT id, json, active FROM reviewers ORDER BY id");
    std::vector<ReviewerRow> out;
    while (s.executeStep()) out.push_back({text(s, 0), text(s, 1), s.getColumn(2).getInt() != 0});
    return out;
  }

  void insert_user(const UserRow& row) override {
    auto& s = store_.statement(
        "INSERT INTO users (id, role, reviewer_id, password_hash, active, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    SQLite::bind(s, row.id, row.role, row.reviewer_id, row.password_hash, row.active ? 1 : 0, row.created_at);
    try {
      s.exec();
    } catch (const SQLite::Exception& e) {
      if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY)
        throw ConflictError("user " + row.id + " already exists");
      throw;
    }
  }

  bool update_user_password(const std::string& id, const std::string& password_hash) override {
    auto& s = store_.statement("UPDATE users SET password_hash = ? WHERE id = ?");
    s.bind(1, password_hash);
    s.bind(2, id);
    return s.exec() == 1;
  }

  bool update_user_active(const std::string& id, bool active) override {
    auto& s = store_.statement("UPDATE users SET active = ? WHERE id = ?");
    s.bind(1, active ? 1 : 0);
    s.bind(2, id);
    return s.exec() == 1;
  }

  std::optional<UserRow> find_user(const std::string& id) override {
    auto& s = store_.statement(
        "SELECT id, role, reviewer_id, password_hash, active, created_at FROM users WHERE id = ?");
    s.bind(1, id);
    if (!s.executeStep()) return std::nullopt;
    return read_user(s);
  }

  std::vector<UserRow> list_users() override {
    auto& s = store_.statement(
        "SELECT id, role, reviewer_id, password_hash, active, created_at FROM users ORDER BY id");
    std::vector<UserRow> out;
    while (s.executeStep()) out.push_back(read_user(s));
    return out;
  }

  void insert_session(const SessionRow& row) override {
    auto& s = store_.statement(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, revoked) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    SQLite::bind(s, row.token_hash, row.user_id, row.csrf_token, row.created_at, row.expires_at,
                 row.revoked ? 1 : 0);
    try {
      s.exec();
    } catch (const SQLite::Exception& e) {
      if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY)
        throw ConflictError("session already exists");
      throw;
    }
  }

  std::optional<SessionRow> find_session(const std::string& token_hash) override {
    auto& s = store_.statement(
        "SELECT token_hash, user_id, csrf_token, created_at, expires_at, revoked FROM sessions WHERE token_hash = ?");
    s.bind(1, token_hash);
    if (!s.executeStep()) return std::nullopt;
    return SessionRow{text(s, 0), text(s, 1), text(s, 2), text(s, 3), text(s, 4), s.getColumn(5).getInt() != 0};
  }

  bool revoke_session(const std::string& token_hash) override {
    auto& s = store_.statement("UPDATE sessions SET revoked = 1 WHERE token_hash = ?");
    s.bind(1, token_hash);
    return s.exec() == 1;
  }

  void record_login_attempt(const std::string& user_id, const std::string& at, bool ok) override {
    auto& s = store_.statement("INSERT INTO login_attempts (user_id, at, ok) VALUES (?, ?, ?)");
    SQLite::bind(s, user_id, at, ok ? 1 : 0);
    s.exec();
  }

  int64_t count_failed_logins_since(const std::string& user_id, const std::string& iso_time) override {
    auto& s = store_.statement("SELECT COUNT(*) FROM login_attempts WHERE user_id = ? AND at >= ? AND ok = 0");
    s.bind(1, user_id);
    s.bind(2, iso_time);
    s.executeStep();
    return s.getColumn(0).getInt64();
  }

 private:
  static UserRow read_user(SQLite::Statement& s) {
    return UserRow{text(s, 0), text(s, 1), text(s, 2), text(s, 3), s.getColumn(4).getInt() != 0, text(s, 5)};
  }

  static void bind_case(SQLite::Statement& s, const CaseRow& row) {
    SQLite::bind(s, row.id, row.status, row.expedited ? 1 : 0, row.open ? 1 : 0, row.consolidation_key,
                 row.reviewer_id, row.received, row.due, row.due_what, row.document);
  }

  SqliteStore& store_;
};

void SqliteStore::transact(const std::function<void(StoreTx&)>& fn) {
  std::lock_guard lock(mutex_);
  // A statement left part-way through its rows keeps a read snapshot open; finish them all
  // before and after each transaction.
  auto reset_all = [this] {
    for (auto& entry : cache_) entry.second->tryReset();
  };
  auto rollback = [&] {
    reset_all();
    try {
      db_.exec("ROLLBACK");
    } catch (const SQLite::Exception&) {
      // Already rolled back by SQLite itself (e.g. after SQLITE_FULL): nothing left to undo.
    }
  };
  try {
    db_.exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    throw StoreError(path_ + ": cannot start a transaction: " + e.what());
  }
  try {
    SqliteTx tx(*this);
    fn(tx);
    reset_all();
    db_.exec("COMMIT");
  } catch (const SQLite::Exception& e) {
    rollback();
    throw StoreError(path_ + ": " + e.what());
  } catch (...) {
    rollback();
    throw;
  }
}

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path) {
  try {
    return std::make_unique<SqliteStore>(path);
  } catch (const SQLite::Exception& e) {
    throw StoreError(path + ": cannot open the case store: " + e.what());
  }
}

}  // namespace imr
