#include "letters/letter_json.h"

namespace imr {
namespace {

nlohmann::json date_json(const std::optional<Date>& d) { return d ? nlohmann::json(d->iso()) : nlohmann::json(); }

}  // namespace

nlohmann::json to_json(const Citation& c) {
  return {{"source", c.source},
          {"family", citation_family(c)},
          {"section", c.section},
          {"pages", c.pages},
          {"text", c.text}};
}

nlohmann::json to_json(const LetterItem& item) {
  nlohmann::json ca = nlohmann::json::array(), rv = nlohmann::json::array();
  for (const Citation& c : item.claims_administrator_citations) ca.push_back(to_json(c));
  for (const Citation& c : item.reviewer_citations) rv.push_back(to_json(c));
  return {{"request", item.request},
          {"decision", to_string(item.decision)},
          {"modified", item.modified},
          {"original_request", item.original_request},
          {"certified", item.certified},
          {"retrospective", item.retrospective},
          {"date_of_service", date_json(item.date_of_service)},
          {"category", item.category},
          {"body_region", item.body_region},
          {"body_regions", item.body_regions},
          {"laterality", item.laterality},
          {"claims_administrator_citations", std::move(ca)},
          {"reviewer_citations", std::move(rv)},
          {"rationale", item.rationale}};
}

nlohmann::json to_json(const LetterHeader& h) {
  return {{"case_number", h.case_number},
          {"date_assigned", date_json(h.date_assigned)},
          {"decision_date", date_json(h.decision_date)},
          {"ur_denial_date", date_json(h.ur_denial_date)},
          {"priority", h.priority},
          {"application_received", date_json(h.application_received)},
          {"date_of_injury", date_json(h.date_of_injury)}};
}

nlohmann::json to_json(const Letter& l) {
  nlohmann::json items = nlohmann::json::array();
  for (const LetterItem& item : l.items) items.push_back(to_json(item));
  nlohmann::json out;
  out["file"] = l.file;
  out["layout"] = l.layout;
  out["header"] = to_json(l.header);
  out["reviewer"] = {{"licensure", l.reviewer.licensure},
                     {"certifications", l.reviewer.certifications},
                     {"subspecialties", l.reviewer.subspecialties}};
  out["claimant"] = {{"age", l.claimant_age ? nlohmann::json(*l.claimant_age) : nlohmann::json()},
                     {"sex", l.claimant_sex}};
  out["date_of_injury"] = date_json(l.date_of_injury);
  out["diagnoses"] = l.diagnoses;
  out["case_summary"] = l.case_summary;
  out["items"] = std::move(items);
  return out;
}

}  // namespace imr
