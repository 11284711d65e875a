#pragma once
// SQL for sessions (refresh-token families).
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include "libs/core/ids.hpp"
#include "libs/db/database.hpp"

namespace mg::identity::store {

struct SessionRow {
  SessionId id;
  UserId user_id;
  std::string refresh_jti;
  bool revoked = false;
  bool expired = false;
};
BOOST_DESCRIBE_STRUCT(SessionRow, (), (id, user_id, refresh_jti, revoked, expired))

SessionId insert_session(TenantId tenant, db::Tx& tx, UserId user, const std::string& refresh_jti,
                         int ttl_days, const std::string& client_address);
std::optional<SessionRow> lock_session(TenantId tenant, db::Tx& tx, SessionId id);
void rotate_session(TenantId tenant, db::Tx& tx, SessionId id, const std::string& refresh_jti);
void revoke_session(TenantId tenant, db::Tx& tx, SessionId id, const std::string& reason);
// Returns the ids revoked now.
std::vector<SessionId> revoke_user_sessions(TenantId tenant, db::Tx& tx, UserId user,
                                            const std::string& reason);
// Keeps the newest `keep` live sessions of the user; revokes the rest. Returns their ids.
std::vector<SessionId> trim_sessions(TenantId tenant, db::Tx& tx, UserId user, int keep);
// Every live session of the user but `except` (a password change): their ids.
std::vector<SessionId> revoke_user_sessions_except(TenantId tenant, db::Tx& tx, UserId user,
                                                   std::optional<SessionId> except,
                                                   const std::string& reason);
// Whether a session can no longer be used (revoked, expired, or not this user's).
bool session_dead(TenantId tenant, db::Database& db, SessionId id, UserId user);

}  // namespace mg::identity::store
