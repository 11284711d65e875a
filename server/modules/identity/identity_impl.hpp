#pragma once
// Shared state of the identity module's handlers. Private to the module.
#include <string_view>
#include <utility>
#include <vector>

#include "libs/api/context.hpp"
#include "libs/auth/jwt.hpp"
#include "modules/identity/domain/revocation_cache.hpp"
#include "modules/identity/domain/token_cache.hpp"
#include "modules/identity/identity.hpp"
#include "modules/identity/login_guard.hpp"

namespace mg::identity {

struct IssuedTokens {
  std::string access_token, refresh_token;
};

struct Identity::Impl {
  Impl(db::Database& database, Settings s);

  // Signs an access and a refresh token for a session.
  IssuedTokens issue(const auth::Claims& base, const std::string& refresh_jti) const;
  void forget_sessions(const std::vector<SessionId>& ids);
  auth::Principal verify(std::string_view authorization_header);

  db::Database& db;
  Settings settings;
  LoginGuard guard;
  RevocationCache revocations;
  TokenCache tokens;
  DemoSeeder demo_seeder;
};

// The claims every token of this user carries.
auth::Claims claims_for(UserId user, TenantId tenant, const std::string& tenant_name,
                        const std::string& plan, const std::string& role, SessionId session);

// Route registration, one function per resource file.
void register_auth_routes(Identity::Impl& impl, api::Routes& routes);
void register_user_routes(Identity::Impl& impl, api::Routes& routes);
void register_tenant_routes(Identity::Impl& impl, api::Routes& routes);

std::int64_t now_seconds();
// The token of an "Authorization: Bearer <token>" header; empty when absent.
std::string_view bearer_token(std::string_view header);
// Creates the demo tenant once: {created now, tenant id}.
std::pair<bool, TenantId> seed_demo_tenant(Identity::Impl& impl);

}  // namespace mg::identity
