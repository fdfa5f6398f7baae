// The decision corpus in the workbench (docs/api.md, docs/corpus.md): search, statistics,
// facets, one letter, and the precedents of a case's item. Open to every signed-in role (the
// letters are published and redacted); a case's precedents only to those who may read the case.
//
// Every query parameter is checked before the corpus is read: a name the route does not take,
// a name given twice, a value too long, a control character, a value out of its set or range
// is a 400 naming the parameter. Work per request is bounded: pages of at most kMaxPageSize
// items no deeper than kMaxOffset, statistics tables of at most kMaxStatsRows rows, at most
// kMaxSearchWords words of full text. Nothing here reaches the engine or a case's draft.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <set>

#include "core/date.h"
#include "core/error.h"
#include "core/text.h"
#include "corpus/answer_json.h"
#include "corpus/precedents.h"
#include "corpus/search.h"
#include "corpus/stats.h"
#include "server/api.h"
#include "service/case_document.h"

namespace imr::server {

using nlohmann::json;

namespace {

constexpr int kDefaultPageSize = 20;
constexpr int kMaxPageSize = 100;
constexpr int kMaxOffset = 10'000;
constexpr int kDefaultStatsRows = 50;
constexpr int kMaxStatsRows = 200;
constexpr int kFacetValues = 100;
constexpr int kDefaultPrecedents = 5;
constexpr int kMaxPrecedents = 20;
constexpr size_t kMaxTextLength = 200;  // the words searched for
constexpr size_t kMaxValueLength = 100;  // any other value
constexpr size_t kMaxSearchWords = 16;

// The filter parameters search and stats share.
const std::vector<std::string>& filter_parameters() {
  static const std::vector<std::string> names = {"q",         "category", "region",   "drug",     "decision",
                                                 "specialty", "guideline", "section", "priority", "from",
                                                 "to",        "year",     "all_versions"};
  return names;
}

// The query's parameters, checked against the names a route takes.
class Query {
 public:
  Query(const Request& req, std::vector<std::string> names) : req_(req) {
    std::set<std::string> allowed(names.begin(), names.end());
    for (const auto& [name, value] : req.params) {
      if (!allowed.count(name))
        bad_request("unknown query parameter '" + name.substr(0, 40) + "' (this route takes: " + join(names, ", ") + ")");
      if (req.params.count(name) > 1) bad_request("query parameter '" + name + "' is given more than once");
      const size_t max = name == "q" ? kMaxTextLength : kMaxValueLength;
      if (value.size() > max)
        bad_request("query parameter '" + name + "' is longer than " + std::to_string(max) + " characters");
      for (unsigned char c : value)
        if (c < 0x20 || c == 0x7f) bad_request("query parameter '" + name + "' holds a control character");
    }
  }

  // The value, "" when absent.
  std::string text(const char* name) const { return req_.has_param(name) ? req_.get_param_value(name) : ""; }

  // A value from a fixed set ("" when absent).
  std::string one_of(const char* name, const std::vector<std::string>& values) const {
    const std::string v = text(name);
    if (!v.empty() && std::find(values.begin(), values.end(), v) == values.end())
      bad_request("query parameter '" + std::string(name) + "' must be " + join(values, ", ") + ", not '" + v + "'");
    return v;
  }

  // An identifier of the corpus's own vocabulary: a category, a body region.
  std::string identifier(const char* name) const {
    const std::string v = text(name);
    for (char c : v)
      if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
        bad_request("query parameter '" + std::string(name) + "' must be an identifier like lumbar_spine (a-z, 0-9, _)");
    return v;
  }

  std::string date(const char* name) const {
    const std::string v = text(name);
    if (v.empty()) return v;
    const auto d = parse_date(v);
    if (!d || d->iso() != v) bad_request("query parameter '" + std::string(name) + "' must be a date YYYY-MM-DD");
    return v;
  }

  bool flag(const char* name) const { return one_of(name, {"true", "false"}) == "true"; }

  int integer(const char* name, int fallback, int min, int max) const { return query_int(req_, name, fallback, min, max); }

