// Test support: a fresh, empty case store for one test, on either backend.
//
// SQLite: a new file in a new temporary directory. PostgreSQL: a new schema on the server
// named by $IMR_TEST_PG_URL (scripts/pg-test-cluster.sh starts one), selected through the
// URL's search_path option, so tests are independent and may run in parallel. Without that
// variable a PostgreSQL test is skipped (scripts/test.sh always sets it in CI).
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <pqxx/pqxx>
#include <random>
#include <string>

namespace imr::testing {

inline std::string unique_suffix() {
  static std::atomic<int> counter{0};
  std::random_device random;
  return std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" + std::to_string(random() % 1000000);
}

class TestStoreLocation {
 public:
  // Returns false (and the caller should GTEST_SKIP) when the backend is not available.
  bool create(const std::string& backend) {
    backend_ = backend;
    if (backend == "postgresql") {
      const char* url = std::getenv("IMR_TEST_PG_URL");
      if (url == nullptr || *url == '\0') return false;
      base_url_ = url;
      schema_ = "imr_test_" + unique_suffix();
      admin("CREATE SCHEMA " + schema_);
      location_ = base_url_ + (base_url_.find('?') == std::string::npos ? "?" : "&") +
                  "options=-csearch_path%3D" + schema_;
    } else {
      dir_ = std::filesystem::temp_directory_path() / ("imr_store_test_" + unique_suffix());
      std::filesystem::create_directories(dir_);
      path_ = (dir_ / "store.db").string();
      location_ = "sqlite:" + path_;
    }
    return true;
  }

  ~TestStoreLocation() {
    if (!schema_.empty()) {
      try {
        admin("DROP SCHEMA " + schema_ + " CASCADE");
      } catch (const std::exception&) {
        // The server went away: nothing to clean.
      }
    }
    if (!dir_.empty()) {
      std::error_code ignored;
      std::filesystem::remove_all(dir_, ignored);
    }
  }

  bool postgres() const { return backend_ == "postgresql"; }
  const std::string& location() const { return location_; }  // for open_store / --store
  const std::string& sqlite_path() const { return path_; }

  void admin(const std::string& sql) const {
    pqxx::connection c(base_url_);
    pqxx::nontransaction n(c);
    n.exec(sql);
  }

 private:
  std::string backend_, location_, base_url_, schema_, path_;
  std::filesystem::path dir_;
};

}  // namespace imr::testing
