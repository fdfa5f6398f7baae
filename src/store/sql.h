// The SQL core both store backends share: statements are written once, in one dialect
// (`?` placeholders, ON CONFLICT upserts, RETURNING), and run through a Session that each
// backend implements over its own driver (SQLiteCpp, libpqxx).
//
// What differs between SQLite and PostgreSQL is kept in one place each:
//   placeholders   `?` in the shared text; to_postgres_placeholders() turns them into $1..$n
//   type mapping   Param/Row: integers, text, NULL and binary (SQLite BLOB, PostgreSQL BYTEA)
//                  are bound and read by the backend's Session, nowhere else; booleans are
//                  INTEGER 0/1 on both; the DDL's differences are store/schema.cc's
//   errors         a broken uniqueness rule is ConflictError, anything else StoreError
//                  naming the location (the backend's Session maps its driver's errors)
//   migrations     run_migrations(): one bookkeeping table, one runner; each migration
//                  carries its script per dialect (store/schema.h)
// Upserts (INSERT ... ON CONFLICT) and RETURNING are written the same on both (SQLite 3.35+).
// Full-text search, when a module needs it (SQLite FTS5, PostgreSQL tsvector/GIN), is a
// dialect difference too: it belongs beside the placeholders here, as one function per
// construct, with its DDL as a per-dialect migration like schema.cc's.
//
// A module with its own tables opens a Database on the same location (open_database), keeps
// its migrations as a list like store_schema::migrations() under its own bookkeeping table,
// and writes its statements against Session (the case store's are store/sql_case_store.cc's).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace imr::sql {

enum class Dialect { sqlite, postgresql };

// One value bound to a `?`, in order.
struct Param {
  enum class Kind { null, integer, text, blob };
  Kind kind = Kind::null;
  int64_t integer = 0;
  std::string bytes;  // text or blob

  Param() = default;
  Param(int64_t value) : kind(Kind::integer), integer(value) {}          // NOLINT: implicit by design
  Param(int value) : kind(Kind::integer), integer(value) {}              // NOLINT
  Param(bool value) : kind(Kind::integer), integer(value ? 1 : 0) {}     // NOLINT
  Param(std::string value) : kind(Kind::text), bytes(std::move(value)) {}  // NOLINT
  Param(const char* value) : kind(Kind::text), bytes(value) {}           // NOLINT
  // Binary content; an empty one is bound as NULL (no content).
  static Param blob(std::string content) {
    Param p;
    if (content.empty()) return p;
    p.kind = Kind::blob;
    p.bytes = std::move(content);
    return p;
  }
};

// One result row. Columns are 0-based in the statement's select list. A NULL reads as 0 or "".
class Row {
 public:
  virtual ~Row() = default;
  virtual bool is_null(int column) const = 0;
  virtual int64_t integer(int column) const = 0;
  virtual std::string text(int column) const = 0;
  virtual std::string blob(int column) const = 0;
  bool flag(int column) const { return integer(column) != 0; }
};

using RowFn = std::function<void(const Row&)>;

// One transaction on one connection. Statements are prepared once per connection and kept
// (keyed by their text), so a Session is cheap to use for the same statement many times.
class Session {
 public:
  virtual ~Session() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement, calling on_row (when given) for each row it returns. Returns the
  // rows an INSERT, UPDATE or DELETE changed (meaningless for a SELECT).
  virtual int64_t run(std::string_view sql, const std::vector<Param>& params, const RowFn& on_row = {}) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual void script(const std::string& sql) = 0;

  // Conveniences over run().
  // The first column of the first row as an integer; `otherwise` when there is no row.
  int64_t integer(std::string_view sql, const std::vector<Param>& params, int64_t otherwise = 0);
  // Every row, read by `read`.
  template <typename T, typename Read>
  std::vector<T> rows(std::string_view sql, const std::vector<Param>& params, Read read) {
    std::vector<T> out;
    run(sql, params, [&](const Row& r) { out.push_back(read(r)); });
    return out;
  }
};

// A map keyed by SQL text, looked up by a string_view without building a string (statement caches).
struct SqlTextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <typename V>
using BySqlText = std::unordered_map<std::string, V, SqlTextHash, std::equal_to<>>;

// "... WHERE a = ? AND b = ?" -> "... WHERE a = $1 AND b = $2" (a `?` inside a quoted
// string or identifier is left alone).
std::string to_postgres_placeholders(std::string_view sql);

// A migration: applied once, in order, in one transaction with the row that records it.
struct Migration {
  int version;
  std::string description;
  std::string sqlite;      // a script (several statements)
  std::string postgresql;  // the same change for PostgreSQL
};

// Applies, in the session's transaction, every step newer than the version recorded in
// `table` (one bookkeeping table per module: "schema_migrations" for the case store),
// recording each there; returns the version now reached. One migrator at a time per table
// (PostgreSQL: an advisory lock for the transaction; SQLite: the write lock it already holds).
// A database at a newer version than the last step is a StoreError naming `shown` ("upgrade imr").
int run_migrations(Session& session, const std::string& table, const std::vector<Migration>& steps,
                   const std::string& shown);

// A database the store modules share: the backend's connection(s) and its transactions.
// Thread safety: transact() may be called from many threads (serialized by SQLite, run
// concurrently on pooled connections by PostgreSQL); a Session must not outlive its call.
class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  virtual std::string backend() const = 0;       // "sqlite" | "postgresql"
  virtual const std::string& shown() const = 0;  // the location for messages (no password)
  // Runs fn in one transaction: committed when fn returns, rolled back when it throws (the
  // exception propagates unchanged).
  virtual void transact(const std::function<void(Session&)>& fn) = 0;
};

// "postgresql://..." or "postgres://..." -> PostgreSQL; "sqlite:PATH" or a plain PATH -> SQLite.
// Throws StoreError naming the location and the problem.
std::unique_ptr<Database> open_database(const std::string& location);

// The same location for reading only (the workbench's corpus queries): SQLite opens it
// read-only with deferred transactions (store/sqlite_store.h open_sqlite_reader); PostgreSQL,
// whose reads never block writers, as open_database. The tables must exist already.
std::unique_ptr<Database> open_database_reader(const std::string& location);

}  // namespace imr::sql
