#include "modules/identity/domain/revocation_cache.hpp"

namespace mg::identity {

std::optional<bool> RevocationCache::lookup(SessionId session_id, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(session_id);
  if (it == entries_.end()) return std::nullopt;
  // A revocation is final; an "alive" answer is trusted only for the TTL.
  if (it->second.revoked) return true;
  if (now - it->second.at > ttl_) return std::nullopt;
  return false;
}

void RevocationCache::remember(SessionId session_id, bool revoked, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (entries_.size() > 200'000) {
    std::erase_if(entries_, [&](const auto& kv) { return now - kv.second.at > ttl_; });
  }
  auto& e = entries_[session_id];
  if (e.revoked) return;
  e = Entry{revoked, now};
}

void RevocationCache::revoke(SessionId session_id, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  entries_[session_id] = Entry{true, now};
}

}  // namespace mg::identity
