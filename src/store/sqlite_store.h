// The SQLite backend of the stores (store/sql.h): one file, WAL journal, foreign keys on,
// synchronous=NORMAL (a killed process loses no committed transaction), writers serialized
// with BEGIN IMMEDIATE so two processes on one file wait rather than deadlock; one
// connection per Database, its statements prepared once and kept.
#pragma once

#include <memory>
#include <string>

#include "store/sql.h"

namespace imr {

std::unique_ptr<sql::Database> open_sqlite_database(const std::string& path);

// A connection that only reads an existing store (opened read-only): its transactions begin
// deferred, so in WAL mode a long read neither waits for a writer nor holds one up. A write
// through it is a StoreError.
std::unique_ptr<sql::Database> open_sqlite_reader(const std::string& path);

}  // namespace imr
