// `imr corpus add` killed with SIGKILL part-way, on SQLite and on PostgreSQL: the corpus keeps
// whole batches only (every letter with all its items, the statistics rollup equal to the
// rows, a prefix of the files in order), and running the same command again stores the rest
// and finishes with every letter exactly once.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "corpus/schema.h"
#include "corpus/synthetic.h"
#include "support/cli.h"
#include "support/raw_store.h"
#include "support/test_store.h"

namespace imr {
namespace {

using testing::quoted;
using testing::RawStore;
using testing::run_imr;
using testing::TestStoreLocation;

constexpr int kBatch = 50;

pid_t start_add(const std::string& dir, const std::string& location, const std::string& out) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::freopen(out.c_str(), "w", stdout);
    std::freopen((out + ".err").c_str(), "w", stderr);
    const std::string batch = std::to_string(kBatch);
    ::execl(IMR_BINARY, IMR_BINARY, "corpus", "add", dir.c_str(), "--store", location.c_str(), "--batch",
            batch.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

// Whole letters only; returns how many letter versions are stored.
long check_consistent(RawStore& db, int total, const std::string& when) {
  SCOPED_TRACE(when);
  const long letters = db.count("SELECT COUNT(*) FROM corpus_letters");
  EXPECT_EQ(db.count("SELECT COUNT(*) FROM (SELECT DISTINCT case_number, content_sha256 FROM corpus_letters) t"), letters);
  EXPECT_EQ(db.count("SELECT COUNT(*) FROM corpus_letters l WHERE item_count <> "
                     "(SELECT COUNT(*) FROM corpus_items i WHERE i.letter_id = l.id)"),
            0)
      << "a letter without all its items";
  EXPECT_EQ(db.count("SELECT COUNT(*) FROM corpus_items i WHERE NOT EXISTS "
                     "(SELECT 1 FROM corpus_citations c WHERE c.item_id = i.id)"),
            0)
      << "an item without its citations (every synthetic item cites)";
  EXPECT_EQ(db.count("SELECT COUNT(*) FROM (SELECT case_number FROM corpus_letters WHERE is_current = 1 "
                     "GROUP BY case_number HAVING COUNT(*) > 1) t"),
            0)
      << "two current versions of one case";
  EXPECT_EQ(db.count("SELECT COALESCE(MAX(items), 0) FROM corpus_rollup WHERE dimension = 'all'"),
            db.count("SELECT COUNT(*) FROM corpus_items WHERE is_current = 1"))
      << "the statistics rollup and the rows disagree";
  EXPECT_EQ(db.count("SELECT COALESCE(MAX(overturned), 0) FROM corpus_rollup WHERE dimension = 'all'"),
            db.count("SELECT COUNT(*) FROM corpus_items WHERE is_current = 1 AND overturned = 1"));
  EXPECT_TRUE(letters % kBatch == 0 || letters == total) << letters << " is not whole batches";
  return letters;
}

class CorpusKillTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusKillTest, KilledAddKeepsWholeBatchesAndRerunFinishes) {
  int total = 3000;
  for (int attempt = 0; attempt < 3; ++attempt, total *= 2) {
    SCOPED_TRACE("attempt " + std::to_string(attempt) + " with " + std::to_string(total) + " letters");
    TestStoreLocation loc;
    if (!loc.create(GetParam())) GTEST_SKIP() << "IMR_TEST_PG_URL not set";
    corpus::open_corpus(loc.location());  // the tables exist before the poller starts
    const std::string dir = (testing::scratch_dir() / ("letters_" + std::to_string(total))).string();
    corpus::write_synthetic_letters(dir, total, 11);
    const std::string out = (testing::scratch_dir() / "first.out").string();
    RawStore db(loc);

    const pid_t pid = start_add(dir, loc.location(), out);
    ASSERT_GT(pid, 0);
    bool killed = false;
    int status = 0;
    for (;;) {
      const long n = db.count("SELECT COUNT(*) FROM corpus_letters");
      if (n >= total / 4 && n < total) {
        ASSERT_EQ(::kill(pid, SIGKILL), 0);
        killed = true;
        break;
      }
      if (::waitpid(pid, &status, WNOHANG) == pid) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (!killed) {
      ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << testing::read_all(out + ".err");
      continue;  // too fast for this machine: more letters
    }
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    const long first = check_consistent(db, total, "after the kill");
    ASSERT_GT(first, 0);
    ASSERT_LT(first, total);
    RecordProperty("stored_when_killed", std::to_string(first) + " of " + std::to_string(total));

    const auto rerun = run_imr("corpus add " + quoted(dir) + " --store " + quoted(loc.location()) + " --batch " +
                               std::to_string(kBatch));
    ASSERT_EQ(rerun.code, 0) << rerun.err;
    EXPECT_NE(rerun.out.find(std::to_string(first) + " already present"), std::string::npos) << rerun.out;
    EXPECT_EQ(check_consistent(db, total, "after the re-run"), total);
    // Every 50th synthetic letter amends the one before it.
    EXPECT_EQ(db.count("SELECT COUNT(*) FROM corpus_letters WHERE is_current = 1"), total - total / 50);
    return;
  }
  FAIL() << "the add finished before it could be killed, three times";
}

INSTANTIATE_TEST_SUITE_P(Backends, CorpusKillTest, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace imr
