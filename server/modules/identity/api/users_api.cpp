// /users: list, create, update (with the last-owner rule).
#include "libs/auth/password.hpp"
#include "libs/br/contacts.hpp"
#include "libs/http/paging.hpp"
#include "modules/identity/identity_impl.hpp"
#include "modules/identity/store/accounts_store.hpp"
#include "modules/identity/store/sessions_store.hpp"

namespace mg::identity {
namespace {

json::object user_json(const store::UserRow& u, const std::string& plan) {
  return json::object{
      {"id", u.id},     {"name", u.name}, {"email", u.email},        {"tenant_id", u.tenant_id},
      {"role", u.role}, {"plan", plan},   {"is_active", u.is_active}};
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

http::Response list_users(Identity::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  auto page = http::read_page(req);
  std::int64_t total = 0;
  json::array out;
  impl.db.transaction(who.tenant_id, [&](db::Tx& tx) {
    auto tenant = store::find_tenant(tx);
    for (const auto& u : store::list_users(tx, page.limit, page.offset, total))
      out.push_back(user_json(u, tenant ? tenant->plan : ""));
  });
  return http::list_response(std::move(out), total);
}

http::Response create_user(Identity::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  json::Input in(req.json());
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
  auto body = impl.db.transaction(who.tenant_id, [&](db::Tx& tx) {
    std::int64_t id = 0;
    try {
      id = store::insert_user(tx, *name, *email, hash, *role);
    } catch (const db::Error& e) {
      if (e.unique_violation())
        throw errors::conflict("Este e-mail já está cadastrado.", {{"email", "já cadastrado"}});
      throw;
    }
    auto tenant = store::find_tenant(tx);
    return user_json(*store::find_user(tx, id), tenant ? tenant->plan : "");
  });
  return http::json_response(body, 201);
}

http::Response update_user(Identity::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  const auto id = req.path_id("id");
  json::Input in(req.json());
  store::UserChange change;
  change.name = in.text("name", {.max_length = 120});
  if (in.has("name") && (!change.name || change.name->empty())) in.fail("name", "obrigatório");
  change.role = read_role(in, false);
  change.is_active = in.boolean("is_active");
  auto password = in.text("password", {.max_length = 128});
  if (password && password->size() < 8) in.fail("password", "mínimo de 8 caracteres");
  in.check();

  const bool is_owner = auth::allowed(who.role, auth::Action::manage_users);
  if (!is_owner && (id != who.user_id || change.role || change.is_active))
    throw errors::forbidden("Você só pode alterar seu próprio nome e senha.");
  if (password) change.password_hash = auth::hash_password(*password);

  std::vector<std::int64_t> revoked;
  auto body = impl.db.transaction(who.tenant_id, [&](db::Tx& tx) {
    auto owners = store::lock_active_owners(tx);
    auto user = store::find_user(tx, id, true);
    if (!user) throw errors::not_found("Usuário não encontrado.");
    const bool was_active_owner = user->role == "OWNER" && user->is_active;
    const bool stays_owner =
        change.role.value_or(user->role) == "OWNER" && change.is_active.value_or(user->is_active);
    if (was_active_owner && !stays_owner && owners.size() <= 1)
      throw errors::conflict("A oficina precisa de pelo menos um proprietário ativo.",
                             {{"role", "último proprietário ativo"}});
    store::update_user(tx, id, change);
    // A new role or a deactivation takes effect now: the user signs in again.
    const bool role_changed = change.role && *change.role != user->role;
    const bool deactivated = change.is_active && !*change.is_active && user->is_active;
    if (role_changed || deactivated)
      revoked = store::revoke_user_sessions(tx, id, deactivated ? "deactivated" : "role_changed");
    auto tenant = store::find_tenant(tx);
    return user_json(*store::find_user(tx, id), tenant ? tenant->plan : "");
  });
  impl.forget_sessions(revoked);
  return http::json_response(body);
}

}  // namespace

void register_user_routes(Identity::Impl& impl, http::Router& router) {
  router.add({.method = "GET",
              .pattern = "/users",
              .handler = http::bind(impl, list_users),
              .module = "identity",
              .action = auth::Action::read_users});
  router.add({.method = "POST",
              .pattern = "/users",
              .handler = http::bind(impl, create_user),
              .module = "identity",
              .action = auth::Action::manage_users});
  router.add({.method = "PATCH",
              .pattern = "/users/{id}",
              .handler = http::bind(impl, update_user),
              .module = "identity"});
}

}  // namespace mg::identity
