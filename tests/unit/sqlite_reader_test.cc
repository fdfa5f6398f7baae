// A store opened only to read (sql::open_database_reader; the workbench reads the decision
// corpus through one): on SQLite its transactions begin deferred, so a read in progress never
// holds up a writer on the same file, and nothing can be written through it.
#include <gtest/gtest.h>

#include "store/sql.h"
#include "store/store.h"
#include "support/test_store.h"

namespace imr {
namespace {

TEST(SqliteReader, AReadInProgressDoesNotHoldUpAWriterAndCannotWrite) {
  testing::TestStoreLocation location;
  location.create("sqlite");
  auto writer = sql::open_database(location.location());
  writer->transact([](sql::Session& s) {
    s.script("CREATE TABLE notes (n INTEGER); INSERT INTO notes VALUES (1);");
  });
  auto reader = sql::open_database_reader(location.location());
  reader->transact([&](sql::Session& r) {
    EXPECT_EQ(r.integer("SELECT COUNT(*) FROM notes", {}), 1);
    // A reader that took the write lock (BEGIN IMMEDIATE) would make this wait out the busy
    // timeout and fail; a deferred read lets it commit at once.
    EXPECT_NO_THROW(writer->transact([](sql::Session& w) { w.run("INSERT INTO notes VALUES (2)", {}); }));
    EXPECT_EQ(r.integer("SELECT COUNT(*) FROM notes", {}), 1) << "the read sees its own snapshot";
  });
  reader->transact([](sql::Session& r) { EXPECT_EQ(r.integer("SELECT COUNT(*) FROM notes", {}), 2); });
  EXPECT_THROW(reader->transact([](sql::Session& r) { r.run("INSERT INTO notes VALUES (3)", {}); }), StoreError);
}

TEST(SqliteReader, AStoreThatDoesNotExistIsAStoreErrorNotANewFile) {
  testing::TestStoreLocation location;
  location.create("sqlite");
  EXPECT_THROW(sql::open_database_reader(location.sqlite_path() + ".missing"), StoreError);
  EXPECT_FALSE(std::filesystem::exists(location.sqlite_path() + ".missing"));
}

}  // namespace
}  // namespace imr
