#pragma once
// Shared state of the identity module's handlers. Private to the module.
#include <vector>

#include "libs/auth/jwt.hpp"
#include "modules/identity/domain/login_throttle.hpp"
#include "modules/identity/domain/revocation_cache.hpp"
#include "modules/identity/identity.hpp"

namespace mg::identity {

struct IssuedTokens {
  std::string access_token, refresh_token;
};

struct Identity::Impl {
  Impl(db::Database& database, Settings s);

  // Signs an access and a refresh token for a session.
  IssuedTokens issue(const auth::Claims& base, const std::string& refresh_jti) const;
  // The claims every token of this user carries.
  static auth::Claims claims_for(std::int64_t user_id, std::int64_t tenant_id,
                                 const std::string& tenant_name, const std::string& plan,
                                 const std::string& role, std::int64_t session_id);
  void forget_sessions(const std::vector<std::int64_t>& ids);

  db::Database& db;
  Settings settings;
  LoginThrottle throttle;
  RevocationCache revocations;
  std::vector<DemoSeeder> demo_seeders;
};

// Route registration, one function per resource file.
void register_auth_routes(Identity::Impl& impl, http::Router& router);
void register_user_routes(Identity::Impl& impl, http::Router& router);
void register_tenant_routes(Identity::Impl& impl, http::Router& router);

std::int64_t now_seconds();
// The token of an "Authorization: Bearer <token>" header; empty when absent.
std::string_view bearer_token(std::string_view header);
// Creates the demo tenant once: {created now, tenant id}.
std::pair<bool, std::int64_t> seed_demo_tenant(Identity::Impl& impl);

}  // namespace mg::identity
