// /auth: register, login, refresh, logout, logout_all, me.
#include "libs/auth/password.hpp"
#include "libs/br/contacts.hpp"
#include "modules/identity/identity_impl.hpp"
#include "modules/identity/store/accounts_store.hpp"
#include "modules/identity/store/sessions_store.hpp"

namespace mg::identity {
namespace {

constexpr std::size_t kMinPassword = 8;

// What this user's role may do (the permission table, API.md §2): the web app
// shows what the server allows instead of keeping its own copy of the table.
json::object capabilities_json(std::string_view role_name) {
  json::object can;
  const auto role = auth::parse_role(role_name);
  for (auto action : auth::kAllActions)
    can[auth::to_string(action)] = role && auth::allowed(*role, action);
  return can;
}

json::object user_json(const store::UserRow& u, const store::TenantRow& t) {
  return json::object{{"id", u.id},
                      {"name", u.name},
                      {"email", u.email},
                      {"tenant_id", t.id},
                      {"tenant_name", t.name},
                      {"plan", t.plan},
                      {"role", u.role},
                      {"can", capabilities_json(u.role)}};
}

json::object session_json(const IssuedTokens& tokens) {
  return json::object{{"access_token", tokens.access_token},
                      {"refresh_token", tokens.refresh_token},
                      {"token_type", "bearer"}};
}

std::string read_email(json::Input& in, bool required = true) {
  auto email = in.text("email", {.required = required, .max_length = 254});
  if (!email) return {};
  auto normalized = br::normalize_email(*email);
  if (!br::is_valid_email(normalized)) in.fail("email", "e-mail inválido");
  return normalized;
}

// Opens a session for a user whose tenant is set on the transaction, and
// answers what login and register answer.
json::object open_session(Identity::Impl& impl, db::Tx& tx, std::int64_t user_id,
                          const std::string& address) {
  auto tenant = store::find_tenant(tx);
  auto user = store::find_user(tx, user_id);
  if (!tenant || !user) throw errors::invalid_credentials();
  const std::string refresh_jti = auth::new_token_id();
  auto session_id =
      store::insert_session(tx, user_id, refresh_jti, impl.settings.refresh_ttl_days, address);
  auto tokens = impl.issue(Identity::Impl::claims_for(user->id, tenant->id, tenant->name,
                                                      tenant->plan, user->role, session_id),
                           refresh_jti);
  auto out = session_json(tokens);
  out["user"] = user_json(*user, *tenant);
  return out;
}

http::Response register_workshop(Identity::Impl& impl, http::Request& req) {
  json::Input in(req.json());
  auto name = in.text("name", {.required = true, .max_length = 120});
  auto email = read_email(in);
  auto password = in.text("password", {.required = true, .max_length = 128});
  if (password && password->size() < kMinPassword) in.fail("password", "mínimo de 8 caracteres");
  auto tenant_name = in.text("tenant_name", {.max_length = 120});
  in.check();
  const std::string workshop = tenant_name && !tenant_name->empty() ? *tenant_name : "Nova Oficina";
  const std::string hash = auth::hash_password(*password);

  auto body = impl.db.global([&](db::Tx& tx) {
    auto tenant_id = store::next_tenant_id(tx);
    store::set_tenant(tx, tenant_id);
    store::insert_tenant(tx, tenant_id, workshop, "BASIC");
    std::int64_t user_id = 0;
    try {
      user_id = store::insert_user(tx, *name, email, hash, "OWNER");
    } catch (const db::Error& e) {
      if (e.unique_violation())
        throw errors::conflict("Este e-mail já está cadastrado.", {{"email", "já cadastrado"}});
      throw;
    }
    return open_session(impl, tx, user_id, req.remote_address);
  });
  return http::json_response(body, 201);
}

http::Response login(Identity::Impl& impl, http::Request& req) {
  json::Input in(req.json());
  auto email = in.text("email", {.required = true, .max_length = 254});
  auto password = in.text("password", {.required = true, .max_length = 128, .allow_empty = true});
  in.check();
  const std::string key = br::normalize_email(*email);
  const auto now = LoginThrottle::Clock::now();
  if (auto wait = impl.throttle.check(key, req.remote_address, now))
    throw errors::rate_limited().with_retry_after(*wait);

  auto found = impl.db.global([&](db::Tx& tx) { return store::find_login(tx, key); });
  // The same work and the same answer for an unknown e-mail, an inactive
  // user and a wrong password.
  bool ok = false;
  if (found) {
    ok = auth::verify_password(found->password_hash, *password) && found->is_active;
  } else {
    auth::verify_dummy_password(*password);
  }
  if (!ok) {
    impl.throttle.failure(key, req.remote_address, now);
    throw errors::invalid_credentials();
  }
  impl.throttle.success(key, req.remote_address, now);
  auto body = impl.db.transaction(found->tenant_id, [&](db::Tx& tx) {
    return open_session(impl, tx, found->user_id, req.remote_address);
  });
  return http::json_response(body);
}

http::Response refresh(Identity::Impl& impl, http::Request& req) {
  std::string token;
  if (!req.body.empty()) {
    json::Input in(req.json());
    if (auto t = in.text("refresh_token", {.max_length = 4096})) token = *t;
  }
  if (token.empty()) token = std::string(bearer_token(req.header("authorization")));
  if (token.empty()) throw errors::unauthorized("Informe o refresh token.");
  auto claims =
      auth::verify_token(token, impl.settings.jwt_secret, auth::TokenType::refresh, now_seconds());

  enum class Outcome { rotated, revoked, replayed };
  IssuedTokens tokens;
  auto outcome = impl.db.transaction(claims.tenant_id, [&](db::Tx& tx) {
    auto session = store::lock_session(tx, claims.session_id);
    if (!session || session->revoked || session->expired || session->user_id != claims.user_id)
      return Outcome::revoked;
    if (session->refresh_jti != claims.jti) {
      // A rotated refresh token came back: someone holds a copy. End the
      // whole family.
      store::revoke_session(tx, session->id, "refresh_reuse");
      return Outcome::replayed;
    }
    auto user = store::find_user(tx, session->user_id);
    auto tenant = store::find_tenant(tx);
    if (!user || !user->is_active || !tenant) {
      store::revoke_session(tx, session->id, "user_inactive");
      return Outcome::replayed;
    }
    const std::string next = auth::new_token_id();
    store::rotate_session(tx, session->id, next);
    tokens = impl.issue(Identity::Impl::claims_for(user->id, tenant->id, tenant->name, tenant->plan,
                                                   user->role, session->id),
                        next);
    return Outcome::rotated;
  });
  if (outcome != Outcome::rotated) {
    impl.forget_sessions({claims.session_id});
    throw errors::token_revoked();
  }
  return http::json_response(session_json(tokens));
}

http::Response logout(Identity::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  impl.db.transaction(who.tenant_id,
                      [&](db::Tx& tx) { store::revoke_session(tx, who.session_id, "logout"); });
  impl.forget_sessions({who.session_id});
  return http::json_response(json::object{{"message", "Sessão encerrada."}});
}

http::Response logout_all(Identity::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  auto ids = impl.db.transaction(who.tenant_id, [&](db::Tx& tx) {
    return store::revoke_user_sessions(tx, who.user_id, "logout_all");
  });
  impl.forget_sessions(ids);
  impl.forget_sessions({who.session_id});
  return http::json_response(
      json::object{{"message", "Todas as sessões foram encerradas."},
                   {"sessions_revoked", static_cast<std::int64_t>(ids.size())}});
}

http::Response me(Identity::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  auto body = impl.db.transaction(who.tenant_id, [&](db::Tx& tx) {
    auto user = store::find_user(tx, who.user_id);
    auto tenant = store::find_tenant(tx);
    if (!user || !tenant) throw errors::not_found();
    return user_json(*user, *tenant);
  });
  return http::json_response(body);
}

}  // namespace

void register_auth_routes(Identity::Impl& impl, http::Router& router) {
  router.add({.method = "POST",
              .pattern = "/auth/register",
              .handler = http::bind(impl, register_workshop),
              .module = "identity",
              .is_public = true});
  router.add({.method = "POST",
              .pattern = "/auth/login",
              .handler = http::bind(impl, login),
              .module = "identity",
              .is_public = true});
  router.add({.method = "POST",
              .pattern = "/auth/refresh",
              .handler = http::bind(impl, refresh),
              .module = "identity",
              .is_public = true});
  router.add({.method = "POST",
              .pattern = "/auth/logout",
              .handler = http::bind(impl, logout),
              .module = "identity"});
  router.add({.method = "POST",
              .pattern = "/auth/logout_all",
              .handler = http::bind(impl, logout_all),
              .module = "identity"});
  router.add({.method = "GET",
              .pattern = "/auth/me",
              .handler = http::bind(impl, me),
              .module = "identity"});
  router.add(
      {.method = "GET", .pattern = "/me", .handler = http::bind(impl, me), .module = "identity"});
}

}  // namespace mg::identity
