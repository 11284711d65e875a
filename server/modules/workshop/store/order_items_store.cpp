// Items of a service order: the stock a part item takes follows its quantity,
// and the order's totals are recomputed from the items after every change.
#include "libs/core/api_error.hpp"
#include "modules/workshop/store/orders_store.hpp"
#include "modules/workshop/store/parts_store.hpp"
#include "modules/workshop/store/stock_store.hpp"

namespace mg::workshop::store {
namespace {

constexpr std::string_view kItem =
    "select id, item_type, part_id, description, quantity, unit_price, total "
    "from service_order_items where id = $1 and order_id = $2";

ItemRow item_from(const db::Row& r) {
  return ItemRow{r.i64("id"),       r.str("item_type"),  r.opt_i64("part_id"), r.str("description"),
                 r.i64("quantity"), r.i64("unit_price"), r.i64("total")};
}

// The order, locked, and still open to changes of its items.
LockedOrder lock_editable(db::Tx& tx, std::int64_t order_id) {
  auto order = lock_order(tx, order_id);
  if (!order) throw errors::not_found("OS não encontrada.");
  if (items_locked(order->status))
    throw errors::conflict("Itens de OS concluída ou cancelada não podem ser alterados.",
                           {{"status", std::string(to_string(order->status))}});
  return *order;
}

ItemRow find_item(db::Tx& tx, std::int64_t order_id, std::int64_t item_id) {
  auto r = tx.exec(kItem, item_id, order_id);
  if (r.empty()) throw errors::not_found("Item não encontrado.");
  return item_from(r[0]);
}

// Moves `quantity` of a part for an order: positive goes out of stock, negative comes back.
void move_for_order(db::Tx& tx, const LockedOrder& order, std::int64_t part_id,
                    std::int64_t quantity, std::int64_t user_id, std::string reason) {
  if (quantity == 0) return;
  apply_movement(
      tx, Movement{part_id, quantity > 0 ? MovementType::out : MovementType::in,
                   quantity > 0 ? quantity : -quantity, std::move(reason), order.id, user_id});
}

std::string order_reason(const LockedOrder& order, std::string_view suffix = {}) {
  return "OS #" + std::to_string(order.number) + std::string(suffix);
}

}  // namespace

ItemResult add_item(db::Tx& tx, std::int64_t order_id, const NewItem& item, std::int64_t user_id) {
  const auto order = lock_editable(tx, order_id);
  std::optional<std::int64_t> part_id;
  std::string description = item.description.value_or("");
  std::int64_t unit_price = 0;
  if (item.item_type == "part") {
    if (!item.part_id) throw errors::validation("Informe a peça.", {{"part_id", "obrigatório"}});
    // Parts of other tenants are invisible here: the same answer as a missing one.
    auto part = find_part(tx, *item.part_id);
    if (!part)
      throw errors::validation("Peça não encontrada.", {{"part_id", "peça não encontrada"}});
    if (!part->is_active) throw errors::validation("Peça inativa.", {{"part_id", "peça inativa"}});
    part_id = part->id;
    if (description.empty()) description = part->name;
    unit_price = item.unit_price.value_or(part->unit_price);
  } else {
    ErrorDetails problems;
    if (description.empty()) problems.emplace_back("description", "obrigatório");
    if (!item.unit_price) problems.emplace_back("unit_price", "obrigatório");
    if (!problems.empty())
      throw errors::validation("Descreva o serviço e informe o valor.", std::move(problems));
    unit_price = *item.unit_price;
  }
  const auto total = item_total(item.quantity, unit_price);
  if (part_id) move_for_order(tx, order, *part_id, item.quantity, user_id, order_reason(order));
  // The item and the totals it changes go in one round trip.
  auto r = tx.exec_batch(
      {db::q("insert into service_order_items (tenant_id, order_id, item_type, part_id, "
             "description, quantity, unit_price, total) "
             "values (current_tenant(), $1, $2, $3, $4, $5, $6, $7) "
             "returning id, item_type, part_id, description, quantity, unit_price, total",
             order_id, item.item_type, part_id, description, item.quantity, unit_price, total),
       recompute_totals_query(order_id)});
  return {item_from(r[0][0]), totals_from(r[1])};
}

ItemResult update_item(db::Tx& tx, std::int64_t order_id, std::int64_t item_id, const ItemChange& c,
                       std::int64_t user_id) {
  const auto order = lock_editable(tx, order_id);
  const auto item = find_item(tx, order_id, item_id);
  const auto quantity = c.quantity.value_or(item.quantity);
  const auto unit_price = c.unit_price.value_or(item.unit_price);
  const auto total = item_total(quantity, unit_price);
  if (item.part_id)
    move_for_order(tx, order, *item.part_id, quantity - item.quantity, user_id,
                   order_reason(order, " (item alterado)"));
  auto r = tx.exec_batch(
      {db::q("update service_order_items set description = coalesce($3, description), "
             "quantity = $4, unit_price = $5, total = $6 where id = $1 and order_id = $2 "
             "returning id, item_type, part_id, description, quantity, unit_price, total",
             item_id, order_id, c.description, quantity, unit_price, total),
       recompute_totals_query(order_id)});
  return {item_from(r[0][0]), totals_from(r[1])};
}

OrderTotals delete_item(db::Tx& tx, std::int64_t order_id, std::int64_t item_id,
                        std::int64_t user_id) {
  const auto order = lock_editable(tx, order_id);
  const auto item = find_item(tx, order_id, item_id);
  if (item.part_id)
    move_for_order(tx, order, *item.part_id, -item.quantity, user_id,
                   order_reason(order, " (item removido)"));
  auto r = tx.exec_batch(
      {db::q("delete from service_order_items where id = $1 and order_id = $2", item_id, order_id),
       recompute_totals_query(order_id)});
  return totals_from(r[1]);
}

}  // namespace mg::workshop::store
