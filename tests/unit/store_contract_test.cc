// The case store's contract (store/store.h), checked the same way on every backend.
//
// SQLite runs always, each test on a fresh file. PostgreSQL runs when IMR_TEST_PG_URL names a
// server (scripts/pg-test-cluster.sh starts one); each test gets its own schema, selected by
// the URL's search_path option, so tests are independent and may run in parallel.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <pqxx/pqxx>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "store/postgres_store.h"
#include "store/schema.h"
#include "store/sql.h"
#include "support/test_store.h"
#include "store/store.h"

namespace imr {
namespace {

namespace fs = std::filesystem;

CaseRow make_case(const std::string& id, const std::string& due = "", const std::string& reviewer = "") {
  CaseRow row;
  row.id = id;
  row.status = "received";
  row.consolidation_key = "key-" + id;
  row.reviewer_id = reviewer;
  row.received = "2026-01-05";
  row.due = due;
  row.due_what = due.empty() ? "" : "determination";
  row.document = R"({"case":")" + id + R"("})";
  return row;
}

RecordRow make_record(const std::string& case_id, const std::string& sha, const std::string& content = "") {
  RecordRow row;
  row.case_id = case_id;
  row.title = "Progress note " + sha;
  row.date = "2025-12-01";
  row.sender = "requesting physician";
  row.received_at = "2026-01-05T10:00:00Z";
  row.media_type = content.empty() ? "text/plain" : "application/pdf";
  row.source_name = sha + ".pdf";
  row.text = "Pain 7/10, unchanged.";
  row.content = content;
  row.sha256 = sha;
  return row;
}

// Thrown by a test's transaction body to check it comes back out unchanged.
struct Abort : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class StoreContract : public ::testing::TestWithParam<std::string> {
 protected:
  bool postgres() const { return GetParam() == "postgresql"; }

  void SetUp() override {
    if (!store_location_.create(GetParam())) GTEST_SKIP() << "IMR_TEST_PG_URL not set";
    location_ = store_location_.location();
    path_ = store_location_.sqlite_path();
  }

  std::unique_ptr<Store> open() { return open_store(location_); }

