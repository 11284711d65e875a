#pragma once
// SQL for tenants and users. TenantId comes first; the transaction carries the
// same tenant, so row-level security keeps each call inside one workshop.
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include "libs/core/failure.hpp"
#include "libs/core/ids.hpp"
#include "libs/db/database.hpp"

namespace mg::identity::store {

struct TenantRow {
  TenantId id;
  std::string name, plan, theme;
  std::optional<std::string> custom_palette;  // JSON text
};
BOOST_DESCRIBE_STRUCT(TenantRow, (), (id, name, plan, theme, custom_palette))

struct UserRow {
  UserId id;
  TenantId tenant_id;
  std::string name, email, role;
  bool is_active = true;
  bool login_locked = false;  // failed logins made the account wait (or need an unlock)
};
BOOST_DESCRIBE_STRUCT(UserRow, (), (id, tenant_id, name, email, role, is_active, login_locked))

struct LoginRow {
  UserId user_id;
  TenantId tenant_id;
  std::string password_hash;
  bool is_active = false;
};
BOOST_DESCRIBE_STRUCT(LoginRow, (), (user_id, tenant_id, password_hash, is_active))

// Before a tenant is known (a Tx from Database::global).
std::optional<LoginRow> find_login(db::Tx& tx, const std::string& email);
// Draws a new tenant's id and makes it the transaction's tenant.
TenantId open_tenant(db::Tx& tx);

void insert_tenant(TenantId tenant, db::Tx& tx, const std::string& name, const std::string& plan);
std::optional<TenantRow> find_tenant(TenantId tenant, db::Tx& tx);
void update_theme(TenantId tenant, db::Tx& tx, const std::string& theme,
                  const std::optional<std::string>& palette);

// Conflict on `email` when any workshop has that e-mail.
Result<UserId> insert_user(TenantId tenant, db::Tx& tx, const std::string& name,
                           const std::string& email, const std::string& password_hash,
                           const std::string& role);
std::optional<UserRow> find_user(TenantId tenant, db::Tx& tx, UserId id, bool for_update = false);
db::Page<UserRow> list_users(TenantId tenant, db::Tx& tx, db::Paging page);
// Active owners, locked, so two demotions cannot both pass the last-owner rule.
std::vector<UserId> lock_active_owners(TenantId tenant, db::Tx& tx);

struct UserChange {
  std::optional<std::string> name, role, password_hash;
  std::optional<bool> is_active;
};
void update_user(TenantId tenant, db::Tx& tx, UserId id, const UserChange& change);

}  // namespace mg::identity::store
