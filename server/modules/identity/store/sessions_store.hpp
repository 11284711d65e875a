#pragma once
// SQL for sessions (refresh-token families). The Tx carries the tenant.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "libs/db/database.hpp"

namespace mg::identity::store {

struct SessionRow {
  std::int64_t id = 0, user_id = 0;
  std::string refresh_jti;
  bool revoked = false;
  bool expired = false;
};

std::int64_t insert_session(db::Tx& tx, std::int64_t user_id, const std::string& refresh_jti,
                            int ttl_days, const std::string& client_address);
std::optional<SessionRow> lock_session(db::Tx& tx, std::int64_t id);
void rotate_session(db::Tx& tx, std::int64_t id, const std::string& refresh_jti);
void revoke_session(db::Tx& tx, std::int64_t id, const std::string& reason);
// Returns the ids revoked now.
std::vector<std::int64_t> revoke_user_sessions(db::Tx& tx, std::int64_t user_id,
                                               const std::string& reason);

}  // namespace mg::identity::store
