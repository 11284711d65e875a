#pragma once
// SQL for tenants and users. Every function runs in a transaction whose
// tenant is already set: the Tx is the tenant scope, so RLS keeps each call
// inside one workshop.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "libs/db/database.hpp"

namespace mg::identity::store {

struct TenantRow {
  std::int64_t id = 0;
  std::string name, plan, theme;
  std::optional<std::string> custom_palette;  // JSON text
};

struct UserRow {
  std::int64_t id = 0, tenant_id = 0;
  std::string name, email, role;
  bool is_active = true;
};

struct LoginRow {
  std::int64_t user_id = 0, tenant_id = 0;
  std::string password_hash;
  bool is_active = false;
};

// Before a tenant is known (a Tx from Database::global).
std::optional<LoginRow> find_login(db::Tx& tx, const std::string& email);
std::int64_t next_tenant_id(db::Tx& tx);
void set_tenant(db::Tx& tx, std::int64_t tenant_id);

void insert_tenant(db::Tx& tx, std::int64_t id, const std::string& name, const std::string& plan);
std::optional<TenantRow> find_tenant(db::Tx& tx);
void update_theme(db::Tx& tx, const std::string& theme, const std::optional<std::string>& palette);

std::int64_t insert_user(db::Tx& tx, const std::string& name, const std::string& email,
                         const std::string& password_hash, const std::string& role);
std::optional<UserRow> find_user(db::Tx& tx, std::int64_t id, bool for_update = false);
std::vector<UserRow> list_users(db::Tx& tx, std::int64_t limit, std::int64_t offset,
                                std::int64_t& total);
// Active owners, locked, so two demotions cannot both pass the last-owner rule.
std::vector<std::int64_t> lock_active_owners(db::Tx& tx);

struct UserChange {
  std::optional<std::string> name, role, password_hash;
  std::optional<bool> is_active;
};
void update_user(db::Tx& tx, std::int64_t id, const UserChange& change);

}  // namespace mg::identity::store
