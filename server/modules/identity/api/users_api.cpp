// /users: list, create, update (with the last-owner rule).
#include "libs/auth/password.hpp"
#include "libs/br/contacts.hpp"
#include "modules/identity/api/labels.hpp"
#include "modules/identity/identity_impl.hpp"
#include "modules/identity/store/accounts_store.hpp"
#include "modules/identity/store/sessions_store.hpp"

namespace mg::identity {
namespace {

json::object user_json(const store::UserRow& u, const std::string& plan) {
  auto out = json::to_object(u);
  out["plan"] = plan;
  return out;
}

std::optional<std::string> read_role(json::Input& in, bool required) {
  auto text = in.text("role", {.required = required, .max_length = 20});
  if (!text) return std::nullopt;
  auto role = auth::parse_role(*text);
  if (!role) {
    in.fail("role", "use OWNER, MANAGER, ATTENDANT ou MECHANIC");
    return std::nullopt;
  }
  return std::string(auth::to_string(*role));
}

std::string plan_of(TenantId tenant, db::Tx& tx) {
  auto t = store::find_tenant(tenant, tx);
  return t ? t->plan : "";
}

http::Response list_users(Identity::Impl&, api::Context& ctx) {
  auto paging = ctx.page();
  const auto tenant = ctx.tenant();
  json::array out;
  std::int64_t total = 0;
  ctx.transaction([&](db::Tx& tx) {
    const auto plan = plan_of(tenant, tx);
    auto page = store::list_users(tenant, tx, paging);
    total = page.total;
    for (const auto& u : page.items) out.push_back(user_json(u, plan));
  });
  return api::list(std::move(out), total);
}

http::Response create_user(Identity::Impl&, api::Context& ctx) {
  const auto tenant = ctx.tenant();
  auto in = ctx.input(kFieldLabels);
  auto name = in.text("name", {.required = true, .max_length = 120});
  auto email = in.text("email", {.required = true, .max_length = 254});
  if (email) {
    *email = br::normalize_email(*email);
    if (!br::is_valid_email(*email)) in.fail("email", "e-mail inválido");
  }
  auto password = in.text("password", {.required = true, .max_length = 128});
  if (password && password->size() < 8) in.fail("password", "mínimo de 8 caracteres");
  auto role = read_role(in, true);
  in.check();
  const std::string hash = auth::hash_password(*password);
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    auto id = store::insert_user(tenant, tx, *name, *email, hash, *role);
    if (!id) return id.error();
    return user_json(*store::find_user(tenant, tx, *id), plan_of(tenant, tx));
  });
  return api::created(body.value());
}

http::Response update_user(Identity::Impl& impl, api::Context& ctx) {
  const auto& who = ctx.who();
  const auto id = ctx.path<UserId>();
  auto in = ctx.input(kFieldLabels);
  store::UserChange change;
  change.name = in.text("name", {.max_length = 120});
  if (in.has("name") && (!change.name || change.name->empty())) in.fail("name", "obrigatório");
  change.role = read_role(in, false);
  change.is_active = in.boolean("is_active");
  auto password = in.text("password", {.max_length = 128});
  if (password && password->size() < 8) in.fail("password", "mínimo de 8 caracteres");
  in.check();

  if (!ctx.may(auth::Action::manage_users) && (id != who.user || change.role || change.is_active))
    throw errors::forbidden("Você só pode alterar seu próprio nome e senha.");
  if (password) change.password_hash = auth::hash_password(*password);
  // A new password ends every other session of the user (the caller's own stays).
  const std::optional<SessionId> keep =
      id == who.user ? std::optional<SessionId>(who.session) : std::nullopt;

  std::vector<SessionId> revoked;
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    auto owners = store::lock_active_owners(who.tenant, tx);
    auto user = store::find_user(who.tenant, tx, id, true);
    if (!user) return fail::not_found("Usuário não encontrado.");
    const bool was_active_owner = user->role == "OWNER" && user->is_active;
    const bool stays_owner =
        change.role.value_or(user->role) == "OWNER" && change.is_active.value_or(user->is_active);
    if (was_active_owner && !stays_owner && owners.size() <= 1)
      return fail::conflict("A oficina precisa de pelo menos um proprietário ativo.",
                            {{"role", "último proprietário ativo"}});
    store::update_user(who.tenant, tx, id, change);
    // A new role or a deactivation takes effect now: the user signs in again.
    const bool role_changed = change.role && *change.role != user->role;
    const bool deactivated = change.is_active && !*change.is_active && user->is_active;
    if (role_changed || deactivated)
      revoked = store::revoke_user_sessions(who.tenant, tx, id,
                                            deactivated ? "deactivated" : "role_changed");
    else if (change.password_hash)
      revoked = store::revoke_user_sessions_except(who.tenant, tx, id, keep, "password_changed");
    return user_json(*store::find_user(who.tenant, tx, id), plan_of(who.tenant, tx));
  });
  impl.forget_sessions(revoked);
  return api::ok(body.value());
}

// The OWNER lets a user whose logins were locked (by failures, or the hard
// lock after a hundred) try again at once.
http::Response unlock_user(Identity::Impl& impl, api::Context& ctx) {
  const auto id = ctx.path<UserId>();
  auto user = ctx.transaction([&](db::Tx& tx) { return store::find_user(ctx.tenant(), tx, id); });
  if (!user) throw errors::not_found("Usuário não encontrado.");
  impl.guard.unlock(user->email);
  return api::ok(json::object{{"message", "Login desbloqueado."}, {"id", id.value}});
}

}  // namespace

void register_user_routes(Identity::Impl& impl, api::Routes& routes) {
  using auth::Action;
  api::Resource(routes, "identity", "/users")
      .get("", api::bind(impl, list_users), Action::read_users)
      .post("/{id}/unlock", api::bind(impl, unlock_user), Action::manage_users);
  // Both may hash a password.
  api::Resource(routes, "identity", "/users")
      .heavy()
      .create("", api::bind(impl, create_user), Action::manage_users)
      .patch("/{id}", api::bind(impl, update_user));
}

}  // namespace mg::identity
