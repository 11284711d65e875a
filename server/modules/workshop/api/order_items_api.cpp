// /management/os/{id}/items: add, change, remove; stock and totals follow.
#include "modules/workshop/api/labels.hpp"
#include "modules/workshop/workshop_impl.hpp"

namespace mg::workshop {
namespace {

using auth::Action;

constexpr Centi kMaxQuantity = Centi{100'000} * 100;

// A part's quantity is a whole number; a labor line's may have two decimals
// (hours: 1.5). Read as hundredths.
std::optional<Centi> read_quantity(json::Input& in, bool whole) {
  auto q = in.cents("quantity");
  if (!q) return std::nullopt;
  if (*q <= 0) {
    in.fail("quantity", "deve ser maior que zero");
    return std::nullopt;
  }
  if (*q > kMaxQuantity) {
    in.fail("quantity", "deve ser no máximo 100000");
    return std::nullopt;
  }
  if (whole && *q % 100 != 0) {
    in.fail("quantity", "deve ser um número inteiro para peças");
    return std::nullopt;
  }
  return q;
}

// Who did a labor line. A MECHANIC names only himself, and his labor lines are his unless he
// says otherwise; the front desk and the managers name anyone of the staff.
Result<void> check_doer(const api::Context& ctx, db::Tx& tx, std::optional<StaffId>& staff,
                        bool given, bool labor) {
  if (ctx.may(Action::write_orders)) return {};
  const auto own = store::staff_of_user(ctx.tenant(), tx, ctx.user());
  if (!given) {
    if (labor) staff = own;
    return {};
  }
  if (!own || staff != own) return fail::forbidden("Um mecânico só registra o próprio serviço.");
  return {};
}

json::object item_result_json(const store::ItemResult& r) {
  auto body = json::to_object(r.item);
  body["order_totals"] = order_totals_json(r.totals);
  return body;
}

http::Response add_item(api::Context& ctx) {
  const auto order_id = ctx.path<OrderId>();
  auto in = ctx.input(kFieldLabels);
  store::NewItem item;
  auto type = in.text("item_type", {.required = true, .max_length = 10});
  if (type) {
    if (*type == "part" || *type == "PART") {
      item.item_type = "part";
    } else if (*type == "labor" || *type == "LABOR") {
      item.item_type = "labor";
    } else {
      in.fail("item_type", "use part ou labor");
    }
  }
  const bool labor = item.item_type == "labor";
  if (auto part = in.integer("part_id", {.min = 1}); part && !labor) item.part_id = PartId{*part};
  if (item.item_type == "part" && !item.part_id && !in.has("part_id"))
    in.fail("part_id", "obrigatório");
  item.description = optional_text(in, "description", 255);
  item.quantity = read_quantity(in, !labor).value_or(100);
  item.unit_price = in.cents("unit_price");
  const bool staff_given = in.has("staff_id") && !in.is_null("staff_id");
  if (auto staff = in.integer("staff_id", {.min = 1})) item.staff_id = StaffId{*staff};
  // A MECHANIC adds parts at their price and labor without a price (API.md §3).
  const bool prices = ctx.may(Action::set_prices);
  if (labor) {
    if (!item.description) in.fail("description", "obrigatório");
    if (!item.unit_price && prices) in.fail("unit_price", "obrigatório");
  }
  in.check();
  if (item.unit_price && !prices)
    throw errors::forbidden("Somente o atendimento ou a gerência define preços.");
  if (labor && !item.unit_price) item.unit_price = 0;
  auto result = ctx.transaction([&](db::Tx& tx) -> Result<store::ItemResult> {
                     if (auto ok = check_doer(ctx, tx, item.staff_id, staff_given, labor); !ok)
                       return ok.error();
                     return store::add_item(ctx.tenant(), tx, order_id, item, ctx.user());
                   })
                    .value();
  return api::created(item_result_json(result));
}

http::Response update_item(api::Context& ctx) {
  const auto order_id = ctx.path<OrderId>();
  const auto item_id = ctx.path<ItemId>("item_id");
  auto in = ctx.input(kFieldLabels);
  store::ItemChange c;
  if (in.has("description"))
    c.description = in.text("description", {.required = true, .max_length = 255});
  // Whole or not, the store checks against the item's type.
  c.quantity = read_quantity(in, false);
  c.unit_price = in.cents("unit_price");
  c.set_staff = in.has("staff_id");
  if (auto staff = in.integer("staff_id", {.min = 1})) c.staff_id = StaffId{*staff};
  in.check();
  if (c.unit_price)
    ctx.require(Action::set_prices, "Somente o atendimento ou a gerência define preços.");
  auto result = ctx.transaction([&](db::Tx& tx) -> Result<store::ItemResult> {
                     if (c.set_staff)
                       if (auto ok = check_doer(ctx, tx, c.staff_id, true, true); !ok)
                         return ok.error();
                     return store::update_item(ctx.tenant(), tx, order_id, item_id, c, ctx.user());
                   })
                    .value();
  return api::ok(item_result_json(result));
}

http::Response delete_item(api::Context& ctx) {
  const auto order_id = ctx.path<OrderId>();
  const auto item_id = ctx.path<ItemId>("item_id");
  auto totals = ctx.transaction([&](db::Tx& tx) {
                     return store::delete_item(ctx.tenant(), tx, order_id, item_id, ctx.user());
                   })
                    .value();
  return api::ok(json::object{{"message", "Item removido."},
                              {"id", item_id.value},
                              {"order_totals", order_totals_json(totals)}});
}

}  // namespace

json::object order_totals_json(const OrderTotals& t) {
  return json::object{{"total_parts", json::money(t.total_parts)},
                      {"total_labor", json::money(t.total_labor)},
                      {"discount", json::money(t.discount)},
                      {"total_amount", json::money(t.total_amount)}};
}

void register_order_item_routes(api::Routes& routes) {
  api::Resource(routes, "workshop", "/management/os/{id}/items")
      .create("", add_item, Action::write_order_items)
      .patch("/{item_id}", update_item, Action::write_order_items)
      .del("/{item_id}", delete_item, Action::write_order_items);
}

}  // namespace mg::workshop
