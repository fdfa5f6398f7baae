#include "corpus/rollup.h"

#include <algorithm>
#include <functional>
#include <iterator>
#include <vector>

#include "corpus/record.h"
#include "corpus/writer.h"

namespace imr::corpus {
namespace {

struct Fixed {
  std::string dimension, value;
};

// The filter's constraints as dimension values; nullopt when it has one the rollups do not keep.
std::optional<std::vector<Fixed>> fixed_values(sql::Session& s, const Filter& f) {
  if (!f.text.empty() || !f.decision.empty() || !f.specialty.empty() || !f.guideline.empty() ||
      !f.section.empty() || !f.from.empty() || !f.to.empty() || f.all_versions)
    return std::nullopt;
  std::vector<Fixed> out;
  if (!f.category.empty()) out.push_back({"category", filter_key(f.category)});
  if (!f.body_region.empty()) out.push_back({"body_region", filter_key(f.body_region)});
  if (!f.priority.empty()) out.push_back({"priority", filter_key(f.priority)});
  if (f.year) out.push_back({"year", *f.year ? std::to_string(*f.year) : ""});
  if (!f.drug.empty()) {
    // The filter is "class or generic name": the class alone when no current item names that
    // drug (the rollup counts them by name; a query on the rows could be planned as a scan).
    const std::string d = filter_key(f.drug);
    if (s.integer("SELECT items FROM corpus_rollup WHERE dimension = 'drug' AND value = ?", {d}, 0) > 0)
      return std::nullopt;
    out.push_back({"drug_class", d});
  }
  return out;
}

bool keeps_pairs_for(const std::string& dimension) {
  return std::any_of(std::begin(kPairFilterDimensions), std::end(kPairFilterDimensions),
                     [&](const char* d) { return dimension == d; });
}

}  // namespace

std::optional<Stats> stats_from_rollup(sql::Session& s, const Filter& filter, const std::string& dimension) {
  auto fixed = fixed_values(s, filter);
  if (!fixed) return std::nullopt;
  // A value of the dimension asked for keeps only that row.
  std::optional<std::string> only;
  for (auto it = fixed->begin(); it != fixed->end(); ++it)
    if (it->dimension == dimension) {
      only = it->value;
      fixed->erase(it);
      break;
    }
  if (fixed->size() > 1 || (fixed->size() == 1 && !keeps_pairs_for(fixed->front().dimension))) return std::nullopt;

  Stats out;
  out.dimension = dimension;
  // Every item has exactly one priority (perhaps ""), so its rows add up to the items selected.
  auto read = [&](const std::string& dim, const std::function<void(const std::string&, int64_t, int64_t)>& fn) {
    if (fixed->empty())
      s.run("SELECT value, items, overturned FROM corpus_rollup WHERE dimension = ? AND items > 0", {dim},
            [&](const sql::Row& r) { fn(r.text(0), r.integer(1), r.integer(2)); });
    else
      s.run("SELECT value, items, overturned FROM corpus_rollup_pairs WHERE filter_dimension = ? AND "
            "filter_value = ? AND dimension = ? AND items > 0",
            {fixed->front().dimension, fixed->front().value, dim},
            [&](const sql::Row& r) { fn(r.text(0), r.integer(1), r.integer(2)); });
  };
  read(dimension, [&](const std::string& value, int64_t items, int64_t overturned) {
    if (!only || value == *only) out.rows.push_back({value, wilson(items, overturned)});
  });
  if (only) {
    // The one row is every item selected (only a dimension with one value an item is fixed).
    out.total = out.rows.empty() ? wilson(0, 0) : out.rows.front().rate;
    return out;
  }
  int64_t items = 0, overturned = 0;
  read("priority", [&](const std::string&, int64_t i, int64_t o) {
    items += i;
    overturned += o;
  });
  out.total = wilson(items, overturned);
  return out;
}

}  // namespace imr::corpus
