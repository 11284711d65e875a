#pragma once
// Which sessions are alive, remembered for a few seconds so that checking a
// token costs no database round trip on most requests. A revocation made in
// this process is seen at once; one made by another instance within the TTL.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "libs/core/ids.hpp"

namespace mg::identity {

class RevocationCache {
 public:
  using Clock = std::chrono::steady_clock;
  explicit RevocationCache(std::chrono::seconds ttl) : ttl_(ttl) {}

  // true: revoked; false: alive; nullopt: unknown or stale, ask the database.
  std::optional<bool> lookup(SessionId session_id, Clock::time_point now);
  void remember(SessionId session_id, bool revoked, Clock::time_point now);
  void revoke(SessionId session_id, Clock::time_point now);

 private:
  struct Entry {
    bool revoked;
    Clock::time_point at;
  };
  std::chrono::seconds ttl_;
  std::mutex mutex_;
  std::unordered_map<SessionId, Entry> entries_;
};

}  // namespace mg::identity
