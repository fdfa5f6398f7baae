// The decision corpus (src/corpus/, docs/corpus.md) on SQLite and PostgreSQL: ingest of the
// team's letter fixtures and of synthetic letters (counts, unreadable letters reported and
// skipped, a re-run adds nothing, an amended letter kept beside the old one and current),
// search (full text, every filter, snippets, order), statistics (Wilson intervals, the rollup
// equal to counting the rows) and precedents; then the real letters where ../shared exists.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/bounded_call.h"
#include "core/error.h"
#include "core/text.h"
#include "corpus/ingest.h"
#include "corpus/precedents.h"
#include "corpus/schema.h"
#include "corpus/search.h"
#include "corpus/stats.h"
#include "corpus/synthetic.h"
#include "intake/document.h"
#include "letters/letter.h"
#include "support/cli.h"
#include "support/knowledge.h"
#include "support/test_store.h"

namespace imr {
namespace {

namespace fs = std::filesystem;
using corpus::Filter;

const std::string kLetters = std::string(IMR_FIXTURES_DIR) + "/letters";

struct Ingested {
  corpus::IngestSummary summary;
  std::map<std::string, std::string> errors;  // file name -> reason
};

Ingested ingest(sql::Database& db, const std::vector<std::string>& inputs, int batch = 3) {
  const auto& k = *testing::bundled_knowledge();
  Ingested out;
  corpus::IngestOptions o;
  o.batch = batch;
  o.on_error = [&](const std::string& file, const std::string& reason) {
    out.errors[fs::path(file).filename().string()] = reason;
  };
  out.summary = corpus::ingest(db, inputs, k.drugs, k.services, o);
  return out;
}

corpus::SearchResult find(sql::Database& db, Filter f, bool relevance = false, int limit = 50) {
  corpus::SearchOptions o;
  o.filter = std::move(f);
  o.by_relevance = relevance;
  o.limit = limit;
  return corpus::search(db, o);
}

std::set<std::string> requests(const corpus::SearchResult& r) {
  std::set<std::string> out;
  for (const auto& h : r.hits) out.insert(h.request);
  return out;
}

// Statistics by every dimension must be the same from the rollup (no filter) as from the rows
// (a filter that selects every current item: all versions of a corpus with no amendments,
// or a decision-date range covering everything).
void expect_rollup_matches_rows(sql::Database& db, const Filter& everything) {
  for (const std::string& dim : corpus::stats_dimensions()) {
    SCOPED_TRACE(dim);
    const corpus::Stats a = corpus::stats(db, Filter{}, dim);
    const corpus::Stats b = corpus::stats(db, everything, dim);
    EXPECT_EQ(a.total.items, b.total.items);
    EXPECT_EQ(a.total.overturned, b.total.overturned);
    ASSERT_EQ(a.rows.size(), b.rows.size());
    for (size_t i = 0; i < a.rows.size(); ++i) {
      EXPECT_EQ(a.rows[i].value, b.rows[i].value);
      EXPECT_EQ(a.rows[i].rate.items, b.rows[i].rate.items) << a.rows[i].value;
      EXPECT_EQ(a.rows[i].rate.overturned, b.rows[i].rate.overturned) << a.rows[i].value;
    }
  }
}

class CorpusTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!loc_.create(GetParam())) GTEST_SKIP() << "IMR_TEST_PG_URL not set";
    db_ = corpus::open_corpus(loc_.location());
  }
  testing::TestStoreLocation loc_;
  std::unique_ptr<sql::Database> db_;
};

TEST(CorpusWilson, KnownIntervals) {
  // 10 of 100: the Wilson interval is 0.0552 to 0.1744 (z = 1.96).
  const corpus::Rate r = corpus::wilson(100, 10);
  EXPECT_DOUBLE_EQ(r.rate, 0.1);
  EXPECT_NEAR(r.low, 0.0552, 0.0001);
  EXPECT_NEAR(r.high, 0.1744, 0.0001);
  // None of 5: starts at 0 and is wide.
  const corpus::Rate none = corpus::wilson(5, 0);
  EXPECT_DOUBLE_EQ(none.low, 0);
  EXPECT_NEAR(none.high, 0.4345, 0.0001);
  const corpus::Rate all = corpus::wilson(5, 5);
  EXPECT_NEAR(all.low, 0.5655, 0.0001);
  EXPECT_DOUBLE_EQ(all.high, 1);
  EXPECT_EQ(corpus::wilson(0, 0).items, 0);
}

