// /management/parts: list (q, low_stock), detail, create (with its initial stock as
// a movement), update (never the stock), deactivate.
#include "libs/http/paging.hpp"
#include "modules/workshop/store/stock_store.hpp"
#include "modules/workshop/workshop_impl.hpp"

namespace mg::workshop {
namespace {

constexpr std::int64_t kMaxQuantity = 1'000'000;

// The fields of a POST, or of a PATCH merged into the current row. quantity_in_stock is
// not among them: stock changes only through movements.
store::PartFields read_part(json::Input& in, store::PartFields f, bool create) {
  if (create || in.has("sku")) {
    auto sku = in.text("sku", {.required = true, .max_length = 60});
    if (sku) f.sku = *sku;
  }
  if (create || in.has("name")) {
    auto name = in.text("name", {.required = true, .max_length = 120});
    if (name) f.name = *name;
  }
  if (auto v = in.cents("unit_price")) f.unit_price = *v;
  if (auto v = in.cents("cost_price")) f.cost_price = *v;
  if (auto v = in.integer("min_stock", {.min = 0, .max = kMaxQuantity})) f.min_stock = *v;
  if (in.has("location")) f.location = optional_text(in, "location", 60);
  return f;
}

http::Response list_parts(Workshop::Impl& impl, http::Request& req) {
  auto page = http::read_page(req);
  store::PartFilter filter;
  filter.q = read_search(req);
  filter.low_stock = req.query_int("low_stock").value_or(0) != 0;
  filter.active = read_active_filter(req);
  std::int64_t total = 0;
  json::array out;
  for (const auto& p :
       store::list_parts(impl.db, req.who().tenant_id, filter, {page.limit, page.offset}, total))
    out.push_back(part_json(p, req.who().role));
  return http::list_response(std::move(out), total);
}

http::Response get_part(Workshop::Impl& impl, http::Request& req) {
  auto p = store::find_part(impl.db, req.who().tenant_id, req.path_id("id"));
  if (!p) throw errors::not_found("Peça não encontrada.");
  return http::json_response(part_json(*p, req.who().role));
}

http::Response create_part(Workshop::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  json::Input in(req.json());
  auto fields = read_part(in, {}, true);
  auto initial = in.integer("quantity_in_stock", {.min = 0, .max = kMaxQuantity});
  in.check();
  auto body = impl.db.transaction(who.tenant_id, [&](db::Tx& tx) {
    auto id = store::insert_part(tx, fields);
    // The initial count is the ledger's first row: stock always equals its movements.
    if (initial && *initial > 0)
      store::apply_movement(tx, store::Movement{id, store::MovementType::in, *initial,
                                                "Estoque inicial", std::nullopt, who.user_id});
    return part_json(*store::find_part(tx, id), who.role);
  });
  return http::json_response(body, 201);
}

http::Response update_part(Workshop::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  const auto id = req.path_id("id");
  json::Input in(req.json());
  auto is_active = in.boolean("is_active");
  read_part(in, {}, false);  // every problem of the body before the database
  in.check();
  auto body = impl.db.transaction(who.tenant_id, [&](db::Tx& tx) {
    auto p = store::find_part(tx, id, true);
    if (!p) throw errors::not_found("Peça não encontrada.");
    store::PartFields base{p->sku,       p->name,     p->unit_price, p->cost_price,
                           p->min_stock, p->location, p->is_active};
    auto fields = read_part(in, base, false);
    if (is_active) fields.is_active = *is_active;
    store::update_part(tx, id, fields);
    return part_json(*store::find_part(tx, id), who.role);
  });
  return http::json_response(body);
}

http::Response deactivate_part(Workshop::Impl& impl, http::Request& req) {
  const auto id = req.path_id("id");
  bool found = impl.db.transaction(req.who().tenant_id,
                                   [&](db::Tx& tx) { return store::deactivate_part(tx, id); });
  if (!found) throw errors::not_found("Peça não encontrada.");
  return http::json_response(json::object{{"message", "Peça desativada."}, {"id", id}});
}

}  // namespace

json::object part_json(const store::PartRow& p, auth::Role role) {
  const bool manage = auth::allowed(role, auth::Action::manage_parts);
  return json::object{
      {"id", p.id},
      {"sku", p.sku},
      {"name", p.name},
      {"unit_price", json::money(p.unit_price)},
      // Cost prices are the OWNER's and MANAGER's only.
      {"cost_price", auth::allowed(role, auth::Action::see_costs) ? json::money(p.cost_price)
                                                                  : json::value(nullptr)},
      {"quantity_in_stock", p.quantity_in_stock},
      {"min_stock", p.min_stock},
      {"location", json::nullable(p.location)},
      {"is_active", p.is_active},
      {"low_stock", p.quantity_in_stock <= p.min_stock},
      {"created_at", p.created_at},
      {"updated_at", p.updated_at},
      {"can", json::object{{"edit", manage}, {"move_stock", manage}, {"deactivate", manage}}}};
}

void register_part_routes(Workshop::Impl& impl, http::Router& router) {
  router.add({.method = "GET",
              .pattern = "/management/parts",
              .handler = http::bind(impl, list_parts),
              .module = "workshop",
              .action = auth::Action::read_workshop});
  router.add({.method = "GET",
              .pattern = "/management/parts/{id}",
              .handler = http::bind(impl, get_part),
              .module = "workshop",
              .action = auth::Action::read_workshop});
  router.add({.method = "POST",
              .pattern = "/management/parts",
              .handler = http::bind(impl, create_part),
              .module = "workshop",
              .action = auth::Action::manage_parts});
  router.add({.method = "PATCH",
              .pattern = "/management/parts/{id}",
              .handler = http::bind(impl, update_part),
              .module = "workshop",
              .action = auth::Action::manage_parts});
  router.add({.method = "DELETE",
              .pattern = "/management/parts/{id}",
              .handler = http::bind(impl, deactivate_part),
              .module = "workshop",
              .action = auth::Action::manage_parts});
}

}  // namespace mg::workshop
