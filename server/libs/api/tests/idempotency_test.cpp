#include "libs/api/idempotency.hpp"

#include <gtest/gtest.h>

namespace mg::api {
namespace {

TEST(Idempotency, KeysArePrintableAsciiUpTo255) {
  EXPECT_TRUE(Idempotency::valid_key("a"));
  EXPECT_TRUE(Idempotency::valid_key(std::string(255, 'k')));
  EXPECT_TRUE(Idempotency::valid_key("9f0c-4a1b ~!"));
  EXPECT_FALSE(Idempotency::valid_key(""));
  EXPECT_FALSE(Idempotency::valid_key(std::string(256, 'k')));
  EXPECT_FALSE(Idempotency::valid_key("tab\there"));
  EXPECT_FALSE(Idempotency::valid_key("ação"));
}

TEST(Idempotency, TheFingerprintCoversRouteParametersAndBody) {
  const http::Params p1{{"id", "1"}}, p2{{"id", "2"}};
  const auto base = Idempotency::fingerprint("POST", "/management/os/{id}/items", p1, "{}");
  EXPECT_EQ(base.size(), 64u);
  EXPECT_EQ(base, Idempotency::fingerprint("POST", "/management/os/{id}/items", p1, "{}"));
  EXPECT_NE(base, Idempotency::fingerprint("POST", "/management/os/{id}/items", p2, "{}"));
  EXPECT_NE(base, Idempotency::fingerprint("POST", "/management/os/{id}/items", p1, "{ }"));
  EXPECT_NE(base, Idempotency::fingerprint("POST", "/management/customers", p1, "{}"));
}

}  // namespace
}  // namespace mg::api
