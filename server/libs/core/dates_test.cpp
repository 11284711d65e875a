#include "libs/core/dates.hpp"

#include <gtest/gtest.h>

namespace mg::dates {
namespace {

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
