// Finance's pure rules: installments, fees, an order's receivable following it.
#include "modules/finance/domain/rules.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace mg::finance {
namespace {

TEST(Installments, SplitExactlyWithTheRemainderOnTheFirst) {
  EXPECT_EQ(split_installments(10000, 3).value(), (std::vector<Cents>{3334, 3333, 3333}));
  EXPECT_EQ(split_installments(10001, 2).value(), (std::vector<Cents>{5001, 5000}));
  EXPECT_EQ(split_installments(500, 1).value(), (std::vector<Cents>{500}));
  EXPECT_EQ(split_installments(3, 3).value(), (std::vector<Cents>{1, 1, 1}));
  for (Cents total : {1LL, 99LL, 100LL, 89970LL, 100000000000LL})
    for (int n : {1, 2, 3, 7, 12, 48}) {
      if (total < n) continue;
      auto parts = split_installments(total, n).value();
      ASSERT_EQ(parts.size(), static_cast<std::size_t>(n));
      EXPECT_EQ(std::accumulate(parts.begin(), parts.end(), Cents{0}), total);
      for (std::size_t i = 1; i < parts.size(); ++i) EXPECT_EQ(parts[i], total / n);
    }
}

TEST(Installments, RefuseMorePartsThanCents) {
  EXPECT_FALSE(split_installments(2, 3));
  EXPECT_FALSE(split_installments(100, 0));
  EXPECT_FALSE(split_installments(100, kMaxInstallments + 1));
}

TEST(Installments, FallDueEveryIntervalFromTheFirst) {
  EXPECT_EQ(installment_due_dates("2026-01-31", 3, 30),
            (std::vector<std::string>{"2026-01-31", "2026-03-02", "2026-04-01"}));
  EXPECT_EQ(installment_due_dates("2024-02-28", 2, 1),
            (std::vector<std::string>{"2024-02-28", "2024-02-29"}));
  EXPECT_EQ(installment_due_dates("2026-12-15", 2, 30),
            (std::vector<std::string>{"2026-12-15", "2027-01-14"}));
}

TEST(CardFee, IsThePercentageRoundedHalfUp) {
  EXPECT_EQ(fee_from_percent(10000, 399), 399);  // 3,99% de R$ 100,00
  EXPECT_EQ(fee_from_percent(12345, 250), 309);  // 308,625 → 309
  EXPECT_EQ(fee_from_percent(100, 149), 1);      // 1,49 → 1
  EXPECT_EQ(fee_from_percent(100, 150), 2);      // 1,5 → 2
  EXPECT_EQ(fee_from_percent(100000000000, 10000), 100000000000);
}

TEST(Methods, AreTheSixOfTheContract) {
  for (auto m : kAllMethods) EXPECT_EQ(parse_method(to_string(m)), m);
  EXPECT_FALSE(parse_method("CHEQUE"));
  EXPECT_FALSE(parse_method("pix"));
  EXPECT_TRUE(is_card(Method::cartao_credito));
  EXPECT_TRUE(is_card(Method::cartao_debito));
  EXPECT_FALSE(is_card(Method::pix));
}

TEST(FollowOrder, NothingPaidTakesTheNewTotalSplitAgain) {
  auto f = follow_order_total({{5000, 0}, {5000, 0}}, 12001).value();
  EXPECT_FALSE(f.cancel_all);
  EXPECT_EQ(f.amounts, (std::vector<Cents>{6001, 6000}));
  f = follow_order_total({{10000, 0}}, 8000).value();
  EXPECT_EQ(f.amounts, (std::vector<Cents>{8000}));
}

TEST(FollowOrder, AZeroTotalCancelsAnUnpaidReceivable) {
  EXPECT_TRUE(follow_order_total({{10000, 0}}, 0).value().cancel_all);
}

TEST(FollowOrder, PaymentsAboveTheNewTotalAreAConflict) {
  auto f = follow_order_total({{10000, 6000}}, 5000);
  ASSERT_FALSE(f);
  EXPECT_EQ(f.error().kind, FailureKind::conflict);
  EXPECT_NE(f.error().message.find("R$ 60,00"), std::string::npos) << f.error().message;
  EXPECT_NE(f.error().message.find("R$ 50,00"), std::string::npos) << f.error().message;
}

TEST(FollowOrder, WithPaymentsTheDifferenceGoesToTheLastInstallment) {
  auto f = follow_order_total({{10000, 10000}, {10000, 0}}, 25000).value();
  EXPECT_EQ(f.amounts, (std::vector<Cents>{10000, 15000}));
  f = follow_order_total({{10000, 10000}, {10000, 2000}}, 13000).value();
  EXPECT_EQ(f.amounts, (std::vector<Cents>{10000, 3000}));
  f = follow_order_total({{10000, 4000}}, 4000).value();
  EXPECT_EQ(f.amounts, (std::vector<Cents>{4000}));
  // The last installment cannot go below what it received.
  EXPECT_FALSE(follow_order_total({{10000, 0}, {10000, 5000}}, 12000));
}

TEST(Brl, WritesReaisAsPeopleReadThem) {
  EXPECT_EQ(brl(0), "R$ 0,00");
  EXPECT_EQ(brl(5), "R$ 0,05");
  EXPECT_EQ(brl(123456), "R$ 1.234,56");
  EXPECT_EQ(brl(100000000000), "R$ 1.000.000.000,00");
  EXPECT_EQ(brl(-1050), "-R$ 10,50");
}

}  // namespace
}  // namespace mg::finance
