#pragma once
// Access tokens already verified, by their exact bytes, until they expire: a
// request with a token seen before costs a hash lookup instead of an HMAC and
// a JSON decode. Whether the session is still alive is the revocation
// cache's question, asked every time.
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "libs/auth/principal.hpp"

namespace mg::identity {

class TokenCache {
 public:
  explicit TokenCache(std::size_t capacity = 50'000) : capacity_(capacity) {}

  // The principal of a token verified before and not expired at `now` (unix seconds).
  std::optional<auth::Principal> lookup(std::string_view token, std::int64_t now) const;
  void remember(std::string_view token, const auth::Principal& who, std::int64_t expires_at,
                std::int64_t now);

 private:
  struct Entry {
    auth::Principal who;
    std::int64_t expires_at = 0;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::size_t capacity_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry, Hash, std::equal_to<>> entries_;
};

}  // namespace mg::identity
