// /management/motos: list, detail (with service orders), create, update, deactivate.
#include "libs/br/plates.hpp"
#include "modules/workshop/api/labels.hpp"
#include "modules/workshop/domain/filters.hpp"
#include "modules/workshop/workshop_impl.hpp"

namespace mg::workshop {
namespace {

using auth::Action;

// A POST's or PATCH's body, read and checked once: what it sets.
struct MotorcyclePatch {
  std::optional<CustomerId> customer_id;
  std::optional<std::optional<std::string>> brand, model, plate, vin;
  std::optional<std::optional<std::int64_t>> year;
  std::optional<std::int64_t> km_current;
  std::optional<bool> is_active;

  store::MotorcycleFields onto(store::MotorcycleFields f) const {
    if (customer_id) f.customer_id = *customer_id;
    if (brand) f.brand = *brand;
    if (model) f.model = *model;
    if (plate) {
      f.plate = *plate;
      f.plate_key = f.plate ? br::plate_key(*f.plate) : std::string();
    }
    if (vin) f.vin = *vin;
    if (year) f.year = *year;
    if (km_current) f.km_current = *km_current;
    if (is_active) f.is_active = *is_active;
    return f;
  }
};

MotorcyclePatch read_motorcycle(json::Input& in, bool create) {
  MotorcyclePatch p;
  if (create || in.has("customer_id"))
    if (auto id = in.integer("customer_id", {.required = true, .min = 1}))
      p.customer_id = CustomerId{*id};
  if (in.has("brand")) p.brand = optional_text(in, "brand", 60);
  if (in.has("model")) p.model = optional_text(in, "model", 80);
  if (in.has("plate")) {
    auto plate = optional_text(in, "plate", 20);
    if (plate) {
      if (auto normalized = br::normalize_plate(*plate)) {
        plate = *normalized;
      } else {
        in.fail("plate", "placa inválida (1 a 10 letras, dígitos ou -)");
      }
    }
    p.plate = plate;
  }
  if (in.has("year")) p.year = in.integer("year", {.min = 1900, .max = max_motorcycle_year()});
  if (in.has("vin")) p.vin = optional_text(in, "vin", 30);
  if (in.has("km_current")) {
    auto km = in.integer("km_current", {.min = 0, .max = 9'999'999});
    if (km || in.is_null("km_current")) p.km_current = km.value_or(0);
  }
  if (!create) p.is_active = in.boolean("is_active");
  return p;
}

// A motorcycle belongs to an active customer of this tenant (others' ids do not exist here).
Result<void> check_customer(TenantId tenant, db::Tx& tx, CustomerId customer) {
  auto c = store::find_customer(tenant, tx, customer);
  if (!c || !c->is_active)
    return fail::invalid("Cliente não encontrado ou inativo.",
                         {{"customer_id", "cliente não encontrado ou inativo"}});
  return {};
}

api::ReadPlan list_motorcycles(api::Context& ctx) {
  store::MotorcycleFilter filter;
  filter.customer_id = ctx.query_id<CustomerId>("customer_id");
  if (auto plate = ctx.query("plate"); plate && !plate->empty())
    filter.plate_key = br::plate_key(*plate);
  filter.q = ctx.query_text("q");
  filter.active = read_active_filter(ctx);
  return api::plan(store::read_motorcycles(filter, ctx.page()),
                   [role = ctx.role()](const db::Page<store::MotorcycleRow>& page) {
                     return api::list(page,
                                      [&](const auto& m) { return motorcycle_json(m, role); });
                   });
}

api::ReadPlan get_motorcycle(api::Context& ctx) {
  return api::plan(store::read_motorcycle(ctx.path<MotorcycleId>()),
                   [role = ctx.role()](const std::optional<store::MotorcycleDetail>& d) {
                     if (!d) throw errors::not_found("Moto não encontrada.");
                     auto body = motorcycle_json(d->motorcycle, role);
                     json::array orders;
                     for (const auto& o : d->service_orders) orders.push_back(json::to_object(o));
                     body["service_orders"] = std::move(orders);
                     json::array declined;
                     for (const auto& i : d->declined_items) declined.push_back(json::to_object(i));
                     body["declined_items"] = std::move(declined);
                     return api::ok(body);
                   });
}

http::Response create_motorcycle(api::Context& ctx) {
  auto in = ctx.input(kFieldLabels);
  const auto fields = read_motorcycle(in, true).onto({});
  in.check();
  auto id = ctx.transaction([&](db::Tx& tx) -> Result<MotorcycleId> {
    if (auto ok = check_customer(ctx.tenant(), tx, fields.customer_id); !ok) return ok.error();
    return store::insert_motorcycle(ctx.tenant(), tx, fields);
  });
  return api::created(
      json::object{{"id", id.value().value}, {"plate", boost::json::value_from(fields.plate)}});
}

http::Response update_motorcycle(api::Context& ctx) {
  const auto tenant = ctx.tenant();
  const auto id = ctx.path<MotorcycleId>();
  auto in = ctx.input(kFieldLabels);
  const auto patch = read_motorcycle(in, false);
  in.check();
  if (patch.is_active)
    ctx.require(Action::deactivate_customers,
                "Você não tem permissão para ativar ou desativar motos.");
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    auto m = store::find_motorcycle(tenant, tx, id, true);
    if (!m) return fail::not_found("Moto não encontrada.");
    const auto fields = patch.onto({m->customer_id, m->brand, m->model, m->plate, m->vin,
                                    m->plate ? br::plate_key(*m->plate) : "", m->year,
                                    m->km_current, m->is_active});
    if (fields.customer_id != m->customer_id)
      if (auto ok = check_customer(tenant, tx, fields.customer_id); !ok) return ok.error();
    if (auto updated = store::update_motorcycle(tenant, tx, id, fields); !updated)
      return updated.error();
    return motorcycle_json(*store::find_motorcycle(tenant, tx, id), ctx.role());
  });
  return api::ok(body.value());
}

http::Response deactivate_motorcycle(api::Context& ctx) {
  const auto id = ctx.path<MotorcycleId>();
  if (!ctx.transaction(
          [&](db::Tx& tx) { return store::deactivate_motorcycle(ctx.tenant(), tx, id); }))
    throw errors::not_found("Moto não encontrada.");
  return api::ok(json::object{{"message", "Moto desativada."}, {"id", id.value}});
}

}  // namespace

json::object motorcycle_json(const store::MotorcycleRow& m, auth::Role role) {
  auto out = json::to_object(m);
  out["can"] = json::object{{"edit", auth::allowed(role, Action::write_customers)},
                            {"deactivate", auth::allowed(role, Action::deactivate_customers)}};
  return out;
}

void register_motorcycle_routes(api::Routes& routes) {
  api::Resource(routes, "workshop", "/management/motos")
      .read("", list_motorcycles, Action::read_workshop)
      .read("/{id}", get_motorcycle, Action::read_workshop)
      .create("", create_motorcycle, Action::write_customers)
      .patch("/{id}", update_motorcycle, Action::write_customers)
      .del("/{id}", deactivate_motorcycle, Action::deactivate_customers);
}

}  // namespace mg::workshop
