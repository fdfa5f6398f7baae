#include "corpus/answer_json.h"

namespace imr::corpus {

using nlohmann::json;

json to_json(const Rate& r) {
  return {{"items", r.items}, {"overturned", r.overturned}, {"rate", r.rate}, {"low", r.low}, {"high", r.high}};
}

json to_json(const SearchHit& h) {
  return {{"item_id", h.item_id},         {"letter_id", h.letter_id},         {"position", h.position},
          {"case_number", h.case_number}, {"decision_date", h.decision_date}, {"request", h.request},
          {"decision", h.decision},       {"category", h.category},           {"body_region", h.body_region},
          {"drug", h.drug},               {"drug_class", h.drug_class},       {"specialty", h.specialty},
          {"priority", h.priority},       {"current", h.current},             {"snippet", h.snippet}};
}

json to_json(const Stats& st, size_t top) {
  json rows = json::array();
  for (const StatsRow& r : st.rows) {
    if (top > 0 && rows.size() >= top) break;
    json j = to_json(r.rate);
    j["value"] = r.value;
    rows.push_back(std::move(j));
  }
  return {{"dimension", st.dimension}, {"total", to_json(st.total)}, {"rows", rows}, {"rows_total", st.rows.size()}};
}

json to_json(const Precedents& p) {
  json similar = json::array();
  for (const SearchHit& h : p.similar) similar.push_back(to_json(h));
  return {{"request", p.request}, {"category", p.category}, {"body_region", p.body_region},
          {"rate", to_json(p.rate)}, {"similar", similar}};
}

}  // namespace imr::corpus