  // SQL outside the store, to check what the database itself enforces.
  void raw_exec(const std::string& sql) {
    if (postgres()) {
      pqxx::connection c(location_);
      pqxx::nontransaction n(c);
      n.exec(sql);
    } else {
      SQLite::Database db(path_, SQLite::OPEN_READWRITE);
      db.exec(sql);
    }
  }
  int64_t raw_int(const std::string& sql) {
    if (postgres()) {
      pqxx::connection c(location_);
      pqxx::nontransaction n(c);
      return n.exec1(sql)[0].as<int64_t>();
    }
    SQLite::Database db(path_, SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
  }

  testing::TestStoreLocation store_location_;
  std::string location_;
  std::string path_;  // SQLite
};

std::vector<std::string> ids(const std::vector<CaseRow>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.id);
  return out;
}

TEST_P(StoreContract, BackendAndSchemaVersion) {
  auto store = open();
  EXPECT_EQ(store->backend(), GetParam());
  EXPECT_EQ(store->schema_version(), store_schema::latest_version());
}

TEST_P(StoreContract, InsertFindAndCompareAndSetUpdate) {
  auto store = open();
  CaseRow row = make_case("IMR-2026-000001", "2026-02-01T17:00:00Z", "rev-1");
  row.expedited = true;
  row.version = 42;  // ignored: insert starts at 1
  store->transact([&](StoreTx& tx) { tx.insert_case(row); });

  store->transact([&](StoreTx& tx) {
    EXPECT_FALSE(tx.find_case("IMR-2026-999999"));
    auto found = tx.find_case(row.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->version, 1);
    EXPECT_EQ(found->status, "received");
    EXPECT_TRUE(found->expedited);
    EXPECT_TRUE(found->open);
    EXPECT_EQ(found->consolidation_key, row.consolidation_key);
    EXPECT_EQ(found->reviewer_id, "rev-1");
    EXPECT_EQ(found->received, "2026-01-05");
    EXPECT_EQ(found->due, "2026-02-01T17:00:00Z");
    EXPECT_EQ(found->due_what, "determination");
    EXPECT_EQ(found->document, row.document);

    CaseRow changed = *found;
    changed.status = "assigned";
    changed.open = false;
    changed.expedited = false;
    changed.due = "";
    changed.document = "{\"changed\":true}";
    EXPECT_EQ(tx.update_case(changed), 2);
  });

  store->transact([&](StoreTx& tx) {
    auto found = tx.find_case(row.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->version, 2);
    EXPECT_EQ(found->status, "assigned");
    EXPECT_FALSE(found->open);
    EXPECT_FALSE(found->expedited);
    EXPECT_EQ(found->due, "");
    EXPECT_EQ(found->document, "{\"changed\":true}");

    CaseRow stale = *found;
    stale.version = 1;
    stale.status = "lost";
    try {
      tx.update_case(stale);
      ADD_FAILURE() << "a stale version was accepted";
    } catch (const ConflictError& e) {
      EXPECT_NE(std::string(e.what()).find(row.id), std::string::npos) << e.what();
    }
    EXPECT_THROW(tx.update_case(make_case("IMR-2026-000404")), ConflictError);
    EXPECT_THROW(tx.insert_case(make_case(row.id)), ConflictError);
  });

  store->transact([&](StoreTx& tx) {
    EXPECT_EQ(tx.find_case(row.id)->status, "assigned");
    EXPECT_EQ(tx.find_case(row.id)->version, 2);
    EXPECT_FALSE(tx.find_case("IMR-2026-000404"));
  });
}

TEST_P(StoreContract, FindOpenCaseByKeyPicksTheOldestOpenCase) {
  auto store = open();
  store->transact([&](StoreTx& tx) {
    CaseRow closed = make_case("IMR-2026-000001");
    closed.consolidation_key = "worker|dr|2024-01-01";
    closed.received = "2026-01-01";
    closed.open = false;
    CaseRow newer = closed, older = closed;
    newer.id = "IMR-2026-000002";
    newer.open = true;
    newer.received = "2026-01-09";
    older.id = "IMR-2026-000003";
    older.open = true;
    older.received = "2026-01-03";
    tx.insert_case(closed);
    tx.insert_case(newer);
    tx.insert_case(older);
  });
  store->transact([&](StoreTx& tx) {
    auto found = tx.find_open_case_by_key("worker|dr|2024-01-01");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, "IMR-2026-000003");
    EXPECT_FALSE(tx.find_open_case_by_key("worker|dr|1999-01-01"));
  });
}

TEST_P(StoreContract, ListOpenCasesOrdersByDueThenNoDueThenId) {
  auto store = open();
  store->transact([&](StoreTx& tx) {
    tx.insert_case(make_case("IMR-2026-000005", "", "rev-a"));
    tx.insert_case(make_case("IMR-2026-000004", "2026-03-01T17:00:00Z", "rev-b"));
    tx.insert_case(make_case("IMR-2026-000003", "2026-02-01T17:00:00Z", "rev-a"));
    tx.insert_case(make_case("IMR-2026-000002", "", ""));
    tx.insert_case(make_case("IMR-2026-000001", "2026-03-01T17:00:00Z", "rev-a"));
    CaseRow closed = make_case("IMR-2026-000000", "2026-01-01T17:00:00Z", "rev-a");
    closed.open = false;
    tx.insert_case(closed);
  });
  store->transact([&](StoreTx& tx) {
    using V = std::vector<std::string>;
    EXPECT_EQ(ids(tx.list_open_cases({})),
              (V{"IMR-2026-000003", "IMR-2026-000001", "IMR-2026-000004", "IMR-2026-000002", "IMR-2026-000005"}));
    EXPECT_EQ(ids(tx.list_open_cases({"", 2, 0})), (V{"IMR-2026-000003", "IMR-2026-000001"}));
    EXPECT_EQ(ids(tx.list_open_cases({"", 2, 2})), (V{"IMR-2026-000004", "IMR-2026-000002"}));
    EXPECT_EQ(ids(tx.list_open_cases({"", 10, 4})), (V{"IMR-2026-000005"}));
    EXPECT_EQ(ids(tx.list_open_cases({"", 10, 5})), V{});
    EXPECT_EQ(ids(tx.list_open_cases({"rev-a", 100, 0})), (V{"IMR-2026-000003", "IMR-2026-000001", "IMR-2026-000005"}));
    EXPECT_EQ(ids(tx.list_open_cases({"rev-a", 1, 1})), (V{"IMR-2026-000001"}));
    EXPECT_EQ(ids(tx.list_open_cases({"rev-nobody", 100, 0})), V{});
  });
  // A case that gets a due date moves up; one that closes drops out.
  store->transact([&](StoreTx& tx) {
    auto moved = *tx.find_case("IMR-2026-000005");
    moved.due = "2026-01-15T17:00:00Z";
    tx.update_case(moved);
    auto closing = *tx.find_case("IMR-2026-000003");
    closing.open = false;
    tx.update_case(closing);
  });
  store->transact([&](StoreTx& tx) {
    EXPECT_EQ(ids(tx.list_open_cases({})), (std::vector<std::string>{"IMR-2026-000005", "IMR-2026-000001",
                                                                      "IMR-2026-000004", "IMR-2026-000002"}));
  });
}

TEST_P(StoreContract, CountsAndLoadByReviewerCoverOpenCasesOnly) {
  auto store = open();
  store->transact([&](StoreTx& tx) {
    EXPECT_EQ(tx.count_open_cases(""), 0);
    EXPECT_TRUE(tx.open_load_by_reviewer().empty());
    CaseRow a1 = make_case("IMR-2026-000001", "", "rev-a");
    a1.expedited = true;
    tx.insert_case(a1);
    tx.insert_case(make_case("IMR-2026-000002", "", "rev-a"));
    CaseRow b1 = make_case("IMR-2026-000003", "", "rev-b");
    b1.expedited = true;
    tx.insert_case(b1);
    tx.insert_case(make_case("IMR-2026-000004", "", ""));
    CaseRow closed = make_case("IMR-2026-000005", "", "rev-b");
    closed.open = false;
    closed.expedited = true;
    tx.insert_case(closed);
  });
  store->transact([&](StoreTx& tx) {
    EXPECT_EQ(tx.count_open_cases(""), 4);
    EXPECT_EQ(tx.count_open_cases("rev-a"), 2);
    EXPECT_EQ(tx.count_open_cases("rev-b"), 1);
    EXPECT_EQ(tx.count_open_cases("rev-c"), 0);
    auto load = tx.open_load_by_reviewer();
    ASSERT_EQ(load.size(), 2u);
    EXPECT_EQ(load["rev-a"].open_total, 2);
    EXPECT_EQ(load["rev-a"].open_expedited, 1);
    EXPECT_EQ(load["rev-b"].open_total, 1);
    EXPECT_EQ(load["rev-b"].open_expedited, 1);
  });
}

TEST_P(StoreContract, ListCasesPagesThroughOpenAndClosedCasesById) {
  auto store = open();
  store->transact([&](StoreTx& tx) {
    EXPECT_TRUE(tx.list_cases(10, 0).empty());
    tx.insert_case(make_case("IMR-2026-000003", "", "rev-a"));
    CaseRow closed = make_case("IMR-2026-000001", "", "rev-b");
    closed.open = false;
    tx.insert_case(closed);
    tx.insert_case(make_case("IMR-2026-000002", "", ""));
  });
  store->transact([&](StoreTx& tx) {
    auto first = tx.list_cases(2, 0);
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].id, "IMR-2026-000001");
    EXPECT_FALSE(first[0].open);
    EXPECT_EQ(first[1].id, "IMR-2026-000002");
    auto rest = tx.list_cases(2, 2);
    ASSERT_EQ(rest.size(), 1u);
    EXPECT_EQ(rest[0].id, "IMR-2026-000003");
  });
}

