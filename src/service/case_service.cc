// The case service: intake, records, reviewers, assignment and reading.
// Review, sign-off and amendments are in case_review.cc; the letter out in case_letter.cc.
#include "service/case_service.h"

#include "core/limits.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "core/error.h"
#include "core/limits.h"
#include "intake/request.h"
#include "core/hash.h"
#include "core/text.h"
#include "service/case_internal.h"
#include "service/reviewer.h"

namespace imr {

using namespace case_internal;

ServiceContext load_service_context(const std::string& data_dir, std::shared_ptr<const Knowledge> knowledge) {
  ServiceContext ctx;
  ctx.knowledge = std::move(knowledge);
  ctx.calendar = HolidayCalendar::load((std::filesystem::path(data_dir) / "holidays").string());
  ctx.specialties = SpecialtyMap::load((std::filesystem::path(data_dir) / "specialties.yaml").string());
  ctx.data_dir = data_dir;
  return ctx;
}

CaseService::CaseService(Store& store, const ServiceContext& context)
    : store_(store), context_(context), engine_(context.knowledge) {}

namespace {

CaseItem new_item(const ApplicationUrItem& item, const std::string& application_id) {
  CaseItem i;
  i.request = item.request;
  i.ur_action = item.action;
  i.certified = item.certified;
  i.guideline = item.guideline;
  i.application_id = application_id;
  return i;
}

std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), ::tolower);
  return s;
}

// Adds the application's UR items not already on the case (same request, ignoring case);
// returns how many were added.
size_t add_items(CaseDocument& doc, const Application& app) {
  if (!app.ur) return 0;
  size_t added = 0;
  for (const auto& item : app.ur->items) {
    const bool known = std::any_of(doc.items.begin(), doc.items.end(),
                                   [&](const CaseItem& i) { return lowercase(i.request) == lowercase(item.request); });
    if (known) continue;
    doc.add_item(new_item(item, app.application_id));
    ++added;
  }
  return added;
}

json reason_codes(const EligibilityFinding& f) {
  json codes = json::array();
  for (const auto& r : f.reasons) codes.push_back(r.code);
  return codes;
}

CaseParties parties_of(const Application& a) {
  CaseParties p;
  p.worker = a.worker.name;
  p.employer = a.employer.name;
  p.insurer = a.insurer;
  p.claims_administrator = a.claims_administrator.name;
  p.requesting_physician = a.requesting_physician.name;
  p.medical_group = a.requesting_physician.medical_group;
  if (a.representative) {
    p.representative = a.representative->name;
    p.representative_firm = a.representative->firm;
  }
  return p;
}

}  // namespace

SubmitResult CaseService::submit(const Application& app, const std::string& actor) {
  const Timestamp now = context_.clock();
  SubmitResult result;
  store_.transact([&](StoreTx& tx) { result = submit_in(tx, app, actor, now); });
  return result;
}

SubmitResult CaseService::submit_in(StoreTx& tx, const Application& app, const std::string& actor, Timestamp now) {
  SubmitResult result;
  if (auto stored = tx.find_application(app.application_id)) {
    result = SubmitResult{stored->case_id, false, false, true, {}};
    if (auto row = tx.find_case(stored->case_id)) result.finding = case_file(*row).doc.eligibility;
    return result;
  }
  const std::string key = consolidation_key(app);
  auto open = tx.find_open_case_by_key(key);
  std::vector<Application> under_review;
  if (open) under_review = applications_of(tx, open->id);
  result.finding = screen_application(app, under_review, context_.calendar);

  if (result.finding.eligible && open) {
    CaseFile file = case_file(*open);
    file.doc.application_ids.push_back(app.application_id);
    const size_t added = add_items(file.doc, app);
    if (file.doc.draft && added > 0) file.doc.draft->stale = true;
    file.expedited = file.expedited || app.expedited;
    tx.insert_application({app.application_id, file.id, app.received.iso(), app.json});
    refresh_due(tx, file, context_);
    save_case(tx, file);
    record_audit(tx, file.id, now, actor, "consolidated",
                 {{"application_id", app.application_id}, {"items_added", added}});
    result.case_id = file.id;
    result.consolidated = true;
    return result;
  }

  const int year = app.received.year;
  CaseFile file;
  file.id = fmt::format("CM{:02}-{:07}", year % 100, tx.next_sequence(fmt::format("case-{}", year)));
  file.status = result.finding.eligible ? CaseStatus::kEligible : CaseStatus::kIneligible;
  file.expedited = app.expedited;
  file.open = result.finding.eligible;
  file.consolidation_key = key;
  file.received = app.received.iso();
  file.doc.application_ids = {app.application_id};
  file.doc.eligibility = result.finding;
  add_items(file.doc, app);
  // A new case's events are these two: its deadline is known before the row is written once.
  const std::vector<CaseEvent> events = {
      {EventKind::kReceived, Timestamp::at(app.received), ""},
      {result.finding.eligible ? EventKind::kEligible : EventKind::kIneligible, now, ""}};
  set_due(file, events, context_);
  tx.insert_case(imr::case_row(file));
  file.version = 1;
  tx.insert_application({app.application_id, file.id, app.received.iso(), app.json});
  for (const auto& e : events) tx.append_event({0, file.id, to_string(e.kind), e.at.iso(), e.detail});
  record_audit(tx, file.id, now, actor, "created",
               {{"application_id", app.application_id}, {"expedited", app.expedited}, {"items", file.doc.items.size()}});
  record_audit(tx, file.id, now, "system", "screened",
               {{"eligible", result.finding.eligible}, {"reasons", reason_codes(result.finding)}});
  result.case_id = file.id;
  result.created = true;
  return result;
}

