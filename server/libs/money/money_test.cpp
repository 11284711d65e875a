#include "libs/money/money.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace mg::money {
namespace {

TEST(MoneyParse, Accepts) {
  EXPECT_EQ(parse_decimal("150"), 15000);
  EXPECT_EQ(parse_decimal("150.7"), 15070);
  EXPECT_EQ(parse_decimal("150.75"), 15075);
  EXPECT_EQ(parse_decimal("150.05"), 15005);
  EXPECT_EQ(parse_decimal("-3.10"), -310);
  EXPECT_EQ(parse_decimal("-3.1"), -310);
  EXPECT_EQ(parse_decimal("0"), 0);
  EXPECT_EQ(parse_decimal("-0"), 0);
  EXPECT_EQ(parse_decimal("0.00"), 0);
  EXPECT_EQ(parse_decimal("0.01"), 1);
  EXPECT_EQ(parse_decimal("-0.01"), -1);
  EXPECT_EQ(parse_decimal("007.50"), 750);  // leading zeros are harmless
  EXPECT_EQ(parse_decimal("1234567.89"), 123456789);
}

TEST(MoneyParse, Rejects) {
  for (const char* bad :
       {"",   " ",    "abc",  "1e3",  "1E3",  "150.755", "150.000", "1,50",  "+1",   " 1",
        "1 ", "1. 5", "150.", ".5",   "-",    "--1",     "-.5",     "1.2.3", "0x10", "1_000",
        "１", "NaN",  "inf",  "-inf", "1.5-", "12a",     "R$ 1,00", "\t1"}) {
    EXPECT_EQ(parse_decimal(bad), std::nullopt) << '"' << bad << '"';
  }
}

TEST(MoneyParse, LimitIsTenToTheElevenCents) {
  EXPECT_EQ(kMaxCents, 100'000'000'000);
  EXPECT_EQ(parse_decimal("1000000000"), kMaxCents);
  EXPECT_EQ(parse_decimal("1000000000.00"), kMaxCents);
  EXPECT_EQ(parse_decimal("-1000000000"), -kMaxCents);
  EXPECT_EQ(parse_decimal("999999999.99"), kMaxCents - 1);
  EXPECT_EQ(parse_decimal("1000000000.01"), std::nullopt);
  EXPECT_EQ(parse_decimal("-1000000000.01"), std::nullopt);
  EXPECT_EQ(parse_decimal("1000000001"), std::nullopt);
  EXPECT_EQ(parse_decimal("99999999999999999999999999"), std::nullopt);  // no overflow
  EXPECT_EQ(parse_decimal("9223372036854775807"), std::nullopt);
  EXPECT_EQ(parse_decimal("0000000000000000000000001.00"), 100);
}

TEST(MoneyFromDouble, ExactTwoDecimals) {
  EXPECT_EQ(from_double(150.75), 15075);
  EXPECT_EQ(from_double(150.7), 15070);
  EXPECT_EQ(from_double(150.0), 15000);
  EXPECT_EQ(from_double(0.1), 10);
  EXPECT_EQ(from_double(0.29), 29);  // 0.29 * 100 == 28.999999999999996 in binary
  EXPECT_EQ(from_double(1.005), std::nullopt);
  EXPECT_EQ(from_double(19.99), 1999);
  EXPECT_EQ(from_double(-3.1), -310);
  EXPECT_EQ(from_double(0.0), 0);
  EXPECT_EQ(from_double(-0.0), 0);
  EXPECT_EQ(from_double(1000000.0), 100000000);  // not "1e+06"
  EXPECT_EQ(from_double(1e9), kMaxCents);
  EXPECT_EQ(from_double(999999999.99), kMaxCents - 1);
}

TEST(MoneyFromDouble, Rejects) {
  EXPECT_EQ(from_double(150.755), std::nullopt);
  EXPECT_EQ(from_double(1e-7), std::nullopt);
  EXPECT_EQ(from_double(0.001), std::nullopt);
  EXPECT_EQ(from_double(0.1 + 0.2), std::nullopt);  // 0.30000000000000004
  EXPECT_EQ(from_double(1000000000.01), std::nullopt);
  EXPECT_EQ(from_double(1e11), std::nullopt);
  EXPECT_EQ(from_double(1e300), std::nullopt);
  EXPECT_EQ(from_double(-1e300), std::nullopt);
  EXPECT_EQ(from_double(std::numeric_limits<double>::quiet_NaN()), std::nullopt);
  EXPECT_EQ(from_double(std::numeric_limits<double>::infinity()), std::nullopt);
  EXPECT_EQ(from_double(-std::numeric_limits<double>::infinity()), std::nullopt);
  EXPECT_EQ(from_double(std::numeric_limits<double>::denorm_min()), std::nullopt);
}

}  // namespace
}  // namespace mg::money
