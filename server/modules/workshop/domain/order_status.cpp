#include "modules/workshop/domain/order_status.hpp"

#include <string>

#include "libs/auth/permissions.hpp"

namespace mg::workshop {

std::optional<OrderStatus> parse_order_status(std::string_view text) {
  for (OrderStatus s : kAllOrderStatuses) {
    if (to_string(s) == text) return s;
  }
  return std::nullopt;
}

std::string_view to_string(OrderStatus status) {
  switch (status) {
    case OrderStatus::open:
      return "OPEN";
    case OrderStatus::in_progress:
      return "IN_PROGRESS";
    case OrderStatus::waiting_parts:
      return "WAITING_PARTS";
    case OrderStatus::completed:
      return "COMPLETED";
    case OrderStatus::cancelled:
      return "CANCELLED";
  }
  return "UNKNOWN";
}

std::string_view label_pt(OrderStatus status) {
  switch (status) {
    case OrderStatus::open:
      return "Aberta";
    case OrderStatus::in_progress:
      return "Em andamento";
    case OrderStatus::waiting_parts:
      return "Aguardando peças";
    case OrderStatus::completed:
      return "Concluída";
    case OrderStatus::cancelled:
      return "Cancelada";
  }
  return "Desconhecido";
}

bool transition_exists(OrderStatus from, OrderStatus to) {
  using S = OrderStatus;
  if (from == to) return false;
  switch (from) {
    case S::open:
      return to != S::open;
    case S::in_progress:
      return to == S::waiting_parts || to == S::completed || to == S::cancelled;
    case S::waiting_parts:
      return to == S::in_progress || to == S::completed || to == S::cancelled;
    case S::completed:
      return to == S::in_progress;  // reopen
    case S::cancelled:
      return false;  // final
  }
  return false;
}

bool is_cancel_or_reopen(OrderStatus from, OrderStatus to) {
  return to == OrderStatus::cancelled ||
         (from == OrderStatus::completed && to == OrderStatus::in_progress);
}

Result<void> check_transition(mg::auth::Role role, OrderStatus from, OrderStatus to) {
  if (!transition_exists(from, to)) {
    std::string message = "Não é possível mudar de ";
    message.append(label_pt(from)).append(" para ").append(label_pt(to)).append(".");
    return fail::rule("invalid_transition", std::move(message), {{"status", "transição inválida"}});
  }
  // MECHANIC's "only to IN_PROGRESS, WAITING_PARTS, COMPLETED" follows from the table: those are
  // the only targets besides CANCELLED, which needs cancel_reopen_orders.
  if (is_cancel_or_reopen(from, to)) {
    if (!mg::auth::allowed(role, mg::auth::Action::cancel_reopen_orders))
      return fail::forbidden(to == OrderStatus::cancelled
                                 ? "Somente o proprietário ou o gerente pode cancelar a OS."
                                 : "Somente o proprietário ou o gerente pode reabrir a OS.");
    return {};
  }
  if (!mg::auth::allowed(role, mg::auth::Action::change_order_status))
    return fail::forbidden("Você não tem permissão para mudar o status da OS.");
  return {};
}

bool items_locked(OrderStatus status) {
  return status == OrderStatus::completed || status == OrderStatus::cancelled;
}

std::vector<OrderStatus> allowed_transitions(mg::auth::Role role, OrderStatus from) {
  std::vector<OrderStatus> out;
  for (OrderStatus to : kAllOrderStatuses) {
    if (!transition_exists(from, to)) continue;
    const auto action = is_cancel_or_reopen(from, to) ? mg::auth::Action::cancel_reopen_orders
                                                      : mg::auth::Action::change_order_status;
    if (mg::auth::allowed(role, action)) out.push_back(to);
  }
  return out;
}

OrderCapabilities order_capabilities(mg::auth::Role role, OrderStatus status) {
  using mg::auth::Action;
  using mg::auth::allowed;
  const bool open = !items_locked(status);
  const bool prices = open && allowed(role, Action::set_prices);
  const bool manager = allowed(role, Action::cancel_reopen_orders);
  return {
      .edit = open && allowed(role, Action::write_orders),
      .edit_items = open && allowed(role, Action::write_order_items),
      .edit_prices = prices,
      .discount = prices,
      .cancel = manager && transition_exists(status, OrderStatus::cancelled),
      .reopen = manager && status == OrderStatus::completed,
      .assign_mechanic = status != OrderStatus::cancelled && allowed(role, Action::write_orders),
      .assign_item_staff =
          open && allowed(role, Action::write_order_items) && allowed(role, Action::write_orders)};
}

}  // namespace mg::workshop
