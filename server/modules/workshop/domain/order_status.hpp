#pragma once
// The service-order state machine of API.md §3.
#include <optional>
#include <string_view>
#include <vector>

#include "libs/auth/roles.hpp"
#include "libs/core/failure.hpp"

namespace mg::workshop {

enum class OrderStatus { open, in_progress, waiting_parts, completed, cancelled };

inline constexpr OrderStatus kAllOrderStatuses[] = {OrderStatus::open, OrderStatus::in_progress,
                                                    OrderStatus::waiting_parts,
                                                    OrderStatus::completed, OrderStatus::cancelled};

// "OPEN", "IN_PROGRESS", "WAITING_PARTS", "COMPLETED", "CANCELLED" (exact, upper-case).
std::optional<OrderStatus> parse_order_status(std::string_view text);
std::string_view to_string(OrderStatus status);
std::string_view label_pt(OrderStatus status);  // "Aberta", ..., "Cancelada"

bool transition_exists(OrderStatus from, OrderStatus to);
// Cancel (-> CANCELLED) and reopen (COMPLETED -> IN_PROGRESS) are the moves that need
// auth::Action::cancel_reopen_orders; every other move needs change_order_status.
bool is_cancel_or_reopen(OrderStatus from, OrderStatus to);

// A rule failure invalid_transition when the move does not exist (also from == to),
// forbidden when the role may not make it.
Result<void> check_transition(mg::auth::Role role, OrderStatus from, OrderStatus to);

bool items_locked(OrderStatus status);  // completed or cancelled: items cannot change

// The statuses `role` may move an order in `from` to now (API.md §1 "Allowed actions").
std::vector<OrderStatus> allowed_transitions(mg::auth::Role role, OrderStatus from);

// What `role` may do with an order in `status` besides moving it.
struct OrderCapabilities {
  bool edit = false;         // description, scheduled date, km
  bool edit_items = false;   // add, change quantities, remove
  bool edit_prices = false;  // unit prices of items
  bool discount = false;
  bool cancel = false;
  bool reopen = false;
  bool assign_mechanic = false;    // the order's mechanic: also on a completed order
  bool assign_item_staff = false;  // name anyone of the staff as a labor line's doer
};
OrderCapabilities order_capabilities(mg::auth::Role role, OrderStatus status);

}  // namespace mg::workshop
