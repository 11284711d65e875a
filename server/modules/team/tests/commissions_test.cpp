#include "modules/team/domain/commissions.hpp"

#include <gtest/gtest.h>

namespace mg::team {
namespace {

TEST(PercentOf, RoundsHalfUpToTheCent) {
  EXPECT_EQ(percent_of(15000, Percent{1050}), 1575);  // 150.00 × 10.5 % = 15.75
  EXPECT_EQ(percent_of(9100, Percent{225}), 205);     // 2.0475 → 2.05
  EXPECT_EQ(percent_of(3333, Percent{1050}), 350);    // 3.49965 → 3.50
  EXPECT_EQ(percent_of(1001, Percent{225}), 23);      // 0.225225 → 0.23
  EXPECT_EQ(percent_of(100, Percent{50}), 1);         // 0.005 → 0.01: half goes up
  EXPECT_EQ(percent_of(100, Percent{49}), 0);         // 0.0049 → 0.00
  EXPECT_EQ(percent_of(12345, Percent{0}), 0);
  EXPECT_EQ(percent_of(12345, Percent{kMaxPercent}), 12345);
  EXPECT_EQ(percent_of(0, Percent{1000}), 0);
}

TEST(PercentOf, TheLargestAmountsDoNotOverflow) {
  EXPECT_EQ(percent_of(money::kMaxCents, Percent{kMaxPercent}), money::kMaxCents);
  EXPECT_EQ(percent_of(money::kMaxCents, Percent{1}), money::kMaxCents / 10'000);
}

CommissionBase base(std::int64_t staff, std::int64_t order, money::Cents labor, money::Cents parts,
                    int labor_rate = 1000, int parts_rate = 200) {
  return {StaffId{staff},
          "Staff " + std::to_string(staff),
          Percent{labor_rate},
          Percent{parts_rate},
          workshop::OrderId{order},
          order,
          "2026-11-24T13:05:00Z",
          "Cliente",
          {labor},
          {parts}};
}

TEST(CommissionReport, GroupsByStaffAndSumsTheRoundedOrders) {
  // Two orders of 0.05 each at 10 %: 0.005 → 0.01 per order, so the line is 0.02 (not a
  // rounded 0.01 of the 0.10 sum): the line adds up to the orders behind it.
  auto report = commission_report({base(1, 10, 5, 0), base(1, 11, 5, 0), base(2, 10, 1000, 500)});
  ASSERT_EQ(report.staff.size(), 2u);
  const auto& first = report.staff[0];
  EXPECT_EQ(first.staff_id, StaffId{1});
  ASSERT_EQ(first.orders.size(), 2u);
  EXPECT_EQ(first.orders[0].amounts.labor_commission, 1);
  EXPECT_EQ(first.orders[1].amounts.labor_commission, 1);
  EXPECT_EQ(first.amounts.labor_base, 10);
  EXPECT_EQ(first.amounts.labor_commission, 2);
  EXPECT_EQ(first.amounts.total, 2);
  const auto& second = report.staff[1];
  EXPECT_EQ(second.amounts.labor_commission, 100);
  EXPECT_EQ(second.amounts.parts_commission, 10);
  EXPECT_EQ(second.amounts.total, 110);
  EXPECT_EQ(report.totals.labor_base, 1010);
  EXPECT_EQ(report.totals.parts_base, 500);
  EXPECT_EQ(report.totals.labor_commission, 102);
  EXPECT_EQ(report.totals.parts_commission, 10);
  EXPECT_EQ(report.totals.total, 112);
}

TEST(CommissionReport, KeepsTheOrderGiven) {
  auto report = commission_report({base(3, 1, 100, 0), base(1, 2, 100, 0), base(2, 3, 100, 0)});
  ASSERT_EQ(report.staff.size(), 3u);
  EXPECT_EQ(report.staff[0].staff_id, StaffId{3});
  EXPECT_EQ(report.staff[1].staff_id, StaffId{1});
  EXPECT_EQ(report.staff[2].staff_id, StaffId{2});
}

TEST(CommissionReport, NothingIsZero) {
  auto report = commission_report({});
  EXPECT_TRUE(report.staff.empty());
  EXPECT_EQ(report.totals.total, 0);
}

}  // namespace
}  // namespace mg::team
