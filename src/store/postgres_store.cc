#include "store/postgres_store.h"

#include <condition_variable>
#include <mutex>
#include <pqxx/pqxx>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/store.h"

namespace imr {

namespace {

constexpr int kMaxConnections = 8;

// libpq messages end with a newline and sometimes carry a DETAIL line: keep them on one line.
std::string one_line(std::string message) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  for (char& c : message)
    if (c == '\n' || c == '\t') c = ' ';
  return message;
}

// BYTEA is bound in its text form ("\x" and hex digits), so every parameter is text or NULL.
std::string bytea_text(const std::string& bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out = "\\x";
  out.reserve(2 + bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

// A pooled connection and the statements already prepared on it (by SQL text).
struct PgConnection {
  std::unique_ptr<pqxx::connection> connection;
  sql::BySqlText<std::string> prepared;  // SQL -> statement name
};

class PgRow final : public sql::Row {
 public:
  explicit PgRow(const pqxx::row& r) : r_(r) {}
  bool is_null(int c) const override { return r_[c].is_null(); }
  int64_t integer(int c) const override { return r_[c].is_null() ? 0 : r_[c].as<int64_t>(); }
  std::string text(int c) const override { return r_[c].is_null() ? "" : r_[c].as<std::string>(); }
  std::string blob(int c) const override { return r_[c].is_null() ? "" : pqxx::binarystring(r_[c]).str(); }

 private:
  const pqxx::row& r_;
};

class PgSession final : public sql::Session {
 public:
  PgSession(PgConnection& connection, pqxx::work& work, const std::string& shown)
      : c_(connection), w_(work), shown_(shown) {}

  sql::Dialect dialect() const override { return sql::Dialect::postgresql; }

  int64_t run(std::string_view sql, const std::vector<sql::Param>& params, const sql::RowFn& on_row) override {
    return guard([&] {
      std::vector<std::string> texts(params.size());
      std::vector<const char*> values(params.size(), nullptr);  // nullptr: NULL
      for (size_t i = 0; i < params.size(); ++i) {
        const sql::Param& p = params[i];
        switch (p.kind) {
          case sql::Param::Kind::null: continue;
          case sql::Param::Kind::integer: texts[i] = std::to_string(p.integer); break;
          case sql::Param::Kind::text: texts[i] = p.bytes; break;
          case sql::Param::Kind::blob: texts[i] = bytea_text(p.bytes); break;
        }
        values[i] = texts[i].c_str();
      }
      const pqxx::result result = w_.exec_prepared(statement(sql), pqxx::prepare::make_dynamic_params(values));
      if (on_row)
        for (const auto& r : result) on_row(PgRow(r));
      return static_cast<int64_t>(result.affected_rows());
    });
  }

  void script(const std::string& sql) override {
    guard([&] { w_.exec(sql); });
  }

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
  // The statement's name on this connection, preparing it (placeholders translated) the
  // first time it runs there.
  const std::string& statement(std::string_view sql) {
    auto it = c_.prepared.find(sql);
    if (it != c_.prepared.end()) return it->second;
    std::string name = "s" + std::to_string(c_.prepared.size() + 1);
    c_.connection->prepare(name, sql::to_postgres_placeholders(sql));
    return c_.prepared.emplace(std::string(sql), std::move(name)).first->second;
  }

  PgConnection& c_;
  pqxx::work& w_;
  const std::string& shown_;
};

class PgDatabase final : public sql::Database {
 public:
  explicit PgDatabase(const std::string& url) : url_(url), shown_(redact_postgres_url(url)) {
    Lease lease(*this);  // the first connection: a bad URL or an unreachable server fails here
  }

  sql::Dialect dialect() const override { return sql::Dialect::postgresql; }
  std::string backend() const override { return "postgresql"; }
  const std::string& shown() const override { return shown_; }

  // fn in one transaction on a leased connection: committed when fn returns; rolled back
  // (by the work's destructor) when it throws, the exception propagating unchanged.
  void transact(const std::function<void(sql::Session&)>& fn) override {
    Lease lease(*this);
    PgConnection& connection = lease.connection();
    std::unique_ptr<pqxx::work> work;
    try {
      work = std::make_unique<pqxx::work>(*connection.connection);
    } catch (const pqxx::broken_connection& e) {
      throw StoreError(shown_ + ": lost the connection: " + one_line(e.what()));
    } catch (const pqxx::failure& e) {
      throw StoreError(shown_ + ": " + one_line(e.what()));
    }
    PgSession session(connection, *work, shown_);
    fn(session);
    session.guard([&] { work->commit(); });
  }

 private:
  // A pooled connection, returned to the pool (or closed when broken) at scope exit.
  class Lease {
   public:
    explicit Lease(PgDatabase& store) : store_(store), connection_(store.acquire()) {}
    ~Lease() { store_.release(std::move(connection_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    PgConnection& connection() { return *connection_; }

   private:
    PgDatabase& store_;
    std::unique_ptr<PgConnection> connection_;
  };

  std::unique_ptr<PgConnection> acquire() {
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

  void release(std::unique_ptr<PgConnection> connection) {
    std::lock_guard lock(mutex_);
    if (connection && connection->connection->is_open())
      idle_.push_back(std::move(connection));
    else
      --open_;
    available_.notify_one();
  }

  std::unique_ptr<PgConnection> connect() {
    try {
      auto out = std::make_unique<PgConnection>();
      out->connection = std::make_unique<pqxx::connection>(url_);
      pqxx::nontransaction setup(*out->connection);
      setup.exec("SET client_min_messages TO warning");  // no NOTICEs on stderr
      setup.commit();
      return out;
    } catch (const pqxx::broken_connection& e) {
      throw StoreError(shown_ + ": cannot connect to the case store: " + one_line(e.what()));
    } catch (const pqxx::failure& e) {
      throw StoreError(shown_ + ": cannot open the case store: " + one_line(e.what()));
    } catch (const std::invalid_argument& e) {  // libpq refused the URL itself
      throw StoreError(shown_ + ": bad connection URL: " + one_line(e.what()));
    }
  }

  std::string url_;
  std::string shown_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  int open_ = 0;  // connections in the pool or leased
};

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

std::unique_ptr<sql::Database> open_postgres_database(const std::string& url) {
  return std::make_unique<PgDatabase>(url);
}

}  // namespace imr
