#include "modules/identity/domain/login_throttle.hpp"

#include <gtest/gtest.h>

namespace mg::identity {
namespace {

using namespace std::chrono_literals;
using Clock = LoginThrottle::Clock;

LoginThrottle make() {
  return LoginThrottle({.per_account = 3, .per_address = 10, .lockout = 60s});
}

TEST(LoginThrottle, LocksAnAccountAfterItsFailuresThenLetsItTryAgain) {
  auto t = make();
  auto now = Clock::now();
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(t.check("ana@x.com", "1.1.1.1", now));
    t.failure("ana@x.com", "1.1.1.1", now);
  }
  auto wait = t.check("ana@x.com", "1.1.1.1", now);
  ASSERT_TRUE(wait);
  EXPECT_GE(*wait, 60);
  EXPECT_FALSE(t.check("ana@x.com", "1.1.1.1", now + 61s)) << "the lock is short";
}

TEST(LoginThrottle, BackoffGrowsButIsCapped) {
  auto t = make();
  auto now = Clock::now();
  for (int i = 0; i < 20; ++i) t.failure("ana@x.com", "1.1.1.1", now);
  auto wait = t.check("ana@x.com", "1.1.1.1", now);
  ASSERT_TRUE(wait);
  EXPECT_LE(*wait, 8 * 60 + 1);
  EXPECT_FALSE(t.check("ana@x.com", "1.1.1.1", now + 8min + 1s));
}

TEST(LoginThrottle, AnotherAccountIsNotRefusedForTheseFailures) {
  auto t = make();
  auto now = Clock::now();
  for (int i = 0; i < 3; ++i) t.failure("ana@x.com", "1.1.1.1", now);
  EXPECT_TRUE(t.check("ana@x.com", "1.1.1.1", now));
  EXPECT_FALSE(t.check("bia@x.com", "1.1.1.1", now));
}

TEST(LoginThrottle, AnAddressIsLimitedButKnownStaffStillGetIn) {
  auto t = make();
  auto now = Clock::now();
  t.success("bia@x.com", "1.1.1.1", now);  // Bia logs in from the workshop every day
  for (int i = 0; i < 10; ++i) t.failure("user" + std::to_string(i) + "@x.com", "1.1.1.1", now);
  EXPECT_TRUE(t.check("novo@x.com", "1.1.1.1", now)) << "the address is over its limit";
  EXPECT_FALSE(t.check("bia@x.com", "1.1.1.1", now)) << "a known pair is not refused";
  EXPECT_FALSE(t.check("novo@x.com", "2.2.2.2", now)) << "other addresses are unaffected";
}

TEST(LoginThrottle, AnAttackerElsewhereDoesNotLockOutAKnownPair) {
  auto t = make();
  auto now = Clock::now();
  t.success("ana@x.com", "1.1.1.1", now);
  for (int i = 0; i < 5; ++i) t.failure("ana@x.com", "6.6.6.6", now);
  EXPECT_TRUE(t.check("ana@x.com", "6.6.6.6", now));
  EXPECT_FALSE(t.check("ana@x.com", "1.1.1.1", now));
}

TEST(LoginThrottle, SuccessClearsTheCount) {
  auto t = make();
  auto now = Clock::now();
  t.failure("ana@x.com", "1.1.1.1", now);
  t.failure("ana@x.com", "1.1.1.1", now);
  t.success("ana@x.com", "1.1.1.1", now);
  t.failure("ana@x.com", "1.1.1.1", now);
  EXPECT_FALSE(t.check("ana@x.com", "1.1.1.1", now));
}

}  // namespace
}  // namespace mg::identity
