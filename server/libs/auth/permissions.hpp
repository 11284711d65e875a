#pragma once
// The role x action table of API.md §2, in this one place. Routes declare an Action; the
// order state machine asks here too.
#include <string_view>

#include "libs/auth/roles.hpp"

namespace mg::auth {

enum class Action {
  manage_users,          // users, plan, integrations, tenant theme changes: OWNER
  read_users,            // GET /users: OWNER, MANAGER
  read_workshop,         // read customers/motos/parts/orders: all four
  write_customers,       // create/update customers and motorcycles: OWNER, MANAGER, ATTENDANT
  deactivate_customers,  // deactivate customers/motorcycles: OWNER, MANAGER
  manage_parts,          // parts create/update/deactivate, stock movements: OWNER, MANAGER
  write_orders,          // create/edit service orders: OWNER, MANAGER, ATTENDANT
  write_order_items,     // items: OWNER, MANAGER, ATTENDANT, MECHANIC
  change_order_status,   // status moves (the state machine says which): all four
  cancel_reopen_orders,  // cancel, reopen: OWNER, MANAGER
  finance,               // finance read and write: OWNER, MANAGER
  manage_staff,          // staff; task title/assignment: OWNER, MANAGER
  work_tasks,            // tasks create/change status; interactions: all four
  set_prices,            // unit prices and discounts of an order: OWNER, MANAGER, ATTENDANT
  see_costs,             // cost prices: OWNER, MANAGER
};

inline constexpr Action kAllActions[] = {
    Action::manage_users,
    Action::read_users,
    Action::read_workshop,
    Action::write_customers,
    Action::deactivate_customers,
    Action::manage_parts,
    Action::write_orders,
    Action::write_order_items,
    Action::change_order_status,
    Action::cancel_reopen_orders,
    Action::finance,
    Action::manage_staff,
    Action::work_tasks,
    Action::set_prices,
    Action::see_costs,
};

bool allowed(Role role, Action action);
std::string_view to_string(Action action);  // the enumerator's name, for logs

}  // namespace mg::auth
