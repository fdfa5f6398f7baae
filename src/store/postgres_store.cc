#include "store/postgres_store.h"

#include <condition_variable>
#include <mutex>
#include <pqxx/pqxx>
#include <utility>
#include <vector>

#include "store/schema.h"

namespace imr {

namespace {

#define CASE_COLUMNS "id, status, expedited, open, consolidation_key, reviewer_id, received, due, due_what, document, version"
#define RECORD_COLUMNS "id, case_id, title, date, sender, received_at, media_type, source_name, text"

// Every statement the backend runs more than once, prepared on each pooled connection.
struct Statement {
  const char* name;
  const char* sql;
};

const Statement kStatements[] = {
    {"find_case", "SELECT " CASE_COLUMNS " FROM cases WHERE id = $1"},
    {"find_open_case_by_key",
     "SELECT " CASE_COLUMNS " FROM cases WHERE consolidation_key = $1 AND open = 1 ORDER BY received, id LIMIT 1"},
    {"insert_case",
     "INSERT INTO cases (" CASE_COLUMNS ", due_order) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11) "
     "ON CONFLICT (id) DO NOTHING"},
    {"update_case",
     "UPDATE cases SET status = $2, expedited = $3, open = $4, consolidation_key = $5, reviewer_id = $6, "
     "received = $7, due = $8, due_what = $9, document = $10, due_order = $12, version = version + 1 "
     "WHERE id = $1 AND version = $11"},
    {"list_open_cases", "SELECT " CASE_COLUMNS " FROM cases WHERE open = 1 ORDER BY due_order, id LIMIT $1 OFFSET $2"},
    {"list_open_cases_of",
     "SELECT " CASE_COLUMNS " FROM cases WHERE reviewer_id = $1 AND open = 1 ORDER BY due_order, id LIMIT $2 OFFSET $3"},
    {"list_cases", "SELECT " CASE_COLUMNS " FROM cases ORDER BY id LIMIT $1 OFFSET $2"},
    {"count_open_cases", "SELECT COUNT(*) FROM cases WHERE open = 1"},
    {"count_open_cases_of", "SELECT COUNT(*) FROM cases WHERE reviewer_id = $1 AND open = 1"},
    {"open_load_by_reviewer",
     "SELECT reviewer_id, SUM(expedited), COUNT(*) FROM cases WHERE open = 1 AND reviewer_id <> '' "
     "GROUP BY reviewer_id"},
    {"next_sequence",
     "INSERT INTO sequences AS s (name, value) VALUES ($1, 1) "
     "ON CONFLICT (name) DO UPDATE SET value = s.value + 1 RETURNING value"},
    {"find_application", "SELECT application_id, case_id, received, json FROM applications WHERE application_id = $1"},
    {"insert_application",
     "INSERT INTO applications (application_id, case_id, received, json) VALUES ($1, $2, $3, $4) "
     "ON CONFLICT (application_id) DO NOTHING"},
    {"applications",
     "SELECT application_id, case_id, received, json FROM applications WHERE case_id = $1 "
     "ORDER BY received, application_id"},
    {"insert_record",
     "INSERT INTO records (case_id, title, date, sender, received_at, media_type, source_name, text, content, "
     "sha256) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (case_id, sha256) DO NOTHING RETURNING id"},
    {"find_record", "SELECT id FROM records WHERE case_id = $1 AND sha256 = $2"},
    {"records_with_content", "SELECT " RECORD_COLUMNS ", sha256, content FROM records WHERE case_id = $1 ORDER BY id"},
    {"records", "SELECT " RECORD_COLUMNS ", sha256 FROM records WHERE case_id = $1 ORDER BY id"},
    {"append_event", "INSERT INTO events (case_id, kind, at, detail) VALUES ($1, $2, $3, $4)"},
    {"events", "SELECT id, case_id, kind, at, detail FROM events WHERE case_id = $1 ORDER BY id"},
    {"append_signed",
     "INSERT INTO signed (case_id, sequence, signed_by, signed_at, reason, determination, letter_text) "
     "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (case_id, sequence) DO NOTHING"},
    {"signed",
     "SELECT id, case_id, sequence, signed_by, signed_at, reason, determination, letter_text "
     "FROM signed WHERE case_id = $1 ORDER BY sequence"},
    {"append_audit", "INSERT INTO audit (case_id, at, actor, action, detail) VALUES ($1, $2, $3, $4, $5)"},
    {"audit", "SELECT id, case_id, at, actor, action, detail FROM audit WHERE case_id = $1 ORDER BY id"},
    {"upsert_reviewer",
     "INSERT INTO reviewers (id, json, active) VALUES ($1, $2, $3) "
     "ON CONFLICT (id) DO UPDATE SET json = excluded.json, active = excluded.active"},
    {"reviewers", "SELECT id, json, active FROM reviewers ORDER BY id"},
    {"insert_user",
     "INSERT INTO users (id, role, reviewer_id, password_hash, active, created_at) VALUES ($1, $2, $3, $4, $5, $6) "
     "ON CONFLICT (id) DO NOTHING"},
    {"update_user_password", "UPDATE users SET password_hash = $2 WHERE id = $1"},
    {"update_user_active", "UPDATE users SET active = $2 WHERE id = $1"},
    {"find_user", "SELECT id, role, reviewer_id, password_hash, active, created_at FROM users WHERE id = $1"},
    {"list_users", "SELECT id, role, reviewer_id, password_hash, active, created_at FROM users ORDER BY id"},
    {"insert_session",
     "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, revoked) "
     "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (token_hash) DO NOTHING"},
    {"find_session",
     "SELECT token_hash, user_id, csrf_token, created_at, expires_at, revoked FROM sessions WHERE token_hash = $1"},
    {"revoke_session", "UPDATE sessions SET revoked = 1 WHERE token_hash = $1"},
    {"record_login_attempt", "INSERT INTO login_attempts (user_id, at, ok) VALUES ($1, $2, $3)"},
    {"count_failed_logins_since", "SELECT COUNT(*) FROM login_attempts WHERE user_id = $1 AND at >= $2 AND ok = 0"},
};

constexpr int kMaxConnections = 8;

// libpq messages end with a newline and sometimes carry a DETAIL line: keep them on one line.
std::string one_line(std::string message) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  for (char& c : message)
    if (c == '\n' || c == '\t') c = ' ';
  return message;
}

class PgStore final : public Store {
 public:
  explicit PgStore(const std::string& url) : url_(url), shown_(redact_postgres_url(url)) {
    Lease lease(*this);
    migrate(lease.connection());
  }

