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
// A module with its own tables (the case store's are store/sql_store_tx.h's) writes its
// statements against Session and its migrations as a list like store_schema::migrations().
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
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
  virtual int64_t run(const std::string& sql, const std::vector<Param>& params, const RowFn& on_row = {}) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual void script(const std::string& sql) = 0;

  // Conveniences over run().
  // The first column of the first row as an integer; `otherwise` when there is no row.
  int64_t integer(const std::string& sql, const std::vector<Param>& params, int64_t otherwise = 0);
  // Every row, read by `read`.
  template <typename T, typename Read>
  std::vector<T> rows(const std::string& sql, const std::vector<Param>& params, Read read) {
    std::vector<T> out;
    run(sql, params, [&](const Row& r) { out.push_back(read(r)); });
    return out;
  }
};

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

// Applies, in the session's transaction, every step newer than the store's recorded
// version, recording each in schema_migrations; returns the version the store is now at.
// A store at a newer version than the last step is a StoreError naming `shown` ("upgrade imr").
int run_migrations(Session& session, const std::vector<Migration>& steps, const std::string& shown);

}  // namespace imr::sql
