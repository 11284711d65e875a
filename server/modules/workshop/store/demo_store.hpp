#pragma once
// SQL only the demo data needs: spreading its orders and movements over the
// past weeks, as a workshop that has been running would have them.
#include "libs/db/database.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::workshop::store {

// Moves an order `days` into the past; its history rows follow a few hours apart,
// closed_at is the last of them, and its stock movements an hour after creation.
void backdate_order(TenantId tenant, db::Tx& tx, OrderId id, int days);
// Stock movements that belong to no order (initial stock) go `days` into the past.
void backdate_unrelated_movements(TenantId tenant, db::Tx& tx, int days);

}  // namespace mg::workshop::store
