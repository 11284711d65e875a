// /management/parts: list (q, low_stock), detail, create (with its initial stock as
// a movement), update (never the stock), deactivate.
#include "modules/workshop/api/labels.hpp"
#include "modules/workshop/store/stock_store.hpp"
#include "modules/workshop/workshop_impl.hpp"

namespace mg::workshop {
namespace {

using auth::Action;

constexpr std::int64_t kMaxQuantity = 1'000'000;

// A POST's or PATCH's body, read and checked once: what it sets. The stock is
// not among it: stock changes only through movements.
struct PartPatch {
  std::optional<std::string> sku, name;
  std::optional<money::Cents> unit_price, cost_price;
  std::optional<std::int64_t> min_stock;
  std::optional<std::optional<std::string>> location;
  std::optional<bool> is_active;

  store::PartFields onto(store::PartFields f) const {
    if (sku) f.sku = *sku;
    if (name) f.name = *name;
    if (unit_price) f.unit_price = *unit_price;
    if (cost_price) f.cost_price = *cost_price;
    if (min_stock) f.min_stock = *min_stock;
    if (location) f.location = *location;
    if (is_active) f.is_active = *is_active;
    return f;
  }
};

PartPatch read_part(json::Input& in, bool create) {
  PartPatch p;
  if (create || in.has("sku")) p.sku = in.text("sku", {.required = true, .max_length = 60});
  if (create || in.has("name")) p.name = in.text("name", {.required = true, .max_length = 120});
  p.unit_price = in.cents("unit_price");
  p.cost_price = in.cents("cost_price");
  p.min_stock = in.integer("min_stock", {.min = 0, .max = kMaxQuantity});
  if (in.has("location")) p.location = optional_text(in, "location", 60);
  if (!create) p.is_active = in.boolean("is_active");
  return p;
}

api::ReadPlan list_parts(api::Context& ctx) {
  store::PartFilter filter;
  filter.q = ctx.query_text("q");
  filter.low_stock = ctx.query_int("low_stock").value_or(0) != 0;
  filter.active = read_active_filter(ctx);
  return api::plan(store::read_parts(filter, ctx.page()),
                   [role = ctx.role()](const db::Page<store::PartRow>& page) {
                     return api::list(page, [&](const auto& p) { return part_json(p, role); });
                   });
}

api::ReadPlan get_part(api::Context& ctx) {
  return api::plan(store::read_part(ctx.path<PartId>()),
                   [role = ctx.role()](const std::optional<store::PartRow>& p) {
                     if (!p) throw errors::not_found("Peça não encontrada.");
                     return api::ok(part_json(*p, role));
                   });
}

http::Response create_part(api::Context& ctx) {
  const auto tenant = ctx.tenant();
  auto in = ctx.input(kFieldLabels);
  const auto fields = read_part(in, true).onto({});
  auto initial = in.integer("quantity_in_stock", {.min = 0, .max = kMaxQuantity});
  in.check();
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    auto id = store::insert_part(tenant, tx, fields);
    if (!id) return id.error();
    // The initial count is the ledger's first row: stock always equals its movements.
    if (initial && *initial > 0)
      if (auto moved = store::apply_movement(tenant, tx,
                                             {*id, store::MovementType::in, *initial,
                                              "Estoque inicial", std::nullopt, ctx.user()});
          !moved)
        return moved.error();
    return part_json(*store::find_part(tenant, tx, *id), ctx.role());
  });
  return api::created(body.value());
}

http::Response update_part(api::Context& ctx) {
  const auto tenant = ctx.tenant();
  const auto id = ctx.path<PartId>();
  auto in = ctx.input(kFieldLabels);
  const auto patch = read_part(in, false);
  in.check();
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    auto p = store::find_part(tenant, tx, id, true);
    if (!p) return fail::not_found("Peça não encontrada.");
    const auto fields = patch.onto({p->sku, p->name, p->unit_price.cents, p->cost_price.cents,
                                    p->min_stock, p->location, p->is_active});
    if (auto updated = store::update_part(tenant, tx, id, fields); !updated) return updated.error();
    return part_json(*store::find_part(tenant, tx, id), ctx.role());
  });
  return api::ok(body.value());
}

http::Response deactivate_part(api::Context& ctx) {
  const auto id = ctx.path<PartId>();
  if (!ctx.transaction([&](db::Tx& tx) { return store::deactivate_part(ctx.tenant(), tx, id); }))
    throw errors::not_found("Peça não encontrada.");
  return api::ok(json::object{{"message", "Peça desativada."}, {"id", id.value}});
}

}  // namespace

json::object part_json(const store::PartRow& p, auth::Role role) {
  const bool manage = auth::allowed(role, Action::manage_parts);
  auto out = json::to_object(p);
  // Cost prices are the OWNER's and MANAGER's only.
  if (!auth::allowed(role, Action::see_costs)) out["cost_price"] = nullptr;
  out["low_stock"] = p.quantity_in_stock <= p.min_stock;
  out["can"] = json::object{{"edit", manage}, {"move_stock", manage}, {"deactivate", manage}};
  return out;
}

void register_part_routes(api::Routes& routes) {
  api::Resource(routes, "workshop", "/management/parts")
      .read("", list_parts, Action::read_workshop)
      .read("/{id}", get_part, Action::read_workshop)
      .create("", create_part, Action::manage_parts)
      .patch("/{id}", update_part, Action::manage_parts)
      .del("/{id}", deactivate_part, Action::manage_parts);
}

}  // namespace mg::workshop
