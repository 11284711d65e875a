// /auth: register, login, refresh, logout, logout_all, me.
#include "libs/auth/password.hpp"
#include "libs/br/contacts.hpp"
#include "modules/identity/api/labels.hpp"
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
  return json::object{{"id", u.id.value},      {"name", u.name},
                      {"email", u.email},      {"tenant_id", t.id.value},
                      {"tenant_name", t.name}, {"plan", t.plan},
                      {"role", u.role},        {"can", capabilities_json(u.role)}};
}

json::object session_json(const IssuedTokens& tokens) {
  return json::object{{"access_token", tokens.access_token},
                      {"refresh_token", tokens.refresh_token},
                      {"token_type", "bearer"}};
}

std::string read_email(json::Input& in) {
  auto email = in.text("email", {.required = true, .max_length = 254});
  if (!email) return {};
  auto normalized = br::normalize_email(*email);
  if (!br::is_valid_email(normalized)) in.fail("email", "e-mail inválido");
  return normalized;
}

// Opens a session for a user of `tenant`, and answers what login and register
// answer. A user keeps at most max_sessions_per_user live sessions: the oldest go
// (their ids in `ended`, to forget in the revocation cache after the commit).
json::object open_session(Identity::Impl& impl, TenantId tenant_id, db::Tx& tx, UserId user_id,
                          const std::string& address, std::vector<SessionId>& ended) {
  auto tenant = store::find_tenant(tenant_id, tx);
  auto user = store::find_user(tenant_id, tx, user_id);
  if (!tenant || !user) throw errors::invalid_credentials();
  const std::string refresh_jti = auth::new_token_id();
  auto session = store::insert_session(tenant_id, tx, user_id, refresh_jti,
                                       impl.settings.refresh_ttl_days, address);
  ended = store::trim_sessions(tenant_id, tx, user_id, impl.settings.max_sessions_per_user);
  auto tokens =
      impl.issue(claims_for(user->id, tenant->id, tenant->name, tenant->plan, user->role, session),
                 refresh_jti);
  auto out = session_json(tokens);
  out["user"] = user_json(*user, *tenant);
  return out;
}

http::Response register_workshop(Identity::Impl& impl, api::Context& ctx) {
  auto in = ctx.input(kFieldLabels);
  auto name = in.text("name", {.required = true, .max_length = 120});
  auto email = read_email(in);
  auto password = in.text("password", {.required = true, .max_length = 128});
  if (password && password->size() < kMinPassword) in.fail("password", "mínimo de 8 caracteres");
  auto tenant_name = in.text("tenant_name", {.max_length = 120});
  in.check();
  const std::string workshop = tenant_name && !tenant_name->empty() ? *tenant_name : "Nova Oficina";
  const auto& address = ctx.request().remote_address;
  if (auto wait =
          impl.guard.registration(address, impl.settings.registration_limit_per_address_per_hour))
    throw ApiError(429, "rate_limited",
                   "Muitas oficinas cadastradas a partir deste endereço. Tente mais tarde.")
        .with_retry_after(*wait);
  const std::string hash = auth::hash_password(*password);

  std::vector<SessionId> ended;
  auto body = impl.db.global([&](db::Tx& tx) -> Result<json::object> {
    const auto tenant = store::open_tenant(tx);
    store::insert_tenant(tenant, tx, workshop, "BASIC");
    auto user = store::insert_user(tenant, tx, *name, email, hash, "OWNER");
    if (!user) return user.error();
    return open_session(impl, tenant, tx, *user, address, ended);
  });
  impl.forget_sessions(ended);
  return api::created(body.value());
}

http::Response login(Identity::Impl& impl, api::Context& ctx) {
  auto in = ctx.input(kFieldLabels);
  auto email = in.text("email", {.required = true, .max_length = 254});
  auto password = in.text("password", {.required = true, .max_length = 128, .allow_empty = true});
  in.check();
  const std::string key = br::normalize_email(*email);
  const auto& address = ctx.request().remote_address;
  auto device = device_token(ctx.request().header("cookie"));
  const auto sources = sources_of(key, address, device);
  const auto gate = impl.guard.check(sources);
  if (gate.hard_locked)
    throw ApiError(429, "rate_limited",
                   "Conta bloqueada após muitas tentativas de login. Peça ao proprietário da "
                   "oficina para desbloqueá-la.",
                   {{"email", "conta bloqueada"}})
        .with_retry_after(3600);
  if (gate.wait) throw errors::rate_limited().with_retry_after(*gate.wait);

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
    impl.guard.failure(sources, gate.known);
    throw errors::invalid_credentials();
  }
  // This browser is a known source of this account from now on.
  const bool new_device = device.empty();
  if (new_device) device = new_device_token();
  impl.guard.success(sources_of(key, address, device));
  std::vector<SessionId> ended;
  auto body = impl.db.transaction(found->tenant_id, [&](db::Tx& tx) {
    return open_session(impl, found->tenant_id, tx, found->user_id, address, ended);
  });
  impl.forget_sessions(ended);
  auto res = api::ok(body);
  if (new_device)
    res.header("Set-Cookie", std::string(kDeviceCookie) + "=" + device +
                                 "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Strict");
  return res;
}