TEST_P(StoreContract, NextSequenceStartsAtOneAndCountsPerName) {
  auto store = open();
  store->transact([&](StoreTx& tx) {
    EXPECT_EQ(tx.next_sequence("case-2026"), 1);
    EXPECT_EQ(tx.next_sequence("case-2026"), 2);
    EXPECT_EQ(tx.next_sequence("case-2027"), 1);
  });
  store->transact([&](StoreTx& tx) { EXPECT_EQ(tx.next_sequence("case-2026"), 3); });
  // A rolled-back transaction takes no number.
  EXPECT_THROW(store->transact([&](StoreTx& tx) {
    tx.next_sequence("case-2026");
    throw Abort("undo");
  }),
               Abort);
  store->transact([&](StoreTx& tx) { EXPECT_EQ(tx.next_sequence("case-2026"), 4); });
}

TEST_P(StoreContract, ApplicationsAreStoredOnce) {
  auto store = open();
  store->transact([&](StoreTx& tx) {
    tx.insert_case(make_case("IMR-2026-000001"));
    tx.insert_case(make_case("IMR-2026-000002"));
    tx.insert_application({"APP-B", "IMR-2026-000001", "2026-01-07", R"({"n":2})"});
    tx.insert_application({"APP-A", "IMR-2026-000001", "2026-01-07", R"({"n":1})"});
    tx.insert_application({"APP-C", "IMR-2026-000001", "2026-01-05", R"({"n":0})"});
    tx.insert_application({"APP-D", "IMR-2026-000002", "2026-01-05", "{}"});
  });
  store->transact([&](StoreTx& tx) {
    auto found = tx.find_application("APP-A");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->case_id, "IMR-2026-000001");
    EXPECT_EQ(found->received, "2026-01-07");
    EXPECT_EQ(found->json, R"({"n":1})");
    EXPECT_FALSE(tx.find_application("APP-Z"));
    auto list = tx.applications("IMR-2026-000001");
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].application_id, "APP-C");  // by received, then id
    EXPECT_EQ(list[1].application_id, "APP-A");
    EXPECT_EQ(list[2].application_id, "APP-B");

    try {
      tx.insert_application({"APP-A", "IMR-2026-000002", "2026-01-08", R"({"again":true})"});
      ADD_FAILURE() << "a duplicate application id was accepted";
    } catch (const ConflictError& e) {
      EXPECT_NE(std::string(e.what()).find("APP-A"), std::string::npos) << e.what();
    }
    // The conflict leaves the transaction usable.
    tx.insert_application({"APP-E", "IMR-2026-000002", "2026-01-08", "{}"});
  });
  store->transact([&](StoreTx& tx) {
    EXPECT_EQ(tx.find_application("APP-A")->json, R"({"n":1})");
    EXPECT_EQ(tx.applications("IMR-2026-000002").size(), 2u);
  });
}

