#include "service/case_internal.h"

#include <algorithm>

#include "core/error.h"
#include "service/reviewer.h"

namespace imr::case_internal {

void record_audit(StoreTx& tx, const std::string& case_id, Timestamp at, const std::string& actor,
           const std::string& action, const json& detail) {
  tx.append_audit(AuditRow{0, case_id, at.iso(), actor, action, detail.dump()});
}

std::vector<CaseEvent> case_events(const std::vector<EventRow>& rows) {
  std::vector<CaseEvent> out;
  out.reserve(rows.size());
  for (const auto& r : rows)
    if (auto at = parse_timestamp(r.at)) out.push_back(CaseEvent{r.kind, *at, r.detail});
  return out;
}

void refresh_due(StoreTx& tx, CaseRow& row, const ServiceContext& ctx) {
  auto deadlines = compute_deadlines(case_events(tx.events(row.id)), row.expedited, ctx.calendar);
  auto next = next_due(deadlines);
  row.due = next ? next->due.iso() : "";
  row.due_what = next ? next->what : "";
}

void add_event(StoreTx& tx, CaseRow& row, const ServiceContext& ctx, const std::string& kind,
               Timestamp at, const std::string& detail) {
  tx.append_event(EventRow{0, row.id, kind, at.iso(), detail});
  refresh_due(tx, row, ctx);
}

CaseRow load_case(StoreTx& tx, const std::string& case_id) {
  auto row = tx.find_case(case_id);
  if (!row) throw NotFoundError("no case " + case_id);
  return *row;
}

json document_of(const CaseRow& row) {
  json doc = json::parse(row.document, nullptr, false);
  if (doc.is_discarded() || !doc.is_object())
    throw StoreError("case " + row.id + ": stored document is not valid JSON");
  return doc;
}

std::vector<Application> applications_of(StoreTx& tx, const std::string& case_id) {
  std::vector<Application> out;
  for (const auto& a : tx.applications(case_id))
    out.push_back(parse_application_json(a.json, "application " + a.application_id));
  return out;
}

std::optional<Decision> decision_from(const json& value) {
  if (!value.is_string()) return std::nullopt;
  const std::string s = value.get<std::string>();
  if (s == "upheld") return Decision::kUpheld;
  if (s == "overturned") return Decision::kOverturned;
  return std::nullopt;
}

json decision_json(const std::optional<Decision>& d) { return d ? json(to_string(*d)) : json(nullptr); }

Case engine_case(StoreTx& tx, const CaseRow& row, const ServiceContext& ctx) {
  const json doc = document_of(row);
  const auto apps = applications_of(tx, row.id);
  Case c;
  c.case_id = row.id;
  if (!apps.empty()) {
    const Application& first = apps.front();
    c.date_of_injury = first.date_of_injury;
    UrDecision ur;
    if (first.ur) ur.date = first.ur->date;
    for (const auto& item : doc.value("items", json::array()))
      ur.items.push_back(UrItem{item.value("request", ""), item.value("ur_action", ""),
                                item.value("certified", ""), item.value("guideline", "")});
    c.ur = ur;
    if (first.worker.date_of_birth && ur.date) {
      const Date& b = *first.worker.date_of_birth;
      const Date& on = *ur.date;
      int age = on.year - b.year - ((on.month < b.month || (on.month == b.month && on.day < b.day)) ? 1 : 0);
      if (age > 0 && age < 120) c.claimant.age = age;
    }
  }
  for (const auto& item : doc.value("items", json::array())) c.requests.push_back(item.value("request", ""));
  for (const auto& r : tx.records(row.id, false)) {
    Record rec;
    rec.date = parse_date(r.date);
    rec.title = r.title;
    rec.text = r.text;
    c.records.push_back(std::move(rec));
  }
  if (!row.reviewer_id.empty()) {
    for (const auto& r : tx.reviewers()) {
      if (r.id != row.reviewer_id) continue;
      auto parsed = parse_reviewer_registry(json{{"reviewers", json::array({json::parse(r.json)})}}.dump(),
                                            "reviewer " + r.id, ctx.specialties);
      if (!parsed.empty()) c.reviewer = letter_profile(parsed.front());
    }
  }
  return c;
}

void refuse(Store& store, const std::string& case_id, Timestamp at, const std::string& actor,
            const std::string& attempted, const std::string& why) {
  store.transact([&](StoreTx& tx) {
    record_audit(tx, case_id, at, actor, "refused", json{{"attempted", attempted}, {"reason", why}});
  });
  throw RefusedError(why);
}

}  // namespace imr::case_internal
