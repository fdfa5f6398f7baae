#include "store/sql.h"

#include "store/postgres_store.h"
#include "store/sqlite_store.h"
#include "store/store.h"

namespace imr::sql {

int64_t Session::integer(std::string_view sql, const std::vector<Param>& params, int64_t otherwise) {
  bool first = true;
  int64_t value = otherwise;
  run(sql, params, [&](const Row& r) {
    if (first) value = r.integer(0);
    first = false;
  });
  return value;
}

std::string to_postgres_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;  // inside '...' or "..."
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

int run_migrations(Session& session, const std::string& table, const std::vector<Migration>& steps,
                   const std::string& shown) {
  if (session.dialect() == Dialect::postgresql)
    session.run("SELECT pg_advisory_xact_lock(7419, hashtext(COALESCE(current_schema(), '') || '.' || CAST(? AS TEXT)))", {table});
  session.script("CREATE TABLE IF NOT EXISTS " + table + " (version INTEGER PRIMARY KEY, description TEXT NOT NULL)");
  int current = static_cast<int>(session.integer("SELECT COALESCE(MAX(version), 0) FROM " + table, {}));
  const int latest = steps.empty() ? 0 : steps.back().version;
  if (current > latest)
    throw StoreError(shown + ": schema version " + std::to_string(current) + " is newer than this program knows (" +
                     std::to_string(latest) + "); upgrade imr");
  for (const auto& m : steps) {
    if (m.version <= current) continue;
    session.script(session.dialect() == Dialect::sqlite ? m.sqlite : m.postgresql);
    session.run("INSERT INTO " + table + " (version, description) VALUES (?, ?)", {m.version, m.description});
    current = m.version;
  }
  return current;
}

namespace {

// Opens `location` with the PostgreSQL opener or, given its path, the SQLite one.
std::unique_ptr<Database> open_location(const std::string& location,
                                        std::unique_ptr<Database> (*open_sqlite)(const std::string&)) {
  if (location.empty()) throw StoreError("no case store given (use --store PATH or a postgresql:// URL)");
  if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0)
    return open_postgres_database(location);
  return open_sqlite(location.rfind("sqlite:", 0) == 0 ? location.substr(7) : location);
}

}  // namespace

std::unique_ptr<Database> open_database(const std::string& location) {
  return open_location(location, open_sqlite_database);
}

std::unique_ptr<Database> open_database_reader(const std::string& location) {
  return open_location(location, open_sqlite_reader);
}

}  // namespace imr::sql
