#include "service/case_json.h"

namespace imr {

using nlohmann::json;

namespace {

json parse_or_string(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  return j.is_discarded() ? json(text) : j;
}

}  // namespace

json to_json(const SubmitResult& r) {
  return {{"case_id", r.case_id},
          {"created", r.created},
          {"consolidated", r.consolidated},
          {"already_stored", r.already_stored},
          {"eligibility", to_json(r.finding)}};
}

json to_json(const AssignmentResult& r) {
  json out = to_json(CaseAssignment{r.reviewer_id, r.explanation, r.excluded, r.required_specialties, {}});
  out.erase("at");  // not stored yet
  json& items = out["items"] = json::array();
  for (const auto& i : r.items)
    items.push_back({{"request", i.request}, {"specialties", i.specialties}, {"basis", i.basis}});
  return out;
}

json to_json(const CaseItem& i) {
  json out = item_json(i);
  out["changed"] = i.changed();
  out["decided_at"] = i.decided_at ? i.decided_at->iso() : "";
  return out;
}

json to_json(const DeadlineView& d) {
  return {{"what", d.deadline.what},
          {"due", d.deadline.due.iso()},
          {"met_at", d.deadline.met_at ? json(d.deadline.met_at->iso()) : json(nullptr)},
          {"state", d.state},
          {"basis", d.deadline.basis}};
}

json record_json(const RecordRow& r) {
  return {{"id", r.id},           {"title", r.title},         {"date", r.date},
          {"sender", r.sender},   {"received_at", r.received_at}, {"media_type", r.media_type},
          {"source_name", r.source_name}, {"characters", r.text.size()}, {"sha256", r.sha256}};
}

json to_json(const CaseView& v) {
  const CaseFile& f = v.file;
  json records = json::array(), deadlines = json::array(), items = json::array(), signed_rows = json::array(),
       applications = json::array(), events = json::array();
  for (const auto& r : v.records) records.push_back(record_json(r));
  for (const auto& d : v.deadlines) deadlines.push_back(to_json(d));
  for (const auto& i : f.doc.items) items.push_back(to_json(i));
  for (const auto& s : v.signed_determinations) signed_rows.push_back(to_json(s));
  for (const auto& a : v.applications) applications.push_back({{"application_id", a.application_id}, {"received", a.received}});
  for (const auto& e : v.events) events.push_back({{"kind", to_string(e.kind)}, {"at", e.at.iso()}, {"detail", e.detail}});
  json eligibility = to_json(f.doc.eligibility);
  eligibility["basis"] = f.doc.eligibility.filing_deadline_basis;  // the name this view has always used
  return {{"case_id", f.id},
          {"status", to_string(f.status)},
          {"open", f.open},
          {"expedited", f.expedited},
          {"reviewer_id", f.reviewer_id},
          {"received", f.received},
          {"version", f.version},
          {"due", f.due},
          {"due_what", f.due_what},
          {"eligibility", eligibility},
          {"assignment", f.doc.assignment ? to_json(*f.doc.assignment) : json(nullptr)},
          {"applications", applications},
          {"records", records},
          {"events", events},
          {"deadlines", deadlines},
          {"items", items},
          {"drafted", f.doc.draft.has_value()},
          {"draft_stale", f.doc.draft && f.doc.draft->stale},
          {"draft", f.doc.draft ? f.doc.draft->review : json(nullptr)},
          {"signed", signed_rows}};
}

json to_json(const QueueEntry& e) {
  // The disputed requests, so a queue reads at a glance ("Norco 10/325mg #180").
  json requests = json::array();
  for (const auto& item : parse_case_document(e.document, e.file.id).items) requests.push_back(item.request);
  return {{"case_id", e.file.id},   {"status", to_string(e.file.status)}, {"expedited", e.file.expedited},
          {"reviewer_id", e.file.reviewer_id}, {"received", e.file.received}, {"due", e.file.due},
          {"due_what", e.file.due_what}, {"due_state", e.due_state}, {"requests", requests}};
}

json to_json(const SignedRow& s) {
  return {{"sequence", s.sequence},
          {"signed_by", s.signed_by},
          {"signed_at", s.signed_at},
          {"reason", s.reason},
          {"determination", parse_or_string(s.determination)}};
}

json to_json(const AuditRow& a) {
  return {{"id", a.id}, {"at", a.at}, {"actor", a.actor}, {"action", a.action}, {"detail", parse_or_string(a.detail)}};
}

json to_json(const Reviewer& r) {
  return {{"id", r.id},
          {"name", r.name},
          {"specialties", r.specialties},
          {"subspecialties", r.subspecialties},
          {"board_certifications", r.board_certifications},
          {"licensure_states", r.licensure_states},
          {"years_in_practice", r.years_in_practice},
          {"hours_per_week", r.hours_per_week},
          {"active", r.active}};
}

json to_json(const ImportSummary& s) {
  return {{"imported", s.imported}, {"skipped", s.skipped}, {"ineligible", s.ineligible},
          {"consolidated", s.consolidated}, {"records", s.records}};
}

}  // namespace imr
