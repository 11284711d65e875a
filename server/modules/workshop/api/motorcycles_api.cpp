// /management/motos: list, detail (with service orders), create, update, deactivate.
#include "libs/br/plates.hpp"
#include "libs/http/paging.hpp"
#include "modules/workshop/domain/filters.hpp"
#include "modules/workshop/workshop_impl.hpp"

namespace mg::workshop {
namespace {

// The fields of a POST, or of a PATCH merged into the current row.
store::MotorcycleFields read_motorcycle(json::Input& in, store::MotorcycleFields f, bool create) {
  if (create || in.has("customer_id")) {
    auto id = in.integer("customer_id", {.required = true, .min = 1});
    if (id) f.customer_id = *id;
  }
  if (in.has("brand")) f.brand = optional_text(in, "brand", 60);
  if (in.has("model")) f.model = optional_text(in, "model", 80);
  if (in.has("plate")) {
    f.plate = optional_text(in, "plate", 20);
    if (f.plate) {
      auto plate = br::normalize_plate(*f.plate);
      if (plate) {
        f.plate = *plate;
      } else {
        in.fail("plate", "placa inválida (1 a 10 letras, dígitos ou -)");
      }
    }
    f.plate_key = f.plate ? br::plate_key(*f.plate) : std::string();
  }
  if (in.has("year")) f.year = in.integer("year", {.min = 1900, .max = max_motorcycle_year()});
  if (in.has("vin")) f.vin = optional_text(in, "vin", 30);
  if (in.has("km_current")) {
    auto km = in.integer("km_current", {.min = 0, .max = 9'999'999});
    f.km_current = km.value_or(in.is_null("km_current") ? 0 : f.km_current);
  }
  return f;
}

// A motorcycle belongs to an active customer of this tenant (others' ids do not exist here).
void check_customer(db::Tx& tx, std::int64_t customer_id) {
  auto c = store::find_customer(tx, customer_id);
  if (!c || !c->is_active)
    throw errors::validation("Cliente não encontrado ou inativo.",
                             {{"customer_id", "cliente não encontrado ou inativo"}});
}

http::Response list_motorcycles(Workshop::Impl& impl, http::Request& req) {
  auto page = http::read_page(req);
  store::MotorcycleFilter filter;
  filter.customer_id = req.query_int("customer_id");
  if (auto plate = req.query_param("plate"); plate && !plate->empty())
    filter.plate_key = br::plate_key(*plate);
  filter.q = read_search(req);
  filter.active = read_active_filter(req);
  std::int64_t total = 0;
  json::array out;
  for (const auto& m : store::list_motorcycles(impl.db, req.who().tenant_id, filter,
                                               {page.limit, page.offset}, total))
    out.push_back(motorcycle_json(m, req.who().role));
  return http::list_response(std::move(out), total);
}

http::Response get_motorcycle(Workshop::Impl& impl, http::Request& req) {
  auto d = store::find_motorcycle_detail(impl.db, req.who().tenant_id, req.path_id("id"));
  if (!d) throw errors::not_found("Moto não encontrada.");
  auto body = motorcycle_json(d->motorcycle, req.who().role);
  json::array orders;
  for (const auto& o : d->service_orders)
    orders.push_back(json::object{{"id", o.id},
                                  {"number", o.number},
                                  {"status", o.status},
                                  {"km_at_entry", json::nullable(o.km_at_entry)},
                                  {"created_at", o.created_at},
                                  {"total_amount", json::money(o.total_amount)},
                                  {"description", json::nullable(o.description)}});
  body["service_orders"] = std::move(orders);
  return http::json_response(body);
}

http::Response create_motorcycle(Workshop::Impl& impl, http::Request& req) {
  json::Input in(req.json());
  auto fields = read_motorcycle(in, {}, true);
  in.check();
  auto id = impl.db.transaction(req.who().tenant_id, [&](db::Tx& tx) {
    check_customer(tx, fields.customer_id);
    return store::insert_motorcycle(tx, fields);
  });
  return http::json_response(json::object{{"id", id}, {"plate", json::nullable(fields.plate)}},
                             201);
}

http::Response update_motorcycle(Workshop::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  const auto id = req.path_id("id");
  json::Input in(req.json());
  auto is_active = in.boolean("is_active");
  read_motorcycle(in, {}, false);  // every problem of the body before the database
  in.check();
  if (is_active && !auth::allowed(who.role, auth::Action::deactivate_customers))
    throw errors::forbidden("Você não tem permissão para ativar ou desativar motos.");
  auto body = impl.db.transaction(who.tenant_id, [&](db::Tx& tx) {
    auto m = store::find_motorcycle(tx, id, true);
    if (!m) throw errors::not_found("Moto não encontrada.");
    store::MotorcycleFields base{
        m->customer_id, m->brand,      m->model,
        m->plate,       m->vin,        m->plate ? br::plate_key(*m->plate) : "",
        m->year,        m->km_current, m->is_active};
    auto fields = read_motorcycle(in, base, false);
    if (is_active) fields.is_active = *is_active;
    if (fields.customer_id != m->customer_id) check_customer(tx, fields.customer_id);
    store::update_motorcycle(tx, id, fields);
    return motorcycle_json(*store::find_motorcycle(tx, id), who.role);
  });
  return http::json_response(body);
}

http::Response deactivate_motorcycle(Workshop::Impl& impl, http::Request& req) {
  const auto id = req.path_id("id");
  bool found = impl.db.transaction(
      req.who().tenant_id, [&](db::Tx& tx) { return store::deactivate_motorcycle(tx, id); });
  if (!found) throw errors::not_found("Moto não encontrada.");
  return http::json_response(json::object{{"message", "Moto desativada."}, {"id", id}});
}

}  // namespace

json::object motorcycle_json(const store::MotorcycleRow& m, auth::Role role) {
  return json::object{
      {"id", m.id},
      {"customer_id", m.customer_id},
      {"customer_name", m.customer_name},
      {"brand", json::nullable(m.brand)},
      {"model", json::nullable(m.model)},
      {"plate", json::nullable(m.plate)},
      {"year", json::nullable(m.year)},
      {"vin", json::nullable(m.vin)},
      {"km_current", m.km_current},
      {"is_active", m.is_active},
      {"created_at", m.created_at},
      {"updated_at", m.updated_at},
      {"can",
       json::object{{"edit", auth::allowed(role, auth::Action::write_customers)},
                    {"deactivate", auth::allowed(role, auth::Action::deactivate_customers)}}}};
}

void register_motorcycle_routes(Workshop::Impl& impl, http::Router& router) {
  router.add({.method = "GET",
              .pattern = "/management/motos",
              .handler = http::bind(impl, list_motorcycles),
              .module = "workshop",
              .action = auth::Action::read_workshop});
  router.add({.method = "GET",
              .pattern = "/management/motos/{id}",
              .handler = http::bind(impl, get_motorcycle),
              .module = "workshop",
              .action = auth::Action::read_workshop});
  router.add({.method = "POST",
              .pattern = "/management/motos",
              .handler = http::bind(impl, create_motorcycle),
              .module = "workshop",
              .action = auth::Action::write_customers});
  router.add({.method = "PATCH",
              .pattern = "/management/motos/{id}",
              .handler = http::bind(impl, update_motorcycle),
              .module = "workshop",
              .action = auth::Action::write_customers});
  router.add({.method = "DELETE",
              .pattern = "/management/motos/{id}",
              .handler = http::bind(impl, deactivate_motorcycle),
              .module = "workshop",
              .action = auth::Action::deactivate_customers});
}

}  // namespace mg::workshop
