#include "modules/identity/domain/login_throttle.hpp"

#include <algorithm>

namespace mg::identity {
namespace {

std::string pair_key(std::string_view email, std::string_view address) {
  std::string k(email);
  k.push_back('\n');
  k.append(address);
  return k;
}

constexpr auto kKnownFor = std::chrono::hours(24 * 30);

}  // namespace

std::optional<int> LoginThrottle::wait(const Counter& c, Clock::time_point now) {
  if (c.locked_until <= now) return std::nullopt;
  auto s = std::chrono::duration_cast<std::chrono::seconds>(c.locked_until - now).count();
  return static_cast<int>(std::max<long long>(1, s + 1));
}

void LoginThrottle::bump(Counter& c, int limit, Clock::time_point now, bool escalate) {
  if (c.failures == 0 || now - c.first_failure > limits_.window) {
    c.failures = 0;
    c.first_failure = now;
  }
  ++c.failures;
  if (c.failures < limit) return;
  auto lock = limits_.lockout;
  if (escalate) {
    int over = std::min(c.failures - limit, 3);  // 1×, 2×, 4×, 8× at most
    lock *= (1 << over);
  }
  c.locked_until = now + lock;
}

std::optional<int> LoginThrottle::check(std::string_view email, std::string_view address,
                                        Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const std::string pk = pair_key(email, address);
  auto known = known_pairs_.find(pk);
  if (known != known_pairs_.end() && now - known->second < kKnownFor) {
    auto p = pairs_.find(pk);
    return p == pairs_.end() ? std::nullopt : wait(p->second, now);
  }
  if (auto a = accounts_.find(std::string(email)); a != accounts_.end())
    if (auto w = wait(a->second, now)) return w;
  if (auto ad = addresses_.find(std::string(address)); ad != addresses_.end())
    if (auto w = wait(ad->second, now)) return w;
  return std::nullopt;
}

void LoginThrottle::failure(std::string_view email, std::string_view address,
                            Clock::time_point now) {
  std::lock_guard lock(mutex_);
  prune(now);
  const std::string pk = pair_key(email, address);
  auto known = known_pairs_.find(pk);
  if (known != known_pairs_.end() && now - known->second < kKnownFor) {
    bump(pairs_[pk], limits_.per_account, now, true);
  } else {
    bump(accounts_[std::string(email)], limits_.per_account, now, true);
  }
  bump(addresses_[std::string(address)], limits_.per_address, now, false);
}

void LoginThrottle::success(std::string_view email, std::string_view address,
                            Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const std::string pk = pair_key(email, address);
  accounts_.erase(std::string(email));
  pairs_.erase(pk);
  known_pairs_[pk] = now;
}

void LoginThrottle::prune(Clock::time_point now) {
  // Bounded memory: forget counters whose window and lock are both over.
  if (now - last_prune_ < std::chrono::minutes(1)) return;
  last_prune_ = now;
  auto stale = [&](const auto& kv) {
    return now - kv.second.first_failure > limits_.window && kv.second.locked_until <= now;
  };
  std::erase_if(accounts_, stale);
  std::erase_if(addresses_, stale);
  std::erase_if(pairs_, stale);
  std::erase_if(known_pairs_, [&](const auto& kv) { return now - kv.second > kKnownFor; });
}

}  // namespace mg::identity
