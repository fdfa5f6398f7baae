// The business calendar (bundled holiday files, file:line errors) and the case deadlines:
// each rule standard and expedited, mailed vs electronic notice, rolling over a weekend and
// over Thanksgiving, events out of order, late and ended deadlines, due states.
#include "service/deadlines.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.h"
#include "service/calendar.h"

namespace imr {
namespace {

const std::string kHolidays = std::string(IMR_SOURCE_DIR) + "/data/holidays";

const HolidayCalendar& cal() {
  static const HolidayCalendar c = HolidayCalendar::load(kHolidays);
  return c;
}

Timestamp ts(const char* text) { return *parse_timestamp(text); }
Date day(const char* text) { return *parse_iso_day(text); }

// ---- calendar --------------------------------------------------------------------------

TEST(CalendarTest, BundledFilesCoverTheServiceYears) {
  for (int y = 2013; y <= 2027; ++y) EXPECT_TRUE(cal().covers(y)) << y;
  EXPECT_FALSE(cal().covers(2028));
  EXPECT_EQ(cal().holiday_name(day("2026-11-26")), "Thanksgiving Day");
  EXPECT_EQ(cal().holiday_name(day("2026-11-27")), "Day after Thanksgiving");
  EXPECT_EQ(cal().holiday_name(day("2013-04-01")), "Cesar Chavez Day (observed)");
  EXPECT_EQ(cal().holiday_name(day("2017-11-10")), "Veterans Day (observed)");  // Nov 11 a Saturday
  EXPECT_EQ(cal().holiday_name(day("2023-01-02")), "New Year's Day (observed)");  // Jan 1 a Sunday
  EXPECT_TRUE(cal().is_holiday(day("2024-01-15")));   // Martin Luther King Jr. Day
  EXPECT_FALSE(cal().is_holiday(day("2026-10-12")));  // Columbus Day: state offices open
  EXPECT_FALSE(cal().is_holiday(day("2026-02-12")));  // Lincoln Day: state offices open
  EXPECT_EQ(cal().holiday_name(day("2026-06-01")), "");
}

TEST(CalendarTest, BusinessDays) {
  EXPECT_TRUE(cal().is_business_day(day("2026-11-25")));                         // Wednesday
  EXPECT_FALSE(cal().is_business_day(day("2026-11-21")));                        // Saturday
  EXPECT_FALSE(cal().is_business_day(day("2026-11-22")));                        // Sunday
  EXPECT_FALSE(cal().is_business_day(day("2026-11-26")));                        // Thanksgiving
  EXPECT_EQ(cal().add_business_days(day("2026-11-20"), 1).iso(), "2026-11-23");  // Fri -> Mon
  EXPECT_EQ(cal().add_business_days(day("2026-11-25"), 1).iso(),
            "2026-11-30");  // over Thanksgiving
  EXPECT_EQ(cal().add_business_days(day("2026-11-24"), 3).iso(), "2026-12-01");
  EXPECT_EQ(cal().add_business_days(day("2026-11-24"), 0).iso(), "2026-11-24");
  EXPECT_EQ(cal().next_business_day_on_or_after(day("2026-11-24")).iso(), "2026-11-24");
  EXPECT_EQ(cal().next_business_day_on_or_after(day("2026-11-26")).iso(), "2026-11-30");
  EXPECT_EQ(std::string(weekday_name(day("2026-11-26"))), "Thursday");
}

TEST(CalendarTest, AYearWithoutAFileHasWeekendsOnly) {
  EXPECT_TRUE(cal().is_business_day(day("2028-12-25")));   // no 2028 file
  EXPECT_FALSE(cal().is_business_day(day("2028-12-23")));  // a Saturday
  const HolidayCalendar empty;
  EXPECT_FALSE(empty.covers(2026));
  EXPECT_TRUE(empty.is_business_day(day("2026-11-26")));
}

std::string data_error(const std::string& yaml, const std::string& file = "ca-2026.yaml") {
  try {
    parse_holiday_file(yaml, file);
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(CalendarTest, FileErrorsNameFileAndLine) {
  const std::string head = "year: 2026\nholidays:\n";
  EXPECT_EQ(data_error(head + "  - {date: 2026-01-01, name: New Year's Day}\n"
                              "  - {date: 2027-01-01, name: Next year}\n"),
            "ca-2026.yaml:4: date 2027-01-01 is outside the file's year 2026");
  EXPECT_EQ(data_error(head + "  - {date: 2026-12-25, name: Christmas}\n"
                              "  - {date: 2026-12-25, name: Christmas again}\n"),
            "ca-2026.yaml:4: date 2026-12-25 is listed twice (first at line 3)");
  EXPECT_EQ(data_error(head + "  - date: 2026-11-26\n    name: \"\"\n"),
            "ca-2026.yaml:3: holiday 2026-11-26 is missing 'name'");
  EXPECT_EQ(data_error(head + "  - {date: 11/26/2026, name: Thanksgiving}\n"),
            "ca-2026.yaml:3: date '11/26/2026' is not a YYYY-MM-DD date");
  EXPECT_EQ(data_error(head + "  - {date: 2026-02-30, name: Nope}\n"),
            "ca-2026.yaml:3: date '2026-02-30' is not a YYYY-MM-DD date");
  EXPECT_EQ(data_error(head + "  - {date: 2026-03-29, name: A Sunday}\n"),
            "ca-2026.yaml:3: date 2026-03-29 is a Sunday; list the observed Monday instead");
  EXPECT_EQ(data_error(head + "  - {name: No date}\n"),
            "ca-2026.yaml:3: holiday is missing 'date'");
  EXPECT_EQ(data_error("year: 2025\nholidays: []\n"),
            "ca-2026.yaml:1: 'year' is 2025 but the file name says 2026");
  EXPECT_EQ(data_error("holidays: []\n"),
            "ca-2026.yaml:1: missing 'year' (the calendar year the file lists)");
  EXPECT_EQ(data_error("year: 2026\nholidays: {a: 1}\n"),
            "ca-2026.yaml:2: 'holidays' must be a list of {date, name}");
  EXPECT_EQ(data_error("year: 2026\nholidays: [\n").rfind("ca-2026.yaml:", 0), 0u);
  EXPECT_EQ(
      parse_holiday_file(head + "  - {date: 2026-07-04, name: Independence Day}\n", "ca-2026.yaml")
          .size(),
      1u);
}

TEST(CalendarTest, LoadReadsEveryYearFileInADirectory) {
  const auto dir =
      std::filesystem::temp_directory_path() /
      ("imr-holidays-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::create_directories(dir);
  EXPECT_THROW(HolidayCalendar::load(dir.string()), DataError);  // no files
  std::ofstream(dir / "ca-2030.yaml")
      << "year: 2030\nholidays:\n  - {date: 2030-11-28, name: Thanksgiving Day}\n";
  std::ofstream(dir / "README.txt") << "ignored\n";
  const HolidayCalendar c = HolidayCalendar::load(dir.string());
  EXPECT_TRUE(c.covers(2030));
  EXPECT_TRUE(c.is_holiday(day("2030-11-28")));
  std::ofstream(dir / "ca-2031.yaml")
      << "year: 2031\nholidays:\n  - {date: 2031-13-01, name: Bad}\n";
  try {
    HolidayCalendar::load(dir.string());
    FAIL();
  } catch (const DataError& e) {
    EXPECT_EQ(e.file(), (dir / "ca-2031.yaml").string());
    EXPECT_EQ(e.line(), 3);
  }
  std::filesystem::remove_all(dir);
}

// ---- deadlines -------------------------------------------------------------------------

const Deadline* find(const std::vector<Deadline>& ds, const std::string& what) {
  for (const auto& d : ds)
    if (d.what == what) return &d;
  return nullptr;
}

TEST(DeadlinesTest, NothingIsDueBeforeTheEligibilityFinding) {
  EXPECT_TRUE(compute_deadlines({{EventKind::kReceived, ts("2026-11-02T09:00"), ""}}, false, cal()).empty());
  EXPECT_TRUE(compute_deadlines({{EventKind::kReceived, ts("2026-11-02T09:00"), ""},
                                 {EventKind::kIneligible, ts("2026-11-03T09:00"), ""}},
                                false, cal())
                  .empty());
}

TEST(DeadlinesTest, AssignmentNoticeIsOneBusinessDayAfterEligibility) {
  // Friday -> Monday (weekend).
  auto ds = compute_deadlines({{EventKind::kEligible, ts("2026-11-20T15:00"), ""}}, false, cal());
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].what, "assignment_notice");
  EXPECT_EQ(ds[0].due.iso(), "2026-11-23T23:59:59");
  EXPECT_FALSE(ds[0].met_at);
  EXPECT_NE(ds[0].basis.find("eligibility finding of 2026-11-20"), std::string::npos);
  // Wednesday before Thanksgiving -> the Monday after (holiday and day after, weekend).
  ds = compute_deadlines({{EventKind::kEligible, ts("2026-11-25T10:00"), ""}}, true, cal());
  EXPECT_EQ(ds[0].due.iso(), "2026-11-30T23:59:59");
  // A plain Tuesday -> Wednesday.
  ds = compute_deadlines({{EventKind::kEligible, ts("2026-11-03T10:00"), ""}}, false, cal());
  EXPECT_EQ(ds[0].due.iso(), "2026-11-04T23:59:59");
}

TEST(DeadlinesTest, RecordsFifteenDaysAfterMailedNotice) {
  auto ds = compute_deadlines(
      {{EventKind::kEligible, ts("2026-11-20T10:00"), ""}, {EventKind::kNoticeSent, ts("2026-11-23T11:00"), "mail"}},
      false, cal());
  const Deadline* r = find(ds, "records");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->due.iso(), "2026-12-08T23:59:59");  // a Tuesday
  EXPECT_NE(r->basis.find("15 days after the notice of assignment was mailed on 2026-11-23"),
            std::string::npos);
  EXPECT_EQ(find(ds, "assignment_notice")->met_at->iso(), "2026-11-23T11:00:00");
}

TEST(DeadlinesTest, RecordsTwelveDaysAfterElectronicNoticeRollOverWeekend) {
  // 2026-11-23 + 12 = Saturday 2026-12-05 -> Monday 2026-12-07.
  auto ds = compute_deadlines({{EventKind::kEligible, ts("2026-11-20T10:00"), ""},
                               {EventKind::kNoticeSent, ts("2026-11-23T11:00"), "electronic"}},
                              false, cal());
  const Deadline* r = find(ds, "records");
  EXPECT_EQ(r->due.iso(), "2026-12-07T23:59:59");
  EXPECT_NE(r->basis.find("12 days"), std::string::npos);
  EXPECT_NE(r->basis.find("2026-12-05 is a Saturday, so it moves to Monday 2026-12-07"),
            std::string::npos)
      << r->basis;
}

TEST(DeadlinesTest, RecordsDeadlineOnThanksgivingRolls) {
  // Mailed 2026-11-11 + 15 = Thanksgiving 2026-11-26 -> Monday 2026-11-30.
  auto ds = compute_deadlines(
      {{EventKind::kEligible, ts("2026-11-10T10:00"), ""}, {EventKind::kNoticeSent, ts("2026-11-11T09:00"), "mail"}},
      false, cal());
  const Deadline* r = find(ds, "records");
  EXPECT_EQ(r->due.iso(), "2026-11-30T23:59:59");
  EXPECT_NE(r->basis.find("Thanksgiving Day"), std::string::npos);
}

TEST(DeadlinesTest, ExpeditedRecordsAreDueInExactlyTwentyFourHours) {
  // Even when the next day is Thanksgiving: hours do not roll.
  auto ds = compute_deadlines({{EventKind::kEligible, ts("2026-11-25T08:00"), ""},
                               {EventKind::kNoticeSent, ts("2026-11-25T16:30"), "electronic"}},
                              true, cal());
  const Deadline* r = find(ds, "records");
  EXPECT_EQ(r->due.iso(), "2026-11-26T16:30:00");
  EXPECT_TRUE(r->expedited);
  EXPECT_TRUE(r->short_window);
}

TEST(DeadlinesTest, DeterminationThirtyDaysAfterRecords) {
  auto ds = compute_deadlines({{EventKind::kEligible, ts("2026-10-01T10:00"), ""},
                               {EventKind::kNoticeSent, ts("2026-10-02T10:00"), "mail"},
                               {EventKind::kRecordsReceived, ts("2026-11-02T14:00"), ""}},
                              false, cal());
  const Deadline* d = find(ds, "determination");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->due.iso(), "2026-12-02T23:59:59");
  // The records came after their deadline (2026-10-17 -> Monday 2026-10-19): met late, kept.
  const Deadline* r = find(ds, "records");
  EXPECT_EQ(r->due.iso(), "2026-10-19T23:59:59");
  EXPECT_EQ(r->met_at->iso(), "2026-11-02T14:00:00");
  EXPECT_EQ(due_state(*r, ts("2026-11-05T00:00"), cal()), DueState::overdue);
  // Records on 2026-10-27: day 30 is Thanksgiving -> Monday 2026-11-30.
  ds = compute_deadlines(
      {{EventKind::kEligible, ts("2026-10-01T10:00"), ""}, {EventKind::kRecordsReceived, ts("2026-10-27T09:00"), ""}},
      false, cal());
  EXPECT_EQ(find(ds, "determination")->due.iso(), "2026-11-30T23:59:59");
}

TEST(DeadlinesTest, ExpeditedDeterminationThreeDaysAfterRecords) {
  auto due = [](const char* at) {
    auto ds = compute_deadlines(
        {{EventKind::kEligible, ts("2026-11-16T08:00"), ""}, {EventKind::kRecordsReceived, ts(at), ""}}, true, cal());
    return find(ds, "determination")->due.iso();
  };
  EXPECT_EQ(due("2026-11-16T09:00"), "2026-11-19T23:59:59");  // Mon -> Thu
  EXPECT_EQ(due("2026-11-19T09:00"), "2026-11-23T23:59:59");  // Thu -> Sun -> Mon
  EXPECT_EQ(due("2026-11-23T09:00"), "2026-11-30T23:59:59");  // Mon -> Thanksgiving -> Mon
}

TEST(DeadlinesTest, EventsInAnyOrderGiveTheSameDeadlines) {
  const std::vector<CaseEvent> ordered = {{EventKind::kReceived, ts("2026-11-02T08:00"), ""},
                                          {EventKind::kEligible, ts("2026-11-03T10:00"), ""},
                                          {EventKind::kNoticeSent, ts("2026-11-04T09:00"), "mail"},
                                          {EventKind::kRecordsReceived, ts("2026-11-12T15:00"), ""}};
  const std::vector<CaseEvent> shuffled = {ordered[3], ordered[1], ordered[0], ordered[2]};
  const auto a = compute_deadlines(ordered, false, cal());
  const auto b = compute_deadlines(shuffled, false, cal());
  ASSERT_EQ(a.size(), 3u);
  ASSERT_EQ(b.size(), 3u);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].what, b[i].what);
    EXPECT_EQ(a[i].due, b[i].due);
    EXPECT_EQ(a[i].met_at, b[i].met_at);
  }
  // The first event of a kind counts: a second notice does not move the records deadline.
  auto again = shuffled;
  again.push_back({EventKind::kNoticeSent, ts("2026-11-10T09:00"), "electronic"});
  EXPECT_EQ(find(compute_deadlines(again, false, cal()), "records")->due.iso(),
            "2026-11-19T23:59:59");
}

