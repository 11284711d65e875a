#include "modules/identity/login_guard.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include "modules/identity/store/throttle_store.hpp"

namespace mg::identity {

std::string new_device_token() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string device_token(std::string_view header) {
  while (!header.empty()) {
    auto semi = header.find(';');
    auto part = header.substr(0, semi);
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (!part.starts_with(kDeviceCookie) || part.size() <= kDeviceCookie.size() ||
        part[kDeviceCookie.size()] != '=')
      continue;
    auto value = part.substr(kDeviceCookie.size() + 1);
    const bool well_formed =
        value.size() == 43 && std::all_of(value.begin(), value.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
        });
    return well_formed ? std::string(value) : std::string();
  }
  return {};
}

LoginSources sources_of(std::string_view email, std::string_view address,
                        std::string_view device_token) {
  const std::string e(email), a(address);
  return {store::throttle_key("account:" + e), store::throttle_key("address:" + a),
          store::throttle_key("pair:" + e + "|" + a),
          device_token.empty()
              ? std::string()
              : store::throttle_key("device:" + e + "|" + std::string(device_token))};
}

LoginGate LoginGuard::check(const LoginSources& s) {
  const auto now = ThrottleClock::now();
  const int days = static_cast<int>(
      std::chrono::duration_cast<std::chrono::hours>(limits_.known_for).count() / 24);
  return db_.global([&](db::Tx& tx) {
    LoginGate gate;
    std::vector<std::string> known_keys{s.pair};
    if (!s.device.empty()) known_keys.push_back(s.device);
    gate.known = store::known_source(tx, known_keys, days);
    auto counters = store::lock_counters(
        tx, {s.account, s.address, s.pair, s.device.empty() ? s.pair : s.device});
    if (gate.known) {
      // Its own counter only: the pair, or this browser.
      const auto& own = s.device.empty() ? s.pair : s.device;
      gate.wait = wait_seconds(counters[own], now);
      if (auto pair_wait = wait_seconds(counters[s.pair], now); pair_wait && !gate.wait)
        gate.wait = pair_wait;
      return gate;
    }
    if (counters[s.account].hard_locked) {
      gate.hard_locked = true;
      return gate;
    }
    gate.wait = wait_seconds(counters[s.account], now);
    if (!gate.wait) gate.wait = wait_seconds(counters[s.address], now);
    return gate;
  });
}

void LoginGuard::failure(const LoginSources& s, bool known) {
  const auto now = ThrottleClock::now();
  db_.global([&](db::Tx& tx) {
    const auto& own = known ? (s.device.empty() ? s.pair : s.device) : s.account;
    auto counters = store::lock_counters(tx, {own, s.address});
    store::save_counter(tx, own,
                        after_failure(counters[own], limits_.per_account, limits_, now, true));
    store::save_counter(
        tx, s.address,
        after_failure(counters[s.address], limits_.per_address, limits_, now, false));
  });
}

void LoginGuard::success(const LoginSources& s) {
  db_.global([&](db::Tx& tx) {
    std::vector<std::string> mine{s.account, s.pair};
    if (!s.device.empty()) mine.push_back(s.device);
    store::clear_counters(tx, mine);
    std::vector<std::string> known{s.pair};
    if (!s.device.empty()) known.push_back(s.device);
    store::remember_sources(tx, known);
  });
}

void LoginGuard::unlock(std::string_view email) {
  db_.global([&](db::Tx& tx) {
    store::clear_counters(tx, {store::throttle_key("account:" + std::string(email))});
  });
}

std::optional<int> LoginGuard::registration(std::string_view address, int per_hour) {
  if (per_hour <= 0) return std::nullopt;
  const auto now = ThrottleClock::now();
  const auto key = store::throttle_key("register:" + std::string(address));
  const ThrottleLimits hourly{.lockout = std::chrono::hours(1), .window = std::chrono::hours(1)};
  return db_.global([&](db::Tx& tx) -> std::optional<int> {
    auto counters = store::lock_counters(tx, {key});
    if (auto wait = wait_seconds(counters[key], now)) return wait;
    store::save_counter(tx, key, after_failure(counters[key], per_hour, hourly, now, false));
    return std::nullopt;
  });
}

}  // namespace mg::identity
