#include "modules/identity/domain/token_cache.hpp"

#include <mutex>

namespace mg::identity {

std::optional<auth::Principal> TokenCache::lookup(std::string_view token, std::int64_t now) const {
  std::shared_lock lock(mutex_);
  auto it = entries_.find(token);
  if (it == entries_.end() || it->second.expires_at <= now) return std::nullopt;
  return it->second.who;
}

void TokenCache::remember(std::string_view token, const auth::Principal& who,
                          std::int64_t expires_at, std::int64_t now) {
  std::unique_lock lock(mutex_);
  if (entries_.size() >= capacity_) {
    std::erase_if(entries_, [now](const auto& kv) { return kv.second.expires_at <= now; });
    if (entries_.size() >= capacity_) entries_.clear();  // bounded memory over a perfect cache
  }
  entries_.insert_or_assign(std::string(token), Entry{who, expires_at});
}

}  // namespace mg::identity