namespace {

// docs/limits.md: records per case and their text together, with `adding` more records of
// `adding_text` bytes. Throws InputError naming `source`.
void check_record_limits(StoreTx& tx, const std::string& case_id, size_t adding, size_t adding_text,
                         const std::string& source) {
  size_t count = adding, text = adding_text;
  for (const auto& existing : tx.records(case_id, /*with_content=*/false)) {
    ++count;
    text += existing.text.size();
  }
  if (count > limits::kMaxRecordsPerCase)
    throw InputError(source, "case " + case_id + " would have more than " + std::to_string(limits::kMaxRecordsPerCase) +
                                 " records (the limit)");
  if (text > limits::kMaxCaseTextBytes)
    throw InputError(source, "the records of case " + case_id + " would hold more than " +
                                 std::to_string(limits::kMaxCaseTextBytes) + " bytes of text (the limit)");
}

}  // namespace

int64_t CaseService::attach_record(const std::string& case_id, const IncomingRecord& record,
                                   const std::string& actor, CaseWrite* write) {
  const Timestamp now = context_.clock();
  int64_t id = 0;
  bool refused = false;
  store_.transact([&](StoreTx& tx) {
    CaseFile file = load_case(tx, case_id, write);
    if (file.status == CaseStatus::kSigned || !file.open) {
      refused = true;
      return;
    }
    check_record_limits(tx, file.id, 1, record.text.size(), record.source_name);
    id = attach_in(tx, file, record, actor, now);
    if (write) write->version = file.version;
  });
  if (refused)
    refuse(store_, case_id, now, actor, "attach_record",
           "case " + case_id + " is closed or signed: records can no longer be attached");
  return id;
}

int64_t CaseService::attach_in(StoreTx& tx, CaseFile& file, const IncomingRecord& record, const std::string& actor,
                               Timestamp now) {
  RecordRow r;
  r.case_id = file.id;
  r.title = record.title;
  r.date = record.date ? record.date->iso() : "";
  r.sender = record.sender;
  r.received_at = now.iso();
  r.media_type = record.media_type;
  r.source_name = record.source_name;
  // PostgreSQL text cannot hold NUL bytes (a PDF's extracted text sometimes has them).
  r.text = record.text;
  std::replace(r.text.begin(), r.text.end(), '\0', ' ');
  r.content = record.content;
  r.sha256 = sha256_hex(record.content.empty() ? record.text : record.content);
  const size_t before = tx.records(file.id, false).size();
  const int64_t id = tx.insert_record(r);
  if (tx.records(file.id, false).size() == before) return id;  // the same file again: nothing new
  if (file.doc.draft) {
    file.doc.draft->stale = true;
    save_case(tx, file);
  }
  record_audit(tx, file.id, now, actor, "record_attached",
               {{"record_id", id}, {"media_type", record.media_type}, {"bytes", record.text.size()}});
  return id;
}

ImportSummary CaseService::import_batch(const std::vector<ImportCase>& batch, const std::string& actor) {
  const Timestamp now = context_.clock();
  ImportSummary summary;
  store_.transact([&](StoreTx& tx) {
    summary = {};
    for (const auto& item : batch) {
      const SubmitResult r = submit_in(tx, item.application, actor, now);
      if (r.already_stored) {
        ++summary.skipped;
        continue;
      }
      ++summary.imported;
      if (!r.finding.eligible) ++summary.ineligible;
      if (r.consolidated) ++summary.consolidated;
      if (item.records.empty() || !r.finding.eligible) continue;
      CaseFile file = load_case(tx, r.case_id);
      size_t text = 0;
      for (const auto& record : item.records) text += record.text.size();
      check_record_limits(tx, file.id, item.records.size(), text, "import");
      for (const auto& record : item.records) attach_in(tx, file, record, actor, now);
      summary.records += item.records.size();
    }
  });
  return summary;
}

