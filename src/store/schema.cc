#include "store/schema.h"

namespace imr::store_schema {

namespace {

// Tables common to both backends; %ID% / %BLOB% are filled in per backend.
const char* kTables = R"SQL(
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  expedited INTEGER NOT NULL,
  open INTEGER NOT NULL,
  consolidation_key TEXT NOT NULL,
  reviewer_id TEXT NOT NULL DEFAULT '',
  received TEXT NOT NULL,
  due TEXT NOT NULL DEFAULT '',
  due_order TEXT NOT NULL DEFAULT '~',
  due_what TEXT NOT NULL DEFAULT '',
  document TEXT NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX cases_open_due ON cases (open, due_order, id);
CREATE INDEX cases_reviewer_due ON cases (reviewer_id, open, due_order, id);
CREATE INDEX cases_key ON cases (consolidation_key, open);
CREATE TABLE applications (
  application_id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  received TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX applications_case ON applications (case_id);
CREATE TABLE records (
  id %ID%,
  case_id TEXT NOT NULL REFERENCES cases (id),
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  sender TEXT NOT NULL,
  received_at TEXT NOT NULL,
  media_type TEXT NOT NULL,
  source_name TEXT NOT NULL,
  text TEXT NOT NULL,
  content %BLOB%,
  sha256 TEXT NOT NULL,
  UNIQUE (case_id, sha256)
);
CREATE TABLE events (
  id %ID%,
  case_id TEXT NOT NULL REFERENCES cases (id),
  kind TEXT NOT NULL,
  at TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX events_case ON events (case_id, id);
CREATE TABLE signed (
  id %ID%,
  case_id TEXT NOT NULL REFERENCES cases (id),
  sequence INTEGER NOT NULL,
  signed_by TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  determination TEXT NOT NULL,
  letter_text TEXT NOT NULL,
  UNIQUE (case_id, sequence)
);
CREATE TABLE audit (
  id %ID%,
  case_id TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX audit_case ON audit (case_id, id);
CREATE TABLE reviewers (
  id TEXT PRIMARY KEY,
  json TEXT NOT NULL,
  active INTEGER NOT NULL
);
CREATE TABLE sequences (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);
)SQL";

// Migration 2: users of the workbench, their sessions and login attempts (docs/access-control.md).
// Only a hash of each session token is kept; login_attempts has no foreign key so attempts on
// unknown user ids are rate-limited too.
const char* kUsers = R"SQL(
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('intake', 'reviewer', 'administrator')),
  reviewer_id TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE login_attempts (
  user_id TEXT NOT NULL,
  at TEXT NOT NULL,
  ok INTEGER NOT NULL
);
CREATE INDEX login_attempts_user_at ON login_attempts (user_id, at);
)SQL";

std::string fill(std::string sql, const std::string& id, const std::string& blob) {
  for (auto [key, value] : {std::pair<std::string, std::string>{"%ID%", id}, {"%BLOB%", blob}}) {
    for (size_t at; (at = sql.find(key)) != std::string::npos;) sql.replace(at, key.size(), value);
  }
  return sql;
}

// Append-only tables: the database itself refuses UPDATE and DELETE.
std::string sqlite_append_only() {
  std::string out;
  for (const char* table : {"audit", "events", "signed"}) {
    for (const char* op : {"UPDATE", "DELETE"}) {
      out += std::string("CREATE TRIGGER ") + table + "_no_" + op + " BEFORE " + op + " ON " + table +
             " BEGIN SELECT RAISE(ABORT, '" + table + " is append-only'); END;\n";
    }
  }
  return out;
}

// PostgreSQL compares TEXT with the database's collation, which (en_US.UTF-8 and most other
// locales) ignores punctuation: the "~" that sorts a case with nothing due last would sort it
// first, and ids would order differently than on SQLite. Every text column compares bytes.
std::string postgresql_byte_order(std::string sql) {
  const std::string from = " TEXT", to = " TEXT COLLATE \"C\"";
  for (size_t at = 0; (at = sql.find(from, at)) != std::string::npos; at += to.size()) sql.replace(at, from.size(), to);
  return sql;
}

std::string postgresql_append_only() {
  std::string out =
      "CREATE FUNCTION imr_append_only() RETURNS trigger LANGUAGE plpgsql AS $$\n"
      "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;\n";
  for (const char* table : {"audit", "events", "signed"}) {
    out += std::string("CREATE TRIGGER ") + table + "_append_only BEFORE UPDATE OR DELETE ON " + table +
           " FOR EACH ROW EXECUTE FUNCTION imr_append_only();\n";
  }
  return out;
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {
      {1, "cases, applications, records, events, signed determinations, audit, reviewers",
       fill(kTables, "INTEGER PRIMARY KEY", "BLOB") + sqlite_append_only(),
       postgresql_byte_order(fill(kTables, "BIGSERIAL PRIMARY KEY", "BYTEA")) + postgresql_append_only()},
      {2, "users, sessions, login attempts", kUsers, postgresql_byte_order(kUsers)},
  };
  return all;
}

int latest_version() { return migrations().back().version; }

}  // namespace imr::store_schema
