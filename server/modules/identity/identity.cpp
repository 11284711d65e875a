#include "modules/identity/identity.hpp"

#include <chrono>

#include "modules/identity/identity_impl.hpp"
#include "modules/identity/store/sessions_store.hpp"

namespace mg::identity {

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Identity::Impl::Impl(db::Database& database, Settings s)
    : db(database),
      settings(std::move(s)),
      guard(database,
            ThrottleLimits{.per_account = settings.login_max_failures_per_account,
                           .per_address = settings.login_max_failures_per_address,
                           .lockout = std::chrono::seconds(settings.login_lockout_seconds),
                           .hard_lock_after = settings.login_hard_lock_after}),
      revocations(std::chrono::seconds(settings.revocation_cache_seconds)) {}

auth::Claims claims_for(UserId user, TenantId tenant, const std::string& tenant_name,
                        const std::string& plan, const std::string& role, SessionId session) {
  auth::Claims c;
  c.user_id = user.value;
  c.tenant_id = tenant.value;
  c.tenant_name = tenant_name;
  c.plan = plan;
  c.role = role;
  c.session_id = session.value;
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

void Identity::Impl::forget_sessions(const std::vector<SessionId>& ids) {
  auto now = RevocationCache::Clock::now();
  for (auto id : ids) revocations.revoke(id, now);
}

Identity::Identity(db::Database& db, Settings settings)
    : impl_(std::make_unique<Impl>(db, std::move(settings))) {}

Identity::~Identity() = default;

std::vector<api::Prefix> Identity::prefixes() const {
  return {{"auth"}, {"users"}, {"me"}, {"tenant"}};
}

void Identity::routes(api::Routes& routes) {
  register_auth_routes(*impl_, routes);
  register_user_routes(*impl_, routes);
  register_tenant_routes(*impl_, routes);
}

void Identity::set_demo_seeder(DemoSeeder seeder) {
  impl_->demo_seeder = std::move(seeder);
}

bool Identity::create_demo_tenant() {
  return seed_demo_tenant(*impl_).first;
}

std::string_view bearer_token(std::string_view header) {
  // The scheme is case-insensitive (RFC 9110); clients send both spellings.
  if (header.size() <= 7 || !(header.starts_with("Bearer ") || header.starts_with("bearer ")))
    return {};
  return header.substr(7);
}

// The token's principal: from the cache of verified tokens, else verified now
// (and remembered). Throws 401 for a token that does not hold.
auth::Principal Identity::Impl::verify(std::string_view header) {
  const auto token = bearer_token(header);
  if (token.empty()) throw errors::unauthorized();
  const auto now = now_seconds();
  if (auto known = tokens.lookup(token, now)) return *known;
  auto verified = auth::verify_token(token, settings.jwt_secret, auth::TokenType::access, now);
  if (verified.problem == auth::TokenProblem::expired) throw errors::token_expired();
  if (!verified) throw errors::unauthorized("Token inválido.");
  const auto& claims = verified.claims;
  auto role = auth::parse_role(claims.role);
  auto plan = auth::parse_plan(claims.plan);
  if (!role || !plan) throw errors::unauthorized("Token inválido.");
  auth::Principal who{UserId{claims.user_id},
                      TenantId{claims.tenant_id},
                      SessionId{claims.session_id},
                      claims.tenant_name,
                      *role,
                      *plan};
  tokens.remember(token, who, claims.expires_at, now);
  return who;
}

auth::Principal Identity::authenticate(std::string_view header) {
  auto who = impl_->verify(header);
  auto now = RevocationCache::Clock::now();
  auto revoked = impl_->revocations.lookup(who.session, now);
  if (!revoked) {
    revoked = store::session_dead(who.tenant, impl_->db, who.session, who.user);
    impl_->revocations.remember(who.session, *revoked, now);
  }
  if (*revoked) throw errors::token_revoked();
  return who;
}

std::optional<auth::Principal> Identity::authenticate_cached(std::string_view header) {
  auto who = impl_->verify(header);
  auto revoked = impl_->revocations.lookup(who.session, RevocationCache::Clock::now());
  if (!revoked) return std::nullopt;  // the session must be asked: not without the database
  if (*revoked) throw errors::token_revoked();
  return who;
}

}  // namespace mg::identity