void CaseService::records_complete(const std::string& case_id, const std::string& actor, CaseWrite* write) {
  const Timestamp now = context_.clock();
  std::string why;
  store_.transact([&](StoreTx& tx) {
    CaseFile file = load_case(tx, case_id, write);
    if (file.status != CaseStatus::kAssigned && file.status != CaseStatus::kAwaitingRecords) {
      why = "case " + case_id + " is " + status_words(file.status) +
            ": records can be marked complete only once a reviewer is assigned";
      return;
    }
    const size_t records = tx.records(case_id, false).size();
    if (records == 0) {
      why = "case " + case_id + " has no records attached";
      return;
    }
    file.status = CaseStatus::kInReview;
    add_event(tx, file, context_, EventKind::kRecordsReceived, now);
    save_case(tx, file);
    if (write) write->version = file.version;
    record_audit(tx, case_id, now, actor, "records_complete", {{"records", records}});
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "records_complete", why);
}

size_t CaseService::import_reviewers(std::string_view registry_json, const std::string& file,
                                     const std::string& actor) {
  const Timestamp now = context_.clock();
  const auto reviewers = parse_reviewer_registry(registry_json, file, context_.specialties);
  const json doc = json::parse(registry_json);  // valid: the registry parser accepted it
  const json& entries = doc["reviewers"];
  store_.transact([&](StoreTx& tx) {
    json ids = json::array();
    for (size_t i = 0; i < reviewers.size(); ++i) {
      tx.upsert_reviewer({reviewers[i].id, entries[i].dump(), reviewers[i].active});
      ids.push_back(reviewers[i].id);
    }
    record_audit(tx, "", now, actor, "reviewers_imported", {{"reviewers", ids}});
  });
  return reviewers.size();
}

std::vector<Reviewer> CaseService::reviewers() const {
  json entries = json::array();
  store_.transact([&](StoreTx& tx) {
    for (const auto& r : tx.reviewers()) entries.push_back(json::parse(r.json));
  });
  if (entries.empty()) return {};
  return parse_reviewer_registry(json{{"reviewers", entries}}.dump(), "the reviewer registry", context_.specialties);
}

AssignmentResult CaseService::assign(const std::string& case_id, const std::string& actor, CaseWrite* write) {
  const Timestamp now = context_.clock();
  const std::vector<Reviewer> registry = reviewers();
  AssignmentResult result;
  std::string why;
  store_.transact([&](StoreTx& tx) {
    CaseFile file = load_case(tx, case_id, write);
    const std::string previous = file.reviewer_id;  // a re-assignment says whom it replaced
    if (file.status != CaseStatus::kEligible && file.status != CaseStatus::kAssigned) {
      why = "case " + case_id + " is " + status_words(file.status) +
            ": only an eligible case not yet under review can be assigned";
      return;
    }
    const auto apps = applications_of(tx, case_id);
    const Knowledge& k = *context_.knowledge;
    std::optional<Date> on = apps.empty() || !apps.front().ur ? std::nullopt : apps.front().ur->date;
    std::vector<DisputedItemForAssignment> items;
    for (const auto& item : file.doc.items) {
      const ParsedRequest p = parse_request(item.request, k.drugs, k.services);
      DisputedItemForAssignment d{item.request, "", "", p.service};
      if (p.drug) d.drug_class = p.drug->drug_class;
      if (const RulePack* pack = k.rules.for_request(p, on)) d.topic = pack->topic;
      items.push_back(std::move(d));
    }
    std::map<std::string, ReviewerLoad> load;
    for (const auto& [id, l] : tx.open_load_by_reviewer()) load[id] = {l.open_expedited, l.open_total};
    if (!file.reviewer_id.empty() && load.count(file.reviewer_id)) {  // this case is not extra work
      load[file.reviewer_id].open_total -= 1;
      if (file.expedited) load[file.reviewer_id].open_expedited -= 1;
    }
    result = assign_reviewer(items, parties_of(apps.front()), file.expedited, registry, load, context_.specialties);
    file.doc.assignment =
        CaseAssignment{result.reviewer_id, result.explanation, result.excluded, result.required_specialties, now};
    if (result.reviewer_id) {
      file.reviewer_id = *result.reviewer_id;
      file.status = CaseStatus::kAssigned;
      add_event(tx, file, context_, EventKind::kAssigned, now, *result.reviewer_id);
    }
    save_case(tx, file);
    if (write) write->version = file.version;
    record_audit(tx, case_id, now, actor,
                 !result.reviewer_id ? "assignment_failed" : previous.empty() ? "assigned" : "reassigned",
                 {{"reviewer_id", result.reviewer_id ? json(*result.reviewer_id) : json(nullptr)},
                  {"previous_reviewer_id", previous.empty() ? json(nullptr) : json(previous)},
                  {"excluded", result.excluded.size()}});
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "assign", why);
  return result;
}

AssignmentResult CaseService::assign_by_hand(const std::string& case_id, const std::string& reviewer_id,
                                             const std::string& reason, const std::string& actor, CaseWrite* write) {
  const Timestamp now = context_.clock();
  const std::vector<Reviewer> registry = reviewers();
  AssignmentResult result;
  std::string why;
  store_.transact([&](StoreTx& tx) {
    CaseFile file = load_case(tx, case_id, write);
    if (file.status != CaseStatus::kEligible && file.status != CaseStatus::kAssigned) {
      why = "case " + case_id + " is " + status_words(file.status) +
            ": only an eligible case not yet under review can be assigned";
      return;
    }
    if (!file.doc.needs_manual_assignment()) {
      why = "case " + case_id +
            (file.doc.assignment ? " has a fitting reviewer: assign it automatically"
                                 : " has not been through automatic assignment yet: assign it first, and by hand only "
                                   "when no reviewer fits");
      return;
    }
    if (trim(reason).empty()) {
      why = "an assignment by hand needs the reason no fitting reviewer could be chosen";
      return;
    }
    const auto chosen = std::find_if(registry.begin(), registry.end(), [&](const Reviewer& r) { return r.id == reviewer_id; });
    if (chosen == registry.end()) throw NotFoundError("no reviewer '" + reviewer_id.substr(0, 40) + "' in the registry");
    const auto apps = applications_of(tx, case_id);
    const auto refusals = hand_assignment_refusals(*chosen, parties_of(apps.front()));
    if (!refusals.empty()) {
      why = "reviewer " + reviewer_id + " cannot review case " + case_id + ": " + join(refusals, " ");
      return;
    }
    result.reviewer_id = reviewer_id;
    result.explanation = "Assigned by hand to reviewer " + reviewer_id + " by " + actor + ": " +
                         std::string(trim(reason)) + " (no reviewer in the registry fitted every disputed item).";
    result.excluded = file.doc.assignment->excluded;
    std::erase_if(result.excluded, [&](const Exclusion& e) { return e.reviewer_id == reviewer_id; });
    result.required_specialties = file.doc.assignment->required_specialties;
    CaseAssignment a{result.reviewer_id, result.explanation, result.excluded, result.required_specialties, now};
    a.manual = true;
    a.reason = std::string(trim(reason));
    a.by = actor;
    file.doc.assignment = a;
    file.reviewer_id = reviewer_id;
    file.status = CaseStatus::kAssigned;
    add_event(tx, file, context_, EventKind::kAssigned, now, reviewer_id);
    save_case(tx, file);
    if (write) write->version = file.version;
    record_audit(tx, case_id, now, actor, "assigned_by_hand", {{"reviewer_id", reviewer_id}, {"reason", a.reason}});
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "assign_by_hand", why);
  return result;
}

void CaseService::notice_sent(const std::string& case_id, const std::string& method, const std::string& actor,
                              CaseWrite* write) {
  const Timestamp now = context_.clock();
  if (method != "mail" && method != "electronic")
    throw InputError("", "the notice of assignment is sent by \"mail\" or \"electronic\", not \"" + method + "\"");
  std::string why;
  store_.transact([&](StoreTx& tx) {
    CaseFile file = load_case(tx, case_id, write);
    if (file.status != CaseStatus::kAssigned) {
      why = "case " + case_id + " is " + status_words(file.status) + ": the notice of assignment follows assignment";
      return;
    }
    file.doc.notice_method = method;
    file.status = CaseStatus::kAwaitingRecords;
    add_event(tx, file, context_, EventKind::kNoticeSent, now, method);
    save_case(tx, file);
    if (write) write->version = file.version;
    record_audit(tx, case_id, now, actor, "notice_sent", {{"method", method}});
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "notice_sent", why);
}

namespace {

std::string deadline_state(const Deadline& d, Timestamp now, const HolidayCalendar& cal) {
  if (d.met_at) return *d.met_at <= d.due ? "met" : "met late";
  if (d.ended_at) return "ended";
  return to_string(due_state(d, now, cal));
}

}  // namespace

CaseView CaseService::view(const std::string& case_id, const std::string& actor) {
  const Timestamp now = context_.clock();
  CaseView v;
  store_.transact([&](StoreTx& tx) {
    v.file = load_case(tx, case_id);
    if (actor == v.file.reviewer_id && v.file.status == CaseStatus::kInReview && !v.file.doc.opened_at) {
      v.file.doc.opened_at = now;
      save_case(tx, v.file);
      record_audit(tx, case_id, now, actor, "opened");
    }
    v.applications = tx.applications(case_id);
    v.records = tx.records(case_id, false);
    v.events = case_events(case_id, tx.events(case_id));
    for (auto& d : compute_deadlines(v.events, v.file.expedited, context_.calendar))
      v.deadlines.push_back({d, deadline_state(d, now, context_.calendar)});
    v.signed_determinations = tx.signed_determinations(case_id);
    std::vector<std::string> texts;
    for (const auto& r : v.records) texts.push_back(r.text);
    v.particulars = case_particulars(applications_of(tx, case_id), texts,
                                     v.file.doc.draft ? &*v.file.doc.draft : nullptr, context_.knowledge->vocabulary);
    for (const auto& item : v.file.doc.items)
      if (!item.topic.empty()) v.topic_labels[item.topic] = topic_label(item.topic);
    record_audit(tx, case_id, now, actor, "viewed");
  });
  return v;
}

std::vector<QueueEntry> CaseService::open_cases(const OpenCaseQuery& query) const {
  const Timestamp now = context_.clock();
  std::vector<QueueEntry> out;
  store_.transact([&](StoreTx& tx) {
    for (auto& row : tx.list_open_cases(query)) {
      QueueEntry e{case_header(row), "", std::move(row.document)};
      if (auto due = parse_timestamp(e.file.due)) {
        Deadline d;
        d.what = e.file.due_what;
        d.due = *due;
        d.expedited = e.file.expedited;
        d.short_window = d.what == "assignment_notice" || e.file.expedited;
        e.due_state = to_string(due_state(d, now, context_.calendar));
      }
      out.push_back(std::move(e));
    }
  });
  return out;
}

CaseRow CaseService::case_row(const std::string& case_id) const {
  std::optional<CaseRow> row;
  store_.transact([&](StoreTx& tx) { row = tx.find_case(case_id); });
  if (!row) throw NotFoundError("no case " + case_id);
  return *row;
}
RecordRow CaseService::record(const std::string& case_id, int64_t record_id, const std::string& actor) {
  const Timestamp now = context_.clock();
  std::optional<RecordRow> found;
  store_.transact([&](StoreTx& tx) {
    load_case(tx, case_id);
    for (auto& r : tx.records(case_id, /*with_content=*/true))
      if (r.id == record_id) found = std::move(r);
    if (!found) throw NotFoundError(fmt::format("case {} has no record {}", case_id, record_id));
    record_audit(tx, case_id, now, actor, "record_viewed", {{"record_id", record_id}});
  });
  return *found;
}

void CaseService::refuse_access(const std::string& case_id, const std::string& actor, const std::string& attempted,
                                const std::string& why) {
  refuse(store_, case_id, context_.clock(), actor, attempted, why);
}

std::string CaseService::topic_label(const std::string& topic) const {
  const RulePack* pack = context_.knowledge->rules.by_topic(topic);
  return pack && !pack->title.empty() ? pack->title : topic;
}

std::vector<CaseFile> CaseService::all_cases() const {
  std::vector<CaseFile> out;
  store_.transact([&](StoreTx& tx) {
    constexpr int kPage = 1000;
    for (int offset = 0;; offset += kPage) {
      auto page = tx.list_cases(kPage, offset);
      const bool last = page.size() < kPage;
      for (const auto& row : page) out.push_back(case_file(row));
      if (last) break;
    }
  });
  return out;
}

std::vector<AuditRow> CaseService::audit_trail(const std::string& case_id, const std::string& actor) {
  const Timestamp now = context_.clock();
  std::vector<AuditRow> out;
  store_.transact([&](StoreTx& tx) {
    load_case(tx, case_id);
    record_audit(tx, case_id, now, actor, "audit_viewed");
    out = tx.audit(case_id);
  });
  return out;
}

}  // namespace imr
