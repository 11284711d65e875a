#include "modules/identity/domain/revocation_cache.hpp"

#include <gtest/gtest.h>

namespace mg::identity {
namespace {

using namespace std::chrono_literals;

TEST(RevocationCache, AnAliveAnswerLastsOnlyTheTtl) {
  RevocationCache c(5s);
  auto now = RevocationCache::Clock::now();
  EXPECT_FALSE(c.lookup(SessionId{1}, now));
  c.remember(SessionId{1}, false, now);
  EXPECT_EQ(c.lookup(SessionId{1}, now + 4s), false);
  EXPECT_FALSE(c.lookup(SessionId{1}, now + 6s)) << "stale: ask the database again";
}

TEST(RevocationCache, ARevocationIsSeenAtOnceAndIsFinal) {
  RevocationCache c(5s);
  auto now = RevocationCache::Clock::now();
  c.remember(SessionId{7}, false, now);
  c.revoke(SessionId{7}, now);
  EXPECT_EQ(c.lookup(SessionId{7}, now), true);
  c.remember(SessionId{7}, false, now + 1s);  // a racing read cannot bring it back
  EXPECT_EQ(c.lookup(SessionId{7}, now + 60s), true);
}

}  // namespace
}  // namespace mg::identity
