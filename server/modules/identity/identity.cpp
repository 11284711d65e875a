#include "modules/identity/identity.hpp"

#include <chrono>

#include "libs/observability/metrics.hpp"
#include "modules/identity/identity_impl.hpp"

namespace mg::identity {

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Identity::Impl::Impl(db::Database& database, Settings s)
    : db(database),
      settings(std::move(s)),
      throttle(LoginThrottle::Limits{settings.login_max_failures_per_account,
                                     settings.login_max_failures_per_address,
                                     std::chrono::seconds(settings.login_lockout_seconds)}),
      revocations(std::chrono::seconds(settings.revocation_cache_seconds)) {}

auth::Claims Identity::Impl::claims_for(std::int64_t user_id, std::int64_t tenant_id,
                                        const std::string& tenant_name, const std::string& plan,
                                        const std::string& role, std::int64_t session_id) {
  auth::Claims c;
  c.user_id = user_id;
  c.tenant_id = tenant_id;
  c.tenant_name = tenant_name;
  c.plan = plan;
  c.role = role;
  c.session_id = session_id;
  return c;
}

IssuedTokens Identity::Impl::issue(const auth::Claims& base, const std::string& refresh_jti) const {
  const auto now = now_seconds();
  auth::Claims access = base;
  access.type = auth::TokenType::access;
  access.jti = auth::new_token_id();
  access.issued_at = now;
  access.expires_at = now + settings.access_ttl_seconds;
  auth::Claims refresh = base;
  refresh.type = auth::TokenType::refresh;
  refresh.jti = refresh_jti;
  refresh.issued_at = now;
  refresh.expires_at = now + std::int64_t{settings.refresh_ttl_days} * 86400;
  return {auth::sign_token(access, settings.jwt_secret),
          auth::sign_token(refresh, settings.jwt_secret)};
}

void Identity::Impl::forget_sessions(const std::vector<std::int64_t>& ids) {
  auto now = RevocationCache::Clock::now();
  for (auto id : ids) revocations.revoke(id, now);
}

Identity::Identity(db::Database& db, Settings settings)
    : impl_(std::make_unique<Impl>(db, std::move(settings))) {}

Identity::~Identity() = default;

void Identity::register_routes(http::Router& router) {
  register_auth_routes(*impl_, router);
  register_user_routes(*impl_, router);
  register_tenant_routes(*impl_, router);
}

void Identity::add_demo_seeder(DemoSeeder seeder) {
  impl_->demo_seeders.push_back(std::move(seeder));
}

std::string_view bearer_token(std::string_view header) {
  // The scheme is case-insensitive (RFC 9110); clients send both spellings.
  if (header.size() <= 7 || !(header.starts_with("Bearer ") || header.starts_with("bearer ")))
    return {};
  return header.substr(7);
}

bool Identity::seed_demo() {
  return seed_demo_tenant(*impl_).first;
}

http::Principal Identity::authenticate(std::string_view header) {
  const auto token = bearer_token(header);
  if (token.empty()) throw errors::unauthorized();
  auto claims =
      auth::verify_token(token, impl_->settings.jwt_secret, auth::TokenType::access, now_seconds());
  auto role = auth::parse_role(claims.role);
  auto plan = auth::parse_plan(claims.plan);
  if (!role || !plan) throw errors::unauthorized("Token inválido.");

  auto now = RevocationCache::Clock::now();
  auto revoked = impl_->revocations.lookup(claims.session_id, now);
  if (!revoked) {
    auto r = impl_->db.read(claims.tenant_id,
                            db::q("select (revoked_at is not null or expires_at <= now()) as dead "
                                  "from sessions where id = $1 and user_id = $2",
                                  claims.session_id, claims.user_id));
    revoked = r.empty() || r[0].boolean("dead");
    impl_->revocations.remember(claims.session_id, *revoked, now);
  }
  if (*revoked) throw errors::token_revoked();

  http::Principal p;
  p.user_id = claims.user_id;
  p.tenant_id = claims.tenant_id;
  p.session_id = claims.session_id;
  p.tenant_name = claims.tenant_name;
  p.role = *role;
  p.plan = *plan;
  return p;
}

}  // namespace mg::identity
