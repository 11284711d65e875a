// /management/os: list, detail, create, edit, status moves.
#include "libs/observability/metrics.hpp"
#include "modules/workshop/api/labels.hpp"
#include "modules/workshop/domain/filters.hpp"
#include "modules/workshop/workshop_impl.hpp"

namespace mg::workshop {
namespace {

using auth::Action;

constexpr std::int64_t kMaxKm = 9'999'999;

std::optional<std::string> read_date(json::Input& in, std::string_view key) {
  auto text = optional_text(in, key, 10);
  if (text && !is_valid_date(*text)) {
    in.fail(std::string(key), "data inválida (use AAAA-MM-DD)");
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> read_time_bound(const api::Context& ctx, std::string_view name,
                                           bool upper) {
  auto text = ctx.query(name);
  if (!text || text->empty()) return std::nullopt;
  auto bound = time_bound(*text, upper);
  if (!bound)
    throw errors::bad_request("Parâmetro '" + std::string(name) +
                              "' deve ser uma data AAAA-MM-DD ou um horário ISO 8601.");
  return bound;
}

// The order's mechanic: a staff id, or null for none.
std::optional<StaffId> read_staff(json::Input& in, std::string_view key) {
  auto id = in.integer(key, {.min = 1});
  return id ? std::optional<StaffId>(StaffId{*id}) : std::nullopt;
}

api::ReadPlan list_orders(api::Context& ctx) {
  store::OrderFilter f;
  if (auto status = ctx.query("status"); status && !status->empty()) {
    f.status = parse_order_status(*status);
    if (!f.status)
      throw errors::bad_request(
          "Parâmetro 'status' deve ser OPEN, IN_PROGRESS, WAITING_PARTS, COMPLETED ou "
          "CANCELLED.");
  }
  f.customer_id = ctx.query_id<CustomerId>("customer_id");
  f.motorcycle_id = ctx.query_id<MotorcycleId>("motorcycle_id");
  f.q = ctx.query_text("q");
  f.from = read_time_bound(ctx, "from", false);
  f.to = read_time_bound(ctx, "to", true);
  if (auto day = ctx.query("scheduled_date"); day && !day->empty()) {
    if (!is_valid_date(*day))
      throw errors::bad_request("Parâmetro 'scheduled_date' deve ser uma data AAAA-MM-DD.");
    f.scheduled_date = *day;
  }
  f.assigned_staff_id = ctx.query_id<StaffId>("assigned_staff_id");
  if (ctx.query_flag("mine").value_or(false)) f.mine = ctx.user();
  return api::plan(store::read_orders(f, ctx.page()),
                   [role = ctx.role()](const db::Page<store::OrderRow>& page) {
                     return api::list(page, [&](const auto& o) { return order_json(o, role); });
                   });
}

api::ReadPlan get_order(api::Context& ctx) {
  return api::plan(store::read_order(ctx.path<OrderId>()),
                   [role = ctx.role()](const std::optional<store::OrderDetail>& d) {
                     if (!d) throw errors::not_found("OS não encontrada.");
                     return api::ok(order_detail_json(*d, role));
                   });
}

http::Response create_order(api::Context& ctx) {
  auto in = ctx.input(kFieldLabels);
  store::NewOrder o;
  auto customer_id = in.integer("customer_id", {.required = true, .min = 1});
  auto motorcycle_id = in.integer("motorcycle_id", {.required = true, .min = 1});
  o.description = optional_text(in, "description", 2000);
  o.scheduled_date = read_date(in, "scheduled_date");
  o.km_at_entry = in.integer("km_at_entry", {.min = 0, .max = kMaxKm});
  o.assigned_staff_id = read_staff(in, "assigned_staff_id");
  in.check();
  o.customer_id = CustomerId{*customer_id};
  o.motorcycle_id = MotorcycleId{*motorcycle_id};
  auto created = ctx.transaction([&](db::Tx& tx) {
                      return store::create_order(ctx.tenant(), tx, ctx.events(), o, ctx.user());
                    })
                     .value();
  metrics::count("os_created_total", "Service orders created.");
  return api::created(
      json::object{{"id", created.id.value}, {"number", created.number}, {"status", "OPEN"}});
}

http::Response update_order(api::Context& ctx) {
  const auto id = ctx.path<OrderId>();
  auto in = ctx.input(kFieldLabels);
  store::OrderChange c;
  c.set_description = in.has("description");
  c.description = optional_text(in, "description", 2000);
  c.set_scheduled_date = in.has("scheduled_date");
  c.scheduled_date = read_date(in, "scheduled_date");
  c.set_km_at_entry = in.has("km_at_entry");
  c.km_at_entry = in.integer("km_at_entry", {.min = 0, .max = kMaxKm});
  c.discount = in.cents("discount");
  c.set_assigned_staff = in.has("assigned_staff_id");
  c.assigned_staff_id = read_staff(in, "assigned_staff_id");
  in.check();
  if (c.discount) ctx.require(Action::set_prices, "Você não pode dar desconto na OS.");
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    if (auto updated = store::update_order(ctx.tenant(), tx, id, c, ctx.user()); !updated)
      return updated.error();
    return order_detail_json(*store::find_order(ctx.tenant(), tx, id), ctx.role());
  });
  return api::ok(body.value());
}

http::Response change_status(api::Context& ctx) {
  const auto id = ctx.path<OrderId>();
  auto in = ctx.input(kFieldLabels);
  auto text = in.text("status", {.required = true, .max_length = 20});
  std::optional<OrderStatus> to;
  if (text) {
    to = parse_order_status(*text);
    if (!to) in.fail("status", "use OPEN, IN_PROGRESS, WAITING_PARTS, COMPLETED ou CANCELLED");
  }
  in.check();
  auto status = ctx.transaction([&](db::Tx& tx) {
                     return store::change_status(ctx.tenant(), tx, ctx.events(), id, *to,
                                                 ctx.role(), ctx.user());
                   })
                    .value();
  return api::ok(json::object{{"id", id.value}, {"status", to_string(status)}});
}

}  // namespace

json::object order_json(const store::OrderRow& o, auth::Role role) {
  const auto status = parse_order_status(o.status).value_or(OrderStatus::open);
  json::array transitions;
  for (auto to : allowed_transitions(role, status)) transitions.emplace_back(to_string(to));
  const auto can = order_capabilities(role, status);
  auto out = json::to_object(o);
  out.erase("km_at_entry");  // detail only
  // The names older clients read.
  out["customer"] = o.customer_name;
  out["plate"] = boost::json::value_from(o.motorcycle_plate);
  out["bike_model"] = boost::json::value_from(o.motorcycle_model);
  out["allowed_transitions"] = std::move(transitions);
  out["can"] = json::object{
      {"edit", can.edit},         {"edit_items", can.edit_items}, {"edit_prices", can.edit_prices},
      {"discount", can.discount}, {"cancel", can.cancel},         {"reopen", can.reopen}};
  return out;
}

json::object order_detail_json(const store::OrderDetail& d, auth::Role role) {
  auto body = order_json(d.order, role);
  body["km_at_entry"] = boost::json::value_from(d.order.km_at_entry);
  json::array items;
  for (const auto& i : d.items) items.push_back(json::to_object(i));
  body["items"] = std::move(items);
  json::array history;
  for (const auto& h : d.history) history.push_back(json::to_object(h));
  body["history"] = std::move(history);
  json::array changes;
  for (const auto& c : d.changes) changes.push_back(json::to_object(c));
  body["changes"] = std::move(changes);
  return body;
}

void register_order_routes(api::Routes& routes) {
  api::Resource(routes, "workshop", "/management/os")
      .read("", list_orders, Action::read_workshop)
      .read("/{id}", get_order, Action::read_workshop)
      .create("", create_order, Action::write_orders)
      .patch("/{id}", update_order, Action::write_orders)
      .patch("/{id}/status", change_status, Action::change_order_status);
}

}  // namespace mg::workshop