TEST(CorpusQuery, UserWordsBecomeQuotedTerms) {
  EXPECT_EQ(corpus::fts_query("Lumbar MRI"), "\"lumbar\" \"mri\"");
  EXPECT_EQ(corpus::fts_query("\"home exercise\" program"), "\"home exercise\" \"program\"");
  EXPECT_EQ(corpus::fts_query("knee OR* (brace)", true), "\"knee\" OR \"or\" OR \"brace\"");
  EXPECT_THROW(corpus::fts_query(" -- ** "), InputError);
  Filter bad;
  bad.decision = "maybe";
  EXPECT_THROW(corpus::validate(bad), InputError);
  bad = Filter{};
  bad.from = "2016-13-01";
  EXPECT_THROW(corpus::validate(bad), InputError);
}

TEST(CorpusSynthetic, EveryLetterReadsWithItsOwnDecisions) {
  const auto& k = *testing::bundled_knowledge();
  std::set<std::string> names;
  for (int i = 0; i < 400; ++i) {
    const corpus::SyntheticLetter l = corpus::synthetic_letter(7, i);
    SCOPED_TRACE(l.name);
    names.insert(l.name);
    const Letter letter = read_letter(l.text, l.name);
    EXPECT_GE(letter.items.size(), 1u);
    EXPECT_FALSE(letter.header.case_number.empty());
    ASSERT_TRUE(letter.header.decision_date.has_value());
    EXPECT_FALSE(letter.reviewer.certifications.empty());
    for (const LetterItem& item : letter.items) {
      EXPECT_EQ(l.text.find(item.request + ": " + (item.decision == Decision::kUpheld ? "Upheld" : "Overturned")) !=
                    std::string::npos,
                true)
          << item.request;
      EXPECT_FALSE(item.reviewer_citations.empty()) << item.request;
    }
    (void)k;
  }
  EXPECT_EQ(names.size(), 400u);
  EXPECT_EQ(corpus::synthetic_letter(7, 123).text, corpus::synthetic_letter(7, 123).text);
  EXPECT_NE(corpus::synthetic_letter(7, 123).text, corpus::synthetic_letter(8, 123).text);
}

TEST_P(CorpusTest, FixturesIngestedUnreadableReportedAndRerunAddsNothing) {
  if (!kCallFromThreadsSafe) GTEST_SKIP() << "PDFs read on several threads: not under ASan (core/bounded_call.h)";
  const Ingested first = ingest(*db_, {kLetters});
  // Every fixture letter but the two that are not letters.
  EXPECT_EQ(first.summary.failed, 2);
  ASSERT_EQ(first.errors.size(), 2u);
  EXPECT_NE(first.errors.at("no_items.txt").find("no disputed items"), std::string::npos) << first.errors.at("no_items.txt");
  EXPECT_NE(first.errors.at("no_text.pdf").find("no text layer"), std::string::npos) << first.errors.at("no_text.pdf");
  EXPECT_EQ(first.summary.files, 11);
  // The PDF and the text of modern_block_overturned are the same letter with different bytes:
  // without a header table both take the case number from the file name... they differ, so both.
  EXPECT_EQ(first.summary.added + first.summary.amended, 9);
  EXPECT_EQ(first.summary.skipped, 0);

  const Ingested again = ingest(*db_, {kLetters});
  EXPECT_EQ(again.summary.added + again.summary.amended, 0);
  EXPECT_EQ(again.summary.skipped, 9);
  EXPECT_EQ(again.summary.items, 0);

  // The header table's case number, with every item of that letter, in order.
  Filter f;
  f.text = "knee";
  const auto knee = find(*db_, f);
  std::set<std::string> cases;
  for (const auto& h : knee.hits) cases.insert(h.case_number);
  EXPECT_TRUE(cases.count("CM99-0000123"));
  Filter whole;
  whole.from = "1900-01-01";
  whole.all_versions = true;
  // The modified-item letter: five items, two overturned, decided 2017-03-30.
  int items = 0, overturned = 0;
  for (const auto& h : find(*db_, whole, false, 1000).hits)
    if (h.case_number == "CM99-0000123") {
      ++items;
      overturned += h.decision == "overturned";
      EXPECT_EQ(h.decision_date, "2017-03-30");
      EXPECT_EQ(h.priority, "standard");
      EXPECT_EQ(h.specialty, "Orthopaedic Surgery");
    }
  EXPECT_EQ(items, 5);
  EXPECT_EQ(overturned, 2);
}

