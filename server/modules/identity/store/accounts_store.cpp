#include "modules/identity/store/accounts_store.hpp"

#include "libs/db/constraints.hpp"

namespace mg::identity::store {
namespace {

const db::Statement kFindLogin(
    "accounts.find_login",
    "select user_id, tenant_id, password_hash, is_active from auth_find_login($1)");
const db::Statement kOpenTenant("accounts.open_tenant",
                                "select set_config('app.current_tenant', "
                                "nextval('tenants_id_seq')::text, true)::bigint as id");
const db::Statement kInsertTenant("accounts.insert_tenant",
                                  "insert into tenants (id, name, plan) values ($1, $2, $3)");
const db::Statement kFindTenant(
    "accounts.find_tenant",
    "select id, name, plan, theme, custom_palette::text as custom_palette from tenants "
    "where id = $1");
const db::Statement kUpdateTheme(
    "accounts.update_theme",
    "update tenants set theme = $2, custom_palette = $3::jsonb where id = $1");
const db::Statement kInsertUser("accounts.insert_user",
                                "insert into users (tenant_id, name, email, password_hash, role) "
                                "values ($1, $2, $3, $4, $5) returning id");
// The account's throttle counter (store/throttle_store: sha256 of "account:<email>").
const std::string kUserColumns =
    "u.id, u.tenant_id, u.name, u.email, u.role, u.is_active, "
    "coalesce(t.hard_locked or t.locked_until > now(), false) as login_locked ";
const std::string kUserFrom =
    "from users u left join login_throttle t "
    "on t.key = encode(sha256(convert_to('account:' || u.email, 'UTF8')), 'hex') ";
const db::Statement kFindUser("accounts.find_user",
                              "select " + kUserColumns + kUserFrom + "where u.id = $1");
const db::Statement kLockUser("accounts.lock_user", "select " + kUserColumns + kUserFrom +
                                                        "where u.id = $1 for update of u");
const db::Statement kListUsers("accounts.list_users", "select " + kUserColumns + kUserFrom +
                                                          "order by u.id limit $1 offset $2");
const db::Statement kCountUsers("accounts.count_users", "select count(*) as n from users");
const db::Statement kLockOwners(
    "accounts.lock_owners",
    "select id from users where role = 'OWNER' and is_active order by id for update");
const db::Statement kUpdateUser(
    "accounts.update_user",
    "update users set name = coalesce($2, name), role = coalesce($3, role), "
    "password_hash = coalesce($4, password_hash), is_active = coalesce($5, is_active), "
    "updated_at = now() where id = $1");

// Login is by e-mail alone, so an e-mail is unique across workshops.
const db::Constraints kConstraints{
    {"users_email_key",
     fail::conflict("Este e-mail já está cadastrado.", {{"email", "já cadastrado"}})}};

}  // namespace

std::optional<LoginRow> find_login(db::Tx& tx, const std::string& email) {
  return tx.exec(kFindLogin, email).first<LoginRow>();
}

TenantId open_tenant(db::Tx& tx) {
  return TenantId{tx.exec(kOpenTenant)[0].i64("id")};
}

void insert_tenant(TenantId tenant, db::Tx& tx, const std::string& name, const std::string& plan) {
  tx.exec(kInsertTenant, tenant, name, plan);
}

std::optional<TenantRow> find_tenant(TenantId tenant, db::Tx& tx) {
  return tx.exec(kFindTenant, tenant).first<TenantRow>();
}

void update_theme(TenantId tenant, db::Tx& tx, const std::string& theme,
                  const std::optional<std::string>& palette) {
  tx.exec(kUpdateTheme, tenant, theme, palette);
}

Result<UserId> insert_user(TenantId tenant, db::Tx& tx, const std::string& name,
                           const std::string& email, const std::string& password_hash,
                           const std::string& role) {
  return kConstraints.guard([&] {
    return UserId{tx.exec(kInsertUser, tenant, name, email, password_hash, role)[0].i64("id")};
  });
}

std::optional<UserRow> find_user(TenantId, db::Tx& tx, UserId id, bool for_update) {
  return tx.exec(for_update ? kLockUser : kFindUser, id).first<UserRow>();
}

db::Page<UserRow> list_users(TenantId, db::Tx& tx, db::Paging page) {
  auto r = tx.exec_batch({db::q(kListUsers, page.limit, page.offset), db::q(kCountUsers)});
  return {r[0].as<UserRow>(), r[1][0].i64("n")};
}

std::vector<UserId> lock_active_owners(TenantId, db::Tx& tx) {
  auto r = tx.exec(kLockOwners);
  std::vector<UserId> ids;
  for (int i = 0; i < r.size(); ++i) ids.emplace_back(r[i].i64("id"));
  return ids;
}

void update_user(TenantId, db::Tx& tx, UserId id, const UserChange& c) {
  tx.exec(kUpdateUser, id, c.name, c.role, c.password_hash, c.is_active);
}

}  // namespace mg::identity::store
