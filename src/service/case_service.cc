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
#include "service/case_internal.h"
#include "service/reviewer.h"

namespace imr {

using namespace case_internal;

ServiceContext load_service_context(const std::string& data_dir, std::shared_ptr<const Knowledge> knowledge) {
  ServiceContext ctx;
  ctx.knowledge = std::move(knowledge);
  ctx.calendar = HolidayCalendar::load((std::filesystem::path(data_dir) / "holidays").string());
  ctx.specialties = SpecialtyMap::load((std::filesystem::path(data_dir) / "specialties.yaml").string());
  return ctx;
}

CaseService::CaseService(Store& store, const ServiceContext& context)
    : store_(store), context_(context), engine_(context.knowledge) {}

namespace {

json eligibility_json(const EligibilityFinding& f) {
  json reasons = json::array();
  for (const auto& r : f.reasons) reasons.push_back({{"code", r.code}, {"text", r.text}});
  return {{"eligible", f.eligible},
          {"reasons", reasons},
          {"filing_deadline", f.filing_deadline ? json(f.filing_deadline->iso()) : json(nullptr)},
          {"basis", f.filing_deadline_basis}};
}

EligibilityFinding eligibility_from(const json& j) {
  EligibilityFinding f;
  f.eligible = j.value("eligible", false);
  for (const auto& r : j.value("reasons", json::array()))
    f.reasons.push_back({r.value("code", ""), r.value("text", "")});
  if (j.contains("filing_deadline") && j["filing_deadline"].is_string())
    f.filing_deadline = parse_date(j["filing_deadline"].get<std::string>());
  f.filing_deadline_basis = j.value("basis", "");
  return f;
}

json new_item(const ApplicationUrItem& item, const std::string& application_id) {
  return {{"request", item.request},   {"ur_action", item.action},     {"certified", item.certified},
          {"guideline", item.guideline}, {"application_id", application_id}, {"engine_decision", nullptr},
          {"engine_rationale", ""},    {"decision", nullptr},           {"rationale", ""},
          {"reason", ""},              {"decided_by", ""},              {"decided_at", ""}};
}

// Adds the application's UR items not already on the case (same request, ignoring case).
void add_items(json& doc, const Application& app) {
  json& items = doc["items"];
  if (!app.ur) return;
  for (const auto& item : app.ur->items) {
    const bool known = std::any_of(items.begin(), items.end(), [&](const json& i) {
      std::string a = i.value("request", ""), b = item.request;
      std::transform(a.begin(), a.end(), a.begin(), ::tolower);
      std::transform(b.begin(), b.end(), b.begin(), ::tolower);
      return a == b;
    });
    if (!known) items.push_back(new_item(item, app.application_id));
  }
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
  {
    if (auto stored = tx.find_application(app.application_id)) {
      result = SubmitResult{stored->case_id, false, false, true, {}};
      if (auto row = tx.find_case(stored->case_id))
        result.finding = eligibility_from(document_of(*row).value("eligibility", json::object()));
      return result;
    }
    const std::string key = consolidation_key(app);
    auto open = tx.find_open_case_by_key(key);
    std::vector<Application> under_review;
    if (open) under_review = applications_of(tx, open->id);
    result.finding = screen_application(app, under_review, context_.calendar);

    if (result.finding.eligible && open) {
      CaseRow row = *open;
      json doc = document_of(row);
      doc["application_ids"].push_back(app.application_id);
      const size_t before = doc["items"].size();
      add_items(doc, app);
      if (doc.contains("draft") && doc["items"].size() != before) doc["draft"]["stale"] = true;
      row.expedited = row.expedited || app.expedited;
      tx.insert_application({app.application_id, row.id, app.received.iso(), app.json});
      row.document = doc.dump();
      refresh_due(tx, row, context_);
      tx.update_case(row);
      record_audit(tx, row.id, now, actor, "consolidated",
            {{"application_id", app.application_id}, {"items_added", doc["items"].size() - before}});
      result.case_id = row.id;
      result.consolidated = true;
      return result;
    }

    const int year = app.received.year;
    CaseRow row;
    row.id = fmt::format("CM{:02}-{:07}", year % 100, tx.next_sequence(fmt::format("case-{}", year)));
    row.status = result.finding.eligible ? kStatusEligible : kStatusIneligible;
    row.expedited = app.expedited;
    row.open = result.finding.eligible;
    row.consolidation_key = key;
    row.received = app.received.iso();
    json doc = {{"application_ids", json::array({app.application_id})},
                {"eligibility", eligibility_json(result.finding)},
                {"items", json::array()}};
    add_items(doc, app);
    row.document = doc.dump();
    tx.insert_case(row);
    row.version = 1;
    tx.insert_application({app.application_id, row.id, app.received.iso(), app.json});
    tx.append_event({0, row.id, "received", Timestamp::at(app.received).iso(), ""});
    add_event(tx, row, context_, result.finding.eligible ? "eligible" : "ineligible", now);
    tx.update_case(row);
    record_audit(tx, row.id, now, actor, "created",
          {{"application_id", app.application_id}, {"expedited", app.expedited}, {"items", doc["items"].size()}});
    record_audit(tx, row.id, now, "system", "screened",
          {{"eligible", result.finding.eligible}, {"reasons", reason_codes(result.finding)}});
    result.case_id = row.id;
    result.created = true;
  }
  return result;
}

namespace {

// docs/limits.md: records per case and their text together, with `adding` more records of
// `adding_text` bytes. Throws InputError naming `source`.
void check_record_limits(StoreTx& tx, const CaseRow& row, size_t adding, size_t adding_text, const std::string& source) {
  size_t count = adding, text = adding_text;
  for (const auto& existing : tx.records(row.id, /*with_content=*/false)) {
    ++count;
    text += existing.text.size();
  }
  if (count > limits::kMaxRecordsPerCase)
    throw InputError(source, "case " + row.id + " would have more than " + std::to_string(limits::kMaxRecordsPerCase) +
                                 " records (the limit)");
  if (text > limits::kMaxCaseTextBytes)
    throw InputError(source, "the records of case " + row.id + " would hold more than " +
                                 std::to_string(limits::kMaxCaseTextBytes) + " bytes of text (the limit)");
}

}  // namespace

int64_t CaseService::attach_record(const std::string& case_id, const IncomingRecord& record,
                                   const std::string& actor) {
  const Timestamp now = context_.clock();
  int64_t id = 0;
  bool refused = false;
  store_.transact([&](StoreTx& tx) {
    CaseRow row = load_case(tx, case_id);
    if (row.status == kStatusSigned || !row.open) {
      refused = true;
      return;
    }
    check_record_limits(tx, row, 1, record.text.size(), record.source_name);
    id = attach_in(tx, row, record, actor, now);
  });
  if (refused)
    refuse(store_, case_id, now, actor, "attach_record",
           "case " + case_id + " is closed or signed: records can no longer be attached");
  return id;
}

int64_t CaseService::attach_in(StoreTx& tx, CaseRow& row, const IncomingRecord& record, const std::string& actor,
                               Timestamp now) {
  RecordRow r;
  r.case_id = row.id;
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
  const size_t before = tx.records(row.id, false).size();
  const int64_t id = tx.insert_record(r);
  if (tx.records(row.id, false).size() == before) return id;  // the same file again: nothing new
  json doc = document_of(row);
  if (doc.contains("draft")) {
    doc["draft"]["stale"] = true;
    row.document = doc.dump();
    row.version = tx.update_case(row);
  }
  record_audit(tx, row.id, now, actor, "record_attached",
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
      CaseRow row = load_case(tx, r.case_id);
      size_t text = 0;
      for (const auto& record : item.records) text += record.text.size();
      check_record_limits(tx, row, item.records.size(), text, "import");
      for (const auto& record : item.records) attach_in(tx, row, record, actor, now);
      summary.records += item.records.size();
    }
  });
  return summary;
}

