#pragma once
// The login throttle at work: which sources a login attempt comes from, and
// their counters in PostgreSQL (so they hold across instances and restarts).
// The policy itself is domain/login_throttle.
#include <optional>
#include <string>
#include <string_view>

#include "libs/db/database.hpp"
#include "modules/identity/domain/login_throttle.hpp"

namespace mg::identity {

// A browser's long-lived device cookie: where it is, and a fresh value.
inline constexpr std::string_view kDeviceCookie = "mg_device";
std::string new_device_token();
// The device cookie's value in a Cookie header; empty when absent or malformed.
std::string device_token(std::string_view cookie_header);

struct LoginSources {
  std::string account, address, pair, device;  // hashed keys; device empty without a cookie
};
LoginSources sources_of(std::string_view email, std::string_view address,
                        std::string_view device_token);

struct LoginGate {
  std::optional<int> wait;   // seconds, when the attempt must wait
  bool hard_locked = false;  // the account needs an OWNER's unlock
  bool known = false;        // from a source that logged in before
};

class LoginGuard {
 public:
  LoginGuard(db::Database& db, ThrottleLimits limits) : db_(db), limits_(limits) {}

  LoginGate check(const LoginSources& s);
  void failure(const LoginSources& s, bool known);
  void success(const LoginSources& s);
  // The OWNER's unlock of an account.
  void unlock(std::string_view email);

  // Registrations per address and hour (0: no limit): the seconds to wait, or
  // nullopt (and the registration counted).
  std::optional<int> registration(std::string_view address, int per_hour);

  const ThrottleLimits& limits() const { return limits_; }

 private:
  db::Database& db_;
  ThrottleLimits limits_;
};

}  // namespace mg::identity