TEST_P(StoreContract, RecordsDeduplicateBySha256AndKeepBinaryContent) {
  auto store = open();
  const std::string pdf("%PDF-1.4\0\x01\xff\xfe binary\0tail", 24);
  ASSERT_EQ(pdf.size(), 24u);
  int64_t first = 0, text_only = 0;
  store->transact([&](StoreTx& tx) {
    tx.insert_case(make_case("IMR-2026-000001"));
    tx.insert_case(make_case("IMR-2026-000002"));
    first = tx.insert_record(make_record("IMR-2026-000001", "sha-pdf", pdf));
    text_only = tx.insert_record(make_record("IMR-2026-000001", "sha-text"));
    EXPECT_NE(first, text_only);
    RecordRow again = make_record("IMR-2026-000001", "sha-pdf", "other bytes");
    again.title = "the same file again";
    EXPECT_EQ(tx.insert_record(again), first);
    // Another case may hold the same file.
    EXPECT_NE(tx.insert_record(make_record("IMR-2026-000002", "sha-pdf", pdf)), first);
  });
  store->transact([&](StoreTx& tx) {
    EXPECT_EQ(tx.insert_record(make_record("IMR-2026-000001", "sha-pdf", pdf)), first);
    auto with = tx.records("IMR-2026-000001", true);
    ASSERT_EQ(with.size(), 2u);
    EXPECT_EQ(with[0].id, first);
    EXPECT_EQ(with[0].case_id, "IMR-2026-000001");
    EXPECT_EQ(with[0].title, "Progress note sha-pdf");
    EXPECT_EQ(with[0].date, "2025-12-01");
    EXPECT_EQ(with[0].sender, "requesting physician");
    EXPECT_EQ(with[0].received_at, "2026-01-05T10:00:00Z");
    EXPECT_EQ(with[0].media_type, "application/pdf");
    EXPECT_EQ(with[0].source_name, "sha-pdf.pdf");
    EXPECT_EQ(with[0].text, "Pain 7/10, unchanged.");
    EXPECT_EQ(with[0].sha256, "sha-pdf");
    EXPECT_EQ(with[0].content, pdf);
    EXPECT_EQ(with[1].id, text_only);
    EXPECT_EQ(with[1].content, "");

    auto without = tx.records("IMR-2026-000001", false);
    ASSERT_EQ(without.size(), 2u);
    EXPECT_EQ(without[0].id, first);
    EXPECT_EQ(without[0].content, "");
    EXPECT_EQ(without[0].sha256, "sha-pdf");
    EXPECT_EQ(without[0].text, "Pain 7/10, unchanged.");
    EXPECT_TRUE(tx.records("IMR-2026-000404", true).empty());
  });
}

TEST_P(StoreContract, EventsSignedAndAuditReadBackInAppendOrder) {
  auto store = open();
  store->transact([&](StoreTx& tx) {
    tx.insert_case(make_case("IMR-2026-000001"));
    tx.insert_case(make_case("IMR-2026-000002"));
    tx.append_event({0, "IMR-2026-000001", "received", "2026-01-05T09:00:00Z", "mail"});
    tx.append_event({0, "IMR-2026-000002", "received", "2026-01-05T09:30:00Z", ""});
    tx.append_event({0, "IMR-2026-000001", "eligible", "2026-01-04T09:00:00Z", ""});  // earlier time, later row
    tx.append_event({0, "IMR-2026-000001", "assigned", "2026-01-06T09:00:00Z", "rev-a"});
    tx.append_audit({0, "IMR-2026-000001", "2026-01-05T09:00:00Z", "system", "created", "{}"});
    tx.append_audit({0, "", "2026-01-05T09:01:00Z", "admin", "reviewers_imported", R"({"n":3})"});
    tx.append_audit({0, "IMR-2026-000001", "2026-01-05T08:00:00Z", "engine", "drafted", R"({"v":1})"});
    tx.append_signed({0, "IMR-2026-000001", 1, "rev-a", "2026-01-09T10:00:00Z", "typo", "{\"a\":1}", "Amended"});
    tx.append_signed({0, "IMR-2026-000001", 0, "rev-a", "2026-01-08T10:00:00Z", "", "{\"a\":0}", "Letter"});
  });
  store->transact([&](StoreTx& tx) {
    auto events = tx.events("IMR-2026-000001");
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].kind, "received");
    EXPECT_EQ(events[0].detail, "mail");
    EXPECT_EQ(events[0].at, "2026-01-05T09:00:00Z");
    EXPECT_EQ(events[1].kind, "eligible");
    EXPECT_EQ(events[2].kind, "assigned");
    EXPECT_EQ(events[2].detail, "rev-a");
    EXPECT_LT(events[0].id, events[1].id);
    EXPECT_LT(events[1].id, events[2].id);
    EXPECT_EQ(tx.events("IMR-2026-000002").size(), 1u);

    auto audit = tx.audit("IMR-2026-000001");
    ASSERT_EQ(audit.size(), 2u);
    EXPECT_EQ(audit[0].action, "created");
    EXPECT_EQ(audit[0].actor, "system");
    EXPECT_EQ(audit[1].action, "drafted");
    EXPECT_EQ(audit[1].detail, R"({"v":1})");
    auto global = tx.audit("");
    ASSERT_EQ(global.size(), 1u);
    EXPECT_EQ(global[0].action, "reviewers_imported");
    EXPECT_EQ(global[0].case_id, "");

    auto signed_rows = tx.signed_determinations("IMR-2026-000001");
    ASSERT_EQ(signed_rows.size(), 2u);
    EXPECT_EQ(signed_rows[0].sequence, 0);  // the determination, then amendments
    EXPECT_EQ(signed_rows[0].letter_text, "Letter");
    EXPECT_EQ(signed_rows[0].determination, "{\"a\":0}");
    EXPECT_EQ(signed_rows[1].sequence, 1);
    EXPECT_EQ(signed_rows[1].reason, "typo");
    EXPECT_EQ(signed_rows[1].signed_by, "rev-a");
    EXPECT_EQ(signed_rows[1].signed_at, "2026-01-09T10:00:00Z");
    EXPECT_TRUE(tx.signed_determinations("IMR-2026-000002").empty());
  });
}