void CaseService::records_complete(const std::string& case_id, const std::string& actor) {
  const Timestamp now = context_.clock();
  std::string why;
  store_.transact([&](StoreTx& tx) {
    CaseRow row = load_case(tx, case_id);
    if (row.status != kStatusAssigned && row.status != kStatusAwaitingRecords) {
      why = "case " + case_id + " is " + row.status + ": records can be marked complete only once a reviewer is assigned";
      return;
    }
    if (tx.records(case_id, false).empty()) {
      why = "case " + case_id + " has no records attached";
      return;
    }
    row.status = kStatusInReview;
    add_event(tx, row, context_, "records_received", now);
    tx.update_case(row);
    record_audit(tx, case_id, now, actor, "records_complete", {{"records", tx.records(case_id, false).size()}});
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

AssignmentResult CaseService::assign(const std::string& case_id, const std::string& actor) {
  const Timestamp now = context_.clock();
  const std::vector<Reviewer> registry = reviewers();
  AssignmentResult result;
  std::string why;
  store_.transact([&](StoreTx& tx) {
    CaseRow row = load_case(tx, case_id);
    const std::string previous = row.reviewer_id;  // a re-assignment says whom it replaced
    if (row.status != kStatusEligible && row.status != kStatusAssigned) {
      why = "case " + case_id + " is " + row.status + ": only an eligible case not yet under review can be assigned";
      return;
    }
    json doc = document_of(row);
    const auto apps = applications_of(tx, case_id);
    const Knowledge& k = *context_.knowledge;
    std::optional<Date> on = apps.empty() || !apps.front().ur ? std::nullopt : apps.front().ur->date;
    std::vector<DisputedItemForAssignment> items;
    for (const auto& item : doc["items"]) {
      const std::string text = item.value("request", "");
      const ParsedRequest p = parse_request(text, k.drugs, k.services);
      DisputedItemForAssignment d{text, "", "", p.service};
      const RulePack* pack = nullptr;
      if (p.drug) {
        d.drug_class = p.drug->drug_class;
        pack = k.rules.for_drug(p.drug->key, p.drug->topic, p.drug->drug_class, on);
      } else if (!p.service_topic.empty()) {
        pack = k.rules.for_service(p.service_topic, on);
      }
      if (pack) d.topic = pack->topic;
      items.push_back(std::move(d));
    }
    std::map<std::string, ReviewerLoad> load;
    for (const auto& [id, l] : tx.open_load_by_reviewer()) load[id] = {l.open_expedited, l.open_total};
    if (!row.reviewer_id.empty() && load.count(row.reviewer_id)) {  // this case is not extra work
      load[row.reviewer_id].open_total -= 1;
      if (row.expedited) load[row.reviewer_id].open_expedited -= 1;
    }
    result = assign_reviewer(items, parties_of(apps.front()), row.expedited, registry, load, context_.specialties);
    json excluded = json::array();
    for (const auto& e : result.excluded) excluded.push_back({{"reviewer_id", e.reviewer_id}, {"reasons", e.reasons}});
    doc["assignment"] = {{"reviewer_id", result.reviewer_id ? json(*result.reviewer_id) : json(nullptr)},
                         {"explanation", result.explanation},
                         {"excluded", excluded},
                         {"required_specialties", result.required_specialties},
                         {"at", now.iso()}};
    row.document = doc.dump();
    if (result.reviewer_id) {
      row.reviewer_id = *result.reviewer_id;
      row.status = kStatusAssigned;
      add_event(tx, row, context_, "assigned", now, *result.reviewer_id);
    }
    tx.update_case(row);
    record_audit(tx, case_id, now, actor,
                 !result.reviewer_id ? "assignment_failed" : previous.empty() ? "assigned" : "reassigned",
                 {{"reviewer_id", result.reviewer_id ? json(*result.reviewer_id) : json(nullptr)},
                  {"previous_reviewer_id", previous.empty() ? json(nullptr) : json(previous)},
                  {"excluded", result.excluded.size()}});
  });
  if (!why.empty()) refuse(store_, case_id, now, actor, "assign", why);
  return result;
}

void CaseService::notice_sent(const std::string& case_id, const std::string& method, const std::string& actor) {
  const Timestamp now = context_.clock();
  if (method != "mail" && method != "electronic")
    throw InputError("", "the notice of assignment is sent by \"mail\" or \"electronic\", not \"" + method + "\"");
  std::string why;
  store_.transact([&](StoreTx& tx) {
    CaseRow row = load_case(tx, case_id);
    if (row.status != kStatusAssigned) {
      why = "case " + case_id + " is " + row.status + ": the notice of assignment follows assignment";
      return;
    }
    json doc = document_of(row);
    doc["notice_method"] = method;
    row.document = doc.dump();
    row.status = kStatusAwaitingRecords;
    add_event(tx, row, context_, "notice_sent", now, method);
    tx.update_case(row);
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
    v.row = load_case(tx, case_id);
    v.document = document_of(v.row);
    if (actor == v.row.reviewer_id && v.row.status == kStatusInReview && !v.document.contains("opened_at")) {
      v.document["opened_at"] = now.iso();
      v.row.document = v.document.dump();
      v.row.version = tx.update_case(v.row);
      record_audit(tx, case_id, now, actor, "opened");
    }
    v.applications = tx.applications(case_id);
    v.records = tx.records(case_id, false);
    v.events = tx.events(case_id);
    for (auto& d : compute_deadlines(case_events(v.events), v.row.expedited, context_.calendar))
      v.deadlines.push_back({d, deadline_state(d, now, context_.calendar)});
    v.items = items_of(v.document);
    v.signed_determinations = tx.signed_determinations(case_id);
    record_audit(tx, case_id, now, actor, "viewed");
  });
  return v;
}

std::vector<QueueEntry> CaseService::open_cases(const OpenCaseQuery& query) const {
  const Timestamp now = context_.clock();
  std::vector<QueueEntry> out;
  store_.transact([&](StoreTx& tx) {
    for (auto& row : tx.list_open_cases(query)) {
      QueueEntry e{std::move(row), ""};
      if (auto due = parse_timestamp(e.row.due)) {
        Deadline d;
        d.what = e.row.due_what;
        d.due = *due;
        d.expedited = e.row.expedited;
        d.short_window = d.what == "assignment_notice" || e.row.expedited;
        e.due_state = to_string(due_state(d, now, context_.calendar));
      }
      out.push_back(std::move(e));
    }
  });
  return out;
}

CaseRow CaseService::case_row(const std::string& case_id) const {
  CaseRow row;
  store_.transact([&](StoreTx& tx) { row = load_case(tx, case_id); });
  return row;
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

std::vector<CaseRow> CaseService::all_cases() const {
  std::vector<CaseRow> out;
  store_.transact([&](StoreTx& tx) {
    constexpr int kPage = 1000;
    for (int offset = 0;; offset += kPage) {
      auto page = tx.list_cases(kPage, offset);
      const bool last = page.size() < kPage;
      for (auto& row : page) out.push_back(std::move(row));
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

std::vector<ItemState> items_of(const json& document) {
  std::vector<ItemState> out;
  for (const auto& i : document.value("items", json::array())) {
    ItemState s;
    s.request = i.value("request", "");
    s.ur_action = i.value("ur_action", "");
    s.certified = i.value("certified", "");
    s.engine_decision = decision_from(i.value("engine_decision", json(nullptr)));
    s.engine_rationale = i.value("engine_rationale", "");
    s.decision = decision_from(i.value("decision", json(nullptr)));
    s.rationale = i.value("rationale", "");
    s.reason = i.value("reason", "");
    s.decided_by = i.value("decided_by", "");
    s.decided_at = i.value("decided_at", "");
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace imr