TEST(DeadlinesTest, NextDueAndSigningEndsPendingDeadlines) {
  std::vector<CaseEvent> ev = {{EventKind::kEligible, ts("2026-11-03T10:00"), ""},
                               {EventKind::kNoticeSent, ts("2026-11-04T09:00"), "mail"}};
  auto ds = compute_deadlines(ev, false, cal());
  auto next = next_due(ds);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->what, "records");
  ev.push_back({EventKind::kRecordsReceived, ts("2026-11-12T15:00"), ""});
  EXPECT_EQ(next_due(compute_deadlines(ev, false, cal()))->what, "determination");
  ev.push_back({EventKind::kSigned, ts("2026-12-01T12:00"), ""});
  ds = compute_deadlines(ev, false, cal());
  EXPECT_FALSE(next_due(ds));
  EXPECT_EQ(find(ds, "determination")->met_at->iso(), "2026-12-01T12:00:00");
  // Closed before the records came: the records deadline is no longer pending.
  ds = compute_deadlines({{EventKind::kEligible, ts("2026-11-03T10:00"), ""},
                          {EventKind::kNoticeSent, ts("2026-11-04T09:00"), "mail"},
                          {EventKind::kClosed, ts("2026-11-06T09:00"), "withdrawn"}},
                         false, cal());
  EXPECT_FALSE(next_due(ds));
  const Deadline* r = find(ds, "records");
  EXPECT_FALSE(r->met_at);
  EXPECT_EQ(r->ended_at->iso(), "2026-11-06T09:00:00");
  EXPECT_EQ(due_state(*r, ts("2026-12-30T00:00"), cal()), DueState::on_track);
}

