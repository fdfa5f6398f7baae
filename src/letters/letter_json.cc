#include "letters/letter_json.h"

namespace imr {

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
          {"claims_administrator_citations", std::move(ca)},
          {"reviewer_citations", std::move(rv)},
          {"rationale", item.rationale}};
}

nlohmann::json to_json(const Letter& l) {
  nlohmann::json items = nlohmann::json::array();
  for (const LetterItem& item : l.items) items.push_back(to_json(item));
  nlohmann::json out;
  out["file"] = l.file;
  out["layout"] = l.layout;
  out["reviewer"] = {{"licensure", l.reviewer.licensure},
                     {"certifications", l.reviewer.certifications},
                     {"subspecialties", l.reviewer.subspecialties}};
  out["claimant"] = {{"age", l.claimant_age ? nlohmann::json(*l.claimant_age) : nlohmann::json()},
                     {"sex", l.claimant_sex}};
  out["date_of_injury"] = l.date_of_injury ? nlohmann::json(l.date_of_injury->iso()) : nlohmann::json();
  out["diagnoses"] = l.diagnoses;
  out["case_summary"] = l.case_summary;
  out["items"] = std::move(items);
  return out;
}

}  // namespace imr
