#include "service/statistics.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace imr {

using nlohmann::json;

namespace {

constexpr const char* kNoRulePack = "No rule pack";
constexpr double kRegularDays = 30, kExpeditedDays = 3;

template <typename T>
double median(std::vector<T> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? static_cast<double>(v[n / 2]) : (static_cast<double>(v[n / 2 - 1]) + static_cast<double>(v[n / 2])) / 2;
}

double one_decimal(double x) { return std::round(x * 10) / 10; }

double days_between(Timestamp from, Timestamp to) { return static_cast<double>(to.seconds - from.seconds) / 86400.0; }

// A field as CSV writes it: quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
  return out + "\r\n";
}

std::string number(double x) { return fmt::format("{:g}", one_decimal(x)); }

}  // namespace

bool StatisticsPeriod::contains(const std::string& iso) const {
  const auto day = parse_date(iso.substr(0, 10));
  if (!day) return !from && !to;
  if (from && day->first_day() < from->first_day()) return false;
  if (to && day->first_day() > to->first_day()) return false;
  return true;
}

CaseStatistics compute_statistics(const std::vector<CaseFile>& cases, const StatisticsPeriod& period,
                                  const std::function<std::string(const std::string&)>& topic_label) {
  CaseStatistics s;
  s.period = period;
  std::map<std::string, std::vector<int64_t>> minutes;
  std::map<std::string, std::vector<double>> reviewer_days;
  std::vector<double> regular_days, expedited_days;
  for (const auto& c : cases) {
    if (period.contains(c.received)) {
      ++s.cases;
      s.open_cases += c.open ? 1 : 0;
      s.expedited_cases += c.expedited ? 1 : 0;
      s.no_reviewer_fits += c.open && c.doc.needs_manual_assignment() ? 1 : 0;
      ++s.cases_by_status[to_string(c.status)];
      for (const auto& item : c.doc.items) {
        const bool drafted =
            c.doc.draft && std::count(c.doc.draft->item_ids.begin(), c.doc.draft->item_ids.end(), item.id);
        if (!drafted) {
          ++s.items_not_drafted;
          continue;
        }
        TopicStatistics& t = s.items_by_topic[item.topic];
        if (t.label.empty()) t.label = item.topic.empty() ? kNoRulePack : topic_label(item.topic);
        ++t.items;
        t.engine_upheld += item.engine_decision == Decision::kUpheld ? 1 : 0;
        t.engine_overturned += item.engine_decision == Decision::kOverturned ? 1 : 0;
        if (!item.decision) continue;
        ++t.decided;
        if (item.decision == Decision::kUpheld) ++t.upheld, ++s.upheld;
        if (item.decision == Decision::kOverturned) ++t.overturned, ++s.overturned;
        if (item.changed()) ++t.changed_from_draft, ++s.changed_from_draft;
      }
    }
    if (c.status != CaseStatus::kSigned) continue;
    const ReviewRecord* r = c.doc.review_record ? &*c.doc.review_record : nullptr;
    const std::string signed_at = r ? r->signed_at.iso() : "";
    if (r ? !period.contains(signed_at) : !period.contains(c.received)) continue;
    ++s.signed_cases;
    ReviewerStatistics& rs = s.reviewers[c.reviewer_id];
    ++rs.signed_cases;
    if (!r) continue;
    ++rs.with_review_record;
    minutes[c.reviewer_id].push_back(r->active_minutes);
    rs.accepted_unchanged += r->accepted_unchanged ? 1 : 0;
    rs.no_evidence_opened += r->evidence_opened == 0 ? 1 : 0;
    rs.items += r->items;
    rs.items_changed += r->items_changed;
    rs.criteria_disagreed += r->criteria_disagreed;
    (r->on_time() ? rs.on_time : rs.late) += 1;
    TurnaroundStatistics& t = r->expedited ? s.expedited : s.regular;
    ++t.signed_cases;
    (r->on_time() ? t.on_time : t.late) += 1;
    const double days = r->review_started ? days_between(*r->review_started, r->signed_at) : 0;
    if (r->review_started) {
      (r->expedited ? expedited_days : regular_days).push_back(days);
      reviewer_days[c.reviewer_id].push_back(days);
    }
    s.signatures.push_back({c.id, c.reviewer_id, c.received, signed_at, c.expedited,
                            r->determination_due ? r->determination_due->iso() : "", r->on_time(), one_decimal(days),
                            r->active_minutes, r->evidence_opened, r->items, r->items_changed, r->criteria_disagreed,
                            r->accepted_unchanged});
  }
  for (auto& [id, rs] : s.reviewers) {
    rs.median_active_minutes = median(minutes[id]);
    rs.median_turnaround_days = one_decimal(median(reviewer_days[id]));
  }
  s.regular.median_days = one_decimal(median(regular_days));
  s.regular.allowed_days = kRegularDays;
  s.expedited.median_days = one_decimal(median(expedited_days));
  s.expedited.allowed_days = kExpeditedDays;
  std::sort(s.signatures.begin(), s.signatures.end(),
            [](const SignatureRow& a, const SignatureRow& b) { return a.signed_at < b.signed_at; });
  return s;
}

