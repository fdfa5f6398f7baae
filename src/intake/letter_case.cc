#include "intake/letter_case.h"

namespace imr {

Case case_from_letter(const Letter& letter) {
  Case c;
  c.case_id = letter.file;
  c.claimant.age = letter.claimant_age;
  c.claimant.sex = letter.claimant_sex;
  // The summary's date of injury, else the header table's.
  c.date_of_injury = letter.date_of_injury ? letter.date_of_injury : letter.header.date_of_injury;
  c.diagnoses = letter.diagnoses;
  Record r;
  r.title = "Clinical case summary";
  r.text = letter.case_summary;
  // The latest date mentioned, other than the injury date, stands for the record's date.
  size_t pos = 0;
  while (auto m = find_date(r.text, pos)) {
    if (!(c.date_of_injury && m->date == *c.date_of_injury) &&
        m->date.precision == Date::Precision::kDay &&
        (!r.date || m->date.last_day() > r.date->last_day()))
      r.date = m->date;
    pos = m->end;
  }
  c.records.push_back(std::move(r));
  // What UR did and cited travels with the requests, so the draft can show it; the
  // reviewer's decisions and rationales stay behind. The UR date is the header's UR denial
  // date, so the requests are judged as of the UR decision. A modified request is disputed
  // for its remainder: that is the request, and what UR certified goes with it.
  UrDecision ur;
  ur.date = letter.header.ur_denial_date;
  for (const auto& item : letter.items) {
    c.requests.push_back(item.request);
    UrItem u;
    u.request = item.request;
    u.action = item.modified ? "modified" : "denied";
    u.certified = item.certified;
    u.date_of_service = item.date_of_service;
    for (const auto& cite : item.claims_administrator_citations)
      u.guideline += (u.guideline.empty() ? "" : " ") + cite.text;
    ur.items.push_back(std::move(u));
  }
  c.ur = std::move(ur);
  ReviewerProfile p;
  p.licensure = letter.reviewer.licensure;
  p.certifications = letter.reviewer.certifications;
  p.subspecialties = letter.reviewer.subspecialties;
  if (!p.empty()) c.reviewer = p;
  return c;
}

}  // namespace imr
