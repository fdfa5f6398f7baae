// Eligibility screening: each reason alone, all together, the mailing extension, the day-30
// boundary, and a filing deadline that rolls over a weekend and over Thanksgiving.
#include "service/eligibility.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "service/calendar.h"

namespace imr {
namespace {

const std::string kHolidays = std::string(IMR_SOURCE_DIR) + "/data/holidays";

class EligibilityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    calendar_ = new HolidayCalendar(HolidayCalendar::load(kHolidays));
  }
  static void TearDownTestSuite() {
    delete calendar_;
    calendar_ = nullptr;
  }

  // An eligible application: UR served in person on Tuesday 2026-10-20, filed the same week.
  static Application base() {
    Application a;
    a.application_id = "APP-1";
    a.received = Date::ymd(2026, 10, 26);
    a.signed_ = true;
    a.signed_by = "worker";
    a.worker.name = "Rosa Delgado";
    a.requesting_physician.name = "Dr. Alan Whitcomb";
    a.date_of_injury = Date::ymd(2023, 2, 14);
    ApplicationUr ur;
    ur.date = Date::ymd(2026, 10, 20);
    ur.served = Date::ymd(2026, 10, 20);
    ur.service_method = "personal";
    ur.items.push_back({"Physical therapy x 12", "modified", "Physical therapy x 6", ""});
    a.ur = ur;
    return a;
  }

  static EligibilityFinding screen(const Application& a,
                                   const std::vector<Application>& open = {}) {
    return screen_application(a, open, *calendar_);
  }

  static std::vector<std::string> codes(const EligibilityFinding& f) {
    std::vector<std::string> out;
    for (const auto& r : f.reasons) out.push_back(r.code);
    return out;
  }

  static HolidayCalendar* calendar_;
};

HolidayCalendar* EligibilityTest::calendar_ = nullptr;

TEST_F(EligibilityTest, EligibleApplicationHasNoReasons) {
  const EligibilityFinding f = screen(base());
  EXPECT_TRUE(f.eligible);
  EXPECT_TRUE(f.reasons.empty());
  ASSERT_TRUE(f.filing_deadline);
  EXPECT_EQ(f.filing_deadline->iso(), "2026-11-19");
  EXPECT_EQ(f.filing_deadline_basis, "30 days after service of the UR decision on 2026-10-20");
}

TEST_F(EligibilityTest, Day30IsOnTimeDay31IsLate) {
  Application a = base();
  a.received = Date::ymd(2026, 11, 19);  // day 30 (a Thursday)
  EXPECT_TRUE(screen(a).eligible);
  a.received = Date::ymd(2026, 11, 20);  // day 31
  const EligibilityFinding f = screen(a);
  EXPECT_FALSE(f.eligible);
  ASSERT_EQ(codes(f), std::vector<std::string>{"late"});
  EXPECT_EQ(f.reasons[0].text,
            "Filed 2026-11-20, 31 days after the UR decision was served on 2026-10-20; the "
            "deadline was 2026-11-19 (30 days after service).");
}

TEST_F(EligibilityTest, ServiceByMailAddsFiveDays) {
  Application a = base();
  a.ur->service_method = "mail";
  a.received = Date::ymd(2026, 11, 24);  // day 35
  EligibilityFinding f = screen(a);
  EXPECT_TRUE(f.eligible);
  EXPECT_EQ(f.filing_deadline->iso(), "2026-11-24");
  a.received = Date::ymd(2026, 11, 25);
  f = screen(a);
  ASSERT_EQ(codes(f), std::vector<std::string>{"late"});
  EXPECT_NE(f.reasons[0].text.find("plus 5 days for service by mail"), std::string::npos);
  EXPECT_NE(f.reasons[0].text.find("deadline was 2026-11-24"), std::string::npos);
  // Electronic service: no extension.
  a.ur->service_method = "electronic";
  a.received = Date::ymd(2026, 11, 20);
  EXPECT_EQ(codes(screen(a)), std::vector<std::string>{"late"});
}

TEST_F(EligibilityTest, UnstatedServiceCountsFromDecisionDateAsMailed) {
  Application a = base();
  a.ur->served.reset();
  a.ur->service_method.clear();
  const EligibilityFinding f = screen(a);
  EXPECT_EQ(f.filing_deadline->iso(), "2026-11-24");
  EXPECT_EQ(f.filing_deadline_basis,
            "30 days after the UR decision dated 2026-10-20, as no service date is given, plus 5 "
            "days for mailing as the service method is not stated");
}

TEST_F(EligibilityTest, DeadlineOnASaturdayRollsToMonday) {
  Application a = base();
  a.ur->served = Date::ymd(2026, 10, 22);  // +30 = Saturday 2026-11-21
  a.received = Date::ymd(2026, 11, 23);    // Monday
  EligibilityFinding f = screen(a);
  EXPECT_TRUE(f.eligible);
  EXPECT_EQ(f.filing_deadline->iso(), "2026-11-23");
  EXPECT_NE(f.filing_deadline_basis.find("moved from 2026-11-21 (Saturday)"), std::string::npos)
      << f.filing_deadline_basis;
  a.received = Date::ymd(2026, 11, 24);
  EXPECT_EQ(codes(screen(a)), std::vector<std::string>{"late"});
}

