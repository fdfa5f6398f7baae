#include "service/case_document.h"

#include <utility>

#include "core/enum_names.h"

#include "store/store.h"

namespace imr {

using nlohmann::json;

namespace {

constexpr std::pair<CaseStatus, const char*> kStatusNames[] = {
    {CaseStatus::kReceived, "received"},   {CaseStatus::kIneligible, "ineligible"},
    {CaseStatus::kEligible, "eligible"},   {CaseStatus::kAssigned, "assigned"},
    {CaseStatus::kAwaitingRecords, "awaiting_records"}, {CaseStatus::kInReview, "in_review"},
    {CaseStatus::kSigned, "signed"},
};

// Reads one stored document, naming the case and the field in every complaint.
class Reader {
 public:
  explicit Reader(const std::string& case_id) : case_id_(case_id) {}

  [[noreturn]] void fail(const std::string& where, const std::string& problem) const {
    throw StoreError("case " + case_id_ + ": stored document: " + where + " " + problem);
  }

  const json* field(const json& object, const char* key, const std::string& where) const {
    if (!object.is_object()) fail(where, "is not an object");
    auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
  }
  std::string text(const json& object, const char* key, const std::string& where) const {
    const json* v = field(object, key, where);
    if (!v) return "";
    if (!v->is_string()) fail(where + "." + key, "is not a string");
    return v->get<std::string>();
  }
  std::optional<std::string> maybe_text(const json& object, const char* key, const std::string& where) const {
    if (!field(object, key, where)) return std::nullopt;
    return text(object, key, where);
  }
  bool flag(const json& object, const char* key, const std::string& where) const {
    const json* v = field(object, key, where);
    if (!v) return false;
    if (!v->is_boolean()) fail(where + "." + key, "is not true or false");
    return v->get<bool>();
  }
  int64_t number(const json& object, const char* key, const std::string& where, int64_t otherwise) const {
    const json* v = field(object, key, where);
    if (!v) return otherwise;
    if (!v->is_number_integer()) fail(where + "." + key, "is not an integer");
    return v->get<int64_t>();
  }
  std::optional<Timestamp> time(const json& object, const char* key, const std::string& where) const {
    const std::string t = text(object, key, where);
    if (t.empty()) return std::nullopt;
    auto parsed = parse_timestamp(t);
    if (!parsed) fail(where + "." + key, "is not a timestamp: " + t.substr(0, 40));
    return parsed;
  }
  std::optional<Decision> decision(const json& object, const char* key, const std::string& where) const {
    const std::string d = text(object, key, where);
    if (d.empty()) return std::nullopt;
    if (d == "upheld") return Decision::kUpheld;
    if (d == "overturned") return Decision::kOverturned;
    fail(where + "." + key, "is not upheld or overturned: " + d.substr(0, 40));
  }
  std::vector<std::string> texts(const json& object, const char* key, const std::string& where) const {
    std::vector<std::string> out;
    for (const json& v : array(object, key, where)) {
      if (!v.is_string()) fail(where + "." + key, "holds something other than text");
      out.push_back(v.get<std::string>());
    }
    return out;
  }
  const json& array(const json& object, const char* key, const std::string& where) const {
    static const json kEmpty = json::array();
    const json* v = field(object, key, where);
    if (!v) return kEmpty;
    if (!v->is_array()) fail(where + "." + key, "is not an array");
    return *v;
  }

