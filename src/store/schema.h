// The store's schema as an ordered list of migrations, shared by both backends.
//
// Each migration is applied once, in order, inside one transaction with the row that records
// it, when a store is opened. Never edit a migration that has shipped: add a new one. The SQL
// is written to run unchanged on SQLite and PostgreSQL; where the two differ (auto-increment
// keys, binary columns, trigger syntax) the migration carries one text per backend.
#pragma once

#include <string>
#include <vector>

#include "store/sql.h"

namespace imr::store_schema {

using Migration = sql::Migration;

// All migrations in order; the last one's version is the schema this program writes.
const std::vector<Migration>& migrations();
int latest_version();

// The due-date sort key: a case with nothing due sorts after every real date.
inline std::string due_order(const std::string& due) { return due.empty() ? "~" : due; }

}  // namespace imr::store_schema