TEST_F(EligibilityTest, DeadlineOnThanksgivingRollsPastTheHolidayWeekend) {
  Application a = base();
  a.ur->served = Date::ymd(2026, 10, 27);  // +30 = Thanksgiving, Thursday 2026-11-26
  a.received = Date::ymd(2026, 11, 30);    // Monday after
  EligibilityFinding f = screen(a);
  EXPECT_TRUE(f.eligible);
  EXPECT_EQ(f.filing_deadline->iso(), "2026-11-30");
  EXPECT_NE(f.filing_deadline_basis.find("moved from 2026-11-26 (Thanksgiving Day)"),
            std::string::npos);
  a.received = Date::ymd(2026, 12, 1);
  EXPECT_EQ(codes(screen(a)), std::vector<std::string>{"late"});
}

TEST_F(EligibilityTest, MissingUrDecision) {
  Application a = base();
  a.ur.reset();
  EligibilityFinding f = screen(a);
  EXPECT_EQ(codes(f), std::vector<std::string>{"ur_missing"});
  EXPECT_FALSE(f.filing_deadline);
  a = base();
  a.ur->items.clear();
  EXPECT_EQ(codes(screen(a)), std::vector<std::string>{"ur_missing"});
}

TEST_F(EligibilityTest, NotAMedicalNecessityDecision) {
  Application a = base();
  a.ur->basis = "not_medical_necessity";
  const EligibilityFinding f = screen(a);
  ASSERT_EQ(codes(f), std::vector<std::string>{"not_medical_necessity"});
  EXPECT_NE(f.reasons[0].text.find("of 2026-10-20"), std::string::npos);
}

TEST_F(EligibilityTest, LiabilityDisputed) {
  Application a = base();
  a.liability_disputed = true;
  const EligibilityFinding f = screen(a);
  ASSERT_EQ(codes(f), std::vector<std::string>{"liability_disputed"});
  EXPECT_NE(f.reasons[0].text.find("injury of 2023-02-14"), std::string::npos);
}

TEST_F(EligibilityTest, NonCertifiedForMissingInformation) {
  Application a = base();
  a.ur->basis = "missing_information";
  EXPECT_EQ(codes(screen(a)), std::vector<std::string>{"missing_information"});
}

TEST_F(EligibilityTest, Unsigned) {
  Application a = base();
  a.signed_ = false;
  a.signed_by.clear();
  EXPECT_EQ(codes(screen(a)), std::vector<std::string>{"unsigned"});
  // Signed by a representative the application does not name.
  a.signed_ = true;
  a.signed_by = "representative";
  EXPECT_EQ(codes(screen(a)), std::vector<std::string>{"unsigned"});
  a.representative = Party{"Maria Chen, Esq.", "", "", "", "Chen & Abernathy"};
  EXPECT_TRUE(screen(a).eligible);
}

TEST_F(EligibilityTest, DuplicateOfAnApplicationUnderReview) {
  Application open = base();
  open.application_id = "APP-0";
  open.worker.name = "ROSA M. DELGADO";
  open.requesting_physician.name = "Alan Whitcomb, M.D.";
  open.ur->items[0].request = "physical therapy  x 12";
  const Application a = base();
  const EligibilityFinding f = screen(a, {open});
  ASSERT_EQ(codes(f), std::vector<std::string>{"duplicate"});
  EXPECT_NE(f.reasons[0].text.find("application APP-0"), std::string::npos);
  EXPECT_NE(f.reasons[0].text.find("UR decision of 2026-10-20"), std::string::npos);
  // Re-importing the same application is not a duplicate of itself.
  EXPECT_TRUE(screen(a, {a}).eligible);
  // A different UR decision or different items is a new dispute.
  Application other = open;
  other.ur->date = Date::ymd(2026, 9, 1);
  EXPECT_TRUE(screen(a, {other}).eligible);
  other = open;
  other.ur->items.push_back({"MRI lumbar spine", "denied", "", ""});
  EXPECT_TRUE(screen(a, {other}).eligible);
  other = open;
  other.date_of_injury = Date::ymd(2020, 1, 1);
  EXPECT_TRUE(screen(a, {other}).eligible);
}

TEST_F(EligibilityTest, EveryReasonIsStatedTogether) {
  Application open = base();
  open.application_id = "APP-0";
  open.ur->items.clear();
  Application a = open;
  a.application_id = "APP-9";
  a.received = Date::ymd(2027, 1, 15);
  a.ur->basis = "missing_information";
  a.liability_disputed = true;
  a.signed_ = false;
  a.signed_by.clear();
  const EligibilityFinding f = screen(a, {open});
  EXPECT_FALSE(f.eligible);
  EXPECT_EQ(codes(f), (std::vector<std::string>{"late", "ur_missing", "liability_disputed",
                                                "missing_information", "unsigned", "duplicate"}));
  for (const auto& r : f.reasons) EXPECT_FALSE(r.text.empty()) << r.code;
  // The remaining code, with the others it can coexist with.
  a.ur->basis = "not_medical_necessity";
  const auto c = codes(screen(a, {open}));
  EXPECT_NE(std::find(c.begin(), c.end(), "not_medical_necessity"), c.end());
  EXPECT_EQ(c.size(), 6u);
}

TEST_F(EligibilityTest, FilingDeadlineFunction) {
  EXPECT_EQ(filing_deadline(Date::ymd(2026, 10, 20), "personal", *calendar_).iso(), "2026-11-19");
  EXPECT_EQ(filing_deadline(Date::ymd(2026, 10, 20), "mail", *calendar_).iso(), "2026-11-24");
  EXPECT_EQ(filing_deadline(Date::ymd(2026, 10, 20), "", *calendar_).iso(), "2026-11-24");
  // 2026-11-25 + 30 = Christmas Day (Friday) -> Monday 2026-12-28.
  EXPECT_EQ(filing_deadline(Date::ymd(2026, 11, 25), "electronic", *calendar_).iso(), "2026-12-28");
}

}  // namespace
}  // namespace imr
