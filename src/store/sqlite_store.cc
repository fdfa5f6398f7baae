#include "store/sqlite_store.h"


#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <mutex>
#include <unordered_map>

#include "store/store.h"


namespace imr {

namespace {

class SqliteRow final : public sql::Row {
 public:
  explicit SqliteRow(SQLite::Statement& s) : s_(s) {}
  bool is_null(int c) const override { return s_.getColumn(c).isNull(); }
  int64_t integer(int c) const override { return s_.getColumn(c).getInt64(); }
  std::string text(int c) const override { return s_.getColumn(c).getString(); }
  std::string blob(int c) const override {
    auto column = s_.getColumn(c);
    return std::string(static_cast<const char*>(column.getBlob()), column.getBytes());
  }

 private:
  SQLite::Statement& s_;
};

// The one connection and its prepared statements; used under the store's mutex only.
class SqliteSession final : public sql::Session {
 public:
  SqliteSession(SQLite::Database& db, const std::string& path) : db_(db), path_(path) {}

  sql::Dialect dialect() const override { return sql::Dialect::sqlite; }

  int64_t run(std::string_view sql, const std::vector<sql::Param>& params, const sql::RowFn& on_row) override {
    SQLite::Statement& s = statement(sql);
    try {
      for (size_t i = 0; i < params.size(); ++i) bind(s, static_cast<int>(i + 1), params[i]);
      SqliteRow row(s);
      while (s.executeStep())
        if (on_row) on_row(row);
      const int64_t changed = db_.getChanges();
      s.tryReset();
      return changed;
    } catch (const SQLite::Exception& e) {
      s.tryReset();
      const int code = e.getExtendedErrorCode();
      if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
        throw ConflictError(path_ + ": " + e.what());
      throw StoreError(path_ + ": " + e.what());
    }
  }

  void script(const std::string& sql) override {
    try {
      db_.exec(sql);
    } catch (const SQLite::Exception& e) {
      throw StoreError(path_ + ": " + e.what());
    }
  }

  // Finishes every statement left part-way through its rows (it would hold a read snapshot).
  void reset_all() {
    for (auto& entry : cache_) entry.second->tryReset();
  }

 private:
  // A prepared statement kept for the connection's life: preparing is most of the cost of a
  // small query, and bulk import runs the same few statements many times.
  SQLite::Statement& statement(std::string_view sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      try {
        it = cache_.emplace(std::string(sql), std::make_unique<SQLite::Statement>(db_, std::string(sql))).first;
      } catch (const SQLite::Exception& e) {
        throw StoreError(path_ + ": " + e.what());
      }
    }
    SQLite::Statement& s = *it->second;
    s.tryReset();  // reset() would throw again for a statement whose last step failed
    s.clearBindings();
    return s;
  }

  static void bind(SQLite::Statement& s, int at, const sql::Param& p) {
    switch (p.kind) {
      case sql::Param::Kind::null: s.bind(at); break;
      case sql::Param::Kind::integer: s.bind(at, p.integer); break;
      case sql::Param::Kind::text: s.bind(at, p.bytes); break;
      case sql::Param::Kind::blob: s.bind(at, p.bytes.data(), static_cast<int>(p.bytes.size())); break;
    }
  }

  SQLite::Database& db_;
  const std::string& path_;
  sql::BySqlText<std::unique_ptr<SQLite::Statement>> cache_;
};

class SqliteDatabase final : public sql::Database {
 public:
  SqliteDatabase(const std::string& path, bool read_only)
      : path_(path),
        db_(path, (read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) |
                      SQLite::OPEN_FULLMUTEX),
        session_(db_, path_),
        begin_(read_only ? "BEGIN" : "BEGIN IMMEDIATE") {
    if (!read_only) db_.exec("PRAGMA journal_mode=WAL");  // a reader finds the file as its writer left it
    db_.exec("PRAGMA synchronous=NORMAL");
    db_.exec("PRAGMA foreign_keys=ON");
    db_.exec("PRAGMA cache_size=-65536");  // 64 MiB: large stores keep their indexes in memory
    db_.setBusyTimeout(10000);
  }

  sql::Dialect dialect() const override { return sql::Dialect::sqlite; }
  std::string backend() const override { return "sqlite"; }
  const std::string& shown() const override { return path_; }

  // BEGIN IMMEDIATE (writers wait for each other rather than deadlock; a reader's deferred
  // BEGIN takes no write lock), fn, COMMIT; ROLLBACK when fn throws, and the exception
  // propagates unchanged.
  void transact(const std::function<void(sql::Session&)>& fn) override {
    std::lock_guard lock(mutex_);
    try {
      db_.exec(begin_);
    } catch (const SQLite::Exception& e) {
      throw StoreError(path_ + ": cannot start a transaction: " + e.what());
    }
    try {
      fn(session_);
      session_.reset_all();
      db_.exec("COMMIT");
    } catch (const SQLite::Exception& e) {
      rollback();
      throw StoreError(path_ + ": " + e.what());
    } catch (...) {
      rollback();
      throw;
    }
  }

 private:
  void rollback() {
    session_.reset_all();
    try {
      db_.exec("ROLLBACK");
    } catch (const SQLite::Exception&) {
      // Already rolled back by SQLite itself (e.g. after SQLITE_FULL): nothing left to undo.
    }
  }

  std::string path_;
  SQLite::Database db_;
  SqliteSession session_;
  const char* begin_;
  std::mutex mutex_;
};

}  // namespace

std::unique_ptr<sql::Database> open_sqlite_database(const std::string& path) {
  try {
    return std::make_unique<SqliteDatabase>(path, false);
  } catch (const SQLite::Exception& e) {
    throw StoreError(path + ": cannot open the case store: " + e.what());
  }
}

std::unique_ptr<sql::Database> open_sqlite_reader(const std::string& path) {
  try {
    return std::make_unique<SqliteDatabase>(path, true);
  } catch (const SQLite::Exception& e) {
    throw StoreError(path + ": cannot open the store to read: " + e.what());
  }
}

}  // namespace imr
