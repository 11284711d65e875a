// /management/os/{id}/items: add, change, remove; stock and totals follow.
#include "modules/workshop/workshop_impl.hpp"

namespace mg::workshop {
namespace {

constexpr std::int64_t kMaxQuantity = 100'000;

json::object item_result_json(const store::ItemResult& r) {
  auto body = item_json(r.item);
  body["order_totals"] = order_totals_json(r.totals);
  return body;
}

http::Response add_item(Workshop::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  const auto order_id = req.path_id("id");
  json::Input in(req.json());
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
  item.part_id = in.integer("part_id", {.min = 1});
  if (item.item_type == "part" && !item.part_id) in.fail("part_id", "obrigatório");
  if (item.item_type == "labor") item.part_id.reset();  // labor has no part
  item.description = optional_text(in, "description", 255);
  item.quantity = in.integer("quantity", {.min = 1, .max = kMaxQuantity}).value_or(1);
  item.unit_price = in.cents("unit_price");
  if (item.item_type == "labor") {
    if (!item.description) in.fail("description", "obrigatório");
    if (!item.unit_price) in.fail("unit_price", "obrigatório");
  }
  in.check();
  auto result = impl.db.transaction(
      who.tenant_id, [&](db::Tx& tx) { return store::add_item(tx, order_id, item, who.user_id); });
  return http::json_response(item_result_json(result), 201);
}

http::Response update_item(Workshop::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  const auto order_id = req.path_id("id");
  const auto item_id = req.path_id("item_id");
  json::Input in(req.json());
  store::ItemChange c;
  if (in.has("description")) {
    c.description = in.text("description", {.required = true, .max_length = 255});
  }
  c.quantity = in.integer("quantity", {.min = 1, .max = kMaxQuantity});
  c.unit_price = in.cents("unit_price");
  in.check();
  auto result = impl.db.transaction(who.tenant_id, [&](db::Tx& tx) {
    return store::update_item(tx, order_id, item_id, c, who.user_id);
  });
  return http::json_response(item_result_json(result));
}

http::Response delete_item(Workshop::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  const auto order_id = req.path_id("id");
  const auto item_id = req.path_id("item_id");
  auto totals = impl.db.transaction(who.tenant_id, [&](db::Tx& tx) {
    return store::delete_item(tx, order_id, item_id, who.user_id);
  });
  return http::json_response(json::object{
      {"message", "Item removido."}, {"id", item_id}, {"order_totals", order_totals_json(totals)}});
}

}  // namespace

json::object item_json(const store::ItemRow& i) {
  return json::object{{"id", i.id},
                      {"item_type", i.item_type},
                      {"part_id", json::nullable(i.part_id)},
                      {"description", i.description},
                      {"quantity", i.quantity},
                      {"unit_price", json::money(i.unit_price)},
                      {"total", json::money(i.total)}};
}

json::object order_totals_json(const OrderTotals& t) {
  return json::object{{"total_parts", json::money(t.total_parts)},
                      {"total_labor", json::money(t.total_labor)},
                      {"discount", json::money(t.discount)},
                      {"total_amount", json::money(t.total_amount)}};
}

void register_order_item_routes(Workshop::Impl& impl, http::Router& router) {
  router.add({.method = "POST",
              .pattern = "/management/os/{id}/items",
              .handler = http::bind(impl, add_item),
              .module = "workshop",
              .action = auth::Action::write_order_items});
  router.add({.method = "PATCH",
              .pattern = "/management/os/{id}/items/{item_id}",
              .handler = http::bind(impl, update_item),
              .module = "workshop",
              .action = auth::Action::write_order_items});
  router.add({.method = "DELETE",
              .pattern = "/management/os/{id}/items/{item_id}",
              .handler = http::bind(impl, delete_item),
              .module = "workshop",
              .action = auth::Action::write_order_items});
}

}  // namespace mg::workshop
