#include "corpus/search.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace imr::corpus {
namespace {

constexpr const char* kColumns =
    "i.id, i.letter_id, i.position, i.case_number, i.decision_date, i.request, i.overturned, i.category, "
    "i.body_region, i.drug, i.drug_class, i.specialty, i.priority, i.is_current";

SearchHit read_hit(const sql::Row& r) {
  SearchHit h;
  h.item_id = r.integer(0);
  h.letter_id = r.integer(1);
  h.position = static_cast<int>(r.integer(2));
  h.case_number = r.text(3);
  h.decision_date = r.text(4);
  h.request = r.text(5);
  h.decision = r.flag(6) ? "overturned" : "upheld";
  h.category = r.text(7);
  h.body_region = r.text(8);
  h.drug = r.text(9);
  h.drug_class = r.text(10);
  h.specialty = r.text(11);
  h.priority = r.text(12);
  h.current = r.flag(13);
  return h;
}

// SQLite by relevance: FTS5 ranks the matches alone (no join), then the best few hundred are
// checked against the other filters one by one, in rank order. They are the first matches
// in the search's own order (rank, then the newer item: the rowid is the item's id), so the
// page is exact when it fills from them; nullopt otherwise, and the caller orders every match.
std::optional<std::vector<SearchHit>> best_ranked_page(sql::Session& s, const Filter& f, const std::string& terms,
                                                       int limit, int offset) {
  const int64_t want = static_cast<int64_t>(offset) + limit;
  const int64_t window = std::max<int64_t>(400, 4 * want);
  std::vector<int64_t> best;
  s.run("SELECT rowid FROM corpus_items_fts WHERE corpus_items_fts MATCH ? "
        "ORDER BY bm25(corpus_items_fts, 4.0, 1.0), rowid DESC LIMIT ?",
        {terms, window}, [&](const sql::Row& r) { best.push_back(r.integer(0)); });
  const bool all_ranked = static_cast<int64_t>(best.size()) < window;
  Filter rest = f;
  rest.text.clear();
  const Where w = build_where(rest, sql::Dialect::sqlite);
  const std::string one = std::string("SELECT ") + kColumns + " FROM corpus_items i WHERE i.id = ? AND " + w.condition;
  std::vector<SearchHit> page;
  int64_t passed = 0;
  for (const int64_t id : best) {
    std::vector<sql::Param> ps = {id};
    ps.insert(ps.end(), w.params.begin(), w.params.end());
    bool found = false;
    s.run(one, ps, [&](const sql::Row& r) {
      found = true;
      if (passed >= offset) page.push_back(read_hit(r));
    });
    if (found && ++passed == want) return page;
  }
  if (all_ranked) return page;
  return std::nullopt;
}

// SQLite, newest first, a broad match: the items are walked newest first (the date index)
// and each is checked, among the newest kRecentWindow items only (every item decided on or
// after the date of the kRecentWindow-th newest, up to the filter's last date). Exact when the
// page fills within them (they are the first items in that order); nullopt otherwise.
constexpr int64_t kRecentWindow = 20000;
std::optional<std::vector<SearchHit>> newest_page_walking_dates(sql::Session& s, const Filter& f, int limit,
                                                                int offset) {
  // With a last date (--to), the newest items up to it: no match is newer.
  std::string cutoff;
  bool whole = true;
  std::vector<sql::Param> window = {kRecentWindow};
  if (!f.to.empty()) window.insert(window.begin(), f.to);
  s.run(std::string("SELECT decision_date FROM corpus_items ") +
            (f.to.empty() ? "" : "WHERE decision_date <= ? ") +
            "ORDER BY decision_date DESC, id DESC LIMIT 1 OFFSET ?",
        window, [&](const sql::Row& r) {
          cutoff = r.text(0);
          whole = false;
        });
  const Where w = build_where(f, sql::Dialect::sqlite, true);
  std::vector<sql::Param> ps = w.params;
  ps.push_back(cutoff);
  ps.push_back(limit);
  ps.push_back(offset);
  std::vector<SearchHit> page;
  s.run(std::string("SELECT ") + kColumns + " FROM corpus_items i INDEXED BY corpus_items_newest WHERE " +
            w.condition + " AND i.decision_date >= ? ORDER BY i.decision_date DESC, i.id DESC LIMIT ? OFFSET ?",
        ps, [&](const sql::Row& r) { page.push_back(read_hit(r)); });
  if (whole || static_cast<int>(page.size()) == limit) return page;
  return std::nullopt;
}

// Past this many matches (or past the count's bound), newest first walks the dates (above)
// rather than sorting the matches.
constexpr int64_t kBroadMatch = 2000;

}  // namespace

