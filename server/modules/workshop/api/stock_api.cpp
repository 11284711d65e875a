// /management/parts/{id}/stock-movement and /movements: the stock ledger.
#include "modules/workshop/api/labels.hpp"
#include "modules/workshop/store/stock_store.hpp"
#include "modules/workshop/workshop_impl.hpp"

namespace mg::workshop {
namespace {

constexpr std::int64_t kMaxQuantity = 1'000'000;

http::Response add_movement(api::Context& ctx) {
  auto in = ctx.input(kFieldLabels);
  store::Movement m;
  m.part_id = ctx.path<PartId>();
  auto type_text = in.text("movement_type", {.required = true, .max_length = 10});
  std::optional<store::MovementType> type;
  if (type_text) {
    type = store::parse_movement_type(*type_text);
    if (!type) in.fail("movement_type", "use in, out ou adjust");
  }
  // in/out move a positive amount; adjust gives the new count, which may be zero.
  const bool adjust = type == store::MovementType::adjust;
  auto quantity =
      in.integer("quantity", {.required = true, .min = adjust ? 0 : 1, .max = kMaxQuantity});
  m.reason = optional_text(in, "reason", 255);
  if (auto order = in.integer("related_order_id", {.min = 1})) m.related_order_id = OrderId{*order};
  in.check();
  m.type = *type;
  m.quantity = *quantity;
  m.user_id = ctx.user();
  auto applied =
      ctx.transaction([&](db::Tx& tx) { return store::apply_movement(ctx.tenant(), tx, m); })
          .value();
  return api::ok(json::object{{"message", "Movimentação registrada."},
                              {"stock", applied.stock},
                              {"movement_id", applied.movement_id.value}});
}

http::Response list_movements(api::Context& ctx) {
  auto page = store::list_movements(ctx.tenant(), ctx.db(), ctx.path<PartId>(), ctx.page());
  if (!page) throw errors::not_found("Peça não encontrada.");
  return api::list(*page, [](const auto& m) { return json::to_object(m); });
}

}  // namespace

void register_stock_routes(api::Routes& routes) {
  api::Resource(routes, "workshop", "/management/parts/{id}")
      .create("/stock-movement", add_movement, auth::Action::manage_parts)
      .get("/movements", list_movements, auth::Action::read_workshop);
}

}  // namespace mg::workshop
