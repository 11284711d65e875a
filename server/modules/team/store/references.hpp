#pragma once
// The references a task or an interaction body makes to other rows: a staff
// member, a customer, a service order. Each must be a row of the caller's
// workshop (row-level security hides every other, so another workshop's id
// reads as missing): 422 naming the field, never a link across workshops.
// The foreign keys, which include tenant_id, are the backstop.
#include <optional>
#include <string>

#include "libs/core/failure.hpp"
#include "libs/db/database.hpp"
#include "modules/team/ids.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::team::store {

struct References {
  std::optional<StaffId> staff;
  std::string staff_field = "staff_id";  // the body's name for it ("assigned_to_id")
  bool check_staff = false;              // the body names the staff member: it must be active
  std::optional<workshop::CustomerId> customer;
  std::optional<workshop::OrderId> order;
};

// Invalid when a reference is missing (in this workshop), the staff member inactive, or the
// order not the customer's. An order given without a customer lends the order's customer.
Result<void> check_references(TenantId tenant, db::Tx& tx, References& refs);

}  // namespace mg::team::store