 private:
  const std::string& case_id_;
};

json time_json(const std::optional<Timestamp>& t) { return t ? json(t->iso()) : json(nullptr); }
json decision_json(const std::optional<Decision>& d) { return d ? json(to_string(*d)) : json(nullptr); }

EligibilityFinding read_eligibility(const Reader& in, const json& j, int64_t schema) {
  EligibilityFinding f;
  const std::string where = "eligibility";
  if (j.is_null()) return f;
  f.eligible = in.flag(j, "eligible", where);
  for (const json& r : in.array(j, "reasons", where))
    f.reasons.push_back({in.text(r, "code", where + ".reasons"), in.text(r, "text", where + ".reasons")});
  if (auto deadline = in.maybe_text(j, "filing_deadline", where)) {
    f.filing_deadline = parse_date(*deadline);
    if (!f.filing_deadline) in.fail(where + ".filing_deadline", "is not a date");
  }
  f.filing_deadline_basis = in.text(j, schema < 2 ? "basis" : "filing_deadline_basis", where);
  return f;
}

// An item's text fields as stored, read and written from this one list.
constexpr std::pair<const char*, std::string CaseItem::*> kItemTexts[] = {
    {"id", &CaseItem::id},
    {"request", &CaseItem::request},
    {"ur_action", &CaseItem::ur_action},
    {"certified", &CaseItem::certified},
    {"guideline", &CaseItem::guideline},
    {"application_id", &CaseItem::application_id},
    {"engine_rationale", &CaseItem::engine_rationale},
    {"topic", &CaseItem::topic},
    {"rationale", &CaseItem::rationale},
    {"reason", &CaseItem::reason},
    {"decided_by", &CaseItem::decided_by},
};

CaseItem read_item(const Reader& in, const json& j, const std::string& where) {
  CaseItem i;
  for (const auto& [key, field] : kItemTexts) i.*field = in.text(j, key, where);
  i.engine_decision = in.decision(j, "engine_decision", where);
  i.decision = in.decision(j, "decision", where);
  i.decided_at = in.time(j, "decided_at", where);
  for (const json& a : in.array(j, "answers", where))
    i.answers.push_back({in.text(a, "criterion", where + ".answers"), in.flag(a, "agree", where + ".answers"),
                         in.text(a, "note", where + ".answers")});
  i.rationale_written = in.flag(j, "rationale_written", where);
  if (in.field(j, "citations", where)) i.citations = in.texts(j, "citations", where);
  return i;
}

json answers_json(const std::vector<CriterionAnswer>& answers) {
  json out = json::array();
  for (const auto& a : answers) out.push_back({{"criterion", a.criterion}, {"agree", a.agree}, {"note", a.note}});
  return out;
}

ReviewRecord read_review_record(const Reader& in, const json& j) {
  const std::string where = "review_record";
  ReviewRecord r;
  r.reviewer_id = in.text(j, "reviewer_id", where);
  r.signed_at = in.time(j, "signed_at", where).value_or(Timestamp{});
  r.active_minutes = in.number(j, "active_minutes", where, 0);
  r.elapsed_minutes = in.number(j, "elapsed_minutes", where, -1);
  r.evidence_opened = static_cast<int>(in.number(j, "evidence_opened", where, 0));
  r.items = static_cast<int>(in.number(j, "items", where, 0));
  r.items_changed = static_cast<int>(in.number(j, "items_changed", where, 0));
  r.criteria_disagreed = static_cast<int>(in.number(j, "criteria_disagreed", where, 0));
  r.rationale_edited = in.flag(j, "rationale_edited", where);
  r.citations_edited = in.flag(j, "citations_edited", where);
  r.summary_edited = in.flag(j, "summary_edited", where);
  r.accepted_unchanged = in.flag(j, "accepted_unchanged", where);
  r.expedited = in.flag(j, "expedited", where);
  r.determination_due = in.time(j, "determination_due", where);
  r.review_started = in.time(j, "review_started", where);
  return r;
}

CaseAssignment read_assignment(const Reader& in, const json& j) {
  const std::string where = "assignment";
  CaseAssignment a;
  a.reviewer_id = in.maybe_text(j, "reviewer_id", where);
  a.explanation = in.text(j, "explanation", where);
  for (const json& e : in.array(j, "excluded", where))
    a.excluded.push_back({in.text(e, "reviewer_id", where + ".excluded"), in.texts(e, "reasons", where + ".excluded")});
  a.required_specialties = in.texts(j, "required_specialties", where);
  a.at = in.time(j, "at", where).value_or(Timestamp{});
  a.manual = in.flag(j, "manual", where);
  a.reason = in.text(j, "reason", where);
  a.by = in.text(j, "by", where);
  return a;
}

CaseDraft read_draft(const Reader& in, const json& j, CaseDocument& doc, int schema) {
  const std::string where = "draft";
  CaseDraft d;
  d.drafted_at = in.time(j, "drafted_at", where).value_or(Timestamp{});
  d.rules_version = in.text(j, "rules_version", where);
  d.drugs_version = in.text(j, "drugs_version", where);
  d.records = static_cast<size_t>(in.number(j, "records", where, 0));
  d.stale = in.flag(j, "stale", where);
  d.summary = in.text(j, "summary", where);
  if (const json* review = in.field(j, "review", where)) d.review = *review;
  if (schema >= 2) {
    d.item_ids = in.texts(j, "item_ids", where);
  } else {
    // Schema 1 matched the review's items to the case's by position: the first N items.
    size_t reviewed = d.review.is_object() && d.review.contains("items") && d.review["items"].is_array()
                          ? d.review["items"].size()
                          : doc.items.size();
    for (size_t i = 0; i < reviewed && i < doc.items.size(); ++i) {
      d.item_ids.push_back(doc.items[i].id);
      const json& determination = d.review["items"][i];
      if (determination.is_object() && determination.contains("topic") && determination["topic"].is_string())
        doc.items[i].topic = determination["topic"].get<std::string>();
    }
  }
  return d;
}

json draft_json(const CaseDraft& d) {
  return {{"drafted_at", d.drafted_at.iso()},
          {"rules_version", d.rules_version},
          {"drugs_version", d.drugs_version},
          {"records", d.records},
          {"item_ids", d.item_ids},
          {"stale", d.stale},
          {"summary", d.summary},
          {"review", d.review}};
}

}  // namespace

json item_json(const CaseItem& i) {
  json out = json::object();
  for (const auto& [key, field] : kItemTexts) out[key] = i.*field;
  out["engine_decision"] = decision_json(i.engine_decision);
  out["decision"] = decision_json(i.decision);
  out["decided_at"] = time_json(i.decided_at);
  out["answers"] = answers_json(i.answers);
  out["rationale_written"] = i.rationale_written;
  out["citations"] = i.citations ? json(*i.citations) : json(nullptr);
  return out;
}

json to_json(const ReviewRecord& r) {
  return {{"reviewer_id", r.reviewer_id},
          {"signed_at", r.signed_at.iso()},
          {"active_minutes", r.active_minutes},
          {"elapsed_minutes", r.elapsed_minutes},
          {"evidence_opened", r.evidence_opened},
          {"items", r.items},
          {"items_changed", r.items_changed},
          {"criteria_disagreed", r.criteria_disagreed},
          {"rationale_edited", r.rationale_edited},
          {"citations_edited", r.citations_edited},
          {"summary_edited", r.summary_edited},
          {"accepted_unchanged", r.accepted_unchanged},
          {"expedited", r.expedited},
          {"determination_due", time_json(r.determination_due)},
          {"review_started", time_json(r.review_started)},
          {"on_time", r.on_time()}};
}

json to_json(const CaseAssignment& a) {
  json excluded = json::array();
  for (const auto& e : a.excluded) excluded.push_back({{"reviewer_id", e.reviewer_id}, {"reasons", e.reasons}});
  return {{"reviewer_id", a.reviewer_id ? json(*a.reviewer_id) : json(nullptr)},
          {"explanation", a.explanation},
          {"excluded", excluded},
          {"required_specialties", a.required_specialties},
          {"at", a.at.iso()},
          {"manual", a.manual},
          {"reason", a.reason},
          {"by", a.by}};
}

std::string to_string(CaseStatus status) { return enum_name(kStatusNames, status); }
std::optional<CaseStatus> parse_case_status(std::string_view text) { return enum_from_name(kStatusNames, text); }

CaseItem* CaseDocument::item(const std::string& id) {
  for (auto& i : items)
    if (i.id == id) return &i;
  return nullptr;
}

const CaseItem* CaseDocument::item(const std::string& id) const {
  return const_cast<CaseDocument*>(this)->item(id);
}

const CriterionAnswer* CaseItem::answer(const std::string& criterion) const {
  for (const auto& a : answers)
    if (a.criterion == criterion) return &a;
  return nullptr;
}

const json* CaseDraft::item_review(const std::string& item_id) const {
  if (!review.is_object() || !review.contains("items") || !review["items"].is_array()) return nullptr;
  const json& items = review["items"];
  for (size_t i = 0; i < item_ids.size() && i < items.size(); ++i)
    if (item_ids[i] == item_id && items[i].is_object()) return &items[i];
  return nullptr;
}

std::vector<std::string> CaseDraft::decided_criteria(const std::string& item_id) const {
  std::vector<std::string> out;
  const json* item = item_review(item_id);
  if (!item || !item->contains("criteria") || !(*item)["criteria"].is_array()) return out;
  for (const json& c : (*item)["criteria"])
    if (c.is_object() && c.value("decided", false) && c.contains("id") && c["id"].is_string())
      out.push_back(c["id"].get<std::string>());
  return out;
}

CaseItem& CaseDocument::add_item(CaseItem i) {
  i.id = "item-" + std::to_string(next_item++);
  items.push_back(std::move(i));
  return items.back();
}

CaseDocument parse_case_document(std::string_view text, const std::string& case_id) {
  const Reader in(case_id);
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) in.fail("text", "is not a JSON object");
  const int64_t schema = in.number(j, "schema", "document", 1);
  if (schema < 1 || schema > kCaseDocumentSchema)
    in.fail("schema", std::to_string(schema) + " is not one this program knows (upgrade imr)");
  CaseDocument doc;
  doc.application_ids = in.texts(j, "application_ids", "document");
  if (const json* e = in.field(j, "eligibility", "document")) doc.eligibility = read_eligibility(in, *e, schema);
  const json& items = in.array(j, "items", "document");
  for (size_t i = 0; i < items.size(); ++i) {
    CaseItem item = read_item(in, items[i], "items[" + std::to_string(i) + "]");
    if (schema < 2) item.id = "item-" + std::to_string(i + 1);
    // Before schema 3 a rationale that differs from the engine's was the reviewer's own.
    if (schema < 3) item.rationale_written = item.decision && item.rationale != item.engine_rationale;
    if (item.id.empty()) in.fail("items[" + std::to_string(i) + "]", "has no id");
    doc.items.push_back(std::move(item));
  }
  doc.next_item = static_cast<int>(in.number(j, "next_item", "document", static_cast<int64_t>(items.size()) + 1));
  if (const json* a = in.field(j, "assignment", "document")) doc.assignment = read_assignment(in, *a);
  doc.notice_method = in.maybe_text(j, "notice_method", "document");
  if (const json* d = in.field(j, "draft", "document")) doc.draft = read_draft(in, *d, doc, static_cast<int>(schema));
  doc.opened_at = in.time(j, "opened_at", "document");
  doc.summary = in.maybe_text(j, "summary", "document");
  if (const json* r = in.field(j, "review_record", "document")) doc.review_record = read_review_record(in, *r);
  return doc;
}

