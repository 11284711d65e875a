#pragma once
// SQL for the workshop's staff.
#include <optional>
#include <string>

#include <boost/describe/class.hpp>

#include "libs/core/failure.hpp"
#include "libs/db/database.hpp"
#include "modules/team/domain/commissions.hpp"
#include "modules/team/ids.hpp"

namespace mg::team::store {

struct StaffRow {
  StaffId id;
  std::string name;
  std::optional<std::string> role, phone, email;
  std::optional<UserId> user_id;  // the login, with its name and e-mail (identity's users)
  std::optional<std::string> user_name, user_email;
  bool is_active = true;
  Percent labor_commission_percent, parts_commission_percent;
  std::string created_at, updated_at;
};
BOOST_DESCRIBE_STRUCT(StaffRow, (),
                      (id, name, role, phone, email, user_id, user_name, user_email, is_active,
                       labor_commission_percent, parts_commission_percent, created_at, updated_at))

// Everything a POST or PATCH sets (a PATCH merges the body into the current row).
struct StaffFields {
  std::string name;
  std::optional<std::string> role, phone, email;
  std::optional<UserId> user_id;
  bool is_active = true;
  Percent labor_commission, parts_commission;
};

struct StaffFilter {
  std::optional<bool> active;  // nullopt: everyone
};

// Active first, then by name.
db::Page<StaffRow> list_staff(TenantId tenant, db::Database& db, const StaffFilter& f,
                              db::Paging page);
std::optional<StaffRow> find_staff(TenantId tenant, db::Database& db, StaffId id);
std::optional<StaffRow> find_staff(TenantId tenant, db::Tx& tx, StaffId id,
                                   bool for_update = false);
// The staff record linked to a login, if any.
std::optional<StaffRow> find_staff_of_user(TenantId tenant, db::Database& db, UserId user);
std::optional<StaffId> staff_id_of_user(TenantId tenant, db::Tx& tx, UserId user);

// Invalid on user_id when it is not a user of the tenant; conflict on user_id when another
// staff member is linked to that login.
Result<StaffId> insert_staff(TenantId tenant, db::Tx& tx, const StaffFields& f);
Result<void> update_staff(TenantId tenant, db::Tx& tx, StaffId id, const StaffFields& f);

}  // namespace mg::team::store