TEST_P(StoreContract, SignedSequenceIsUniquePerCase) {
  auto store = open();
  store->transact([&](StoreTx& tx) {
    tx.insert_case(make_case("IMR-2026-000001"));
    tx.insert_case(make_case("IMR-2026-000002"));
    tx.append_signed({0, "IMR-2026-000001", 0, "rev-a", "2026-01-08T10:00:00Z", "", "{}", "Letter"});
    tx.append_signed({0, "IMR-2026-000002", 0, "rev-a", "2026-01-08T10:00:00Z", "", "{}", "Other"});
  });
  EXPECT_THROW(store->transact([&](StoreTx& tx) {
    tx.append_signed({0, "IMR-2026-000001", 0, "rev-b", "2026-01-09T10:00:00Z", "", "{}", "Second"});
  }),
               ConflictError);
  store->transact([&](StoreTx& tx) {
    auto rows = tx.signed_determinations("IMR-2026-000001");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].letter_text, "Letter");
  });
}

TEST_P(StoreContract, AppendOnlyTablesRefuseUpdateAndDeleteInTheDatabase) {
  {
    auto store = open();
    store->transact([&](StoreTx& tx) {
      tx.insert_case(make_case("IMR-2026-000001"));
      tx.append_event({0, "IMR-2026-000001", "received", "2026-01-05T09:00:00Z", "mail"});
      tx.append_signed({0, "IMR-2026-000001", 0, "rev-a", "2026-01-08T10:00:00Z", "", "{}", "Letter"});
      tx.append_audit({0, "IMR-2026-000001", "2026-01-05T09:00:00Z", "system", "created", "{}"});
    });
  }
  const std::vector<std::pair<std::string, std::string>> tables = {
      {"events", "kind = 'forged'"}, {"signed", "letter_text = 'forged'"}, {"audit", "action = 'forged'"}};
  for (const auto& [table, set] : tables) {
    EXPECT_ANY_THROW(raw_exec("UPDATE " + table + " SET " + set)) << table;
    EXPECT_ANY_THROW(raw_exec("DELETE FROM " + table)) << table;
    EXPECT_EQ(raw_int("SELECT COUNT(*) FROM " + table), 1) << table;
    EXPECT_EQ(raw_int("SELECT COUNT(*) FROM " + table + " WHERE " + set), 0) << table;
  }
  // Cases are not append-only: the same raw access can change them (the check above is real).
  raw_exec("UPDATE cases SET status = 'raw'");
  EXPECT_EQ(raw_int("SELECT COUNT(*) FROM cases WHERE status = 'raw'"), 1);
}

TEST_P(StoreContract, ReviewersUpsert) {
  auto store = open();
  store->transact([&](StoreTx& tx) {
    EXPECT_TRUE(tx.reviewers().empty());
    tx.upsert_reviewer({"rev-b", R"({"name":"B"})", true});
    tx.upsert_reviewer({"rev-a", R"({"name":"A"})", true});
  });
  store->transact([&](StoreTx& tx) { tx.upsert_reviewer({"rev-b", R"({"name":"B2"})", false}); });
  store->transact([&](StoreTx& tx) {
    auto rows = tx.reviewers();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].id, "rev-a");
    EXPECT_EQ(rows[0].json, R"({"name":"A"})");
    EXPECT_TRUE(rows[0].active);
    EXPECT_EQ(rows[1].id, "rev-b");
    EXPECT_EQ(rows[1].json, R"({"name":"B2"})");
    EXPECT_FALSE(rows[1].active);
  });
}

TEST_P(StoreContract, TransactionRollsBackWhenFnThrowsAndRethrowsUnchanged) {
  auto store = open();
  store->transact([&](StoreTx& tx) { tx.insert_case(make_case("IMR-2026-000001")); });
  try {
    store->transact([&](StoreTx& tx) {
      tx.insert_case(make_case("IMR-2026-000002"));
      auto row = *tx.find_case("IMR-2026-000001");
      row.status = "changed";
      tx.update_case(row);
      tx.append_event({0, "IMR-2026-000001", "assigned", "2026-01-06T09:00:00Z", "rev-a"});
      tx.append_audit({0, "IMR-2026-000001", "2026-01-06T09:00:00Z", "system", "assigned", "{}"});
      tx.insert_record(make_record("IMR-2026-000001", "sha"));
      tx.insert_application({"APP-1", "IMR-2026-000001", "2026-01-05", "{}"});
      tx.upsert_reviewer({"rev-a", "{}", true});
      tx.next_sequence("case-2026");
      throw Abort("the reason it failed");
    });
    ADD_FAILURE() << "the exception was swallowed";
  } catch (const Abort& e) {
    EXPECT_STREQ(e.what(), "the reason it failed");
  }
  // A ConflictError thrown inside fn comes out as itself too.
  EXPECT_THROW(store->transact([&](StoreTx& tx) { tx.insert_case(make_case("IMR-2026-000001")); }), ConflictError);

  store->transact([&](StoreTx& tx) {
    EXPECT_FALSE(tx.find_case("IMR-2026-000002"));
    auto row = tx.find_case("IMR-2026-000001");
    ASSERT_TRUE(row);
    EXPECT_EQ(row->status, "received");
    EXPECT_EQ(row->version, 1);
    EXPECT_TRUE(tx.events("IMR-2026-000001").empty());
    EXPECT_TRUE(tx.audit("IMR-2026-000001").empty());
    EXPECT_TRUE(tx.records("IMR-2026-000001", false).empty());
    EXPECT_FALSE(tx.find_application("APP-1"));
    EXPECT_TRUE(tx.reviewers().empty());
    EXPECT_EQ(tx.next_sequence("case-2026"), 1);
  });
}