SearchResult search(sql::Database& db, const SearchOptions& o) {
  validate(o.filter);
  const sql::Dialect dialect = db.dialect();
  const Where w = build_where(o.filter, dialect);
  const bool text = !o.filter.text.empty();
  const bool relevance = o.by_relevance && text;
  const bool sqlite = dialect == sql::Dialect::sqlite;
  const std::string terms = text ? fts_query(o.filter.text, o.filter.any_word) : "";
  const int limit = std::clamp(o.limit, 1, 1000), offset = std::max(0, o.offset);
  // The page of items first; the snippets of its rows only, after (they read whole texts).
  std::string order = "i.decision_date DESC, i.id DESC";
  std::vector<sql::Param> params;
  if (relevance && sqlite) order = "bm25(corpus_items_fts, 4.0, 1.0), i.id DESC";
  if (relevance && !sqlite) {
    order = "ts_rank(t.search, websearch_to_tsquery('english', ?)) DESC, i.id DESC";
  }
  const std::string page = std::string("SELECT ") + kColumns + " FROM " + w.from + " WHERE " + w.condition +
                           " ORDER BY " + order + " LIMIT ? OFFSET ?";
  params = w.params;
  if (relevance && !sqlite) params.push_back(terms);
  params.push_back(limit);
  params.push_back(offset);

  std::string snippet;
  if (!text)
    snippet = "SELECT substr(rationale, 1, 200) FROM corpus_item_texts WHERE id = ?";
  else if (sqlite)
    snippet = "SELECT snippet(corpus_items_fts, 1, '«', '»', '…', 24) FROM corpus_items_fts "
              "WHERE corpus_items_fts MATCH ? AND rowid = ?";
  else
    snippet = "SELECT ts_headline('english', rationale, websearch_to_tsquery('english', ?), "
              "'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=…') "
              "FROM corpus_item_texts WHERE id = ?";

  SearchResult result;
  db.transact([&](sql::Session& s) {
    // Counted exactly up to the bound: a broad match is not read whole to say how broad.
    std::vector<sql::Param> count_params = w.params;
    const int64_t bound = std::max<int64_t>(1, o.total_bound);
    count_params.push_back(bound + 1);
    if (o.count_total)
      result.total = s.integer(
          "SELECT COUNT(*) FROM (SELECT 1 FROM " + w.from + " WHERE " + w.condition + " LIMIT ?) t", count_params);
    if (result.total > bound) {
      result.total = bound;
      result.total_is_lower_bound = true;
    }
    std::optional<std::vector<SearchHit>> quick;
    const bool shortcut = sqlite && !o.every_match;
    if (shortcut && relevance)
      quick = best_ranked_page(s, o.filter, terms, limit, offset);
    else if (shortcut && (result.total_is_lower_bound || result.total >= kBroadMatch || !o.count_total))
      quick = newest_page_walking_dates(s, o.filter, limit, offset);
    if (quick)
      result.hits = std::move(*quick);
    else
      s.run(page, params, [&](const sql::Row& r) { result.hits.push_back(read_hit(r)); });
    for (SearchHit& h : result.hits) {
      std::vector<sql::Param> ps;
      if (text) ps.push_back(terms);
      ps.push_back(h.item_id);
      s.run(snippet, ps, [&](const sql::Row& r) { h.snippet = r.text(0); });
    }
  });
  return result;
}

std::optional<StoredLetter> find_letter(sql::Database& db, int64_t letter_id) {
  std::optional<StoredLetter> out;
  db.transact([&](sql::Session& s) {
    s.run("SELECT id, case_number, letter_json, source_name, is_current FROM corpus_letters WHERE id = ?", {letter_id},
          [&](const sql::Row& r) { out = StoredLetter{r.integer(0), r.text(1), r.text(2), r.text(3), r.flag(4)}; });
  });
  return out;
}

}  // namespace imr::corpus
