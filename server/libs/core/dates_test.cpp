#include "libs/core/dates.hpp"

#include <gtest/gtest.h>

namespace mg::dates {
namespace {

TEST(IsValidDate, AcceptsRealCalendarDays) {
  EXPECT_TRUE(is_valid_date("2026-01-31"));
  EXPECT_TRUE(is_valid_date("2024-02-29"));
  EXPECT_FALSE(is_valid_date("2025-02-29"));
  EXPECT_FALSE(is_valid_date("2026-02-30"));
  EXPECT_FALSE(is_valid_date("2026-13-01"));
  EXPECT_FALSE(is_valid_date("2026-00-10"));
  EXPECT_FALSE(is_valid_date("2026-1-01"));
  EXPECT_FALSE(is_valid_date("26-01-01"));
  EXPECT_FALSE(is_valid_date("2026/01/01"));
  EXPECT_FALSE(is_valid_date("31/01/2026"));
  EXPECT_FALSE(is_valid_date(""));
  EXPECT_FALSE(is_valid_date("0000-01-01"));
}

TEST(TimeBound, DatesCoverTheWholeDay) {
  EXPECT_EQ(time_bound("2026-01-31", false), "2026-01-31T00:00:00");
  EXPECT_EQ(time_bound("2026-01-31", true), "2026-01-31T23:59:59.999999");
}

TEST(TimeBound, TimestampsKeepTheirZoneOrReadAsUtc) {
  EXPECT_EQ(time_bound("2026-01-31T10:05:00Z", false), "2026-01-31T10:05:00Z");
  EXPECT_EQ(time_bound("2026-01-31T10:05:00", true), "2026-01-31T10:05:00Z");
  EXPECT_EQ(time_bound("2026-01-31T10:05", false), "2026-01-31T10:05Z");
  EXPECT_EQ(time_bound("2026-01-31T10:05:00-03:00", false), "2026-01-31T10:05:00-03:00");
  EXPECT_EQ(time_bound("2026-01-31T10:05:00.123+0100", false), "2026-01-31T10:05:00.123+0100");
  EXPECT_EQ(time_bound("2026-01-31 10:05:00", false), "2026-01-31T10:05:00Z");
}

TEST(TimeBound, RejectsMalformedText) {
  EXPECT_FALSE(time_bound("", false));
  EXPECT_FALSE(time_bound("ontem", false));
  EXPECT_FALSE(time_bound("2026-02-30", false));
  EXPECT_FALSE(time_bound("2026-01-31T25:00:00Z", false));
  EXPECT_FALSE(time_bound("2026-01-31T10:60Z", false));
  EXPECT_FALSE(time_bound("2026-01-31T10:05:00X", false));
  EXPECT_FALSE(time_bound("2026-01-31T10:05:00+3", false));
  EXPECT_FALSE(time_bound("2026-01-31T10:05:00Z; drop table x", false));
  EXPECT_FALSE(time_bound("2026-01-31X10:05", false));
}

TEST(AddDays, CrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ(add_days("2026-01-31", 1), "2026-02-01");
  EXPECT_EQ(add_days("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(add_days("2025-02-28", 1), "2025-03-01");
  EXPECT_EQ(add_days("2026-12-31", 1), "2027-01-01");
  EXPECT_EQ(add_days("2026-03-01", -1), "2026-02-28");
  EXPECT_EQ(add_days("2026-05-10", 0), "2026-05-10");
}

TEST(DaysBetween, CountsCalendarDays) {
  EXPECT_EQ(days_between("2026-01-01", "2026-01-01"), 0);
  EXPECT_EQ(days_between("2026-01-01", "2026-12-31"), 364);
  EXPECT_EQ(days_between("2024-01-01", "2024-12-31"), 365);
  EXPECT_EQ(days_between("2026-02-01", "2026-01-01"), -31);
}

}  // namespace
}  // namespace mg::dates
