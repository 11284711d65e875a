// Items of a service order: the stock a part item takes follows its quantity,
// and the order's totals are recomputed from the items after every change.
#include "modules/workshop/store/orders_store.hpp"
#include "modules/workshop/store/parts_store.hpp"
#include "modules/workshop/store/stock_store.hpp"

namespace mg::workshop::store {
namespace {

// An item as read, with the name of who did it (from the team's staff: a read across modules).
const std::string kRead =
    "select i.id, i.item_type, i.part_id, i.description, i.quantity, i.unit_price, i.total, "
    "i.staff_id, s.name as staff_name from i "
    "left join staff s on s.tenant_id = i.tenant_id and s.id = i.staff_id";
const db::Statement kItem("order_items.find",
                          "with i as (select * from service_order_items "
                          "where id = $1 and order_id = $2) " +
                              kRead);
const db::Statement kInsert(
    "order_items.insert",
    "with i as (insert into service_order_items (tenant_id, order_id, item_type, part_id, "
    "description, quantity, unit_price, total, staff_id) "
    "values ($1, $2, $3, $4, $5, $6::numeric / 100, $7, $8, $9) returning *) " +
        kRead);
const db::Statement kUpdate(
    "order_items.update",
    "with i as (update service_order_items set description = coalesce($3, description), "
    "quantity = $4::numeric / 100, unit_price = $5, total = $6, "
    "staff_id = case when $7 then $8::bigint else staff_id end "
    "where id = $1 and order_id = $2 returning *) " +
        kRead);
const db::Statement kDelete("order_items.delete",
                            "delete from service_order_items where id = $1 and order_id = $2");

// The order, locked, and still open to changes of its items.
Result<LockedOrder> lock_editable(TenantId tenant, db::Tx& tx, OrderId order_id) {
  auto order = lock_order(tenant, tx, order_id);
  if (!order) return fail::not_found("OS não encontrada.");
  if (items_locked(order->status))
    return fail::conflict("Itens de OS concluída ou cancelada não podem ser alterados.",
                          {{"status", std::string(to_string(order->status))}});
  return *order;
}

// Moves `units` of a part for an order: positive goes out of stock, negative comes back.
Result<void> move_for_order(TenantId tenant, db::Tx& tx, const LockedOrder& order, PartId part,
                            std::int64_t units, std::optional<UserId> user, std::string reason) {
  if (units == 0) return {};
  auto moved =
      apply_movement(tenant, tx,
                     Movement{part, units > 0 ? MovementType::out : MovementType::in,
                              units > 0 ? units : -units, std::move(reason), order.id, user});
  if (!moved) return moved.error();
  return {};
}

std::string order_reason(const LockedOrder& order, std::string_view suffix = {}) {
  return "OS #" + std::to_string(order.number) + std::string(suffix);
}

// A part's stock moves in whole units.
std::int64_t units(Centi quantity) {
  return quantity / 100;
}

Result<ItemResult> item_result(const std::vector<db::Result>& r) {
  const auto totals = totals_from(r[1]);
  if (auto ok = check_totals(totals, TotalsChange::items, "quantity"); !ok) return ok.error();
  return ItemResult{*r[0].first<ItemRow>(), totals};
}

}  // namespace

Result<ItemResult> add_item(TenantId tenant, db::Tx& tx, OrderId order_id, const NewItem& item,
                            UserId user) {
  auto order = lock_editable(tenant, tx, order_id);
  if (!order) return order.error();
  std::optional<PartId> part_id;
  std::string description = item.description.value_or("");
  money::Cents unit_price = 0, catalog_price = 0;
  bool custom_price = false;
  if (item.item_type == "part") {
    if (!item.part_id) return fail::invalid("Informe a peça.", {{"part_id", "obrigatório"}});
    // Parts of other tenants are invisible here: the same answer as a missing one.
    auto part = find_part(tenant, tx, *item.part_id);
    if (!part) return fail::invalid("Peça não encontrada.", {{"part_id", "peça não encontrada"}});
    if (!part->is_active) return fail::invalid("Peça inativa.", {{"part_id", "peça inativa"}});
    part_id = part->id;
    if (description.empty()) description = part->name;
    unit_price = item.unit_price.value_or(part->unit_price.cents);
    custom_price = unit_price != part->unit_price.cents;
    catalog_price = part->unit_price.cents;
  } else {
    ErrorDetails problems;
    if (description.empty()) problems.emplace_back("description", "obrigatório");
    if (!item.unit_price) problems.emplace_back("unit_price", "obrigatório");
    if (!problems.empty())
      return fail::invalid("Descreva o serviço e informe o valor.", std::move(problems));
    unit_price = *item.unit_price;
  }
  if (item.staff_id) {
    if (part_id)
      return fail::invalid("Só um serviço (mão de obra) diz quem o fez.",
                           {{"staff_id", "somente para mão de obra"}});
    if (auto ok = check_staff(tenant, tx, *item.staff_id, "staff_id"); !ok) return ok.error();
  }
  auto total = item_total(item.quantity, unit_price);
  if (!total) return total.error();
  if (part_id)
    if (auto moved = move_for_order(tenant, tx, *order, *part_id, units(item.quantity), user,
                                    order_reason(*order));
        !moved)
      return moved.error();
  // The item and the totals it changes go in one round trip.
  auto added = item_result(
      tx.exec_batch({db::q(kInsert, tenant, order_id, item.item_type, part_id, description,
                           item.quantity, unit_price, *total, item.staff_id),
                     recompute_totals_query(order_id)}));
  // A part sold at another price than the catalog's is a price decision on record.
  if (added && custom_price)
    record_change(tenant, tx, order_id,
                  {"item_price", added->item.id, description, catalog_price, unit_price}, user);
  return added;
}

Result<ItemResult> update_item(TenantId tenant, db::Tx& tx, OrderId order_id, ItemId item_id,
                               const ItemChange& c, UserId user) {
  auto order = lock_editable(tenant, tx, order_id);
  if (!order) return order.error();
  auto item = tx.exec(kItem, item_id, order_id).first<ItemRow>();
  if (!item) return fail::not_found("Item não encontrado.");
  const auto quantity = c.quantity.value_or(item->quantity.centi);
  if (item->part_id && quantity % 100 != 0)
    return fail::invalid("A quantidade de uma peça é um número inteiro.",
                         {{"quantity", "deve ser um número inteiro para peças"}});
  const auto unit_price = c.unit_price.value_or(item->unit_price.cents);
  if (c.set_staff && c.staff_id) {
    if (item->part_id)
      return fail::invalid("Só um serviço (mão de obra) diz quem o fez.",
                           {{"staff_id", "somente para mão de obra"}});
    if (auto ok = check_staff(tenant, tx, *c.staff_id, "staff_id"); !ok) return ok.error();
  }
  auto total = item_total(quantity, unit_price);
  if (!total) return total.error();
  if (item->part_id)
    if (auto moved = move_for_order(tenant, tx, *order, *item->part_id,
                                    units(quantity) - units(item->quantity.centi), user,
                                    order_reason(*order, " (item alterado)"));
        !moved)
      return moved.error();
  if (unit_price != item->unit_price.cents)
    record_change(tenant, tx, order_id,
                  {"item_price", item_id, c.description.value_or(item->description),
                   item->unit_price.cents, unit_price},
                  user);
  return item_result(tx.exec_batch({db::q(kUpdate, item_id, order_id, c.description, quantity,
                                          unit_price, *total, c.set_staff, c.staff_id),
                                    recompute_totals_query(order_id)}));
}

Result<OrderTotals> delete_item(TenantId tenant, db::Tx& tx, OrderId order_id, ItemId item_id,
                                std::optional<UserId> user, std::string_view why) {
  auto order = lock_editable(tenant, tx, order_id);
  if (!order) return order.error();
  auto item = tx.exec(kItem, item_id, order_id).first<ItemRow>();
  if (!item) return fail::not_found("Item não encontrado.");
  if (item->part_id)
    if (auto moved = move_for_order(tenant, tx, *order, *item->part_id,
                                    -units(item->quantity.centi), user, order_reason(*order, why));
        !moved)
      return moved.error();
  auto r = tx.exec_batch({db::q(kDelete, item_id, order_id), recompute_totals_query(order_id)});
  return totals_from(r[1]);
}

}  // namespace mg::workshop::store
