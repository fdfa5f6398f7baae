#include "store/store.h"

#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace imr {

std::unique_ptr<Store> open_store(const std::string& location) {
  if (location.empty()) throw StoreError("no case store given (use --store PATH or a postgresql:// URL)");
  if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0)
    return open_postgres_store(location);
  if (location.rfind("sqlite:", 0) == 0) return open_sqlite_store(location.substr(7));
  return open_sqlite_store(location);
}

}  // namespace imr
