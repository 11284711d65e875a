#include "libs/auth/permissions.hpp"

namespace mg::auth {

bool allowed(Role role, Action action) {
  const bool owner = role == Role::owner;
  const bool manager_up = owner || role == Role::manager;
  const bool front_desk_up = manager_up || role == Role::attendant;
  const bool anyone = front_desk_up || role == Role::mechanic;  // a known role, never a stray value
  switch (action) {
    case Action::manage_users:
      return owner;
    case Action::read_users:
      return manager_up;
    case Action::read_workshop:
      return anyone;
    case Action::write_customers:
      return front_desk_up;
    case Action::deactivate_customers:
      return manager_up;
    case Action::manage_parts:
      return manager_up;
    case Action::write_orders:
      return front_desk_up;
    case Action::write_order_items:
      return anyone;
    case Action::change_order_status:
      return anyone;
    case Action::cancel_reopen_orders:
      return manager_up;
    case Action::finance:
      return manager_up;
    case Action::manage_staff:
      return manager_up;
    case Action::work_tasks:
      return anyone;
    case Action::set_prices:
      return front_desk_up;
    case Action::see_costs:
      return manager_up;
  }
  return false;  // an unknown value never grants anything
}

std::string_view to_string(Action action) {
  switch (action) {
    case Action::manage_users:
      return "manage_users";
    case Action::read_users:
      return "read_users";
    case Action::read_workshop:
      return "read_workshop";
    case Action::write_customers:
      return "write_customers";
    case Action::deactivate_customers:
      return "deactivate_customers";
    case Action::manage_parts:
      return "manage_parts";
    case Action::write_orders:
      return "write_orders";
    case Action::write_order_items:
      return "write_order_items";
    case Action::change_order_status:
      return "change_order_status";
    case Action::cancel_reopen_orders:
      return "cancel_reopen_orders";
    case Action::finance:
      return "finance";
    case Action::manage_staff:
      return "manage_staff";
    case Action::work_tasks:
      return "work_tasks";
    case Action::set_prices:
      return "set_prices";
    case Action::see_costs:
      return "see_costs";
  }
  return "unknown";
}

}  // namespace mg::auth
