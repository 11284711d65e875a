#include "modules/workshop/domain/order_totals.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <limits>

#include "libs/core/api_error.hpp"

namespace mg::workshop {
namespace {

using money::Cents;
using money::kMaxCents;

void expect_validation(const std::function<void()>& f) {
  try {
    f();
    ADD_FAILURE() << "no error";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_EQ(e.code(), "validation_error");
    EXPECT_FALSE(e.message().empty());
  }
}

TEST(ItemTotal, Multiplies) {
  EXPECT_EQ(item_total(1, 15075), 15075);
  EXPECT_EQ(item_total(3, 1999), 5997);
  EXPECT_EQ(item_total(10, 0), 0);  // a free item is fine
  EXPECT_EQ(item_total(1, kMaxCents), kMaxCents);
  EXPECT_EQ(item_total(1000, kMaxCents / 1000), kMaxCents);
}

TEST(ItemTotal, RejectsBadInputAndOverflow) {
  expect_validation([] { item_total(0, 100); });
  expect_validation([] { item_total(-1, 100); });
  expect_validation([] { item_total(1, -1); });
  expect_validation([] { item_total(1, kMaxCents + 1); });
  expect_validation([] { item_total(2, kMaxCents / 2 + 1); });
  expect_validation([] { item_total(std::numeric_limits<std::int64_t>::max(), 2); });
  expect_validation([] { item_total(3'037'000'500, 3'037'000'500); });  // > 2^63
  expect_validation([] {
    item_total(std::numeric_limits<std::int64_t>::max(), std::numeric_limits<Cents>::max());
  });
}

TEST(ComputeTotals, Empty) {
  const OrderTotals t = compute_totals({}, 0);
  EXPECT_EQ(t.total_parts, 0);
  EXPECT_EQ(t.total_labor, 0);
  EXPECT_EQ(t.discount, 0);
  EXPECT_EQ(t.total_amount, 0);
}

TEST(ComputeTotals, PartsAndLaborSeparately) {
  const OrderTotals t =
      compute_totals({{true, 2, 4590}, {false, 1, 12000}, {true, 1, 1999}, {false, 3, 2500}}, 1000);
  EXPECT_EQ(t.total_parts, 2 * 4590 + 1999);
  EXPECT_EQ(t.total_labor, 12000 + 7500);
  EXPECT_EQ(t.discount, 1000);
  EXPECT_EQ(t.total_amount, 11179 + 19500 - 1000);
}

TEST(ComputeTotals, DiscountLargerThanSumFloorsAtZero) {
  const OrderTotals t = compute_totals({{true, 1, 500}, {false, 1, 500}}, 5000);
  EXPECT_EQ(t.total_parts, 500);
  EXPECT_EQ(t.total_labor, 500);
  EXPECT_EQ(t.discount, 5000);
  EXPECT_EQ(t.total_amount, 0);
  EXPECT_EQ(compute_totals({{true, 1, 500}}, 500).total_amount, 0);
  EXPECT_EQ(compute_totals({}, 100).total_amount, 0);
}

TEST(ComputeTotals, RejectsNegativeOrHugeDiscount) {
  expect_validation([] { compute_totals({{true, 1, 500}}, -1); });
  expect_validation([] { compute_totals({}, kMaxCents + 1); });
  EXPECT_EQ(compute_totals({}, kMaxCents).total_amount, 0);
}

TEST(ComputeTotals, SumsUpToTheLimit) {
  const OrderTotals t = compute_totals({{true, 1, kMaxCents / 2}, {false, 1, kMaxCents / 2}}, 0);
  EXPECT_EQ(t.total_amount, kMaxCents);
  expect_validation([] { compute_totals({{true, 1, kMaxCents}, {false, 1, 1}}, 0); });
  expect_validation([] { compute_totals({{true, 1, kMaxCents}, {true, 1, 1}}, 0); });
  expect_validation([] {
    compute_totals({{false, 1, kMaxCents}, {false, 1, kMaxCents}, {false, 1, kMaxCents}}, 0);
  });
}

TEST(ComputeTotals, BadItemRejected) {
  expect_validation([] { compute_totals({{true, 0, 500}}, 0); });
  expect_validation([] { compute_totals({{false, 1, -500}}, 0); });
}

}  // namespace
}  // namespace mg::workshop
