#include "service/deadlines.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/enum_names.h"

namespace imr {
namespace {

constexpr int kStandardRecordsDays = 15;        // 8 CCR 9792.10.5(a)(1), notice mailed
constexpr int kElectronicRecordsDays = 12;      // 8 CCR 9792.10.5(a)(1), notice sent electronically
constexpr int kExpeditedRecordsHours = 24;      // 8 CCR 9792.10.5(a)(1), expedited review
constexpr int kStandardDeterminationDays = 30;  // Labor Code 4610.6(d); 8 CCR 9792.10.6
constexpr int kExpeditedDeterminationDays = 3;  // Labor Code 4610.6(d); 8 CCR 9792.10.6
constexpr int kEndOfDay = 23 * 3600 + 59 * 60 + 59;

Date plus_days(const Date& d, int n) {
  return civil_from_days(days_from_civil(d.year, d.month, d.day) + n);
}

// The end of the n-th day after `from`, moved to the end of the next business day when that
// day is not one (Code Civ. Proc. 12, 12a). `note` explains a move, or stays empty.
Timestamp day_count_due(const Date& from, int n, const HolidayCalendar& cal, std::string& note) {
  const Date last = plus_days(from, n);
  const Date due = cal.next_business_day_on_or_after(last);
  if (!(due == last)) {
    const std::string why =
        cal.is_holiday(last) ? cal.holiday_name(last) : std::string("a ") + weekday_name(last);
    note = fmt::format("; {} is {}, so it moves to {} {} (Code Civ. Proc. 12a)", last.iso(), why,
                       weekday_name(due), due.iso());
  }
  return Timestamp::at(due).plus_seconds(kEndOfDay);
}

const CaseEvent* first_of(const std::vector<CaseEvent>& sorted, EventKind kind) {
  for (const auto& e : sorted)
    if (e.kind == kind) return &e;
  return nullptr;
}

constexpr std::pair<EventKind, const char*> kEventNames[] = {
    {EventKind::kReceived, "received"},       {EventKind::kEligible, "eligible"},
    {EventKind::kIneligible, "ineligible"},   {EventKind::kAssigned, "assigned"},
    {EventKind::kNoticeSent, "notice_sent"},  {EventKind::kRecordsReceived, "records_received"},
    {EventKind::kSigned, "signed"},           {EventKind::kClosed, "closed"},
};

}  // namespace

std::string to_string(EventKind kind) { return enum_name(kEventNames, kind); }
std::optional<EventKind> parse_event_kind(std::string_view text) { return enum_from_name(kEventNames, text); }

std::vector<Deadline> compute_deadlines(const std::vector<CaseEvent>& events, bool expedited,
                                        const HolidayCalendar& cal) {
  std::vector<CaseEvent> sorted = events;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const CaseEvent& a, const CaseEvent& b) { return a.at < b.at; });
  std::vector<Deadline> out;
  const CaseEvent* eligible = first_of(sorted, EventKind::kEligible);
  const CaseEvent* notice = first_of(sorted, EventKind::kNoticeSent);
  const CaseEvent* records = first_of(sorted, EventKind::kRecordsReceived);
  const CaseEvent* signed_ = first_of(sorted, EventKind::kSigned);
  const CaseEvent* closed = first_of(sorted, EventKind::kClosed);

  // A deadline counted from `from`, met by `met` when that happened.
  auto counted = [&](const char* what, const CaseEvent& from, const CaseEvent* met) {
    Deadline d;
    d.what = what;
    d.from = from.at;
    d.expedited = expedited;
    if (met) d.met_at = met->at;
    return d;
  };

  if (eligible) {
    Deadline d = counted("assignment_notice", *eligible, notice);
    d.short_window = true;
    const Date due = cal.add_business_days(eligible->at.date(), 1);
    d.due = Timestamp::at(due).plus_seconds(kEndOfDay);
    d.basis = fmt::format(
        "Notice of assignment due one business day after the eligibility finding of {} "
        "(8 CCR 9792.10.4(b)): {} {}.",
        eligible->at.date().iso(), weekday_name(due), due.iso());
    out.push_back(std::move(d));
  }

  if (notice) {
    Deadline d = counted("records", *notice, records);
    if (expedited) {
      d.short_window = true;
      d.due = notice->at.plus_seconds(int64_t{kExpeditedRecordsHours} * 3600);
      d.basis = fmt::format(
          "Records due 24 hours after the notice of assignment was sent at {} (expedited review, "
          "8 CCR 9792.10.5(a)(1)).",
          notice->at.iso());
    } else {
      const bool electronic = notice->detail == "electronic";
      const int days = electronic ? kElectronicRecordsDays : kStandardRecordsDays;
      std::string note;
      d.due = day_count_due(notice->at.date(), days, cal, note);
      d.basis = fmt::format(
          "Records due {} days after the notice of assignment was {} on {} (8 CCR "
          "9792.10.5(a)(1)){}.",
          days, electronic ? "sent electronically" : "mailed", notice->at.date().iso(), note);
    }
    out.push_back(std::move(d));
  }

  if (records) {
    Deadline d = counted("determination", *records, signed_);
    d.short_window = expedited;
    const int days = expedited ? kExpeditedDeterminationDays : kStandardDeterminationDays;
    std::string note;
    d.due = day_count_due(records->at.date(), days, cal, note);
    d.basis = fmt::format(
        "Determination due {} days after the complete records were received on {} ({}Labor "
        "Code 4610.6(d); 8 CCR 9792.10.6){}.",
        days, records->at.date().iso(), expedited ? "expedited review, " : "", note);
    out.push_back(std::move(d));
  }

  // Signing or closing the case ends whatever is still unmet at that time.
  std::optional<Timestamp> end;
  if (signed_) end = signed_->at;
  if (closed && (!end || closed->at < *end)) end = closed->at;
  if (end)
    for (auto& d : out)
      if (!d.met_at || *d.met_at > *end) {
        d.met_at.reset();
        d.ended_at = end;
      }
  return out;
}

std::optional<Deadline> next_due(const std::vector<Deadline>& deadlines) {
  std::optional<Deadline> best;
  for (const auto& d : deadlines)
    if (d.pending() && (!best || d.due < best->due)) best = d;
  return best;
}

DueState due_state(const Deadline& d, Timestamp now, const HolidayCalendar& cal) {
  if (d.met_at) return *d.met_at <= d.due ? DueState::on_track : DueState::overdue;
  if (d.ended_at) return *d.ended_at <= d.due ? DueState::on_track : DueState::overdue;
  if (now > d.due) return DueState::overdue;
  if (d.short_window) {
    return d.due.seconds - now.seconds <= 12 * 3600 ? DueState::at_risk : DueState::on_track;
  }
  const Date horizon = cal.add_business_days(now.date(), 2);
  const Date due = d.due.date();
  return days_from_civil(due.year, due.month, due.day) <=
                 days_from_civil(horizon.year, horizon.month, horizon.day)
             ? DueState::at_risk
             : DueState::on_track;
}

std::string to_string(DueState s) {
  switch (s) {
    case DueState::on_track:
      return "on track";
    case DueState::at_risk:
      return "at risk";
    case DueState::overdue:
      return "overdue";
  }
  return "on track";
}

}  // namespace imr