http::Response refresh(Identity::Impl& impl, api::Context& ctx) {
  std::string token;
  if (ctx.has_body()) {
    auto in = ctx.input(kFieldLabels);
    if (auto t = in.text("refresh_token", {.max_length = 4096})) token = *t;
  }
  if (token.empty()) token = std::string(bearer_token(ctx.request().header("authorization")));
  if (token.empty()) throw errors::unauthorized("Informe o refresh token.");
  auto verified =
      auth::verify_token(token, impl.settings.jwt_secret, auth::TokenType::refresh, now_seconds());
  if (verified.problem == auth::TokenProblem::expired) throw errors::token_expired();
  if (!verified) throw errors::unauthorized("Token inválido.");
  const auto& claims = verified.claims;
  const TenantId tenant_id{claims.tenant_id};
  const SessionId session_id{claims.session_id};

  enum class Outcome { rotated, revoked, replayed };
  IssuedTokens tokens;
  auto outcome = impl.db.transaction(tenant_id, [&](db::Tx& tx) {
    auto session = store::lock_session(tenant_id, tx, session_id);
    if (!session || session->revoked || session->expired ||
        session->user_id != UserId{claims.user_id})
      return Outcome::revoked;
    if (session->refresh_jti != claims.jti) {
      // A rotated refresh token came back: someone holds a copy. End the
      // whole family.
      store::revoke_session(tenant_id, tx, session->id, "refresh_reuse");
      return Outcome::replayed;
    }
    auto user = store::find_user(tenant_id, tx, session->user_id);
    auto tenant = store::find_tenant(tenant_id, tx);
    if (!user || !user->is_active || !tenant) {
      store::revoke_session(tenant_id, tx, session->id, "user_inactive");
      return Outcome::replayed;
    }
    const std::string next = auth::new_token_id();
    store::rotate_session(tenant_id, tx, session->id, next);
    tokens = impl.issue(
        claims_for(user->id, tenant->id, tenant->name, tenant->plan, user->role, session->id),
        next);
    return Outcome::rotated;
  });
  if (outcome != Outcome::rotated) {
    impl.forget_sessions({session_id});
    throw errors::token_revoked();
  }
  return api::ok(session_json(tokens));
}

http::Response logout(Identity::Impl& impl, api::Context& ctx) {
  const auto& who = ctx.who();
  ctx.transaction(
      [&](db::Tx& tx) { store::revoke_session(who.tenant, tx, who.session, "logout"); });
  impl.forget_sessions({who.session});
  return api::ok(json::object{{"message", "Sessão encerrada."}});
}

http::Response logout_all(Identity::Impl& impl, api::Context& ctx) {
  const auto& who = ctx.who();
  auto ids = ctx.transaction([&](db::Tx& tx) {
    return store::revoke_user_sessions(who.tenant, tx, who.user, "logout_all");
  });
  impl.forget_sessions(ids);
  impl.forget_sessions({who.session});
  return api::ok(json::object{{"message", "Todas as sessões foram encerradas."},
                              {"sessions_revoked", static_cast<std::int64_t>(ids.size())}});
}

http::Response me(Identity::Impl&, api::Context& ctx) {
  const auto& who = ctx.who();
  auto body = ctx.transaction([&](db::Tx& tx) {
    auto user = store::find_user(who.tenant, tx, who.user);
    auto tenant = store::find_tenant(who.tenant, tx);
    if (!user || !tenant) throw errors::not_found();
    return user_json(*user, *tenant);
  });
  return api::ok(body);
}

}  // namespace

void register_auth_routes(Identity::Impl& impl, api::Routes& routes) {
  api::Resource(routes, "identity", "/auth")
      .open()
      .heavy()
      .post("/register", api::bind(impl, register_workshop))
      .post("/login", api::bind(impl, login));
  api::Resource(routes, "identity", "/auth").open().post("/refresh", api::bind(impl, refresh));
  api::Resource session(routes, "identity", "/auth");
  session.post("/logout", api::bind(impl, logout))
      .post("/logout_all", api::bind(impl, logout_all))
      .get("/me", api::bind(impl, me));
  api::Resource(routes, "identity", "/me").get("", api::bind(impl, me));
}

}  // namespace mg::identity