  void transact(const std::function<void(StoreTx&)>& fn) override;
  std::string backend() const override { return "postgresql"; }
  int schema_version() const override { return version_; }

  // Turns a libpqxx error into the store's: a uniqueness rule -> ConflictError, anything
  // else -> StoreError naming the (redacted) URL.
  template <typename F>
  auto guard(F&& f) -> decltype(f()) {
    try {
      return f();
    } catch (const pqxx::unique_violation& e) {
      throw ConflictError(shown_ + ": " + one_line(e.what()));
    } catch (const pqxx::broken_connection& e) {
      throw StoreError(shown_ + ": lost the connection: " + one_line(e.what()));
    } catch (const pqxx::failure& e) {
      throw StoreError(shown_ + ": " + one_line(e.what()));
    } catch (const pqxx::conversion_error& e) {
      throw StoreError(shown_ + ": unexpected value: " + one_line(e.what()));
    }
  }

 private:
  // A pooled connection, returned to the pool (or closed when broken) at scope exit.
  class Lease {
   public:
    explicit Lease(PgStore& store) : store_(store), connection_(store.acquire()) {}
    ~Lease() { store_.release(std::move(connection_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    pqxx::connection& connection() { return *connection_; }

   private:
    PgStore& store_;
    std::unique_ptr<pqxx::connection> connection_;
  };

  std::unique_ptr<pqxx::connection> acquire() {
    {
      std::unique_lock lock(mutex_);
      available_.wait(lock, [this] { return !idle_.empty() || open_ < kMaxConnections; });
      if (!idle_.empty()) {
        auto connection = std::move(idle_.back());
        idle_.pop_back();
        return connection;
      }
      ++open_;
    }
    try {
      return connect();
    } catch (...) {
      std::lock_guard lock(mutex_);
      --open_;
      available_.notify_one();
      throw;
    }
  }

  void release(std::unique_ptr<pqxx::connection> connection) {
    std::lock_guard lock(mutex_);
    if (connection && connection->is_open())
      idle_.push_back(std::move(connection));
    else
      --open_;
    available_.notify_one();
  }

  std::unique_ptr<pqxx::connection> connect() {
    try {
      auto connection = std::make_unique<pqxx::connection>(url_);
      pqxx::nontransaction setup(*connection);
      setup.exec("SET client_min_messages TO warning");  // no NOTICEs on stderr
      setup.commit();
      if (version_ > 0) prepare(*connection);
      return connection;
    } catch (const pqxx::broken_connection& e) {
      throw StoreError(shown_ + ": cannot connect to the case store: " + one_line(e.what()));
    } catch (const pqxx::failure& e) {
      throw StoreError(shown_ + ": cannot open the case store: " + one_line(e.what()));
    } catch (const std::invalid_argument& e) {  // libpq refused the URL itself
      throw StoreError(shown_ + ": bad connection URL: " + one_line(e.what()));
    }
  }

  static void prepare(pqxx::connection& connection) {
    for (const auto& s : kStatements) connection.prepare(s.name, s.sql);
  }

  void migrate(pqxx::connection& connection) {
    guard([&] {
      pqxx::work w(connection);
      // One migrator per schema at a time; the lock ends with the transaction.
      w.exec("SELECT pg_advisory_xact_lock(7419, hashtext(COALESCE(current_schema(), '')))");
      w.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
             "description TEXT NOT NULL)");
      int current = w.exec1("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")[0].as<int>();
      if (current > store_schema::latest_version())
        throw StoreError(shown_ + ": schema version " + std::to_string(current) +
                         " is newer than this program knows (" +
                         std::to_string(store_schema::latest_version()) + "); upgrade imr");
      for (const auto& m : store_schema::migrations()) {
        if (m.version <= current) continue;
        w.exec(m.postgresql);
        w.exec_params0("INSERT INTO schema_migrations (version, description) VALUES ($1, $2)", m.version,
                       m.description);
        current = m.version;
      }
      w.commit();
      version_ = current;
    });
    prepare(connection);
  }

  std::string url_;
  std::string shown_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  int open_ = 0;     // connections in the pool or leased
  int version_ = 0;  // set once by the constructor
};

std::string str(const pqxx::field& f) { return f.as<std::string>(); }

CaseRow read_case(const pqxx::row& r) {
  CaseRow row;
  row.id = str(r[0]);
  row.status = str(r[1]);
  row.expedited = r[2].as<int>() != 0;
  row.open = r[3].as<int>() != 0;
  row.consolidation_key = str(r[4]);
  row.reviewer_id = str(r[5]);
  row.received = str(r[6]);
  row.due = str(r[7]);
  row.due_what = str(r[8]);
  row.document = str(r[9]);
  row.version = r[10].as<int64_t>();
  return row;
}

std::vector<CaseRow> read_cases(const pqxx::result& result) {
  std::vector<CaseRow> out;
  out.reserve(result.size());
  for (const auto& r : result) out.push_back(read_case(r));
  return out;
}

class PgTx final : public StoreTx {
 public:
  PgTx(PgStore& store, pqxx::work& work) : store_(store), w_(work) {}

