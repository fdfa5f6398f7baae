// `imr case import` killed with SIGKILL part-way, on SQLite and on PostgreSQL: the store keeps
// whole batches only (every stored application has its case, every case its records, nothing
// half-written), and running the same import again skips what is stored and finishes with
// every application exactly once.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"
#include "support/cli.h"
#include "support/raw_store.h"
#include "support/synthetic_case.h"
#include "support/test_store.h"

namespace imr {
namespace {

using nlohmann::json;
using testing::quoted;
using testing::RawStore;
using testing::run_imr;
using testing::TestStoreLocation;

constexpr int kBatch = 25;


std::string application_id(int i) { return "KILL-APP-" + std::to_string(100000 + i); }
int records_of(int i) { return 1 + i % 2; }

// One eligible application per line (distinct worker, so nothing consolidates), with one or
// two records of distinct text.
std::string synthetic_jsonl(int cases) {
  std::string out;
  for (int i = 0; i < cases; ++i) {
    const json app = testing::synthetic_application(application_id(i), "Worker " + testing::letters(i) + " Testperson");
    json records = json::array();
    for (int r = 0; r < records_of(i); ++r)
      records.push_back({{"title", "Progress report " + std::to_string(r + 1)},
                         {"date", "2026-10-0" + std::to_string(r + 1)},
                         {"sender", "requesting physician"},
                         {"text", "Synthetic progress note " + std::to_string(r + 1) + " for case " +
                                      std::to_string(i) + ": low back pain, home exercise."}});
    out += json{{"application", app}, {"records", records}}.dump() + "\n";
  }
  return out;
}

// Starts `imr case import` without waiting; stdout and stderr go to files.
pid_t start_import(const std::string& file, const std::string& location, const std::string& out) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::freopen(out.c_str(), "w", stdout);
    std::freopen((out + ".err").c_str(), "w", stderr);
    const std::string batch = std::to_string(kBatch);
    ::execl(IMR_BINARY, IMR_BINARY, "case", "import", file.c_str(), "--store", location.c_str(), "--batch",
            batch.c_str(), "--as", "importer", "--format", "json", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

// Checks that the store holds whole cases only, and returns how many applications it holds.
// Whole batches are committed in file order, so what is stored is a prefix of the file that
// is a multiple of the batch size (or all of it).
long check_consistent(RawStore& db, int total, const std::string& when) {
  SCOPED_TRACE(when);
  const long applications = db.count("SELECT COUNT(*) FROM applications");
  EXPECT_EQ(db.count("SELECT COUNT(DISTINCT application_id) FROM applications"), applications);
  EXPECT_EQ(db.count("SELECT COUNT(*) FROM cases"), applications) << "one case per application";
  EXPECT_EQ(db.count("SELECT COUNT(*) FROM applications a LEFT JOIN cases c ON c.id = a.case_id WHERE c.id IS NULL"), 0)
      << "applications without their case";
  EXPECT_EQ(db.count("SELECT COUNT(*) FROM cases c WHERE NOT EXISTS "
                     "(SELECT 1 FROM applications a WHERE a.case_id = c.id)"),
            0)
      << "cases without their application";
  EXPECT_EQ(db.count("SELECT COUNT(*) FROM cases WHERE status <> 'eligible' OR open <> 1"), 0);
  // Each case has its events and its audit entries.
  for (const char* kind : {"received", "eligible"})
    EXPECT_EQ(db.count(std::string("SELECT COUNT(*) FROM events WHERE kind = '") + kind + "'"), applications) << kind;
  EXPECT_EQ(db.count("SELECT COUNT(*) FROM audit WHERE action = 'created'"), applications);
  EXPECT_EQ(db.count("SELECT COUNT(*) FROM records r LEFT JOIN cases c ON c.id = r.case_id WHERE c.id IS NULL"), 0);

  // Every case has exactly the records its line brought, each once.
  long expected_records = 0;
  std::set<int> stored;
  std::map<std::string, long> records_by_case;
  for (const auto& r : db.rows("SELECT case_id, COUNT(*), COUNT(DISTINCT title) FROM records GROUP BY case_id")) {
    records_by_case[r[0]] = std::stol(r[1]);
    EXPECT_EQ(r[1], r[2]) << "a record twice in case " << r[0];
  }
  for (const auto& r : db.rows("SELECT application_id, case_id FROM applications")) {
    const int i = std::stoi(r[0].substr(std::string("KILL-APP-").size())) - 100000;
    EXPECT_TRUE(i >= 0 && i < total) << r[0];
    stored.insert(i);
    expected_records += records_of(i);
    EXPECT_EQ(records_by_case[r[1]], records_of(i)) << r[0] << " in " << r[1];
  }
  EXPECT_EQ(db.count("SELECT COUNT(*) FROM records"), expected_records);
  EXPECT_EQ(static_cast<long>(stored.size()), applications);
  if (!stored.empty()) {
    EXPECT_EQ(*stored.rbegin(), applications - 1) << "not a prefix of the file";
  }
  EXPECT_TRUE(applications % kBatch == 0 || applications == total) << applications << " is not whole batches";
  return applications;
}

class ImportKillTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ImportKillTest, KilledImportKeepsWholeBatchesAndRerunFinishes) {
  int total = 4000;
  for (int attempt = 0; attempt < 3; ++attempt, total *= 2) {
    SCOPED_TRACE("attempt " + std::to_string(attempt) + " with " + std::to_string(total) + " cases");
    TestStoreLocation loc;
    if (!loc.create(GetParam())) GTEST_SKIP() << "IMR_TEST_PG_URL not set";
    open_store(loc.location());  // the schema exists before the importer and the poller start
    const std::string file = testing::scratch_file("cases.jsonl", synthetic_jsonl(total));
    const std::string out = (testing::scratch_dir() / "first.out").string();
    RawStore db(loc);

    const pid_t pid = start_import(file, loc.location(), out);
    ASSERT_GT(pid, 0);
    // Kill a quarter of the way in (whole batches of 25: far from the end).
    bool killed = false;
    int status = 0;
    for (;;) {
      const long n = db.count("SELECT COUNT(*) FROM applications");
      if (n >= total / 4 && n < total) {
        ASSERT_EQ(::kill(pid, SIGKILL), 0);
        killed = true;
        break;
      }
      if (::waitpid(pid, &status, WNOHANG) == pid) break;  // finished (or failed) first
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (!killed) {
      ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
          << "the import failed before it could be killed: " << testing::read_all(out + ".err");
      continue;  // too fast for this machine: a bigger file
    }
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

    const long first = check_consistent(db, total, "after the kill");
    ASSERT_GT(first, 0);
    ASSERT_LT(first, total) << "the kill came after the import finished";
    RecordProperty("stored_when_killed", std::to_string(first) + " of " + std::to_string(total));

    const auto rerun = run_imr("case import " + quoted(file) + " --store " + quoted(loc.location()) +
                               " --batch " + std::to_string(kBatch) + " --as importer --format json");
    ASSERT_EQ(rerun.code, 0) << rerun.err;
    const json summary = json::parse(rerun.out);
    EXPECT_EQ(summary["skipped"].get<long>(), first);
    EXPECT_EQ(summary["imported"].get<long>(), total - first);
    EXPECT_EQ(summary["ineligible"].get<long>(), 0);

    EXPECT_EQ(check_consistent(db, total, "after the rerun"), total);
    return;
  }
  FAIL() << "every import finished before it could be killed";
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportKillTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace imr
