#include "modules/identity/store/sessions_store.hpp"

namespace mg::identity::store {
namespace {

const db::Statement kInsert(
    "sessions.insert",
    "insert into sessions (tenant_id, user_id, refresh_jti, expires_at, client_address) "
    "values ($1, $2, $3, now() + make_interval(days => $4::int), $5) returning id");
const db::Statement kLock("sessions.lock",
                          "select id, user_id, refresh_jti, revoked_at is not null as revoked, "
                          "expires_at <= now() as expired from sessions where id = $1 for update");
const db::Statement kRotate(
    "sessions.rotate", "update sessions set refresh_jti = $2, refreshed_at = now() where id = $1");
const db::Statement kRevoke("sessions.revoke",
                            "update sessions set revoked_at = now(), revoked_reason = $2 "
                            "where id = $1 and revoked_at is null");
const db::Statement kRevokeUser("sessions.revoke_user",
                                "update sessions set revoked_at = now(), revoked_reason = $2 "
                                "where user_id = $1 and revoked_at is null returning id");
const db::Statement kTrim(
    "sessions.trim",
    "update sessions set revoked_at = now(), revoked_reason = 'session_limit' "
    "where id in (select id from sessions where user_id = $1 and revoked_at is null "
    "             and expires_at > now() order by created_at desc, id desc offset $2) "
    "returning id");
const db::Statement kRevokeExcept(
    "sessions.revoke_except",
    "update sessions set revoked_at = now(), revoked_reason = $3 "
    "where user_id = $1 and revoked_at is null and id is distinct from $2 returning id");
const db::Statement kDead("sessions.dead",
                          "select (revoked_at is not null or expires_at <= now()) as dead "
                          "from sessions where id = $1 and user_id = $2");

}  // namespace

SessionId insert_session(TenantId tenant, db::Tx& tx, UserId user, const std::string& refresh_jti,
                         int ttl_days, const std::string& client_address) {
  return SessionId{
      tx.exec(kInsert, tenant, user, refresh_jti, ttl_days, client_address)[0].i64("id")};
}

std::optional<SessionRow> lock_session(TenantId, db::Tx& tx, SessionId id) {
  return tx.exec(kLock, id).first<SessionRow>();
}

void rotate_session(TenantId, db::Tx& tx, SessionId id, const std::string& refresh_jti) {
  tx.exec(kRotate, id, refresh_jti);
}

void revoke_session(TenantId, db::Tx& tx, SessionId id, const std::string& reason) {
  tx.exec(kRevoke, id, reason);
}

std::vector<SessionId> revoke_user_sessions(TenantId, db::Tx& tx, UserId user,
                                            const std::string& reason) {
  auto r = tx.exec(kRevokeUser, user, reason);
  std::vector<SessionId> ids;
  for (int i = 0; i < r.size(); ++i) ids.emplace_back(r[i].i64("id"));
  return ids;
}

namespace {
std::vector<SessionId> ids_of(const db::Result& r) {
  std::vector<SessionId> ids;
  for (int i = 0; i < r.size(); ++i) ids.emplace_back(r[i].i64("id"));
  return ids;
}
}  // namespace

std::vector<SessionId> trim_sessions(TenantId, db::Tx& tx, UserId user, int keep) {
  return ids_of(tx.exec(kTrim, user, keep));
}

std::vector<SessionId> revoke_user_sessions_except(TenantId, db::Tx& tx, UserId user,
                                                   std::optional<SessionId> except,
                                                   const std::string& reason) {
  return ids_of(tx.exec(kRevokeExcept, user, except, reason));
}

bool session_dead(TenantId tenant, db::Database& db, SessionId id, UserId user) {
  auto r = db.read(tenant, db::q(kDead, id, user));
  return r.empty() || r[0].boolean("dead");
}

}  // namespace mg::identity::store
