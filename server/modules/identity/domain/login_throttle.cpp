#include "modules/identity/domain/login_throttle.hpp"

#include <algorithm>

namespace mg::identity {

std::optional<int> wait_seconds(const ThrottleCounter& c, ThrottleClock::time_point now) {
  if (!c.locked_until || *c.locked_until <= now) return std::nullopt;
  auto s = std::chrono::duration_cast<std::chrono::seconds>(*c.locked_until - now).count();
  return static_cast<int>(std::max<long long>(1, s + 1));
}

ThrottleCounter after_failure(ThrottleCounter c, int limit, const ThrottleLimits& limits,
                              ThrottleClock::time_point now, bool escalate) {
  if (c.failures == 0 || !c.first_failure || now - *c.first_failure > limits.window) {
    c.failures = 0;
    c.first_failure = now;
  }
  ++c.failures;
  ++c.consecutive;
  if (limits.hard_lock_after > 0 && c.consecutive >= limits.hard_lock_after) c.hard_locked = true;
  if (c.failures < limit) return c;
  auto lock = limits.lockout;
  if (escalate) lock *= 1 << std::min(c.failures - limit, 3);  // 1×, 2×, 4×, 8× at most
  c.locked_until = now + lock;
  return c;
}

}  // namespace mg::identity
