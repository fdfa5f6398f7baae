// Test support: read-only SQL against a test store (support/test_store.h), whichever the
// backend, every value as text, on its own connection (to watch a store another process writes).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "support/test_store.h"

namespace imr::testing {

// Read-only SQL against the store, whichever the backend; every value as text.
class RawStore {
 public:
  explicit RawStore(const TestStoreLocation& loc) {
    if (loc.postgres())
      pg_ = std::make_unique<pqxx::connection>(loc.location());
    else {
      lite_ = std::make_unique<SQLite::Database>(loc.sqlite_path(), SQLite::OPEN_READWRITE);
      lite_->setBusyTimeout(10000);
    }
  }

  std::vector<std::vector<std::string>> rows(const std::string& sql) {
    std::vector<std::vector<std::string>> out;
    if (pg_) {
      pqxx::nontransaction tx(*pg_);
      for (const auto& row : tx.exec(sql)) {
        std::vector<std::string> r;
        for (const auto& field : row) r.push_back(field.is_null() ? "" : field.c_str());
        out.push_back(std::move(r));
      }
    } else {
      SQLite::Statement s(*lite_, sql);
      while (s.executeStep()) {
        std::vector<std::string> r;
        for (int c = 0; c < s.getColumnCount(); ++c) r.push_back(s.getColumn(c).getString());
        out.push_back(std::move(r));
      }
    }
    return out;
  }

  long count(const std::string& sql) { return std::stol(rows(sql).at(0).at(0)); }

 private:
  std::unique_ptr<pqxx::connection> pg_;
  std::unique_ptr<SQLite::Database> lite_;
};

}  // namespace imr::testing