TEST_P(CorpusTest, SearchFiltersSnippetsAndOrder) {
  if (!kCallFromThreadsSafe) GTEST_SKIP() << "PDFs read on several threads: not under ASan (core/bounded_call.h)";
  ingest(*db_, {kLetters});
  Filter f;
  f.text = "meniscus";
  auto r = find(*db_, f);
  ASSERT_EQ(r.total, 1);
  EXPECT_EQ(r.hits[0].request, "MRI of the right knee without contrast");
  EXPECT_EQ(r.hits[0].decision, "overturned");
  EXPECT_EQ(r.hits[0].category, "imaging_mri");
  EXPECT_EQ(r.hits[0].body_region, "knee");
  EXPECT_NE(r.hits[0].snippet.find("«meniscus»"), std::string::npos) << r.hits[0].snippet;

  // Stemmed: "braced" finds "brace"/"braced".
  f.text = "braces";
  EXPECT_GE(find(*db_, f).total, 1);

  Filter cat;
  cat.category = "imaging_mri";
  cat.body_region = "knee";
  EXPECT_EQ(requests(find(*db_, cat)), std::set<std::string>{"MRI of the right knee without contrast"});

  Filter decided;
  decided.decision = "overturned";
  for (const auto& h : find(*db_, decided).hits) EXPECT_EQ(h.decision, "overturned");
  decided.decision = "upheld";
  const auto upheld = find(*db_, decided);
  decided.decision = "overturned";
  const auto over = find(*db_, decided);
  Filter all;
  EXPECT_EQ(upheld.total + over.total, find(*db_, all).total);

  Filter spec;
  spec.specialty = "orthopaedic";
  const auto ortho = find(*db_, spec);
  for (const auto& h : ortho.hits) EXPECT_NE(to_lower(h.specialty).find("orthopaedic"), std::string::npos) << h.specialty;
  EXPECT_GE(ortho.total, 5);

  Filter section;
  section.guideline = "ODG";
  section.section = "cryotherapy";
  EXPECT_EQ(requests(find(*db_, section)), std::set<std::string>{"cold compression unit with knee wrap"});
  section.guideline = "ACOEM";
  EXPECT_EQ(find(*db_, section).total, 0);

  Filter dates;
  dates.from = "2017-03-30";
  dates.to = "2017-03-30";
  EXPECT_EQ(find(*db_, dates).total, 5);
  dates.from = "2017-03-31";
  dates.to = "";
  for (const auto& h : find(*db_, dates).hits) EXPECT_GT(h.decision_date, "2017-03-30");

  Filter drug;
  drug.drug = "nsaid";
  for (const auto& h : find(*db_, drug).hits) EXPECT_EQ(h.drug_class, "nsaid");
  EXPECT_GE(find(*db_, drug).total, 1);

  Filter priority;
  priority.priority = "Expedited";
  for (const auto& h : find(*db_, priority).hits) EXPECT_EQ(h.priority, "expedited");

  // Newest first: decision dates never increase down the list (undated last).
  const auto newest = find(*db_, all, false, 1000);
  for (size_t i = 1; i < newest.hits.size(); ++i) EXPECT_GE(newest.hits[i - 1].decision_date, newest.hits[i].decision_date);
  // Pages: offset continues where limit stopped.
  corpus::SearchOptions page;
  page.limit = 2;
  page.offset = 2;
  const auto second = corpus::search(*db_, page);
  ASSERT_EQ(second.hits.size(), 2u);
  EXPECT_EQ(second.hits[0].item_id, newest.hits[2].item_id);

  // By relevance: the item whose request names the word first.
  Filter rel;
  rel.text = "brace";
  const auto ranked = find(*db_, rel, true);
  ASSERT_GE(ranked.hits.size(), 1u);
  EXPECT_NE(ranked.hits[0].request.find("brace"), std::string::npos) << ranked.hits[0].request;

  // The stored letter opens as `imr parse` printed it.
  const auto letter = corpus::find_letter(*db_, r.hits[0].letter_id);
  ASSERT_TRUE(letter.has_value());
  EXPECT_NE(letter->letter_json.find("\"items\""), std::string::npos);
  EXPECT_EQ(letter->case_number, "CM99-0000123");
  EXPECT_FALSE(corpus::find_letter(*db_, 999999).has_value());
}

