// The PostgreSQL backend of the stores (store/sql.h; libpqxx), for teams sharing one database.
// Chosen by a connection URL ("postgresql://user@host:port/db"); libpq URL parameters apply,
// e.g. "?options=-csearch_path%3Dimr" keeps the tables in schema imr.
//
// Connections: a small pool (up to 8), opened as needed; a transaction holds one connection
// for its whole life, so transact() calls from different threads run concurrently.
// Isolation is READ COMMITTED: the case store's update_case is a compare-and-set (UPDATE ...
// WHERE version =), next_sequence a single INSERT ... ON CONFLICT DO UPDATE (row-locked), so
// neither loses an update. A uniqueness violation is a ConflictError; any other database error
// a StoreError naming the URL with its password hidden. Each connection prepares a statement
// the first time it runs there.
#pragma once

#include <memory>
#include <string>

#include "store/sql.h"

namespace imr {

std::unique_ptr<sql::Database> open_postgres_database(const std::string& url);

// The URL with any password hidden ("postgresql://imr:***@db/imr", "...?password=***"), for
// messages and logs.
std::string redact_postgres_url(const std::string& url);

}  // namespace imr