namespace {

json to_json(const TurnaroundStatistics& t) {
  return {{"signed_cases", t.signed_cases}, {"on_time", t.on_time}, {"late", t.late},
          {"median_days", t.median_days},   {"allowed_days", t.allowed_days}};
}

json to_json(const SignatureRow& r) {
  return {{"case_id", r.case_id},
          {"reviewer_id", r.reviewer_id},
          {"received", r.received},
          {"signed_at", r.signed_at},
          {"expedited", r.expedited},
          {"determination_due", r.determination_due},
          {"on_time", r.on_time},
          {"turnaround_days", r.turnaround_days},
          {"active_minutes", r.active_minutes},
          {"evidence_opened", r.evidence_opened},
          {"items", r.items},
          {"items_changed", r.items_changed},
          {"criteria_disagreed", r.criteria_disagreed},
          {"accepted_unchanged", r.accepted_unchanged}};
}

double share(int part, int whole) { return whole ? std::round(1000.0 * part / whole) / 1000.0 : 0; }

}  // namespace

json to_json(const CaseStatistics& s) {
  json topics = json::object();
  for (const auto& [code, t] : s.items_by_topic)
    topics[code.empty() ? "no_rule" : code] = {{"label", t.label},
                                               {"items", t.items},
                                               {"decided", t.decided},
                                               {"upheld", t.upheld},
                                               {"overturned", t.overturned},
                                               {"changed_from_draft", t.changed_from_draft},
                                               {"engine_upheld", t.engine_upheld},
                                               {"engine_overturned", t.engine_overturned}};
  json reviewers = json::object();
  for (const auto& [id, r] : s.reviewers)
    reviewers[id] = {{"signed_cases", r.signed_cases},
                     {"with_review_record", r.with_review_record},
                     {"median_active_minutes", r.median_active_minutes},
                     {"accepted_unchanged", r.accepted_unchanged},
                     {"accepted_unchanged_share", share(r.accepted_unchanged, r.with_review_record)},
                     {"no_evidence_opened", r.no_evidence_opened},
                     {"items", r.items},
                     {"items_changed", r.items_changed},
                     {"criteria_disagreed", r.criteria_disagreed},
                     {"on_time", r.on_time},
                     {"late", r.late},
                     {"median_turnaround_days", r.median_turnaround_days}};
  json signatures = json::array();
  for (const auto& r : s.signatures) signatures.push_back(to_json(r));
  return {{"period", {{"from", s.period.from ? json(s.period.from->iso()) : json(nullptr)},
                      {"to", s.period.to ? json(s.period.to->iso()) : json(nullptr)}}},
          {"cases", s.cases},
          {"open_cases", s.open_cases},
          {"signed_cases", s.signed_cases},
          {"expedited_cases", s.expedited_cases},
          {"no_reviewer_fits", s.no_reviewer_fits},
          {"cases_by_status", s.cases_by_status},
          {"items_by_topic", topics},
          {"items_not_drafted", s.items_not_drafted},
          {"decisions", {{"upheld", s.upheld}, {"overturned", s.overturned}}},
          {"changed_from_draft", s.changed_from_draft},
          {"reviewers", reviewers},
          {"turnaround", {{"regular", to_json(s.regular)}, {"expedited", to_json(s.expedited)}}},
          {"signatures", signatures}};
}

std::optional<std::string> statistics_csv(const CaseStatistics& s, const std::string& table) {
  std::string out;
  if (table == "reviewers") {
    out = csv_row({"reviewer_id", "signed_cases", "median_minutes_on_case", "accepted_unchanged",
                   "accepted_unchanged_share", "signed_without_opening_evidence", "items", "items_changed",
                   "criteria_disagreed", "on_time", "late", "median_turnaround_days"});
    for (const auto& [id, r] : s.reviewers)
      out += csv_row({id, std::to_string(r.signed_cases), number(r.median_active_minutes),
                      std::to_string(r.accepted_unchanged), number(share(r.accepted_unchanged, r.with_review_record)),
                      std::to_string(r.no_evidence_opened), std::to_string(r.items), std::to_string(r.items_changed),
                      std::to_string(r.criteria_disagreed), std::to_string(r.on_time), std::to_string(r.late),
                      number(r.median_turnaround_days)});
  } else if (table == "topics") {
    out = csv_row({"topic", "label", "items", "decided", "upheld", "overturned", "changed_from_draft",
                   "engine_upheld", "engine_overturned"});
    for (const auto& [code, t] : s.items_by_topic)
      out += csv_row({code.empty() ? "no_rule" : code, t.label, std::to_string(t.items), std::to_string(t.decided),
                      std::to_string(t.upheld), std::to_string(t.overturned), std::to_string(t.changed_from_draft),
                      std::to_string(t.engine_upheld), std::to_string(t.engine_overturned)});
  } else if (table == "signatures") {
    out = csv_row({"case_id", "reviewer_id", "received", "signed_at", "expedited", "determination_due", "on_time",
                   "turnaround_days", "minutes_on_case", "evidence_opened", "items", "items_changed",
                   "criteria_disagreed", "accepted_unchanged"});
    for (const auto& r : s.signatures)
      out += csv_row({r.case_id, r.reviewer_id, r.received, r.signed_at, r.expedited ? "yes" : "no",
                      r.determination_due, r.on_time ? "yes" : "no", number(r.turnaround_days),
                      std::to_string(r.active_minutes), std::to_string(r.evidence_opened), std::to_string(r.items),
                      std::to_string(r.items_changed), std::to_string(r.criteria_disagreed),
                      r.accepted_unchanged ? "yes" : "no"});
  } else {
    return std::nullopt;
  }
  return out;
}

}  // namespace imr
