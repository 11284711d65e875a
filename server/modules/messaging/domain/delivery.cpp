#include "modules/messaging/domain/delivery.hpp"

#include <algorithm>

namespace mg::messaging {

std::int64_t retry_delay_ms(int attempt, std::int64_t base_ms, double unit) {
  constexpr std::int64_t kMax = 6LL * 3600 * 1000;
  const int doublings = std::clamp(attempt - 1, 0, 40);
  std::int64_t full = base_ms;
  for (int i = 0; i < doublings && full < kMax; ++i) full *= 2;
  full = std::min(full, kMax);
  unit = std::clamp(unit, 0.0, 1.0);
  return full / 2 + static_cast<std::int64_t>(static_cast<double>(full - full / 2) * unit);
}

std::int64_t next_delay_ms(const SendResult& r, int attempt, std::int64_t base_ms, double unit) {
  auto delay = retry_delay_ms(attempt, base_ms, unit);
  if (r.outcome == Outcome::throttled) delay = std::max(delay, 4 * base_ms);
  return std::max<std::int64_t>(delay, r.retry_after_seconds * 1000LL);
}

Next after_failure(const SendResult& r, int attempt, int max_attempts) {
  if (r.outcome == Outcome::failed || r.outcome == Outcome::outside_window)
    return Next::dead_letter;
  return attempt >= max_attempts ? Next::dead_letter : Next::retry_later;
}

}  // namespace mg::messaging
