#include "corpus/search.h"

#include <algorithm>


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

}  // namespace

SearchResult search(sql::Database& db, const SearchOptions& o) {
  validate(o.filter);
  const sql::Dialect dialect = db.dialect();
  const Where w = build_where(o.filter, dialect);
  const bool text = !o.filter.text.empty();
  const bool relevance = o.by_relevance && text;
  const bool sqlite = dialect == sql::Dialect::sqlite;
  const std::string terms = text ? fts_query(o.filter.text, o.filter.any_word) : "";
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
  params.push_back(std::clamp(o.limit, 1, 1000));
  params.push_back(std::max(0, o.offset));

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
    s.run(page, params, [&](const sql::Row& r) { result.hits.push_back(read_hit(r)); });
    for (SearchHit& h : result.hits) {
      std::vector<sql::Param> ps;
      if (text) ps.push_back(terms);
      ps.push_back(h.item_id);
      s.run(snippet, ps, [&](const sql::Row& r) { h.snippet = r.text(0); });
    }
    result.total = s.integer("SELECT COUNT(*) FROM " + w.from + " WHERE " + w.condition, w.params);
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
