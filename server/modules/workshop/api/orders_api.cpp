// /management/os: list, detail, create, edit, status moves.
#include "libs/http/paging.hpp"
#include "libs/observability/metrics.hpp"
#include "modules/workshop/domain/filters.hpp"
#include "modules/workshop/workshop_impl.hpp"

namespace mg::workshop {
namespace {

constexpr std::int64_t kMaxKm = 9'999'999;

std::optional<std::string> read_date(json::Input& in, std::string_view key) {
  auto text = optional_text(in, key, 10);
  if (text && !is_valid_date(*text)) {
    in.fail(std::string(key), "data inválida (use AAAA-MM-DD)");
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> read_time_bound(const http::Request& req, std::string_view name,
                                           bool upper) {
  auto text = req.query_param(name);
  if (!text || text->empty()) return std::nullopt;
  auto bound = time_bound(*text, upper);
  if (!bound)
    throw errors::bad_request("Parâmetro '" + std::string(name) +
                              "' deve ser uma data AAAA-MM-DD ou um horário ISO 8601.");
  return bound;
}

http::Response list_orders(Workshop::Impl& impl, http::Request& req) {
  auto page = http::read_page(req);
  store::OrderFilter f;
  if (auto status = req.query_param("status"); status && !status->empty()) {
    if (!parse_order_status(*status))
      throw errors::bad_request(
          "Parâmetro 'status' deve ser OPEN, IN_PROGRESS, WAITING_PARTS, COMPLETED ou "
          "CANCELLED.");
    f.status = *status;
  }
  f.customer_id = req.query_int("customer_id");
  f.motorcycle_id = req.query_int("motorcycle_id");
  f.q = read_search(req);
  f.from = read_time_bound(req, "from", false);
  f.to = read_time_bound(req, "to", true);
  if (auto day = req.query_param("scheduled_date"); day && !day->empty()) {
    if (!is_valid_date(*day))
      throw errors::bad_request("Parâmetro 'scheduled_date' deve ser uma data AAAA-MM-DD.");
    f.scheduled_date = *day;
  }
  std::int64_t total = 0;
  json::array out;
  for (const auto& o :
       store::list_orders(impl.db, req.who().tenant_id, f, {page.limit, page.offset}, total))
    out.push_back(order_json(o, req.who().role));
  return http::list_response(std::move(out), total);
}

http::Response get_order(Workshop::Impl& impl, http::Request& req) {
  auto d = store::find_order(impl.db, req.who().tenant_id, req.path_id("id"));
  if (!d) throw errors::not_found("OS não encontrada.");
  return http::json_response(order_detail_json(*d, req.who().role));
}

http::Response create_order(Workshop::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  json::Input in(req.json());
  store::NewOrder o;
  auto customer_id = in.integer("customer_id", {.required = true, .min = 1});
  auto motorcycle_id = in.integer("motorcycle_id", {.required = true, .min = 1});
  o.description = optional_text(in, "description", 2000);
  o.scheduled_date = read_date(in, "scheduled_date");
  o.km_at_entry = in.integer("km_at_entry", {.min = 0, .max = kMaxKm});
  in.check();
  o.customer_id = *customer_id;
  o.motorcycle_id = *motorcycle_id;
  auto created = impl.db.transaction(
      who.tenant_id, [&](db::Tx& tx) { return store::create_order(tx, o, who.user_id); });
  metrics::count("os_created_total", "Service orders created.");
  return http::json_response(
      json::object{{"id", created.id}, {"number", created.number}, {"status", "OPEN"}}, 201);
}

http::Response update_order(Workshop::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  const auto id = req.path_id("id");
  json::Input in(req.json());
  store::OrderChange c;
  c.set_description = in.has("description");
  c.description = optional_text(in, "description", 2000);
  c.set_scheduled_date = in.has("scheduled_date");
  c.scheduled_date = read_date(in, "scheduled_date");
  c.set_km_at_entry = in.has("km_at_entry");
  c.km_at_entry = in.integer("km_at_entry", {.min = 0, .max = kMaxKm});
  c.discount = in.cents("discount");
  in.check();
  auto body = impl.db.transaction(who.tenant_id, [&](db::Tx& tx) {
    store::update_order(tx, id, c);
    return order_detail_json(*store::find_order(tx, id), who.role);
  });
  return http::json_response(body);
}

http::Response change_status(Workshop::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  const auto id = req.path_id("id");
  json::Input in(req.json());
  auto text = in.text("status", {.required = true, .max_length = 20});
  std::optional<OrderStatus> to;
  if (text) {
    to = parse_order_status(*text);
    if (!to) in.fail("status", "use OPEN, IN_PROGRESS, WAITING_PARTS, COMPLETED ou CANCELLED");
  }
  in.check();
  auto status = impl.db.transaction(who.tenant_id, [&](db::Tx& tx) {
    return store::change_status(tx, id, *to, who.role, who.user_id);
  });
  return http::json_response(json::object{{"id", id}, {"status", to_string(status)}});
}

}  // namespace

json::object order_json(const store::OrderRow& o, auth::Role role) {
  const auto status = parse_order_status(o.status).value_or(OrderStatus::open);
  json::array transitions;
  for (auto to : allowed_transitions(role, status)) transitions.emplace_back(to_string(to));
  const auto can = order_capabilities(role, status);
  return json::object{{"id", o.id},
                      {"number", o.number},
                      {"status", o.status},
                      {"customer_id", o.customer_id},
                      {"customer_name", o.customer_name},
                      {"motorcycle_id", o.motorcycle_id},
                      {"motorcycle_plate", json::nullable(o.motorcycle_plate)},
                      {"motorcycle_model", json::nullable(o.motorcycle_model)},
                      {"description", json::nullable(o.description)},
                      {"total_parts", json::money(o.total_parts)},
                      {"total_labor", json::money(o.total_labor)},
                      {"discount", json::money(o.discount)},
                      {"total_amount", json::money(o.total_amount)},
                      {"created_at", o.created_at},
                      {"scheduled_date", json::nullable(o.scheduled_date)},
                      {"closed_at", json::nullable(o.closed_at)},
                      // The names older clients read.
                      {"customer", o.customer_name},
                      {"plate", json::nullable(o.motorcycle_plate)},
                      {"bike_model", json::nullable(o.motorcycle_model)},
                      {"allowed_transitions", std::move(transitions)},
                      {"can", json::object{{"edit", can.edit},
                                           {"edit_items", can.edit_items},
                                           {"edit_prices", can.edit_prices},
                                           {"discount", can.discount},
                                           {"cancel", can.cancel},
                                           {"reopen", can.reopen}}}};
}

json::object order_detail_json(const store::OrderDetail& d, auth::Role role) {
  auto body = order_json(d.order, role);
  body["km_at_entry"] = json::nullable(d.order.km_at_entry);
  json::array items;
  for (const auto& i : d.items) items.push_back(item_json(i));
  body["items"] = std::move(items);
  json::array history;
  for (const auto& h : d.history)
    history.push_back(json::object{{"status", h.status},
                                   {"at", h.at},
                                   {"user_id", json::nullable(h.user_id)},
                                   {"user_name", json::nullable(h.user_name)}});
  body["history"] = std::move(history);
  return body;
}

void register_order_routes(Workshop::Impl& impl, http::Router& router) {
  router.add({.method = "GET",
              .pattern = "/management/os",
              .handler = http::bind(impl, list_orders),
              .module = "workshop",
              .action = auth::Action::read_workshop});
  router.add({.method = "GET",
              .pattern = "/management/os/{id}",
              .handler = http::bind(impl, get_order),
              .module = "workshop",
              .action = auth::Action::read_workshop});
  router.add({.method = "POST",
              .pattern = "/management/os",
              .handler = http::bind(impl, create_order),
              .module = "workshop",
              .action = auth::Action::write_orders});
  router.add({.method = "PATCH",
              .pattern = "/management/os/{id}",
              .handler = http::bind(impl, update_order),
              .module = "workshop",
              .action = auth::Action::write_orders});
  router.add({.method = "PATCH",
              .pattern = "/management/os/{id}/status",
              .handler = http::bind(impl, change_status),
              .module = "workshop",
              .action = auth::Action::change_order_status});
}

}  // namespace mg::workshop