TEST_P(CorpusTest, AmendedLetterKeptBesideTheOldAndCurrent) {
  const std::string original = testing::read_all(kLetters + "/modern_header_modified.txt");
  std::string amended = original;
  // The amendment: a later decision date and the brace decided the other way.
  amended.replace(amended.find("03/30/2017"), 10, "04/20/2017");
  amended.replace(amended.find("fitted by the orthotist, for purchase:\nOverturned"),
                  std::string("fitted by the orthotist, for purchase:\nOverturned").size(),
                  "fitted by the orthotist, for purchase:\nUpheld");
  const fs::path dir = testing::scratch_dir() / ("amend_" + GetParam());
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  std::ofstream(dir / "a" / "letter.txt") << original;
  std::ofstream(dir / "b" / "letter-amended.txt") << amended;

  const Ingested one = ingest(*db_, {(dir / "a").string()});
  EXPECT_EQ(one.summary.added, 1);
  const corpus::Stats before = corpus::stats(*db_, Filter{}, "category");
  EXPECT_EQ(before.total.items, 5);
  EXPECT_EQ(before.total.overturned, 2);

  const Ingested two = ingest(*db_, {(dir / "b").string()});
  EXPECT_EQ(two.summary.amended, 1);
  EXPECT_EQ(two.summary.added, 0);
  // Only the current version is searched and counted; both are kept.
  Filter all;
  const auto current = find(*db_, all);
  EXPECT_EQ(current.total, 5);
  for (const auto& h : current.hits) EXPECT_EQ(h.decision_date, "2017-04-20");
  all.all_versions = true;
  EXPECT_EQ(find(*db_, all).total, 10);
  const corpus::Stats after = corpus::stats(*db_, Filter{}, "category");
  EXPECT_EQ(after.total.items, 5);
  EXPECT_EQ(after.total.overturned, 1);
  Filter dated;
  dated.from = "1900-01-01";
  expect_rollup_matches_rows(*db_, dated);

  // The old version again (an older decision date): stored already, nothing changes.
  EXPECT_EQ(ingest(*db_, {(dir / "a").string()}).summary.skipped, 1);
  EXPECT_EQ(corpus::stats(*db_, Filter{}, "category").total.overturned, 1);
}

TEST_P(CorpusTest, SyntheticCorpusStatsFromRollupEqualCountedRows) {
  const fs::path dir = testing::scratch_dir() / ("synthetic_" + GetParam());
  corpus::write_synthetic_letters(dir.string(), 600, 3);
  const Ingested r = ingest(*db_, {dir.string()}, 64);
  EXPECT_EQ(r.summary.failed, 0) << (r.errors.empty() ? "" : r.errors.begin()->first + ": " + r.errors.begin()->second);
  EXPECT_EQ(r.summary.files, 600);
  EXPECT_EQ(r.summary.amended, 12);  // every 50th letter amends the one before
  EXPECT_EQ(r.summary.added, 588);
  Filter dated;
  dated.from = "1900-01-01";
  expect_rollup_matches_rows(*db_, dated);

  // Every dimension has values, and the rates differ by kind as the generator made them.
  const corpus::Stats by_category = corpus::stats(*db_, Filter{}, "category");
  EXPECT_GE(by_category.rows.size(), 10u);
  const corpus::Stats by_section = corpus::stats(*db_, Filter{}, "section");
  EXPECT_GE(by_section.rows.size(), 10u);
  Filter benzo;
  benzo.drug = "benzodiazepine";
  const corpus::Stats b = corpus::stats(*db_, benzo, "drug_class");
  ASSERT_EQ(b.rows.size(), 1u);
  EXPECT_EQ(b.rows[0].value, "benzodiazepine");
  EXPECT_LT(b.total.rate, 0.2);
  EXPECT_LE(b.total.low, b.total.rate);
  EXPECT_GE(b.total.high, b.total.rate);
  Filter year;
  year.year = 2016;
  for (const auto& row : corpus::stats(*db_, year, "year").rows) EXPECT_EQ(row.value, "2016");

  // Precedents: same kind, most similar first, the rate of that kind.
  const auto& k = *testing::bundled_knowledge();
  const corpus::Precedents p = corpus::find_precedents(*db_, "MRI of the lumbar spine", k.drugs, k.services, 5);
  EXPECT_EQ(p.category, "imaging_mri");
  EXPECT_EQ(p.body_region, "lumbar_spine");
  EXPECT_GT(p.rate.items, 0);
  ASSERT_EQ(p.similar.size(), 5u);
  for (const auto& h : p.similar) {
    EXPECT_EQ(h.category, "imaging_mri");
    EXPECT_EQ(h.body_region, "lumbar_spine");
  }
  Filter mri;
  mri.category = "imaging_mri";
  mri.body_region = "lumbar_spine";
  EXPECT_EQ(corpus::stats(*db_, mri, "category").total.items, p.rate.items);
}

