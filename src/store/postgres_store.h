// The PostgreSQL backend of the case store (libpqxx), for teams sharing one database.
// Chosen by a connection URL ("postgresql://user@host:port/db"); libpq URL parameters apply,
// e.g. "?options=-csearch_path%3Dimr" keeps the tables in schema imr.
//
// Connections: a small pool (up to 8), opened as needed; a transaction holds one connection
// for its whole life, so transact() calls from different threads run concurrently.
// Isolation is READ COMMITTED: update_case is a compare-and-set (UPDATE ... WHERE version =),
// next_sequence a single INSERT ... ON CONFLICT DO UPDATE (row-locked), so neither loses an
// update. A write that breaks a uniqueness rule throws ConflictError and leaves the
// transaction usable (ON CONFLICT DO NOTHING, no SQL error); any other database error throws
// StoreError naming the URL with its password hidden.
//
// Migrations run in one transaction under an advisory lock (per schema), so two processes
// opening a new database at once migrate it once.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace imr {

std::unique_ptr<Store> open_postgres_store(const std::string& url);

// The URL with any password hidden ("postgresql://imr:***@db/imr", "...?password=***"), for
// messages and logs.
std::string redact_postgres_url(const std::string& url);

}  // namespace imr
