#pragma once
// Failed-login throttling, in memory.
//
// Per account: after `per_account` failures the e-mail waits `lockout`
// (doubling with further failures, capped at eight times), so an attacker
// cannot lock a user out for long. Per address: after `per_address`
// failures (a much higher number: a whole workshop may share one address)
// the address waits too — except for an e-mail that has logged in from that
// address before, so a workshop's own staff are never refused for another
// account's failures. A known pair has its own per-account limit.
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace mg::identity {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  struct Limits {
    int per_account = 5;
    int per_address = 100;
    std::chrono::seconds lockout{60};
    std::chrono::seconds window{15 * 60};
  };

  explicit LoginThrottle(Limits limits) : limits_(limits) {}

  // Seconds to wait before trying again, or nullopt when the attempt may go on.
  std::optional<int> check(std::string_view email, std::string_view address, Clock::time_point now);
  void failure(std::string_view email, std::string_view address, Clock::time_point now);
  void success(std::string_view email, std::string_view address, Clock::time_point now);

 private:
  struct Counter {
    int failures = 0;
    Clock::time_point first_failure{};
    Clock::time_point locked_until{};
  };
  void bump(Counter& c, int limit, Clock::time_point now, bool escalate);
  static std::optional<int> wait(const Counter& c, Clock::time_point now);
  void prune(Clock::time_point now);

  Limits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, Counter> accounts_;
  std::unordered_map<std::string, Counter> addresses_;
  std::unordered_map<std::string, Counter> pairs_;
  std::unordered_map<std::string, Clock::time_point> known_pairs_;
  Clock::time_point last_prune_{};
};

}  // namespace mg::identity