std::string document_json(const CaseDocument& doc) {
  json items = json::array();
  for (const auto& i : doc.items) items.push_back(item_json(i));
  json j = {{"schema", kCaseDocumentSchema},
            {"application_ids", doc.application_ids},
            {"eligibility", to_json(doc.eligibility)},
            {"items", items},
            {"next_item", doc.next_item}};
  if (doc.assignment) j["assignment"] = to_json(*doc.assignment);
  if (doc.notice_method) j["notice_method"] = *doc.notice_method;
  if (doc.draft) j["draft"] = draft_json(*doc.draft);
  if (doc.opened_at) j["opened_at"] = doc.opened_at->iso();
  if (doc.summary) j["summary"] = *doc.summary;
  if (doc.review_record) j["review_record"] = to_json(*doc.review_record);
  return j.dump();
}

CaseHeader case_header(const CaseRow& row) {
  auto status = parse_case_status(row.status);
  if (!status) throw StoreError("case " + row.id + ": unknown status '" + row.status.substr(0, 40) + "'");
  return CaseHeader{row.id,          *status,      row.expedited, row.open,     row.consolidation_key,
                    row.reviewer_id, row.received, row.due,       row.due_what, row.version};
}

CaseFile case_file(const CaseRow& row) { return CaseFile{case_header(row), parse_case_document(row.document, row.id)}; }

CaseRow case_row(const CaseFile& f) {
  return CaseRow{f.id,  to_string(f.status), f.expedited, f.open, f.consolidation_key, f.reviewer_id, f.received,
                 f.due, f.due_what,          document_json(f.doc), f.version};
}

}  // namespace imr
