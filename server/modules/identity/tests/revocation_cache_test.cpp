#include "modules/identity/domain/revocation_cache.hpp"

#include <gtest/gtest.h>

namespace mg::identity {
namespace {

using namespace std::chrono_literals;

TEST(RevocationCache, AnAliveAnswerLastsOnlyTheTtl) {
  RevocationCache c(5s);
  auto now = RevocationCache::Clock::now();
  EXPECT_FALSE(c.lookup(1, now));
  c.remember(1, false, now);
  EXPECT_EQ(c.lookup(1, now + 4s), false);
  EXPECT_FALSE(c.lookup(1, now + 6s)) << "stale: ask the database again";
}

TEST(RevocationCache, ARevocationIsSeenAtOnceAndIsFinal) {
  RevocationCache c(5s);
  auto now = RevocationCache::Clock::now();
  c.remember(7, false, now);
  c.revoke(7, now);
  EXPECT_EQ(c.lookup(7, now), true);
  c.remember(7, false, now + 1s);  // a racing read cannot bring it back
  EXPECT_EQ(c.lookup(7, now + 60s), true);
}

}  // namespace
}  // namespace mg::identity