TEST_P(StoreContract, MigrationsRunOnceAndReopeningKeepsData) {
  {
    auto store = open();
    EXPECT_EQ(store->schema_version(), store_schema::latest_version());
    store->transact([&](StoreTx& tx) { tx.insert_case(make_case("IMR-2026-000001")); });
  }
  auto again = open();
  EXPECT_EQ(again->schema_version(), store_schema::latest_version());
  again->transact([&](StoreTx& tx) { EXPECT_TRUE(tx.find_case("IMR-2026-000001")); });
  auto third = open();  // two stores on one database at once
  EXPECT_EQ(third->schema_version(), store_schema::latest_version());
  EXPECT_EQ(raw_int("SELECT COUNT(*) FROM schema_migrations"),
            static_cast<int64_t>(store_schema::migrations().size()));
  EXPECT_EQ(raw_int("SELECT MAX(version) FROM schema_migrations"), store_schema::latest_version());
}

TEST_P(StoreContract, NewerSchemaIsRefused) {
  open();
  raw_exec("INSERT INTO schema_migrations (version, description) VALUES (" +
           std::to_string(store_schema::latest_version() + 1) + ", 'from the future')");
  try {
    open();
    ADD_FAILURE() << "a store with a newer schema was opened";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
  }
}

TEST_P(StoreContract, OpenStoreDispatchesOnTheLocation) {
  if (postgres()) {
    ASSERT_EQ(location_.rfind("postgresql://", 0), 0u) << "IMR_TEST_PG_URL must start with postgresql://";
    open()->transact([&](StoreTx& tx) { tx.insert_case(make_case("IMR-2026-000001")); });
    auto short_scheme = open_store("postgres://" + location_.substr(13));
    EXPECT_EQ(short_scheme->backend(), "postgresql");
    short_scheme->transact([&](StoreTx& tx) { EXPECT_TRUE(tx.find_case("IMR-2026-000001")); });
  } else {
    auto prefixed = open_store("sqlite:" + path_);
    EXPECT_EQ(prefixed->backend(), "sqlite");
    prefixed->transact([&](StoreTx& tx) { tx.insert_case(make_case("IMR-2026-000001")); });
    auto plain = open_store(path_);
    EXPECT_EQ(plain->backend(), "sqlite");
    plain->transact([&](StoreTx& tx) { EXPECT_TRUE(tx.find_case("IMR-2026-000001")); });
    EXPECT_TRUE(fs::exists(path_));
  }
  EXPECT_THROW(open_store(""), StoreError);
}

TEST_P(StoreContract, BadLocationIsAStoreErrorNamingIt) {
  std::string location, must_not_show;
  if (postgres()) {
    // Nothing listens on port 1; the password must not reach the message.
    location = "postgresql://imr:s3cret-pw@127.0.0.1:1/imr?connect_timeout=5";
    must_not_show = "s3cret-pw";
  } else {
    location = (fs::path(path_).parent_path() / "no-such-dir" / "deeper" / "store.db").string();
  }
  try {
    open_store(location);
    ADD_FAILURE() << "opened " << location;
  } catch (const StoreError& e) {
    std::string message = e.what();
    if (postgres()) {
      EXPECT_NE(message.find("postgresql://imr:***@127.0.0.1:1/imr"), std::string::npos) << message;
      EXPECT_EQ(message.find(must_not_show), std::string::npos) << message;
    } else {
      EXPECT_NE(message.find(location), std::string::npos) << message;
    }
  }
}

