// The case store over either database (store/sql.h): its migrations run when it is opened,
// and every StoreTx method is one or two statements, written once for both backends, run
// through the backend's Session; every row type is read in one place. A backend supplies only
// the Database (driver, connections, transactions, binding, errors).
#pragma once

#include <memory>

#include "store/sql.h"
#include "store/store.h"

namespace imr {

std::unique_ptr<Store> open_case_store(std::unique_ptr<sql::Database> database);

// Listing bounds the two databases read differently (SQLite takes a negative LIMIT as "no
// limit" and a negative OFFSET as 0; PostgreSQL refuses both): checked before either sees them.
void check_page(int limit, int offset);

}  // namespace imr
