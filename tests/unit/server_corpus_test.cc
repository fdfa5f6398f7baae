// The decision corpus in the workbench API (/api/corpus/, src/server/routes_corpus.cc) on
// SQLite and PostgreSQL: every route closed without a session and open to every role, search
// and statistics answering as the library does with their pages and tables capped, every bad
// parameter a 400 naming it, letters by id, and a case item's precedents under the case's
// access rules — which never change the engine's draft.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "corpus/ingest.h"
#include "corpus/schema.h"
#include "corpus/stats.h"
#include "corpus/synthetic.h"
#include "support/knowledge.h"
#include "support/server_api_fixture.h"

namespace imr {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::Browser;

constexpr int kSyntheticLetters = 120;

class ServerCorpusTest : public testing::ServerApiFixture {
 protected:
  // As `imr serve` does: the tables made, then read through a connection that only reads.
  void before_listening(server::WorkbenchServer& server) override {
    corpus_ = corpus::open_corpus(location_.location());
    reader_ = sql::open_database_reader(location_.location());
    const auto& k = *testing::bundled_knowledge();
    server.attach_corpus(*reader_, k.drugs, k.services);
  }

  void TearDown() override {
    ServerApiFixture::TearDown();
    if (!letters_dir_.empty()) fs::remove_all(letters_dir_);
  }

  // Synthetic letters (opioids, imaging, therapy... over twelve years) and the team's text
  // letter fixtures, into the server's store. No PDF: reading one forks a child, which clang's
  // ASan allocator does not survive while other threads allocate (core/bounded_call.h).
  void ingest_corpus() {
    letters_dir_ = fs::temp_directory_path() / ("imr_corpus_api_" + testing::unique_suffix());
    corpus::write_synthetic_letters(letters_dir_.string(), kSyntheticLetters, 5);
    std::vector<std::string> inputs = {letters_dir_.string()};
    for (const auto& e : fs::directory_iterator(std::string(IMR_FIXTURES_DIR) + "/letters"))
      if (e.path().extension() == ".txt") inputs.push_back(e.path().string());
    std::sort(inputs.begin() + 1, inputs.end());
    const auto& k = *testing::bundled_knowledge();
    corpus::IngestOptions o;
    o.on_error = [](const std::string&, const std::string&) {};  // the fixtures' unreadable letters
    const corpus::IngestSummary s = corpus::ingest(*corpus_, inputs, k.drugs, k.services, o);
    ASSERT_GT(s.added, kSyntheticLetters - 5);
  }

  json get(const std::string& path, const Browser& b, int status = 200, const std::string& code = "") {
    return expect(request("GET", path, "", &b), status, code);
  }

  // A 400 whose message names the parameter.
  void expect_bad(const std::string& path, const Browser& b, const std::string& names) {
    SCOPED_TRACE(path);
    const json j = get(path, b, 400, "bad_request");
    EXPECT_NE(j["error"].value("message", "").find(names), std::string::npos) << j.dump();
  }

