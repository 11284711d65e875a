#include "modules/identity/store/sessions_store.hpp"

namespace mg::identity::store {

std::int64_t insert_session(db::Tx& tx, std::int64_t user_id, const std::string& refresh_jti,
                            int ttl_days, const std::string& client_address) {
  return tx
      .exec(
          "insert into sessions (tenant_id, user_id, refresh_jti, expires_at, client_address) "
          "values (current_tenant(), $1, $2, now() + make_interval(days => $3::int), $4) "
          "returning id",
          user_id, refresh_jti, ttl_days, client_address)[0]
      .i64("id");
}

std::optional<SessionRow> lock_session(db::Tx& tx, std::int64_t id) {
  auto r = tx.exec(
      "select id, user_id, refresh_jti, revoked_at is not null as revoked, "
      "expires_at <= now() as expired from sessions where id = $1 for update",
      id);
  if (r.empty()) return std::nullopt;
  auto row = r[0];
  return SessionRow{row.i64("id"), row.i64("user_id"), row.str("refresh_jti"),
                    row.boolean("revoked"), row.boolean("expired")};
}

void rotate_session(db::Tx& tx, std::int64_t id, const std::string& refresh_jti) {
  tx.exec("update sessions set refresh_jti = $2, refreshed_at = now() where id = $1", id,
          refresh_jti);
}

void revoke_session(db::Tx& tx, std::int64_t id, const std::string& reason) {
  tx.exec(
      "update sessions set revoked_at = now(), revoked_reason = $2 "
      "where id = $1 and revoked_at is null",
      id, reason);
}

std::vector<std::int64_t> revoke_user_sessions(db::Tx& tx, std::int64_t user_id,
                                               const std::string& reason) {
  auto r = tx.exec(
      "update sessions set revoked_at = now(), revoked_reason = $2 "
      "where user_id = $1 and revoked_at is null returning id",
      user_id, reason);
  std::vector<std::int64_t> ids;
  for (int i = 0; i < r.size(); ++i) ids.push_back(r[i].i64("id"));
  return ids;
}

}  // namespace mg::identity::store
