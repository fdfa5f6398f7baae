#include "service/case_internal.h"

#include <fmt/format.h>

#include <stdexcept>

#include "core/error.h"
#include "service/case_particulars.h"
#include "service/reviewer.h"

namespace imr::case_internal {

void record_audit(StoreTx& tx, const std::string& case_id, Timestamp at, const std::string& actor,
                  const std::string& action, const json& detail) {
  tx.append_audit(AuditRow{0, case_id, at.iso(), actor, action, detail.dump()});
}

std::vector<CaseEvent> case_events(const std::string& case_id, const std::vector<EventRow>& rows) {
  std::vector<CaseEvent> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    const auto kind = parse_event_kind(r.kind);
    const auto at = parse_timestamp(r.at);
    if (!kind || !at)
      throw StoreError(fmt::format("case {}: stored event {} is not one this program knows ('{}' at '{}')", case_id,
                                   r.id, r.kind.substr(0, 40), r.at.substr(0, 40)));
    out.push_back(CaseEvent{*kind, *at, r.detail});
  }
  return out;
}

void set_due(CaseFile& file, const std::vector<CaseEvent>& events, const ServiceContext& ctx) {
  auto next = next_due(compute_deadlines(events, file.expedited, ctx.calendar));
  file.due = next ? next->due.iso() : "";
  file.due_what = next ? next->what : "";
}

void refresh_due(StoreTx& tx, CaseFile& file, const ServiceContext& ctx) {
  set_due(file, case_events(file.id, tx.events(file.id)), ctx);
}

void add_event(StoreTx& tx, CaseFile& file, const ServiceContext& ctx, EventKind kind, Timestamp at,
               const std::string& detail) {
  tx.append_event(EventRow{0, file.id, to_string(kind), at.iso(), detail});
  refresh_due(tx, file, ctx);
}

CaseFile load_case(StoreTx& tx, const std::string& case_id, const CaseWrite* write) {
  auto row = tx.find_case(case_id);
  if (!row) throw NotFoundError("no case " + case_id);
  if (write && write->expected_version && *write->expected_version != row->version)
    throw ConflictError(fmt::format("case {} changed since version {} (now {}): reload and try again", case_id,
                                    *write->expected_version, row->version));
  return case_file(*row);
}

void save_case(StoreTx& tx, CaseFile& file) { file.version = tx.update_case(case_row(file)); }

std::vector<Application> applications_of(StoreTx& tx, const std::string& case_id) {
  std::vector<Application> out;
  for (const auto& a : tx.applications(case_id))
    out.push_back(parse_application_json(a.json, "application " + a.application_id));
  return out;
}

json decision_json(const std::optional<Decision>& d) { return d ? json(to_string(*d)) : json(nullptr); }

EngineInput engine_input(StoreTx& tx, const CaseFile& file, const ServiceContext& ctx) {
  const auto apps = applications_of(tx, file.id);
  EngineInput in;
  Case& c = in.engine_case;
  c.case_id = file.id;
  for (const auto& item : file.doc.items) {
    c.requests.push_back(item.request);
    in.item_ids.push_back(item.id);
  }
  if (!apps.empty()) {
    const Application& first = apps.front();
    c.date_of_injury = first.date_of_injury;
    UrDecision ur;
    if (first.ur) ur.date = first.ur->date;
    for (const auto& item : file.doc.items)
      ur.items.push_back(UrItem{item.request, item.ur_action, item.certified, item.guideline});
    c.ur = ur;
    if (first.worker.date_of_birth && ur.date) c.claimant.age = age_on(*first.worker.date_of_birth, *ur.date);
  }
  for (const auto& r : tx.records(file.id, false)) {
    Record rec;
    rec.date = parse_date(r.date);
    rec.title = r.title;
    rec.text = r.text;
    c.records.push_back(std::move(rec));
  }
  if (!file.reviewer_id.empty()) {
    for (const auto& r : tx.reviewers()) {
      if (r.id != file.reviewer_id) continue;
      auto parsed = parse_reviewer_registry(json{{"reviewers", json::array({json::parse(r.json)})}}.dump(),
                                            "reviewer " + r.id, ctx.specialties);
      if (!parsed.empty()) c.reviewer = letter_profile(parsed.front());
    }
  }
  return in;
}

std::map<std::string, const Determination*> determinations_by_item(const EngineInput& input, const Review& review) {
  if (review.items.size() != input.item_ids.size())
    throw std::logic_error(fmt::format("case {}: the engine answered {} of {} requests", input.engine_case.case_id,
                                       review.items.size(), input.item_ids.size()));
  std::map<std::string, const Determination*> out;
  for (size_t i = 0; i < review.items.size(); ++i) {
    if (review.items[i].request != input.engine_case.requests[i])
      throw std::logic_error(fmt::format("case {}: the engine's determination {} is for '{}', not '{}'",
                                         input.engine_case.case_id, i + 1, review.items[i].request,
                                         input.engine_case.requests[i]));
    out[input.item_ids[i]] = &review.items[i];
  }
  return out;
}

std::string reviewer_refusal(const CaseFile& file, const std::string& actor, const char* may, const char* no_draft) {
  if (actor != file.reviewer_id) return "only the reviewer assigned to case " + file.id + " can " + may;
  if (file.status != CaseStatus::kInReview || !file.doc.draft_current()) return "case " + file.id + " " + no_draft;
  return "";
}

CaseItem& edited_item(CaseDocument& doc, const ItemEdit& edit, const std::string& case_id) {
  if (!edit.item_id.empty()) {
    if (CaseItem* item = doc.item(edit.item_id)) return *item;
    throw NotFoundError(fmt::format("case {} has no item {}", case_id, edit.item_id));
  }
  if (edit.item >= doc.items.size())
    throw NotFoundError(fmt::format("case {} has no item {} (it has {})", case_id, edit.item + 1, doc.items.size()));
  return doc.items[edit.item];
}

size_t item_number(const CaseDocument& doc, const CaseItem& item) {
  return static_cast<size_t>(&item - doc.items.data()) + 1;
}

std::string status_words(CaseStatus status) {
  std::string s = to_string(status);
  for (auto& ch : s)
    if (ch == '_') ch = ' ';
  return s;
}

void refuse(Store& store, const std::string& case_id, Timestamp at, const std::string& actor,
            const std::string& attempted, const std::string& why) {
  store.transact([&](StoreTx& tx) {
    record_audit(tx, case_id, at, actor, "refused", json{{"attempted", attempted}, {"reason", why}});
  });
  throw RefusedError(why);
}

}  // namespace imr::case_internal