  std::optional<CaseRow> find_case(const std::string& id) override {
    return store_.guard([&]() -> std::optional<CaseRow> {
      auto result = w_.exec_prepared("find_case", id);
      if (result.empty()) return std::nullopt;
      return read_case(result[0]);
    });
  }

  std::optional<CaseRow> find_open_case_by_key(const std::string& key) override {
    return store_.guard([&]() -> std::optional<CaseRow> {
      auto result = w_.exec_prepared("find_open_case_by_key", key);
      if (result.empty()) return std::nullopt;
      return read_case(result[0]);
    });
  }

  void insert_case(const CaseRow& row) override {
    auto inserted = store_.guard([&] {
      return w_.exec_prepared("insert_case", row.id, row.status, row.expedited ? 1 : 0, row.open ? 1 : 0,
                              row.consolidation_key, row.reviewer_id, row.received, row.due, row.due_what,
                              row.document, store_schema::due_order(row.due))
          .affected_rows();
    });
    if (inserted != 1) throw ConflictError("case " + row.id + " already exists");
  }

  int64_t update_case(const CaseRow& row) override {
    auto updated = store_.guard([&] {
      return w_.exec_prepared("update_case", row.id, row.status, row.expedited ? 1 : 0, row.open ? 1 : 0,
                              row.consolidation_key, row.reviewer_id, row.received, row.due, row.due_what,
                              row.document, row.version, store_schema::due_order(row.due))
          .affected_rows();
    });
    if (updated != 1) {
      if (!find_case(row.id)) throw ConflictError("case " + row.id + " does not exist");
      throw ConflictError("case " + row.id + " was changed by someone else (version " +
                          std::to_string(row.version) + " is stale)");
    }
    return row.version + 1;
  }

