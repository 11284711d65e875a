#include "modules/identity/store/accounts_store.hpp"

namespace mg::identity::store {
namespace {

UserRow user_from(const db::Row& r) {
  return UserRow{r.i64("id"),    r.i64("tenant_id"), r.str("name"),
                 r.str("email"), r.str("role"),      r.boolean("is_active")};
}

}  // namespace

std::optional<LoginRow> find_login(db::Tx& tx, const std::string& email) {
  auto r = tx.exec("select user_id, tenant_id, password_hash, is_active from auth_find_login($1)",
                   email);
  if (r.empty()) return std::nullopt;
  auto row = r[0];
  return LoginRow{row.i64("user_id"), row.i64("tenant_id"), row.str("password_hash"),
                  row.boolean("is_active")};
}

std::int64_t next_tenant_id(db::Tx& tx) {
  return tx.exec("select nextval('tenants_id_seq') as id")[0].i64("id");
}

void set_tenant(db::Tx& tx, std::int64_t tenant_id) {
  tx.exec("select set_config('app.current_tenant', $1, true)", std::to_string(tenant_id));
}

void insert_tenant(db::Tx& tx, std::int64_t id, const std::string& name, const std::string& plan) {
  tx.exec("insert into tenants (id, name, plan) values ($1, $2, $3)", id, name, plan);
}

std::optional<TenantRow> find_tenant(db::Tx& tx) {
  auto r = tx.exec(
      "select id, name, plan, theme, custom_palette::text as custom_palette from tenants "
      "where id = current_tenant()");
  if (r.empty()) return std::nullopt;
  auto row = r[0];
  return TenantRow{row.i64("id"), row.str("name"), row.str("plan"), row.str("theme"),
                   row.opt_str("custom_palette")};
}

void update_theme(db::Tx& tx, const std::string& theme, const std::optional<std::string>& palette) {
  tx.exec("update tenants set theme = $1, custom_palette = $2::jsonb where id = current_tenant()",
          theme, palette);
}

std::int64_t insert_user(db::Tx& tx, const std::string& name, const std::string& email,
                         const std::string& password_hash, const std::string& role) {
  return tx
      .exec(
          "insert into users (tenant_id, name, email, password_hash, role) "
          "values (current_tenant(), $1, $2, $3, $4) returning id",
          name, email, password_hash, role)[0]
      .i64("id");
}

std::optional<UserRow> find_user(db::Tx& tx, std::int64_t id, bool for_update) {
  auto r = for_update ? tx.exec(
                            "select id, tenant_id, name, email, role, is_active from users "
                            "where id = $1 for update",
                            id)
                      : tx.exec(
                            "select id, tenant_id, name, email, role, is_active from users "
                            "where id = $1",
                            id);
  if (r.empty()) return std::nullopt;
  return user_from(r[0]);
}

std::vector<UserRow> list_users(db::Tx& tx, std::int64_t limit, std::int64_t offset,
                                std::int64_t& total) {
  auto r = tx.exec(
      "select id, tenant_id, name, email, role, is_active, count(*) over () as total "
      "from users order by id limit $1 offset $2",
      limit, offset);
  std::vector<UserRow> out;
  total = r.empty() ? 0 : r[0].i64("total");
  if (r.empty() && offset > 0) total = tx.exec("select count(*) as n from users")[0].i64("n");
  for (int i = 0; i < r.size(); ++i) out.push_back(user_from(r[i]));
  return out;
}

std::vector<std::int64_t> lock_active_owners(db::Tx& tx) {
  auto r =
      tx.exec("select id from users where role = 'OWNER' and is_active order by id for update");
  std::vector<std::int64_t> ids;
  for (int i = 0; i < r.size(); ++i) ids.push_back(r[i].i64("id"));
  return ids;
}

void update_user(db::Tx& tx, std::int64_t id, const UserChange& c) {
  tx.exec(
      "update users set name = coalesce($2, name), role = coalesce($3, role), "
      "password_hash = coalesce($4, password_hash), is_active = coalesce($5, is_active), "
      "updated_at = now() where id = $1",
      id, c.name, c.role, c.password_hash, c.is_active);
}

}  // namespace mg::identity::store