// The shortcuts of a broad search (a bounded total, relevance from the best-ranked matches,
// newest first by walking the dates) give the same page as ordering every match; the
// bounded total is exact below its bound and flagged above it.
TEST_P(CorpusTest, BroadSearchShortcutsGiveTheSamePagesAndBoundedTotals) {
  const fs::path dir = testing::scratch_dir() / ("broad_" + GetParam());
  corpus::write_synthetic_letters(dir.string(), 1000, 5);
  ASSERT_EQ(ingest(*db_, {dir.string()}, 200).summary.failed, 0);
  std::vector<Filter> filters;
  filters.push_back(Filter{});
  for (const char* words : {"function", "lumbar mri", "surgery", "injection"}) {
    Filter f;
    f.text = words;
    filters.push_back(f);
  }
  Filter section;
  section.guideline = "MTUS";
  section.section = "opioids";
  filters.push_back(section);
  Filter drug;
  drug.drug = "opioid";
  drug.from = "2018-01-01";
  filters.push_back(drug);
  drug.to = "2019-12-31";
  filters.push_back(drug);
  Filter kind;
  kind.text = "mri lumbar spine";
  kind.category = "imaging_mri";
  kind.body_region = "lumbar_spine";
  filters.push_back(kind);
  Filter ortho;
  ortho.text = "surgery";
  ortho.specialty = "orthopaedic";
  filters.push_back(ortho);
  for (const Filter& f : filters)
    for (const bool relevance : {false, true})
      for (const auto& [limit, offset] : {std::pair{20, 0}, std::pair{7, 30}, std::pair{50, 400}}) {
        if (relevance && f.text.empty()) continue;
        SCOPED_TRACE(f.text + "|" + f.section + "|" + f.drug + "|" + f.specialty + (relevance ? " by relevance" : "") +
                     " offset " + std::to_string(offset));
        corpus::SearchOptions o;
        o.filter = f;
        o.by_relevance = relevance;
        o.limit = limit;
        o.offset = offset;
        corpus::SearchOptions exact = o;
        exact.every_match = true;
        exact.total_bound = 1'000'000;
        const auto want = corpus::search(*db_, exact);
        EXPECT_FALSE(want.total_is_lower_bound);
        for (const int64_t bound : {int64_t{50}, corpus::kExactTotalBound}) {
          o.total_bound = bound;
          const auto got = corpus::search(*db_, o);
          ASSERT_EQ(got.hits.size(), want.hits.size());
          for (size_t i = 0; i < got.hits.size(); ++i) {
            EXPECT_EQ(got.hits[i].item_id, want.hits[i].item_id) << i;
            EXPECT_EQ(got.hits[i].snippet, want.hits[i].snippet) << i;
          }
          EXPECT_EQ(got.total, std::min(want.total, bound));
          EXPECT_EQ(got.total_is_lower_bound, want.total > bound);
        }
      }
}

