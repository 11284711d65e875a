#include "modules/workshop/domain/order_totals.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace mg::workshop {
namespace {

using money::Cents;
using money::kMaxCents;

void expect_invalid(const Result<Cents>& r) {
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, FailureKind::invalid);
  EXPECT_EQ(r.error().code, "validation_error");
  EXPECT_FALSE(r.error().message.empty());
}

void expect_invalid(const Result<void>& r, const std::string& field) {
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "validation_error");
  ASSERT_EQ(r.error().details.size(), 1u);
  EXPECT_EQ(r.error().details[0].first, field);
}

TEST(ItemTotal, MultipliesWholeQuantities) {
  EXPECT_EQ(item_total(100, 15075).value(), 15075);
  EXPECT_EQ(item_total(300, 1999).value(), 5997);
  EXPECT_EQ(item_total(1000, 0).value(), 0);  // a free item is fine
  EXPECT_EQ(item_total(100, kMaxCents).value(), kMaxCents);
  EXPECT_EQ(item_total(100'000, kMaxCents / 1000).value(), kMaxCents);
}

TEST(ItemTotal, FractionalHoursRoundHalfUpToTheCent) {
  EXPECT_EQ(item_total(150, 8000).value(), 12000);  // 1.5 h × R$ 80,00
  EXPECT_EQ(item_total(125, 3333).value(), 4166);   // 41.6625 → 41.66
  EXPECT_EQ(item_total(150, 3333).value(), 5000);   // 49.995 → 50.00
  EXPECT_EQ(item_total(1, 1).value(), 0);           // 0.0001 → 0.00
  EXPECT_EQ(item_total(50, 1).value(), 1);          // 0.005 → 0.01
}

TEST(ItemTotal, RejectsBadInputAndOverflow) {
  expect_invalid(item_total(0, 100));
  expect_invalid(item_total(-100, 100));
  expect_invalid(item_total(100, -1));
  expect_invalid(item_total(100, kMaxCents + 1));
  expect_invalid(item_total(200, kMaxCents / 2 + 1));
  expect_invalid(item_total(std::numeric_limits<std::int64_t>::max(), 2));
  expect_invalid(item_total(3'037'000'500, 3'037'000'500));  // > 2^63
  expect_invalid(
      item_total(std::numeric_limits<std::int64_t>::max(), std::numeric_limits<Cents>::max()));
}

TEST(CheckTotals, TheSumOfTheItemsStaysWithinTheMoneyLimit) {
  EXPECT_TRUE(check_totals({kMaxCents / 2, kMaxCents / 2, 0, kMaxCents}, TotalsChange::items, "x"));
  expect_invalid(check_totals({kMaxCents, 1, 0, kMaxCents + 1}, TotalsChange::items, "quantity"),
                 "quantity");
  expect_invalid(check_totals({kMaxCents, 1, 0, 0}, TotalsChange::discount, "discount"),
                 "discount");
}

TEST(CheckTotals, TheDiscountIsAtMostTheSumOfTheItemsWhenItIsSet) {
  EXPECT_TRUE(check_totals({500, 500, 1000, 0}, TotalsChange::discount, "discount"));
  expect_invalid(check_totals({500, 500, 1001, 0}, TotalsChange::discount, "discount"), "discount");
  // Items that shrink below a discount already set leave the total at zero.
  EXPECT_TRUE(check_totals({0, 100, 1000, 0}, TotalsChange::items, "quantity"));
}

}  // namespace
}  // namespace mg::workshop
