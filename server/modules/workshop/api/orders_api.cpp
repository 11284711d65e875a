// /management/os: list, detail, create, edit, status moves.
#include <array>

#include "libs/json/writer.hpp"
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
                     return api::list_written(
                         page, [&](std::string& out, const auto& o) { write_order(out, o, role); });
                   });
}

api::ReadPlan get_order(api::Context& ctx) {
  return api::plan(store::read_order(ctx.path<OrderId>()),
                   [role = ctx.role()](const std::optional<store::OrderDetail>& d) {
                     if (!d) throw errors::not_found("OS não encontrada.");
                     return api::ok_written(order_detail_document(*d, role));
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
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<std::string> {
    if (auto updated = store::update_order(ctx.tenant(), tx, id, c, ctx.user()); !updated)
      return updated.error();
    return order_detail_document(*store::find_order(ctx.tenant(), tx, id), ctx.role());
  });
  return api::ok_written(body.value());
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

namespace {

json::object capabilities(auth::Role role, OrderStatus status) {
  json::array transitions;
  for (auto to : allowed_transitions(role, status)) transitions.emplace_back(to_string(to));
  const auto can = order_capabilities(role, status);
  return json::object{{"allowed_transitions", std::move(transitions)},
                      {"can", json::object{{"edit", can.edit},
                                           {"edit_items", can.edit_items},
                                           {"edit_prices", can.edit_prices},
                                           {"discount", can.discount},
                                           {"cancel", can.cancel},
                                           {"reopen", can.reopen},
                                           {"assign_mechanic", can.assign_mechanic},
                                           {"assign_item_staff", can.assign_item_staff}}}};
}

// What the role may do with an order in that status, as JSON members
// (",\"allowed_transitions\":[…],\"can\":{…}"): every pair written once.
const std::string& capabilities_members(auth::Role role, OrderStatus status) {
  static const auto table = [] {
    std::array<std::array<std::string, std::size(kAllOrderStatuses)>, std::size(auth::kAllRoles)> t;
    for (auto r : auth::kAllRoles)
      for (auto s : kAllOrderStatuses) {
        std::string members = json::dump(capabilities(r, s));
        members.front() = ',';  // "{…}" → ",…"
        members.pop_back();
        t[static_cast<std::size_t>(r)][static_cast<std::size_t>(s)] = std::move(members);
      }
    return t;
  }();
  return table[static_cast<std::size_t>(role)][static_cast<std::size_t>(status)];
}

void write_order_members(std::string& out, const store::OrderRow& o, auth::Role role) {
  json::write_members(out, o, [](std::string_view name) { return name == "km_at_entry"; });
  // The names older clients read.
  json::write_member(out, "customer", o.customer_name);
  json::write_member(out, "plate", o.motorcycle_plate);
  json::write_member(out, "bike_model", o.motorcycle_model);
  out += capabilities_members(role, parse_order_status(o.status).value_or(OrderStatus::open));
}

}  // namespace

void write_order(std::string& out, const store::OrderRow& o, auth::Role role) {
  out += '{';
  write_order_members(out, o, role);
  out += '}';
}

std::string order_detail_document(const store::OrderDetail& d, auth::Role role) {
  std::string out = "{";
  out.reserve(2048);
  write_order_members(out, d.order, role);
  json::write_member(out, "km_at_entry", d.order.km_at_entry);
  json::write_member(out, "items", d.items);
  json::write_member(out, "history", d.history);
  json::write_member(out, "changes", d.changes);
  json::write_member(out, "approval", d.approval);
  out += '}';
  return out;
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
