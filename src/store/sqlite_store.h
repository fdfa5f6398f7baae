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

}  // namespace imr
