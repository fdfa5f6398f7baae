#include "store/store.h"

#include "store/sql.h"
#include "store/sql_case_store.h"

namespace imr {

std::unique_ptr<Store> open_store(const std::string& location) {
  return open_case_store(sql::open_database(location));
}

}  // namespace imr
