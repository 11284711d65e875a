#include "modules/identity/domain/token_cache.hpp"

#include <gtest/gtest.h>

namespace mg::identity {
namespace {

auth::Principal someone(std::int64_t tenant) {
  return {UserId{1}, TenantId{tenant},  SessionId{9},
          "Oficina", auth::Role::owner, auth::Plan::basic};
}

TEST(TokenCache, KnowsATokenUntilItExpires) {
  TokenCache c;
  EXPECT_FALSE(c.lookup("a.b.c", 100));
  c.remember("a.b.c", someone(7), 200, 100);
  ASSERT_TRUE(c.lookup("a.b.c", 199));
  EXPECT_EQ(c.lookup("a.b.c", 199)->tenant, TenantId{7});
  EXPECT_FALSE(c.lookup("a.b.c", 200)) << "expired";
  EXPECT_FALSE(c.lookup("a.b.C", 150)) << "only the exact bytes";
}

TEST(TokenCache, StaysBounded) {
  TokenCache c(3);
  for (int i = 0; i < 10; ++i) c.remember("t" + std::to_string(i), someone(i), 1000, 0);
  int known = 0;
  for (int i = 0; i < 10; ++i) known += c.lookup("t" + std::to_string(i), 1).has_value();
  EXPECT_LE(known, 3);
  EXPECT_TRUE(c.lookup("t9", 1)) << "the newest is kept";
}

}  // namespace
}  // namespace mg::identity
