// /management/parts/{id}/stock-movement and /movements: the stock ledger.
#include "libs/http/paging.hpp"
#include "modules/workshop/store/stock_store.hpp"
#include "modules/workshop/workshop_impl.hpp"

namespace mg::workshop {
namespace {

constexpr std::int64_t kMaxQuantity = 1'000'000;

http::Response add_movement(Workshop::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  json::Input in(req.json());
  store::Movement m;
  m.part_id = req.path_id("id");
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
  m.related_order_id = in.integer("related_order_id", {.min = 1});
  in.check();
  m.type = *type;
  m.quantity = *quantity;
  m.user_id = who.user_id;
  auto applied =
      impl.db.transaction(who.tenant_id, [&](db::Tx& tx) { return store::apply_movement(tx, m); });
  return http::json_response(json::object{{"message", "Movimentação registrada."},
                                          {"stock", applied.stock},
                                          {"movement_id", applied.movement_id}});
}

http::Response list_movements(Workshop::Impl& impl, http::Request& req) {
  auto page = http::read_page(req);
  std::int64_t total = 0;
  auto rows = store::list_movements(impl.db, req.who().tenant_id, req.path_id("id"),
                                    {page.limit, page.offset}, total);
  if (!rows) throw errors::not_found("Peça não encontrada.");
  json::array out;
  for (const auto& m : *rows)
    out.push_back(json::object{{"id", m.id},
                               {"part_id", m.part_id},
                               {"movement_type", m.movement_type},
                               {"quantity", m.quantity},
                               {"delta", m.delta},
                               {"stock_after", m.stock_after},
                               {"reason", json::nullable(m.reason)},
                               {"related_order_id", json::nullable(m.related_order_id)},
                               {"user_id", json::nullable(m.user_id)},
                               {"created_at", m.created_at}});
  return http::list_response(std::move(out), total);
}

}  // namespace

void register_stock_routes(Workshop::Impl& impl, http::Router& router) {
  router.add({.method = "POST",
              .pattern = "/management/parts/{id}/stock-movement",
              .handler = http::bind(impl, add_movement),
              .module = "workshop",
              .action = auth::Action::manage_parts});
  router.add({.method = "GET",
              .pattern = "/management/parts/{id}/movements",
              .handler = http::bind(impl, list_movements),
              .module = "workshop",
              .action = auth::Action::read_workshop});
}

}  // namespace mg::workshop
