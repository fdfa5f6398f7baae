// The SQLite backend of the case store: one file, WAL journal, foreign keys on,
// synchronous=NORMAL (a killed process loses no committed transaction), writers serialized
// with BEGIN IMMEDIATE so two processes on one file wait rather than deadlock.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace imr {

std::unique_ptr<Store> open_sqlite_store(const std::string& path);

}  // namespace imr
