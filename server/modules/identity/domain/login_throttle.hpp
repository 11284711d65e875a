#pragma once
// The failed-login policy (pure; the counters live in PostgreSQL, see
// store/throttle_store).
//
// Per account: after `per_account` failures the e-mail waits `lockout`,
// doubling with further failures up to eight times, so an attacker cannot
// lock a user out for long; after `hard_lock_after` consecutive failures the
// account waits until an OWNER unlocks it. Per address: after `per_address`
// failures (a whole workshop may share one address) the address waits too.
// A known source — an address or a browser (device cookie) the account logged
// in from before — is exempt from both: it has a counter of its own, so an
// attacker elsewhere can neither lock the owner out nor use the owner's
// exemption.
#include <chrono>
#include <optional>

namespace mg::identity {

using ThrottleClock = std::chrono::system_clock;

struct ThrottleLimits {
  int per_account = 5;
  int per_address = 100;
  std::chrono::seconds lockout{60};
  std::chrono::seconds window{15 * 60};
  int hard_lock_after = 100;
  std::chrono::hours known_for{24 * 30};
};

struct ThrottleCounter {
  int failures = 0;     // within the window
  int consecutive = 0;  // since the last success
  bool hard_locked = false;
  std::optional<ThrottleClock::time_point> first_failure, locked_until;
};

// Seconds to wait, or nullopt when an attempt may go on.
std::optional<int> wait_seconds(const ThrottleCounter& c, ThrottleClock::time_point now);
// The counter after one more failure; `limit` failures lock it for `lockout`,
// doubling with each failure past it when `escalate` (at most 8×); the
// `hard_lock_after`th consecutive one locks it until an unlock.
ThrottleCounter after_failure(ThrottleCounter c, int limit, const ThrottleLimits& limits,
                              ThrottleClock::time_point now, bool escalate);

}  // namespace mg::identity
