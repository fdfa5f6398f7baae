#include "corpus/stats.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/text.h"
#include "corpus/rollup.h"

namespace imr::corpus {
namespace {

// The column (of corpus_items i) each dimension groups by.
std::string column_of(const std::string& dimension) {
  if (dimension == "category") return "i.category";
  if (dimension == "body_region") return "i.body_region";
  if (dimension == "drug_class") return "i.drug_class";
  if (dimension == "specialty") return "i.specialty";
  if (dimension == "year") return "CAST(i.year AS TEXT)";
  if (dimension == "priority") return "i.priority";
  return "";
}

void sort_rows(std::vector<StatsRow>& rows) {
  std::sort(rows.begin(), rows.end(), [](const StatsRow& a, const StatsRow& b) {
    if (a.rate.items != b.rate.items) return a.rate.items > b.rate.items;
    return a.value < b.value;
  });
}

}  // namespace

const std::vector<std::string>& stats_dimensions() {
  static const std::vector<std::string> d = {"category", "body_region", "drug_class", "specialty",
                                             "section",  "year",        "priority"};
  return d;
}

Rate wilson(int64_t items, int64_t overturned) {
  Rate r;
  r.items = items;
  r.overturned = overturned;
  if (items <= 0) return r;
  const double n = static_cast<double>(items), p = static_cast<double>(overturned) / n, z = 1.96, z2 = z * z;
  const double denominator = 1 + z2 / n;
  const double centre = (p + z2 / (2 * n)) / denominator;
  const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
  r.rate = p;
  r.low = std::max(0.0, centre - half);
  r.high = std::min(1.0, centre + half);
  return r;
}

Stats stats(sql::Database& db, const Filter& filter, const std::string& dimension) {
  const auto& dims = stats_dimensions();
  if (std::find(dims.begin(), dims.end(), dimension) == dims.end())
    throw InputError("--by", "must be one of " + join(dims, ", ") + ", not '" + dimension + "'");
  validate(filter);
  Stats out;
  out.dimension = dimension;
  db.transact([&](sql::Session& s) {
    if (auto rolled = stats_from_rollup(s, filter, dimension)) {
      out = std::move(*rolled);
      return;
    }
    const Where w = build_where(filter, s.dialect());
    std::string query;
    if (dimension == "section")
      query = "SELECT g, COUNT(*), SUM(o) FROM (SELECT DISTINCT i.id, s.label AS g, i.overturned AS o FROM " +
              w.from + " JOIN corpus_citations c ON c.item_id = i.id AND c.by_reviewer = 1 "
              "JOIN corpus_sections s ON s.id = c.section_id WHERE " + w.condition + ") t GROUP BY g";
    else
      query = "SELECT " + column_of(dimension) + ", COUNT(*), SUM(i.overturned) FROM " + w.from + " WHERE " +
              w.condition + " GROUP BY " + column_of(dimension);
    int64_t items = 0, overturned = 0;
    s.run(query, w.params, [&](const sql::Row& r) {
      std::string value = r.text(0);
      if (dimension == "year" && value == "0") value.clear();
      out.rows.push_back({value, wilson(r.integer(1), r.integer(2))});
      items += r.integer(1);
      overturned += r.integer(2);
    });
    // An item has one value of every dimension but section (any number of sections, or none).
    if (dimension == "section")
      s.run("SELECT COUNT(*), SUM(i.overturned) FROM " + w.from + " WHERE " + w.condition, w.params,
            [&](const sql::Row& r) { items = r.integer(0), overturned = r.integer(1); });
    out.total = wilson(items, overturned);
  });
  sort_rows(out.rows);
  return out;
}

}  // namespace imr::corpus
