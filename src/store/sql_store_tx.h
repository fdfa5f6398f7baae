// The case store's statements, written once for both backends (store/sql.h): every StoreTx
// method is one or two statements run through the backend's Session, and every row type is
// read in one place. A backend supplies only the Session (driver, binding, errors) and the
// transaction around it.
#pragma once

#include "store/sql.h"
#include "store/store.h"

namespace imr {

std::unique_ptr<StoreTx> make_sql_store_tx(sql::Session& session);

// Listing bounds the two databases read differently (SQLite takes a negative LIMIT as "no
// limit" and a negative OFFSET as 0; PostgreSQL refuses both): checked before either sees them.
void check_page(int limit, int offset);

}  // namespace imr