TEST_P(StoreContract, ConcurrentTransactionsLoseNoUpdates) {
  auto store = open();
  store->transact([&](StoreTx& tx) { tx.insert_case(make_case("IMR-2026-000001")); });
  constexpr int kThreads = 4, kEach = 25;
  std::vector<std::vector<int64_t>> taken(kThreads);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      try {
        for (int i = 0; i < kEach; ++i) {
          store->transact([&](StoreTx& tx) { taken[t].push_back(tx.next_sequence("case-2026")); });
          // A read-modify-write of one case: retried when another thread got there first.
          for (bool done = false; !done;) {
            try {
              store->transact([&](StoreTx& tx) {
                auto row = *tx.find_case("IMR-2026-000001");
                row.document = std::to_string(std::stoi(row.document.substr(0, 1) == "{" ? "0" : row.document) + 1);
                tx.update_case(row);
              });
              done = true;
            } catch (const ConflictError&) {
            }
          }
        }
      } catch (...) {
        ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  ASSERT_EQ(failures.load(), 0);

  std::set<int64_t> all;
  for (const auto& list : taken) {
    EXPECT_TRUE(std::is_sorted(list.begin(), list.end()));
    all.insert(list.begin(), list.end());
  }
  ASSERT_EQ(all.size(), static_cast<size_t>(kThreads * kEach));
  EXPECT_EQ(*all.begin(), 1);
  EXPECT_EQ(*all.rbegin(), kThreads * kEach);
  store->transact([&](StoreTx& tx) {
    auto row = *tx.find_case("IMR-2026-000001");
    EXPECT_EQ(row.document, std::to_string(kThreads * kEach));
    EXPECT_EQ(row.version, 1 + kThreads * kEach);
  });
}

UserRow make_user(const std::string& id, const std::string& role = "intake", const std::string& reviewer = "") {
  return UserRow{id, role, reviewer, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA", true, "2026-11-23T09:00:00"};
}

TEST_P(StoreContract, UsersInsertFindListAndPassword) {
  auto store = open();
  store->transact([&](StoreTx& tx) {
    EXPECT_TRUE(tx.list_users().empty());  // no default user
    tx.insert_user(make_user("zoe", "administrator"));
    tx.insert_user(make_user("amy", "reviewer", "rev-7"));
  });
  EXPECT_THROW(store->transact([&](StoreTx& tx) { tx.insert_user(make_user("amy")); }), ConflictError);
  store->transact([&](StoreTx& tx) {
    auto amy = tx.find_user("amy");
    ASSERT_TRUE(amy);
    EXPECT_EQ(amy->role, "reviewer");
    EXPECT_EQ(amy->reviewer_id, "rev-7");
    EXPECT_TRUE(amy->active);
    EXPECT_EQ(amy->created_at, "2026-11-23T09:00:00");
    EXPECT_FALSE(tx.find_user("nobody"));
    auto all = tx.list_users();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, "amy");
    EXPECT_EQ(all[1].id, "zoe");
    EXPECT_TRUE(tx.update_user_password("amy", "$argon2id$new"));
    EXPECT_FALSE(tx.update_user_password("nobody", "$argon2id$new"));
    EXPECT_EQ(tx.find_user("amy")->password_hash, "$argon2id$new");
    EXPECT_EQ(tx.find_user("zoe")->password_hash, make_user("zoe").password_hash);
    EXPECT_TRUE(tx.update_user_active("amy", false));
    EXPECT_FALSE(tx.update_user_active("nobody", false));
    EXPECT_FALSE(tx.find_user("amy")->active);
    EXPECT_TRUE(tx.find_user("zoe")->active);
    EXPECT_TRUE(tx.update_user_active("amy", true));
    EXPECT_TRUE(tx.find_user("amy")->active);
  });
}

TEST_P(StoreContract, UserRoleIsCheckedByTheDatabase) {
  auto store = open();
  EXPECT_ANY_THROW(store->transact([&](StoreTx& tx) { tx.insert_user(make_user("eve", "superuser")); }));
  store->transact([&](StoreTx& tx) { EXPECT_FALSE(tx.find_user("eve")); });
}

TEST_P(StoreContract, SessionsInsertFindRevoke) {
  auto store = open();
  store->transact([&](StoreTx& tx) { tx.insert_user(make_user("amy")); });
  SessionRow s{"hash-1", "amy", "csrf-1", "2026-11-23T09:00:00", "2026-11-23T17:00:00", false};
  store->transact([&](StoreTx& tx) { tx.insert_session(s); });
  EXPECT_THROW(store->transact([&](StoreTx& tx) { tx.insert_session(s); }), ConflictError);
  store->transact([&](StoreTx& tx) {
    auto found = tx.find_session("hash-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user_id, "amy");
    EXPECT_EQ(found->csrf_token, "csrf-1");
    EXPECT_EQ(found->created_at, "2026-11-23T09:00:00");
    EXPECT_EQ(found->expires_at, "2026-11-23T17:00:00");
    EXPECT_FALSE(found->revoked);
    EXPECT_FALSE(tx.find_session("hash-2"));
    EXPECT_TRUE(tx.revoke_session("hash-1"));
    EXPECT_FALSE(tx.revoke_session("hash-2"));
    EXPECT_TRUE(tx.find_session("hash-1")->revoked);
  });
  // A session must belong to a known user.
  SessionRow orphan = s;
  orphan.token_hash = "hash-3";
  orphan.user_id = "nobody";
  EXPECT_ANY_THROW(store->transact([&](StoreTx& tx) { tx.insert_session(orphan); }));
}

TEST_P(StoreContract, FailedLoginsAreCountedPerUserSinceATime) {
  auto store = open();
  store->transact([&](StoreTx& tx) {
    tx.record_login_attempt("amy", "2026-11-23T09:00:00", false);
    tx.record_login_attempt("amy", "2026-11-23T09:10:00", false);
    tx.record_login_attempt("amy", "2026-11-23T09:11:00", true);
    tx.record_login_attempt("amy", "2026-11-23T09:12:00", false);
    tx.record_login_attempt("bob", "2026-11-23T09:12:00", false);
    tx.record_login_attempt("unknown-id", "2026-11-23T09:12:00", false);  // no user needed
  });
  store->transact([&](StoreTx& tx) {
    EXPECT_EQ(tx.count_failed_logins_since("amy", "2026-11-23T08:00:00"), 3);
    EXPECT_EQ(tx.count_failed_logins_since("amy", "2026-11-23T09:10:00"), 2);  // inclusive
    EXPECT_EQ(tx.count_failed_logins_since("amy", "2026-11-23T09:10:01"), 1);
    EXPECT_EQ(tx.count_failed_logins_since("bob", "2026-11-23T08:00:00"), 1);
    EXPECT_EQ(tx.count_failed_logins_since("carl", "2026-11-23T08:00:00"), 0);
  });
}

// Drift found when the two backends were folded into one SQL core (store/sql.h):

// SQLite read a negative LIMIT as "no limit" and a negative OFFSET as 0; PostgreSQL refused
// both with an SQL error. Both now refuse them before the database sees them.
TEST_P(StoreContract, ANegativePageIsRefusedTheSameOnEveryBackend) {
  auto store = open();
  store->transact([&](StoreTx& tx) { tx.insert_case(make_case("IMR-2026-000001")); });
  store->transact([&](StoreTx& tx) {
    EXPECT_THROW(tx.list_cases(-1, 0), std::invalid_argument);
    EXPECT_THROW(tx.list_cases(10, -1), std::invalid_argument);
    EXPECT_THROW(tx.list_open_cases({"", -1, 0}), std::invalid_argument);
    EXPECT_THROW(tx.list_open_cases({"rev-a", 10, -5}), std::invalid_argument);
    EXPECT_EQ(tx.list_cases(0, 0).size(), 0u);
    EXPECT_EQ(tx.list_cases(10, 0).size(), 1u);
  });
}

// A database error inside a transaction reached the caller of the StoreTx method as a
// StoreError on PostgreSQL but as SQLite's own exception type on SQLite (converted only when
// the transaction ended), so code catching StoreError inside fn behaved differently.
TEST_P(StoreContract, ADatabaseErrorIsAStoreErrorAtTheCallThatCausedIt) {
  auto store = open();
  bool caught_at_the_call = false;
  EXPECT_THROW(store->transact([&](StoreTx& tx) {
                 try {
                   // No such case: the foreign key refuses it.
                   tx.insert_application({"APP-1", "IMR-2026-404", "2026-01-05", "{}"});
                 } catch (const StoreError& e) {
                   caught_at_the_call = true;
                   throw;
                 }
               }),
               StoreError);
  EXPECT_TRUE(caught_at_the_call);
  store->transact([&](StoreTx& tx) { EXPECT_FALSE(tx.find_application("APP-1")); });
}

// Every uniqueness rule the interface names is a ConflictError that leaves the transaction
// usable, on both (SQLite matched error codes per method; PostgreSQL used ON CONFLICT).
TEST_P(StoreContract, EveryUniquenessRuleIsAConflictThatLeavesTheTransactionUsable) {
  auto store = open();
  store->transact([&](StoreTx& tx) {
    tx.insert_case(make_case("IMR-2026-000001"));
    tx.insert_user({"u1", "intake", "", "hash", true, "2026-01-05T09:00:00"});
    tx.insert_session({"token", "u1", "csrf", "2026-01-05T09:00:00", "2026-01-06T09:00:00", false});
    tx.append_signed({0, "IMR-2026-000001", 0, "rev-a", "2026-01-05T09:00:00", "", "{}", "letter"});
    EXPECT_THROW(tx.insert_case(make_case("IMR-2026-000001")), ConflictError);
    EXPECT_THROW(tx.insert_user({"u1", "reviewer", "rev-a", "hash", true, "2026-01-05T09:00:00"}), ConflictError);
    EXPECT_THROW(tx.insert_session({"token", "u1", "other", "2026-01-05T09:00:00", "2026-01-06T09:00:00", false}),
                 ConflictError);
    EXPECT_THROW(tx.append_signed({0, "IMR-2026-000001", 0, "rev-a", "2026-01-05T10:00:00", "", "{}", "again"}),
                 ConflictError);
    tx.insert_case(make_case("IMR-2026-000002"));
  });
  store->transact([&](StoreTx& tx) {
    EXPECT_TRUE(tx.find_case("IMR-2026-000002"));
    EXPECT_EQ(tx.find_user("u1")->role, "intake");
    EXPECT_EQ(tx.find_session("token")->csrf_token, "csrf");
    ASSERT_EQ(tx.signed_determinations("IMR-2026-000001").size(), 1u);
    EXPECT_EQ(tx.signed_determinations("IMR-2026-000001")[0].letter_text, "letter");
  });
}

TEST(SqlCore, PlaceholdersBecomePostgresNumberedOnesOutsideQuotes) {
  EXPECT_EQ(sql::to_postgres_placeholders("SELECT a FROM t WHERE b = ? AND c = ? LIMIT ?"),
            "SELECT a FROM t WHERE b = $1 AND c = $2 LIMIT $3");
  EXPECT_EQ(sql::to_postgres_placeholders("SELECT '?', \"a?\" FROM t WHERE x = ?"),
            "SELECT '?', \"a?\" FROM t WHERE x = $1");
  EXPECT_EQ(sql::to_postgres_placeholders("SELECT 1"), "SELECT 1");
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace imr
