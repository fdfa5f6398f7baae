// Case deadlines, computed from the case's events (never from stored counters).
//
// The rules (8 CCR 9792.10.4-9792.10.6, Labor Code 4610.6):
//   assignment_notice  the notice of assignment is due one business day after the
//                      eligibility finding ("eligible"); met by "notice_sent".
//   records            the claims administrator's records are due 15 days after the notice
//                      is mailed, 12 days if it was sent electronically, and exactly 24 hours
//                      after it was sent when the review is expedited; met by
//                      "records_received".
//   determination      due 30 days after the records arrive, 3 days when expedited; met by
//                      "signed" (the determination signed).
// Day counts exclude the day of the event and end at the end of the last day (23:59:59).
// When that day is a Saturday, Sunday or state holiday the deadline moves to the end of the
// next business day: Code Civ. Proc. 12a extends any period set by statute or regulation
// whose last day is a holiday (Saturdays included) to the next day that is not one. This
// applies to the expedited 3-day determination too; the 24-hour records deadline is counted
// in hours and never moves.
//
// Events may come in any order; they are sorted by time (stable). The first event of each
// kind counts. A deadline met late keeps its met_at. When the case is signed or closed,
// deadlines not met by then stop being pending (ended_at). Event kinds other than those
// above ("received", "ineligible", "assigned") start or meet nothing. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/timestamp.h"
#include "service/calendar.h"

namespace imr {

// What happened to a case. Stored by name ("received", "notice_sent", ...) in the events table.
enum class EventKind {
  kReceived,
  kEligible,
  kIneligible,
  kAssigned,         // detail: the reviewer id
  kNoticeSent,       // detail: "mail" | "electronic"
  kRecordsReceived,  // the claims administrator's records are complete
  kSigned,           // detail: the reviewer id
  kClosed,           // detail: why ("withdrawn")
};
std::string to_string(EventKind kind);
std::optional<EventKind> parse_event_kind(std::string_view text);

struct CaseEvent {
  EventKind kind;
  Timestamp at;
  std::string detail;
};

struct Deadline {
  std::string what;  // "assignment_notice" | "records" | "determination"
  Timestamp due;
  std::optional<Timestamp> met_at;
  std::string basis;  // one sentence: the rule and the event counted from
  Timestamp from;     // the event counted from
  bool expedited = false;
  // A window of about three days or less (the one-business-day notice, both expedited
  // deadlines): at risk in its last 12 hours rather than its last 2 business days.
  bool short_window = false;
  // Set when the case was signed or closed before the deadline was met: no longer pending.
  std::optional<Timestamp> ended_at;

  bool pending() const { return !met_at && !ended_at; }
};

std::vector<Deadline> compute_deadlines(const std::vector<CaseEvent>& events, bool expedited,
                                        const HolidayCalendar& calendar);

// The earliest pending deadline (nullopt when none is pending, e.g. signed or closed).
std::optional<Deadline> next_due(const std::vector<Deadline>& deadlines);

// overdue: pending and past due, or met (or ended) after its due time.
// at_risk: pending and due within 2 business days of now (the due day is no later than the
//          second business day after today), or within 12 hours for a short window.
// on_track: otherwise (including met on time).
enum class DueState { on_track, at_risk, overdue };
DueState due_state(const Deadline& d, Timestamp now, const HolidayCalendar& calendar);
std::string to_string(DueState s);  // "on track", "at risk", "overdue"

}  // namespace imr