TEST(DeadlinesTest, DueStates) {
  // Records due Tuesday 2026-12-08 23:59:59 (standard window).
  const auto ds = compute_deadlines(
      {{EventKind::kEligible, ts("2026-11-20T10:00"), ""}, {EventKind::kNoticeSent, ts("2026-11-23T11:00"), "mail"}},
      false, cal());
  const Deadline r = *find(ds, "records");
  EXPECT_EQ(due_state(r, ts("2026-12-03T09:00"), cal()), DueState::on_track);  // Thu: 3 bd away
  EXPECT_EQ(due_state(r, ts("2026-12-04T09:00"), cal()), DueState::at_risk);   // Fri: Mon, Tue
  EXPECT_EQ(due_state(r, ts("2026-12-08T23:59:59"), cal()), DueState::at_risk);
  EXPECT_EQ(due_state(r, ts("2026-12-09T00:00"), cal()), DueState::overdue);
  Deadline met = r;
  met.met_at = ts("2026-12-08T17:00");
  EXPECT_EQ(due_state(met, ts("2026-12-20T00:00"), cal()), DueState::on_track);
  // Short window (expedited records, 24 hours): at risk in the last 12 hours only.
  const auto ex = compute_deadlines({{EventKind::kEligible, ts("2026-11-24T08:00"), ""},
                                     {EventKind::kNoticeSent, ts("2026-11-24T10:00"), "electronic"}},
                                    true, cal());
  const Deadline er = *find(ex, "records");
  EXPECT_EQ(due_state(er, ts("2026-11-24T21:59:59"), cal()), DueState::on_track);
  EXPECT_EQ(due_state(er, ts("2026-11-24T22:00:00"), cal()), DueState::at_risk);
  EXPECT_EQ(due_state(er, ts("2026-11-25T10:00:01"), cal()), DueState::overdue);
  EXPECT_EQ(to_string(DueState::at_risk), "at risk");
  EXPECT_EQ(to_string(DueState::overdue), "overdue");
  EXPECT_EQ(to_string(DueState::on_track), "on track");
}

}  // namespace
}  // namespace imr