  std::vector<CaseRow> list_open_cases(const OpenCaseQuery& q) override {
    return store_.guard([&] {
      if (q.reviewer_id.empty()) return read_cases(w_.exec_prepared("list_open_cases", q.limit, q.offset));
      return read_cases(w_.exec_prepared("list_open_cases_of", q.reviewer_id, q.limit, q.offset));
    });
  }

  std::vector<CaseRow> list_cases(int limit, int offset) override {
    return store_.guard([&] { return read_cases(w_.exec_prepared("list_cases", limit, offset)); });
  }

  int64_t count_open_cases(const std::string& reviewer_id) override {
    return store_.guard([&] {
      auto r = reviewer_id.empty() ? w_.exec_prepared1("count_open_cases")
                                   : w_.exec_prepared1("count_open_cases_of", reviewer_id);
      return r[0].as<int64_t>();
    });
  }

  std::map<std::string, ReviewerLoadRow> open_load_by_reviewer() override {
    return store_.guard([&] {
      std::map<std::string, ReviewerLoadRow> out;
      for (const auto& r : w_.exec_prepared("open_load_by_reviewer"))
        out[str(r[0])] = {r[1].as<int>(), r[2].as<int>()};
      return out;
    });
  }

  int64_t next_sequence(const std::string& name) override {
    return store_.guard([&] { return w_.exec_prepared1("next_sequence", name)[0].as<int64_t>(); });
  }

  std::optional<ApplicationRow> find_application(const std::string& id) override {
    return store_.guard([&]() -> std::optional<ApplicationRow> {
      auto result = w_.exec_prepared("find_application", id);
      if (result.empty()) return std::nullopt;
      const auto& r = result[0];
      return ApplicationRow{str(r[0]), str(r[1]), str(r[2]), str(r[3])};
    });
  }

  void insert_application(const ApplicationRow& row) override {
    auto inserted = store_.guard([&] {
      return w_.exec_prepared("insert_application", row.application_id, row.case_id, row.received, row.json)
          .affected_rows();
    });
    if (inserted != 1) throw ConflictError("application " + row.application_id + " is already stored");
  }

  std::vector<ApplicationRow> applications(const std::string& case_id) override {
    return store_.guard([&] {
      std::vector<ApplicationRow> out;
      for (const auto& r : w_.exec_prepared("applications", case_id))
        out.push_back({str(r[0]), str(r[1]), str(r[2]), str(r[3])});
      return out;
    });
  }

