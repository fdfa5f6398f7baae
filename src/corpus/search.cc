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
  h.snippet = r.text(14);
  return h;
}

}  // namespace

SearchResult search(sql::Database& db, const SearchOptions& o) {
  validate(o.filter);
  const sql::Dialect dialect = db.dialect();
  const Where w = build_where(o.filter, dialect);
  const bool text = !o.filter.text.empty();
  const bool relevance = o.by_relevance && text;
  std::string query;
  std::vector<sql::Param> params;
  if (dialect == sql::Dialect::sqlite) {
    const std::string snippet = text ? "snippet(corpus_items_fts, 1, '«', '»', '…', 24)" : "substr(i.rationale, 1, 200)";
    const std::string order = relevance ? "bm25(corpus_items_fts, 4.0, 1.0), i.id DESC" : "i.decision_date DESC, i.id DESC";
    query = std::string("SELECT ") + kColumns + ", " + snippet + " FROM " + w.from + " WHERE " + w.condition +
            " ORDER BY " + order + " LIMIT ? OFFSET ?";
    params = w.params;
  } else {
    // The page first, then the headline of its rows only (ts_headline reads the whole text).
    const std::string rank = relevance ? "ts_rank(i.search, websearch_to_tsquery('english', ?))" : "0";
    const std::string snippet =
        text ? "ts_headline('english', p.rationale, websearch_to_tsquery('english', ?), "
               "'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=…')"
             : "substr(p.rationale, 1, 200)";
    const std::string order = relevance ? "rank DESC, id DESC" : "decision_date DESC, id DESC";
    query = "SELECT p.id, p.letter_id, p.position, p.case_number, p.decision_date, p.request, p.overturned, "
            "p.category, p.body_region, p.drug, p.drug_class, p.specialty, p.priority, p.is_current, " + snippet +
            " FROM (SELECT " + kColumns + ", i.rationale, " + rank + " AS rank FROM " + w.from + " WHERE " +
            w.condition + " ORDER BY " + order + " LIMIT ? OFFSET ?) p ORDER BY " + order;
    if (text) params.push_back(fts_query(o.filter.text, o.filter.any_word));
    if (relevance) params.push_back(fts_query(o.filter.text, o.filter.any_word));
    params.insert(params.end(), w.params.begin(), w.params.end());
  }
  params.push_back(std::clamp(o.limit, 1, 1000));
  params.push_back(std::max(0, o.offset));

  SearchResult result;
  db.transact([&](sql::Session& s) {
    s.run(query, params, [&](const sql::Row& r) { result.hits.push_back(read_hit(r)); });
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
