#include "core/date.h"

#include <gtest/gtest.h>

namespace imr {
namespace {

TEST(DateTest, ParsesNumericForms) {
  EXPECT_EQ(parse_date("11/2/13")->iso(), "2013-11-02");
  EXPECT_EQ(parse_date("12-8-10")->iso(), "2010-12-08");
  EXPECT_EQ(parse_date("08/29/2005")->iso(), "2005-08-29");
  EXPECT_EQ(parse_date("2015-08-24")->iso(), "2015-08-24");
  EXPECT_EQ(parse_date("11/23/99")->iso(), "1999-11-23");
  EXPECT_FALSE(parse_date("13/45/2015"));
  EXPECT_FALSE(parse_date("2/30/2015"));
  EXPECT_FALSE(parse_date("hello"));
}

TEST(DateTest, ParsesMonthNamesAndSeasons) {
  EXPECT_EQ(parse_date("April 2015")->iso(), "2015-04");
  EXPECT_EQ(parse_date("April 3, 2015")->iso(), "2015-04-03");
  EXPECT_EQ(parse_date("Sept. 2014")->iso(), "2014-09");
  const Date early = *parse_date("early 2013");
  EXPECT_EQ(early.iso(), "2013");
  EXPECT_EQ(early.first_day(), days_from_civil(2013, 1, 1));
  EXPECT_EQ(early.last_day(), days_from_civil(2013, 4, 30));
  const Date april = *parse_date("April 2015");
  EXPECT_EQ(april.last_day() - april.first_day(), 29);
}

TEST(DateTest, FindsDatesInTextWithOffsets) {
  const std::string s = "A progress note on 5/30/14 indicated 9/10 pain.";
  auto m = find_date(s);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->date.iso(), "2014-05-30");
  EXPECT_EQ(s.substr(m->start, m->end - m->start), "5/30/14");
  // A pain score is not a date.
  auto none = find_date("He rates pain 9/10 today.");
  EXPECT_FALSE(none);
  auto later = find_date("Seen 7-17-15 and 8-24-15.", 10);
  ASSERT_TRUE(later);
  EXPECT_EQ(later->date.iso(), "2015-08-24");
}

TEST(DateTest, MonthAndYearInFigures) {
  EXPECT_EQ(parse_date("09/2014")->iso(), "2014-09");
  EXPECT_EQ(parse_date("6/2015")->iso(), "2015-06");
  EXPECT_FALSE(parse_date("13/2015"));
  auto m = find_date("on Norco since 6/2015, pain 8/10");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->date.iso(), "2015-06");
  // A full date is still read whole.
  EXPECT_EQ(find_date("seen 06/12/2015")->date.iso(), "2015-06-12");
}

TEST(DateTest, Seasons) {
  const Date spring = find_date("began morphine in the spring of 2014 after surgery")->date;
  EXPECT_EQ(spring.first_day(), days_from_civil(2014, 3, 1));
  EXPECT_EQ(spring.last_day(), days_from_civil(2014, 5, 31));
  EXPECT_EQ(parse_date("fall 2013")->last_day(), days_from_civil(2013, 11, 30));
}

TEST(DateTest, CivilRoundTrip) {
  for (int d : {-1000, 0, 16000, 20000, 23000}) EXPECT_EQ(civil_from_days(d).first_day(), d);
}

}  // namespace
}  // namespace imr