// Statistics within one category, drug class or year come from the pair rollup: the same
// numbers as counting the rows (a filter the rollups do not keep, always true, forces that),
// and the same after migration 2 fills the pair rollup again from the rows.
TEST_P(CorpusTest, PairRollupEqualsCountedRowsAndIsRebuiltFromRows) {
  const fs::path dir = testing::scratch_dir() / ("pairs_" + GetParam());
  corpus::write_synthetic_letters(dir.string(), 400, 9);
  ASSERT_EQ(ingest(*db_, {dir.string()}, 64).summary.amended, 8);
  auto expect_pairs_match_rows = [&] {
    std::vector<Filter> filters;
    for (const auto& row : corpus::stats(*db_, Filter{}, "category").rows) {
      Filter f;
      f.category = row.value;
      filters.push_back(f);
      Filter with_region = f;  // and the kind precedents count: a category and a region
      with_region.body_region = "lumbar_spine";
      filters.push_back(with_region);
    }
    for (const auto& row : corpus::stats(*db_, Filter{}, "drug_class").rows) {
      if (row.value.empty()) continue;
      Filter f;
      f.drug = row.value;
      filters.push_back(f);
    }
    for (const auto& row : corpus::stats(*db_, Filter{}, "year").rows) {
      Filter f;
      f.year = std::stoi(row.value);
      filters.push_back(f);
    }
    Filter by_name;  // a generic name, not a class: counted from the rows
    by_name.drug = "tramadol";
    filters.push_back(by_name);
    ASSERT_GE(filters.size(), 30u);
    for (const Filter& f : filters)
      for (const std::string& dim : corpus::stats_dimensions()) {
        SCOPED_TRACE(f.category + f.body_region + f.drug + (f.year ? std::to_string(*f.year) : "") + " by " + dim);
        Filter counted = f;
        counted.from = "1900-01-01";  // every letter here is dated
        const corpus::Stats a = corpus::stats(*db_, f, dim);
        const corpus::Stats b = corpus::stats(*db_, counted, dim);
        EXPECT_EQ(a.total.items, b.total.items);
        EXPECT_EQ(a.total.overturned, b.total.overturned);
        ASSERT_EQ(a.rows.size(), b.rows.size());
        for (size_t i = 0; i < a.rows.size(); ++i) {
          EXPECT_EQ(a.rows[i].value, b.rows[i].value);
          EXPECT_EQ(a.rows[i].rate.items, b.rows[i].rate.items) << a.rows[i].value;
          EXPECT_EQ(a.rows[i].rate.overturned, b.rows[i].rate.overturned) << a.rows[i].value;
        }
      }
  };
  expect_pairs_match_rows();
  // A store written before the pair rollup existed: migration 2 runs again over the rows.
  db_->transact([](sql::Session& s) {
    s.script("DROP TABLE corpus_rollup_pairs; DELETE FROM corpus_migrations WHERE version = 2;");
  });
  corpus::migrate(*db_);
  expect_pairs_match_rows();
}

INSTANTIATE_TEST_SUITE_P(Backends, CorpusTest, ::testing::Values("sqlite", "postgresql"));

// The command line: progress stays off a pipe, one summary line, unreadable letters named.
TEST(CorpusCli, AddSearchStatsPrecedentsLetter) {
  if (!kCallFromThreadsSafe) GTEST_SKIP() << "PDFs read on several threads: not under ASan (core/bounded_call.h)";
  const std::string store = (testing::scratch_dir() / "corpus.db").string();
  const auto add = testing::run_imr("corpus add " + testing::quoted(kLetters) + " --store " + testing::quoted(store));
  EXPECT_EQ(add.code, 1) << add.err;
  EXPECT_NE(add.out.find("11 letters read"), std::string::npos) << add.out;
  EXPECT_NE(add.out.find("9 added"), std::string::npos) << add.out;
  EXPECT_NE(add.out.find("2 unreadable"), std::string::npos) << add.out;
  EXPECT_NE(add.err.find("no_items.txt: "), std::string::npos) << add.err;
  EXPECT_NE(add.err.find("(skipped)"), std::string::npos) << add.err;
  EXPECT_EQ(add.err.find('\r'), std::string::npos) << "no progress bar on a pipe";

  const auto search = testing::run_imr("corpus search meniscus --format json --store " + testing::quoted(store));
  ASSERT_EQ(search.code, 0) << search.err;
  const auto j = nlohmann::json::parse(search.out);
  EXPECT_EQ(j["total"], 1);
  EXPECT_EQ(j["hits"][0]["case_number"], "CM99-0000123");
  const auto text = testing::run_imr("corpus search --region knee --decision overturned --store " + testing::quoted(store));
  EXPECT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("CM99-0000123"), std::string::npos) << text.out;

  const auto csv = testing::run_imr("corpus stats --by body_region --format csv --store " + testing::quoted(store));
  ASSERT_EQ(csv.code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("body_region,items,overturned,rate,low,high\n", 0), 0u) << csv.out;
  EXPECT_NE(csv.out.find("\"knee\","), std::string::npos) << csv.out;
  EXPECT_NE(csv.out.find("\"(all)\","), std::string::npos) << csv.out;
  const auto stats = testing::run_imr("corpus stats --by section --guideline odg --store " + testing::quoted(store));
  EXPECT_EQ(stats.code, 0) << stats.err;
  EXPECT_NE(stats.out.find("overturn rate (95% interval)"), std::string::npos) << stats.out;

  const auto bad = testing::run_imr("corpus stats --by colour --store " + testing::quoted(store));
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("--by"), std::string::npos) << bad.err;
  const auto bad_date = testing::run_imr("corpus search --from 2017-02-30 --store " + testing::quoted(store));
  EXPECT_EQ(bad_date.code, 1);
  EXPECT_NE(bad_date.err.find("--from"), std::string::npos) << bad_date.err;

  const auto prec = testing::run_imr("corpus precedents 'MRI of the left knee' --format json --store " + testing::quoted(store));
  ASSERT_EQ(prec.code, 0) << prec.err;
  const auto pj = nlohmann::json::parse(prec.out);
  EXPECT_EQ(pj["category"], "imaging_mri");
  EXPECT_EQ(pj["similar"][0]["request"], "MRI of the right knee without contrast");

  const auto letter = testing::run_imr("corpus letter " + std::to_string(j["hits"][0]["letter_id"].get<int64_t>()) +
                                       " --store " + testing::quoted(store));
  ASSERT_EQ(letter.code, 0) << letter.err;
  EXPECT_EQ(nlohmann::json::parse(letter.out)["corpus"]["case_number"], "CM99-0000123");
  EXPECT_EQ(testing::run_imr("corpus letter 424242 --store " + testing::quoted(store)).code, 1);
}