 private:
  const Request& req_;
};

std::vector<std::string> with_filters(std::vector<std::string> names) {
  names.insert(names.begin(), filter_parameters().begin(), filter_parameters().end());
  return names;
}

corpus::Filter filter_of(const Query& q) {
  corpus::Filter f;
  f.text = q.text("q");
  if (!f.text.empty()) {
    std::string terms;
    try {
      terms = corpus::fts_query(f.text);
    } catch (const InputError&) {
      bad_request("query parameter 'q' has no word to look for");
    }
    if (std::count(terms.begin(), terms.end(), '"') / 2 > static_cast<long>(kMaxSearchWords))
      bad_request("query parameter 'q' has more than " + std::to_string(kMaxSearchWords) + " words and phrases");
  }
  f.category = q.identifier("category");
  f.body_region = q.identifier("region");
  f.drug = q.text("drug");
  f.decision = q.one_of("decision", {"upheld", "overturned"});
  f.specialty = q.text("specialty");
  f.guideline = q.text("guideline");
  f.section = q.text("section");
  f.priority = q.one_of("priority", {"standard", "expedited"});
  f.from = q.date("from");
  f.to = q.date("to");
  if (!f.from.empty() && !f.to.empty() && f.to < f.from) bad_request("query parameter 'to' is before 'from'");
  if (!q.text("year").empty()) f.year = q.integer("year", 0, 1900, 2100);
  f.all_versions = q.flag("all_versions");
  return f;
}

sql::Database& corpus_db(const Api& api) {
  if (!api.corpus.db) throw HttpError(503, "corpus_unavailable", "this server was started without the decision corpus");
  return *api.corpus.db;
}

int64_t letter_id_param(const Call& c) {
  const std::string text = c.param(1);
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
    throw HttpError(404, "not_found", "no letter '" + text.substr(0, 40) + "' in the corpus");
  return id;
}

// The case item a precedents request names: its number (1, 2, ...) or its id ("item-2").
const CaseItem& case_item(const CaseDocument& doc, const std::string& case_id, const std::string& which) {
  if (which.rfind("item-", 0) == 0) {
    if (const CaseItem* item = doc.item(which)) return *item;
  } else {
    size_t n = 0;
    auto [end, ec] = std::from_chars(which.data(), which.data() + which.size(), n);
    if (ec == std::errc() && end == which.data() + which.size() && n >= 1 && n <= doc.items.size())
      return doc.items[n - 1];
  }
  throw HttpError(404, "not_found", "case " + case_id + " has no item '" + which.substr(0, 40) + "'");
}

}  // namespace

void add_corpus_routes(Api& api) {
  api.add({"GET", "/api/corpus/search"}, [&api](Call& c) {
    const Query q(c.req, with_filters({"order", "limit", "offset"}));
    corpus::SearchOptions o;
    o.filter = filter_of(q);
    o.by_relevance = q.one_of("order", {"newest", "relevance"}) == "relevance";
    if (o.by_relevance && o.filter.text.empty())
      bad_request("query parameter 'order=relevance' needs words to rank by in 'q'");
    o.limit = q.integer("limit", kDefaultPageSize, 1, kMaxPageSize);
    o.offset = q.integer("offset", 0, 0, kMaxOffset);
    const corpus::SearchResult r = corpus::search(corpus_db(api), o);
    json hits = json::array();
    for (const auto& h : r.hits) hits.push_back(corpus::to_json(h));
    send_json(c.res, 200,
              {{"total", r.total}, {"offset", o.offset}, {"limit", o.limit}, {"max_offset", kMaxOffset}, {"hits", hits}});
  });

  api.add({"GET", "/api/corpus/stats"}, [&api](Call& c) {
    const Query q(c.req, with_filters({"by", "top"}));
    const corpus::Filter f = filter_of(q);
    const std::string by = q.text("by").empty() ? "category" : q.one_of("by", corpus::stats_dimensions());
    const int top = q.integer("top", kDefaultStatsRows, 1, kMaxStatsRows);
    send_json(c.res, 200, corpus::to_json(corpus::stats(corpus_db(api), f, by), static_cast<size_t>(top)));
  });

  // The values each filter can take, with their items, over the whole current corpus (the
  // rollup the writer keeps: a few hundred rows whatever the corpus's size).
  api.add({"GET", "/api/corpus/facets"}, [&api](Call& c) {
    const Query q(c.req, {});
    sql::Database& db = corpus_db(api);
    json out = json::object();
    for (const std::string& dimension : corpus::stats_dimensions()) {
      const corpus::Stats st = corpus::stats(db, corpus::Filter{}, dimension);
      json values = json::array();
      for (const auto& row : st.rows) {
        if (values.size() >= static_cast<size_t>(kFacetValues)) break;
        if (!row.value.empty()) values.push_back({{"value", row.value}, {"items", row.rate.items}});
      }
      out[dimension] = values;
      if (dimension == "category") out["total"] = corpus::to_json(st.total);
    }
    send_json(c.res, 200, out);
  });

  api.add({"GET", "/api/corpus/letters/{id}"}, [&api](Call& c) {
    const Query q(c.req, {});
    const int64_t id = letter_id_param(c);
    const auto letter = corpus::find_letter(corpus_db(api), id);
    if (!letter) throw HttpError(404, "not_found", "no letter " + std::to_string(id) + " in the corpus");
    json out = json::parse(letter->letter_json);
    out.erase("file");  // where the ingesting machine read it: the name alone is enough
    out["corpus"] = {{"letter_id", letter->id},
                     {"case_number", letter->case_number},
                     {"current", letter->current},
                     {"source", std::filesystem::path(letter->source_name).filename().string()}};
    send_json(c.res, 200, out);
  });

  api.add({"GET", "/api/corpus/precedents"}, [&api](Call& c) {
    const Query q(c.req, {"case", "item", "limit"});
    const std::string case_id = q.text("case"), which = q.text("item");
    if (case_id.empty()) bad_request("query parameter 'case' is required (a case id)");
    if (which.empty()) bad_request("query parameter 'item' is required (its number from 1, or its id)");
    const int limit = q.integer("limit", kDefaultPrecedents, 1, kMaxPrecedents);
    sql::Database& db = corpus_db(api);
    const CaseFile file = case_file(readable_case(api, c, case_id, "precedents"));
    const CaseItem& item = case_item(file.doc, case_id, which);
    json out = corpus::to_json(
        corpus::find_precedents(db, item.request, *api.corpus.drugs, *api.corpus.services, limit, case_id));
    out["case_id"] = case_id;
    out["item_id"] = item.id;
    send_json(c.res, 200, out);
  });
}

}  // namespace imr::server
