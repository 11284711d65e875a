#include "modules/identity/domain/login_throttle.hpp"

#include <gtest/gtest.h>

namespace mg::identity {
namespace {

using namespace std::chrono_literals;

const ThrottleLimits kLimits{.per_account = 3, .per_address = 10, .lockout = 60s};

ThrottleCounter fail_times(int n, ThrottleClock::time_point now, bool escalate = true,
                           int limit = 3) {
  ThrottleCounter c;
  for (int i = 0; i < n; ++i) c = after_failure(c, limit, kLimits, now, escalate);
  return c;
}

TEST(LoginThrottle, LocksAfterTheLimitThenLetsItTryAgain) {
  auto now = ThrottleClock::now();
  EXPECT_FALSE(wait_seconds(fail_times(2, now), now));
  auto c = fail_times(3, now);
  ASSERT_TRUE(wait_seconds(c, now));
  EXPECT_GE(*wait_seconds(c, now), 60);
  EXPECT_FALSE(wait_seconds(c, now + 61s)) << "the lock is short";
}

TEST(LoginThrottle, BackoffGrowsButIsCapped) {
  auto now = ThrottleClock::now();
  auto c = fail_times(20, now);
  ASSERT_TRUE(wait_seconds(c, now));
  EXPECT_LE(*wait_seconds(c, now), 8 * 60 + 1);
  EXPECT_GE(*wait_seconds(c, now), 8 * 60);
  EXPECT_FALSE(wait_seconds(c, now + 8min + 1s));
  auto flat = fail_times(20, now, false, 10);
  EXPECT_LE(*wait_seconds(flat, now), 61) << "an address does not escalate";
}

TEST(LoginThrottle, FailuresOutsideTheWindowStartAgain) {
  auto now = ThrottleClock::now();
  auto c = fail_times(2, now);
  c = after_failure(c, 3, kLimits, now + 16min, true);
  EXPECT_EQ(c.failures, 1);
  EXPECT_EQ(c.consecutive, 3) << "consecutive failures outlive the window";
  EXPECT_FALSE(wait_seconds(c, now + 16min));
}

TEST(LoginThrottle, AHundredConsecutiveFailuresNeedAnUnlock) {
  auto now = ThrottleClock::now();
  ThrottleCounter c;
  for (int i = 0; i < 99; ++i) c = after_failure(c, 3, kLimits, now + i * 20min, true);
  EXPECT_FALSE(c.hard_locked);
  c = after_failure(c, 3, kLimits, now + 99 * 20min, true);
  EXPECT_TRUE(c.hard_locked);
  ThrottleCounter never;
  for (int i = 0; i < 200; ++i) never = after_failure(never, 3, {.hard_lock_after = 0}, now, true);
  EXPECT_FALSE(never.hard_locked) << "0: never";
}

}  // namespace
}  // namespace mg::identity
