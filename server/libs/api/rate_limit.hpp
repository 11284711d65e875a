#pragma once
// A fixed-window request limit per key (a workshop, a client address), in
// memory: the general limits of ARCHITECTURE.md §4 (Redis when several
// instances must share them is the planned next step).
#include <chrono>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace mg::api {

template <class Key>
class WindowLimit {
 public:
  using Clock = std::chrono::steady_clock;
  // per_window <= 0: no limit.
  explicit WindowLimit(int per_window, Clock::duration window = std::chrono::minutes(1))
      : per_window_(per_window), window_(window) {}

  // Counts a request; the seconds to wait when it is over the limit.
  std::optional<int> hit(const Key& key, Clock::time_point now = Clock::now()) {
    if (per_window_ <= 0) return std::nullopt;
    std::lock_guard lock(mutex_);
    // Many keys (addresses): forget the windows that ended, now and then.
    if (windows_.size() > kPruneAbove)
      std::erase_if(windows_, [&](const auto& w) { return now - w.second.start >= window_; });
    auto& w = windows_[key];
    if (now - w.start >= window_) w = {now, 0};
    if (++w.count <= per_window_) return std::nullopt;
    return static_cast<int>(
        std::chrono::duration_cast<std::chrono::seconds>(w.start + window_ - now).count() + 1);
  }

 private:
  static constexpr std::size_t kPruneAbove = 10'000;
  struct Window {
    Clock::time_point start{};
    int count = 0;
  };
  int per_window_;
  Clock::duration window_;
  std::mutex mutex_;
  std::unordered_map<Key, Window> windows_;
};

}  // namespace mg::api