// The real letters: all 97 stored without an error, each with its case number and items, and
// each letter's first item found by searching the words of its request.
TEST(CorpusRealLetters, AllIngestedAndFound) {
  if (!kCallFromThreadsSafe) GTEST_SKIP() << "PDFs read on several threads: not under ASan (core/bounded_call.h)";
  if (!fs::exists(IMR_REAL_LETTERS_DIR)) GTEST_SKIP() << "no ../shared/real-letters";
  std::map<std::string, std::pair<size_t, std::string>> expected;  // case -> items, decisions
  {
    std::istringstream in(testing::read_all(std::string(IMR_FIXTURES_DIR) + "/real-letters-expected.tsv"));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream row(line);
      std::string file, case_number, decisions;
      size_t items = 0;
      row >> file >> case_number >> items >> decisions;
      expected[case_number] = {items, decisions};
    }
  }
  ASSERT_EQ(expected.size(), 97u);
  testing::TestStoreLocation loc;
  ASSERT_TRUE(loc.create("sqlite"));
  auto db = corpus::open_corpus(loc.location());
  const Ingested r = ingest(*db, {IMR_REAL_LETTERS_DIR}, 25);
  EXPECT_TRUE(r.errors.empty()) << r.errors.begin()->first << ": " << r.errors.begin()->second;
  EXPECT_EQ(r.summary.files, 97);
  EXPECT_EQ(r.summary.added, 97);
  EXPECT_EQ(r.summary.items, 221);
  const corpus::Stats s = corpus::stats(*db, Filter{}, "category");
  EXPECT_EQ(s.total.items, 221);
  EXPECT_EQ(s.total.overturned, 27);

  Filter everything;
  const auto all = find(*db, everything, false, 1000);
  ASSERT_EQ(all.total, 221);
  std::map<std::string, std::string> decisions;  // case -> decisions in item order
  std::map<std::string, std::map<int, std::string>> by_position;
  for (const auto& h : all.hits) by_position[h.case_number][h.position] = h.decision == "upheld" ? "U" : "O";
  for (const auto& [c, items] : by_position)
    for (const auto& [pos, d] : items) decisions[c] += d;
  for (const auto& [c, e] : expected) {
    EXPECT_EQ(decisions[c].size(), e.first) << c;
    EXPECT_EQ(decisions[c], e.second) << c;
  }
  // Each letter's first item by the words of its request.
  for (const auto& [c, items] : by_position) {
    std::string request;
    for (const auto& h : all.hits)
      if (h.case_number == c && h.position == 1) request = h.request;
    Filter f;
    f.text = request;
    bool found = false;
    for (const auto& h : find(*db, f, true, 1000).hits) found = found || (h.case_number == c && h.position == 1);
    EXPECT_TRUE(found) << c << ": " << request;
  }
  expect_rollup_matches_rows(*db, [] {
    Filter f;
    f.all_versions = true;
    return f;
  }());
}

}  // namespace
}  // namespace imr