  int64_t insert_record(const RecordRow& row) override {
    return store_.guard([&] {
      // A concurrent insert of the same file: ON CONFLICT waits for it, then the lookup sees it.
      auto inserted =
          row.content.empty()
              ? w_.exec_prepared("insert_record", row.case_id, row.title, row.date, row.sender, row.received_at,
                                 row.media_type, row.source_name, row.text, nullptr, row.sha256)
              : w_.exec_prepared("insert_record", row.case_id, row.title, row.date, row.sender, row.received_at,
                                 row.media_type, row.source_name, row.text,
                                 pqxx::binarystring(row.content.data(), row.content.size()), row.sha256);
      if (!inserted.empty()) return inserted[0][0].as<int64_t>();
      return w_.exec_prepared1("find_record", row.case_id, row.sha256)[0].as<int64_t>();
    });
  }

  std::vector<RecordRow> records(const std::string& case_id, bool with_content) override {
    return store_.guard([&] {
      std::vector<RecordRow> out;
      for (const auto& r : w_.exec_prepared(with_content ? "records_with_content" : "records", case_id)) {
        RecordRow row;
        row.id = r[0].as<int64_t>();
        row.case_id = str(r[1]);
        row.title = str(r[2]);
        row.date = str(r[3]);
        row.sender = str(r[4]);
        row.received_at = str(r[5]);
        row.media_type = str(r[6]);
        row.source_name = str(r[7]);
        row.text = str(r[8]);
        row.sha256 = str(r[9]);
        if (with_content && !r[10].is_null()) row.content = pqxx::binarystring(r[10]).str();
        out.push_back(std::move(row));
      }
      return out;
    });
  }

  void append_event(const EventRow& row) override {
    store_.guard([&] { w_.exec_prepared0("append_event", row.case_id, row.kind, row.at, row.detail); });
  }

  std::vector<EventRow> events(const std::string& case_id) override {
    return store_.guard([&] {
      std::vector<EventRow> out;
      for (const auto& r : w_.exec_prepared("events", case_id))
        out.push_back({r[0].as<int64_t>(), str(r[1]), str(r[2]), str(r[3]), str(r[4])});
      return out;
    });
  }

  void append_signed(const SignedRow& row) override {
    auto inserted = store_.guard([&] {
      return w_.exec_prepared("append_signed", row.case_id, row.sequence, row.signed_by, row.signed_at, row.reason,
                              row.determination, row.letter_text)
          .affected_rows();
    });
    if (inserted != 1)
      throw ConflictError("case " + row.case_id + " already has signed determination " +
                          std::to_string(row.sequence));
  }

  std::vector<SignedRow> signed_determinations(const std::string& case_id) override {
    return store_.guard([&] {
      std::vector<SignedRow> out;
      for (const auto& r : w_.exec_prepared("signed", case_id))
        out.push_back({r[0].as<int64_t>(), str(r[1]), r[2].as<int>(), str(r[3]), str(r[4]), str(r[5]), str(r[6]),
                       str(r[7])});
      return out;
    });
  }

  void append_audit(const AuditRow& row) override {
    store_.guard([&] { w_.exec_prepared0("append_audit", row.case_id, row.at, row.actor, row.action, row.detail); });
  }

  std::vector<AuditRow> audit(const std::string& case_id) override {
    return store_.guard([&] {
      std::vector<AuditRow> out;
      for (const auto& r : w_.exec_prepared("audit", case_id))
        out.push_back({r[0].as<int64_t>(), str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5])});
      return out;
    });
  }

  void upsert_reviewer(const ReviewerRow& row) override {
    store_.guard([&] { w_.exec_prepared0("upsert_reviewer", row.id, row.json, row.active ? 1 : 0); });
  }

  std::vector<ReviewerRow> reviewers() override {
    return store_.guard([&] {
      std::vector<ReviewerRow> out;
      for (const auto& r : w_.exec_prepared("reviewers")) out.push_back({str(r[0]), str(r[1]), r[2].as<int>() != 0});
      return out;
    });
  }

  void insert_user(const UserRow& row) override {
    auto inserted = store_.guard([&] {
      return w_.exec_prepared("insert_user", row.id, row.role, row.reviewer_id, row.password_hash, row.active ? 1 : 0,
                              row.created_at)
          .affected_rows();
    });
    if (inserted != 1) throw ConflictError("user " + row.id + " already exists");
  }

