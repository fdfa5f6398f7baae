#include "service/case_json.h"

#include <algorithm>

#include "render/letter_layout.h"

namespace imr {

using nlohmann::json;

namespace {

// A text record without form feeds is counted in pages of this many lines.
constexpr size_t kLinesPerTextPage = 60;

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

size_t record_pages(const RecordRow& r) {
  const auto feeds = static_cast<size_t>(std::count(r.text.begin(), r.text.end(), '\f'));
  if (feeds > 0 || r.media_type == "application/pdf") return feeds + 1;
  const auto lines = static_cast<size_t>(std::count(r.text.begin(), r.text.end(), '\n')) + 1;
  return std::max<size_t>(1, (lines + kLinesPerTextPage - 1) / kLinesPerTextPage);
}

json record_json(const RecordRow& r) {
  return {{"id", r.id},           {"title", r.title},         {"date", r.date},
          {"sender", r.sender},   {"received_at", r.received_at}, {"media_type", r.media_type},
          {"source_name", r.source_name}, {"characters", r.text.size()}, {"pages", record_pages(r)},
          {"sha256", r.sha256}};
}

json to_json(const CaseView& v) {
  const CaseFile& f = v.file;
  json records = json::array(), deadlines = json::array(), items = json::array(), signed_rows = json::array(),
       applications = json::array(), events = json::array();
  for (const auto& r : v.records) records.push_back(record_json(r));
  for (const auto& d : v.deadlines) deadlines.push_back(to_json(d));
  for (const auto& i : f.doc.items) {
    json item = to_json(i);
    auto label = v.topic_labels.find(i.topic);
    item["topic_label"] = label == v.topic_labels.end() ? i.topic : label->second;
    items.push_back(item);
  }
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
          {"draft_summary", f.doc.draft ? json(f.doc.draft->summary) : json(nullptr)},
          {"summary", f.doc.summary ? json(*f.doc.summary) : json(nullptr)},
          {"blocking", f.doc.draft && f.status == CaseStatus::kInReview ? json(signing_blockers(f.doc)) : json::array()},
          {"particulars", to_json(v.particulars)},
          {"no_reviewer_fits", f.doc.needs_manual_assignment()},
          {"review_record", f.doc.review_record ? to_json(*f.doc.review_record) : json(nullptr)},
          {"signed", signed_rows}};
}

json to_json(const QueueEntry& e) {
  // The disputed requests, so a queue reads at a glance ("Norco 10/325mg #180").
  json requests = json::array();
  const CaseDocument doc = parse_case_document(e.document, e.file.id);
  for (const auto& item : doc.items) requests.push_back(item.request);
  return {{"case_id", e.file.id},   {"status", to_string(e.file.status)}, {"expedited", e.file.expedited},
          {"reviewer_id", e.file.reviewer_id}, {"received", e.file.received}, {"due", e.file.due},
          {"due_what", e.file.due_what}, {"due_state", e.due_state}, {"requests", requests},
          {"no_reviewer_fits", doc.needs_manual_assignment()},
          {"assigned_by_hand", doc.assignment && doc.assignment->manual}};
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

json to_json(const LetterPreview& p) {
  json changes = json::array();
  for (const auto& c : p.changes) changes.push_back(to_json(c));
  // The unwrapped texts are for display: one line per paragraph, wrapped by the reader.
  return {{"text", p.text},
          {"engine_text", p.engine_text},
          {"unwrapped", unwrap_letter_text(p.text)},
          {"engine_unwrapped", unwrap_letter_text(p.engine_text)},
          {"letter_sha256", p.sha256},
          {"changes", changes},
          {"blocking", p.blocking},
          {"attestation", kSigningAttestation}};
}

json to_json(const ImportSummary& s) {
  return {{"imported", s.imported}, {"skipped", s.skipped}, {"ineligible", s.ineligible},
          {"consolidated", s.consolidated}, {"records", s.records}};
}

}  // namespace imr