  std::unique_ptr<sql::Database> corpus_, reader_;  // ingest writes through corpus_
  fs::path letters_dir_;
};

const std::vector<std::string> kCorpusReads = {"/api/corpus/search?q=opioids", "/api/corpus/stats?by=year",
                                               "/api/corpus/facets", "/api/corpus/letters/1"};

TEST_P(ServerCorpusTest, EveryCorpusRouteIsClosedWithoutASessionAndOpenToEveryRole) {
  ingest_corpus();
  const Browser forged{"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "x"};
  for (const std::string& path : kCorpusReads) {
    SCOPED_TRACE(path);
    expect(request("GET", path), 401, "unauthenticated");
    expect(request("GET", path, "", &forged), 401, "unauthenticated");
  }
  expect(request("GET", "/api/corpus/precedents?case=CM26-0000001&item=1"), 401, "unauthenticated");
  for (const std::string user : {"admin1", "intake1", "pmr", "psy"}) {
    SCOPED_TRACE(user);
    const Browser b = login(user);
    for (const std::string& path : kCorpusReads) get(path, b);
  }
}

TEST_P(ServerCorpusTest, SearchFiltersOrdersAndPagesWithinItsCaps) {
  ingest_corpus();
  const Browser b = login("intake1");
  const json all = get("/api/corpus/search?limit=100", b);
  const int64_t total = all.value("total", int64_t{0});
  ASSERT_GT(total, kSyntheticLetters);
  ASSERT_EQ(all["hits"].size(), 100u) << "a page of the largest size";
  for (size_t i = 1; i < all["hits"].size(); ++i)
    EXPECT_GE(all["hits"][i - 1].value("decision_date", ""), all["hits"][i].value("decision_date", ""))
        << "newest first";

  // Pages follow each other without overlap.
  const json first = get("/api/corpus/search?limit=7", b), second = get("/api/corpus/search?limit=7&offset=7", b);
  ASSERT_EQ(first["hits"].size(), 7u);
  ASSERT_EQ(second["hits"].size(), 7u);
  EXPECT_EQ(second.value("offset", -1), 7);
  for (size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(first["hits"][i]["item_id"], all["hits"][i]["item_id"]);
    EXPECT_EQ(second["hits"][i]["item_id"], all["hits"][i + 7]["item_id"]);
  }
  // The caps: at most 100 a page, no deeper than offset 10000 (beyond the items: an empty page).
  expect_bad("/api/corpus/search?limit=101", b, "'limit'");
  expect_bad("/api/corpus/search?limit=0", b, "'limit'");
  expect_bad("/api/corpus/search?offset=10001", b, "'offset'");
  const json deep = get("/api/corpus/search?offset=10000", b);
  EXPECT_EQ(deep["hits"].size(), 0u);
  EXPECT_EQ(deep.value("total", int64_t{0}), total);

  // Full text and filters, each hit holding what was asked for.
  const json opioids = get("/api/corpus/search?q=opioids&decision=overturned&limit=100", b);
  ASSERT_GT(opioids["hits"].size(), 0u);
  EXPECT_LT(opioids.value("total", int64_t{0}), total);
  for (const json& h : opioids["hits"]) EXPECT_EQ(h.value("decision", ""), "overturned");
  EXPECT_NE(opioids["hits"][0].value("snippet", "").find("«"), std::string::npos) << "the words found are marked";
  const json knees = get("/api/corpus/search?region=knee&priority=standard&year=2019&limit=100", b);
  for (const json& h : knees["hits"]) {
    EXPECT_EQ(h.value("body_region", ""), "knee");
    EXPECT_EQ(h.value("priority", ""), "standard");
    EXPECT_EQ(h.value("decision_date", "").substr(0, 4), "2019");
  }
  const json dated = get("/api/corpus/search?from=2020-01-01&to=2020-06-30&limit=100", b);
  ASSERT_GT(dated["hits"].size(), 0u);
  for (const json& h : dated["hits"]) {
    EXPECT_GE(h.value("decision_date", ""), "2020-01-01");
    EXPECT_LE(h.value("decision_date", ""), "2020-06-30");
  }
  const json relevant = get("/api/corpus/search?q=lumbar%20mri&order=relevance", b);
  EXPECT_GT(relevant["hits"].size(), 0u);
  EXPECT_EQ(get("/api/corpus/search?q=opioids&category=no_such_category", b).value("total", -1), 0);
}

TEST_P(ServerCorpusTest, EveryBadParameterIsA400NamingIt) {
  ingest_corpus();
  const Browser b = login("pmr");
  const std::string s = "/api/corpus/search?";
  expect_bad(s + "colour=red", b, "'colour'");
  expect_bad(s + "decision=maybe", b, "'decision'");
  expect_bad(s + "decision=upheld&decision=overturned", b, "'decision'");
  expect_bad(s + "priority=urgent", b, "'priority'");
  expect_bad(s + "from=2020-13-01", b, "'from'");
  expect_bad(s + "to=yesterday", b, "'to'");
  expect_bad(s + "from=2021-01-01&to=2020-01-01", b, "'to'");
  expect_bad(s + "year=abc", b, "'year'");
  expect_bad(s + "year=1800", b, "'year'");
  expect_bad(s + "category=Imaging%20MRI", b, "'category'");
  expect_bad(s + "region=knee;drop", b, "'region'");
  expect_bad(s + "all_versions=yes", b, "'all_versions'");
  expect_bad(s + "order=oldest", b, "'order'");
  expect_bad(s + "order=relevance", b, "'order=relevance'");
  expect_bad(s + "q=%21%21%21", b, "'q'");
  expect_bad(s + "q=" + std::string(201, 'a'), b, "'q'");
  std::string many;
  for (int i = 0; i < 17; ++i) many += "word" + std::to_string(i) + "+";
  expect_bad(s + "q=" + many, b, "'q'");
  expect_bad(s + "specialty=" + std::string(101, 'x'), b, "'specialty'");
  expect_bad(s + "section=a%01b", b, "'section'");
  expect_bad("/api/corpus/stats?by=colour", b, "'by'");
  expect_bad("/api/corpus/stats?top=0", b, "'top'");
  expect_bad("/api/corpus/stats?top=201", b, "'top'");
  expect_bad("/api/corpus/stats?limit=5", b, "'limit'");
  expect_bad("/api/corpus/facets?q=knee", b, "'q'");
  expect_bad("/api/corpus/letters/1?format=pdf", b, "'format'");
  expect_bad("/api/corpus/precedents?item=1", b, "'case'");
  expect_bad("/api/corpus/precedents?case=CM26-0000001", b, "'item'");
  expect_bad("/api/corpus/precedents?case=CM26-0000001&item=1&limit=21", b, "'limit'");
  get("/api/corpus/letters/abc", b, 404, "not_found");
  get("/api/corpus/letters/0", b, 404, "not_found");
  get("/api/corpus/letters/99999999", b, 404, "not_found");
  // None of them reached the store as a 5xx.
  EXPECT_EQ(log_.str().find("\"status\":5"), std::string::npos) << log_.str();
}

TEST_P(ServerCorpusTest, StatisticsAndFacetsAreTheLibrarysCountsWithTheirIntervals) {
  ingest_corpus();
  const Browser b = login("admin1");
  for (const std::string& by : corpus::stats_dimensions()) {
    SCOPED_TRACE(by);
    const corpus::Stats lib = corpus::stats(*corpus_, corpus::Filter{}, by);
    const json api = get("/api/corpus/stats?top=200&by=" + by, b);
    EXPECT_EQ(api.value("dimension", ""), by);
    EXPECT_EQ(api["total"].value("items", int64_t{-1}), lib.total.items);
    EXPECT_EQ(api["total"].value("overturned", int64_t{-1}), lib.total.overturned);
    ASSERT_EQ(api["rows"].size(), std::min<size_t>(lib.rows.size(), 200));
    for (size_t i = 0; i < api["rows"].size(); ++i) {
      const json& row = api["rows"][i];
      EXPECT_EQ(row.value("value", ""), lib.rows[i].value);
      EXPECT_EQ(row.value("items", int64_t{-1}), lib.rows[i].rate.items);
      EXPECT_EQ(row.value("overturned", int64_t{-1}), lib.rows[i].rate.overturned);
      EXPECT_LE(row.value("low", 2.0), row.value("rate", -1.0));
      EXPECT_GE(row.value("high", -1.0), row.value("rate", 2.0));
    }
  }
  // A filter, and the rows cut to the largest `top`.
  const json overturned = get("/api/corpus/stats?by=category&decision=overturned&top=3", b);
  EXPECT_LE(overturned["rows"].size(), 3u);
  EXPECT_GT(overturned.value("rows_total", 0), 3);
  for (const json& row : overturned["rows"]) EXPECT_EQ(row.value("items", 0), row.value("overturned", -1));
  corpus::Filter words;
  words.text = "opioids";
  words.guideline = "MTUS";
  const json filtered = get("/api/corpus/stats?by=year&q=opioids&guideline=MTUS", b);
  EXPECT_EQ(filtered["total"].value("items", int64_t{-1}), corpus::stats(*corpus_, words, "year").total.items);

  // Facets: each dimension's values with their items, summing to the corpus's items.
  const json facets = get("/api/corpus/facets", b);
  const int64_t items = facets["total"].value("items", int64_t{0});
  ASSERT_GT(items, 0);
  for (const char* dim : {"category", "body_region", "year", "priority"}) {
    SCOPED_TRACE(dim);
    ASSERT_TRUE(facets.contains(dim));
    int64_t sum = 0;
    for (const json& v : facets[dim]) sum += v.value("items", int64_t{0});
    EXPECT_LE(sum, items);
    EXPECT_GT(sum, items / 2);
  }
  EXPECT_GT(facets["specialty"].size(), 3u);
  EXPECT_GT(facets["section"].size(), 3u);
}

TEST_P(ServerCorpusTest, ALetterOpensByTheIdSearchGives) {
  ingest_corpus();
  const Browser b = login("psy");
  const json found = get("/api/corpus/search?q=acupuncture&limit=1", b);
  ASSERT_EQ(found["hits"].size(), 1u);
  const json& hit = found["hits"][0];
  const json letter = get("/api/corpus/letters/" + std::to_string(hit.value("letter_id", 0)), b);
  EXPECT_EQ(letter["corpus"].value("letter_id", 0), hit.value("letter_id", -1));
  EXPECT_EQ(letter["corpus"].value("case_number", ""), hit.value("case_number", "-"));
  EXPECT_FALSE(letter.contains("file")) << "the ingesting machine's path stays there";
  EXPECT_EQ(letter["corpus"].value("source", "").find('/'), std::string::npos);
  ASSERT_GE(letter["items"].size(), static_cast<size_t>(hit.value("position", 1)));
  const json& item = letter["items"][hit.value("position", 1) - 1];
  EXPECT_EQ(item.value("request", ""), hit.value("request", "-"));
  EXPECT_EQ(item.value("decision", ""), hit.value("decision", "-"));
  EXPECT_FALSE(item.value("rationale", "").empty());
  EXPECT_FALSE(item["reviewer_citations"].empty());
}

TEST_P(ServerCorpusTest, PrecedentsOfACaseItemFollowTheCaseAccessRules) {
  ingest_corpus();
  const Browser intake = login("intake1");
  const std::string id = case_in_review(intake);
  const Browser pmr = login("pmr");
  expect(request("POST", "/api/cases/" + id + "/draft", "{}", &pmr), 200);
  const std::string path = "/api/corpus/precedents?case=" + id + "&item=";

  // Item 1 asks for Norco: past opioid decisions, their overturn rate and the nearest of them.
  const json p = get(path + "1&limit=4", pmr);
  EXPECT_EQ(p.value("case_id", ""), id);
  EXPECT_EQ(p.value("item_id", ""), "item-1");
  EXPECT_EQ(p.value("category", ""), "opioids");
  const int64_t items = p["rate"].value("items", int64_t{0});
  ASSERT_GT(items, 0);
  EXPECT_LE(p["rate"].value("low", 2.0), p["rate"].value("rate", -1.0));
  ASSERT_GT(p["similar"].size(), 0u);
  EXPECT_LE(p["similar"].size(), 4u);
  for (const json& h : p["similar"]) {
    EXPECT_EQ(h.value("category", ""), "opioids");
    EXPECT_NE(h.value("case_number", ""), id) << "the case's own letter is left out";
  }
  // The same by the item's id, and for every role that may read the case.
  EXPECT_EQ(get(path + "item-1&limit=4", pmr)["similar"], p["similar"]);
  EXPECT_EQ(get(path + "1&limit=4", intake)["rate"], p["rate"]);
  EXPECT_EQ(get(path + "1&limit=4", login("admin1"))["similar"], p["similar"]);
  // The other reviewer may not read the case (audited as a refused attempt); no case, no item: 404.
  get(path + "1", login("psy"), 403, "forbidden");
  get("/api/corpus/precedents?case=CM26-9999999&item=1", pmr, 404, "not_found");
  get(path + "9", pmr, 404, "not_found");
  get(path + "item-9", pmr, 404, "not_found");
  get(path + "0", pmr, 404, "not_found");
}

TEST_P(ServerCorpusTest, PrecedentsNeverChangeTheEnginesDraft) {
  const Browser intake = login("intake1");
  const std::string id = case_in_review(intake);
  const Browser pmr = login("pmr");
  // Drafted with an empty corpus...
  const std::string without = expect(request("POST", "/api/cases/" + id + "/draft", "{}", &pmr), 200)["draft"].dump();
  const json empty = get("/api/corpus/precedents?case=" + id + "&item=1", pmr);
  EXPECT_EQ(empty["rate"].value("items", -1), 0);
  EXPECT_EQ(empty["similar"].size(), 0u);
  // ...and again with a corpus holding precedents for every item, read between the drafts.
  ingest_corpus();
  for (const char* item : {"1", "2"})
    EXPECT_GT(get("/api/corpus/precedents?case=" + id + "&item=" + item, pmr)["similar"].size(), 0u) << item;
  const std::string viewed = get("/api/cases/" + id, pmr)["draft"].dump();
  const std::string with = expect(request("POST", "/api/cases/" + id + "/draft", "{}", &pmr), 200)["draft"].dump();
  EXPECT_EQ(viewed, without) << "reading precedents left the draft as it was";
  EXPECT_EQ(with, without) << "a draft made with a corpus is the draft made without one";
}

TEST_P(ServerCorpusTest, WithoutACorpusTheRoutesSay503) {
  // A server that was given no corpus (the fixture's own, before attach) answers 503, not 500.
  server::ServerOptions options;
  options.port = 0;
  options.log_requests = false;
  std::ostringstream log;
  server::WorkbenchServer bare(*store_, *cases_, *auth_, options, log);
  ASSERT_TRUE(bare.bind());
  std::thread listener([&bare] { bare.listen(); });
  httplib::Client client("127.0.0.1", bare.port());
  const Browser b = login("admin1");
  const auto r = client.Get("/api/corpus/facets", {{"Cookie", "imr_session=" + b.cookie}});
  bare.stop();
  listener.join();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  EXPECT_NE(r->body.find("corpus_unavailable"), std::string::npos) << r->body;
}

INSTANTIATE_TEST_SUITE_P(Backends, ServerCorpusTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace imr