  bool update_user_active(const std::string& id, bool active) override {
    return store_.guard([&] { return w_.exec_prepared("update_user_active", id, active ? 1 : 0).affected_rows() == 1; });
  }

  bool update_user_password(const std::string& id, const std::string& password_hash) override {
    return store_.guard([&] { return w_.exec_prepared("update_user_password", id, password_hash).affected_rows() == 1; });
  }

  std::optional<UserRow> find_user(const std::string& id) override {
    return store_.guard([&]() -> std::optional<UserRow> {
      auto result = w_.exec_prepared("find_user", id);
      if (result.empty()) return std::nullopt;
      return read_user(result[0]);
    });
  }

  std::vector<UserRow> list_users() override {
    return store_.guard([&] {
      std::vector<UserRow> out;
      for (const auto& r : w_.exec_prepared("list_users")) out.push_back(read_user(r));
      return out;
    });
  }

  void insert_session(const SessionRow& row) override {
    auto inserted = store_.guard([&] {
      return w_.exec_prepared("insert_session", row.token_hash, row.user_id, row.csrf_token, row.created_at,
                              row.expires_at, row.revoked ? 1 : 0)
          .affected_rows();
    });
    if (inserted != 1) throw ConflictError("session already exists");
  }

  std::optional<SessionRow> find_session(const std::string& token_hash) override {
    return store_.guard([&]() -> std::optional<SessionRow> {
      auto result = w_.exec_prepared("find_session", token_hash);
      if (result.empty()) return std::nullopt;
      const auto& r = result[0];
      return SessionRow{str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), r[5].as<int>() != 0};
    });
  }

  bool revoke_session(const std::string& token_hash) override {
    return store_.guard([&] { return w_.exec_prepared("revoke_session", token_hash).affected_rows() == 1; });
  }

  void record_login_attempt(const std::string& user_id, const std::string& at, bool ok) override {
    store_.guard([&] { w_.exec_prepared0("record_login_attempt", user_id, at, ok ? 1 : 0); });
  }

  int64_t count_failed_logins_since(const std::string& user_id, const std::string& iso_time) override {
    return store_.guard(
        [&] { return w_.exec_prepared1("count_failed_logins_since", user_id, iso_time)[0].as<int64_t>(); });
  }

 private:
  static UserRow read_user(const pqxx::row& r) {
    return UserRow{str(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4].as<int>() != 0, str(r[5])};
  }

  PgStore& store_;
  pqxx::work& w_;
};

void PgStore::transact(const std::function<void(StoreTx&)>& fn) {
  Lease lease(*this);
  // The work's destructor rolls back when fn throws or commit is never reached.
  auto work = guard([&] { return std::make_unique<pqxx::work>(lease.connection()); });
  PgTx tx(*this, *work);
  fn(tx);
  guard([&] { work->commit(); });
}

}  // namespace

std::string redact_postgres_url(const std::string& url) {
  std::string out = url;
  // userinfo: scheme://user:PASSWORD@host
  if (auto scheme = out.find("://"); scheme != std::string::npos) {
    size_t start = scheme + 3;
    size_t end = out.find_first_of("?#", start);
    if (end == std::string::npos) end = out.size();
    size_t at = out.rfind('@', end == 0 ? 0 : end - 1);
    if (at != std::string::npos && at >= start) {
      size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // password=... as a URL parameter or a key=value pair.
  const std::string key = "password=";
  for (size_t at = 0; (at = out.find(key, at)) != std::string::npos;) {
    bool starts_parameter = at == 0 || out[at - 1] == '?' || out[at - 1] == '&' || out[at - 1] == ' ';
    at += key.size();
    if (!starts_parameter) continue;
    size_t end = out.find_first_of("& #", at);
    if (end == std::string::npos) end = out.size();
    out.replace(at, end - at, "***");
  }
  return out;
}

std::unique_ptr<Store> open_postgres_store(const std::string& url) {
  return std::make_unique<PgStore>(url);
}

}  // namespace imr
