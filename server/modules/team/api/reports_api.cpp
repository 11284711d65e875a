// The team dashboard (GET /teamcrm/dashboard/summary), commissions (GET
// /teamcrm/commissions) and a customer's timeline (GET /teamcrm/customers/{id}/timeline).
#include "libs/core/dates.hpp"
#include "modules/team/store/reports_store.hpp"
#include "modules/team/team_impl.hpp"

namespace mg::team {
namespace {

using auth::Action;

constexpr std::int64_t kMaxDays = 366;

http::Response summary(api::Context& ctx) {
  const auto days = ctx.query_int("days").value_or(7);
  if (days < 1 || days > kMaxDays)
    throw errors::bad_request("Parâmetro 'days' deve estar entre 1 e 366.");
  const auto s = store::dashboard_summary(ctx.tenant(), ctx.db(), static_cast<int>(days));
  return api::ok(json::object{
      {"period_days", days},
      {"tasks",
       json::object{{"open", s.open}, {"late", s.late}, {"done_in_period", s.done_in_period}}},
      {"interactions", json::object{{"total_in_period", s.total_in_period},
                                    {"whatsapp_in_period", s.whatsapp_in_period}}}});
}

json::object amounts_json(const Amounts& a) {
  return json::object{{"labor_base", json::money(a.labor_base)},
                      {"parts_base", json::money(a.parts_base)},
                      {"labor_commission", json::money(a.labor_commission)},
                      {"parts_commission", json::money(a.parts_commission)},
                      {"total", json::money(a.total)}};
}

std::string required_date(const api::Context& ctx, std::string_view name) {
  auto date = query_date(ctx, name);
  if (!date)
    throw errors::bad_request("Parâmetro '" + std::string(name) +
                              "' é obrigatório (data AAAA-MM-DD).");
  return *date;
}

http::Response commissions(api::Context& ctx) {
  const auto start = required_date(ctx, "start");
  const auto end = required_date(ctx, "end");
  if (end < start) throw errors::bad_request("Parâmetro 'end' não pode ser anterior a 'start'.");
  const auto report = commission_report(store::commission_bases(
      ctx.tenant(), ctx.db(), *dates::time_bound(start, false), *dates::time_bound(end, true)));
  json::array staff;
  for (const auto& s : report.staff) {
    auto line = amounts_json(s.amounts);
    line["staff_id"] = s.staff_id.value;
    line["staff_name"] = s.staff_name;
    line["labor_commission_percent"] = json::money(s.labor_rate.hundredths);
    line["parts_commission_percent"] = json::money(s.parts_rate.hundredths);
    json::array orders;
    for (const auto& o : s.orders) {
      auto order = amounts_json(o.amounts);
      order["order_id"] = o.order_id.value;
      order["number"] = o.number;
      order["closed_at"] = o.closed_at;
      order["customer_name"] = o.customer_name;
      orders.push_back(std::move(order));
    }
    line["orders"] = std::move(orders);
    staff.push_back(std::move(line));
  }
  return api::ok(json::object{{"start", start},
                              {"end", end},
                              {"staff", std::move(staff)},
                              {"totals", amounts_json(report.totals)}});
}

json::object timeline_json(const store::TimelineRow& r) {
  json::object out{
      {"kind", r.kind}, {"key", r.kind + "-" + std::to_string(r.id)}, {"id", r.id}, {"at", r.at}};
  auto put = [&](const char* key, const auto& v) { out[key] = boost::json::value_from(v); };
  if (r.kind == "interaction") {
    put("channel", r.channel);
    put("direction", r.direction);
    put("summary", r.summary);
    put("details", r.details);
    put("staff_id", r.staff_id);
    put("staff_name", r.staff_name);
    put("order_id", r.order_id);
    put("order_number", r.order_number);
  } else if (r.kind == "message") {
    put("channel", r.channel);
    put("direction", r.direction);
    put("text", r.details);
    put("event", r.event);
    put("status", r.status);
    put("user_id", r.user_id);
    put("user_name", r.user_name);
    put("order_id", r.order_id);
    put("order_number", r.order_number);
  } else {
    put("order_id", r.order_id);
    put("order_number", r.order_number);
    put("status", r.status);
    put("from_status", r.from_status);
    put("user_id", r.user_id);
    put("user_name", r.user_name);
    put("description", r.description);
    put("motorcycle_plate", r.motorcycle_plate);
    put("motorcycle_model", r.motorcycle_model);
  }
  return out;
}

http::Response timeline(api::Context& ctx) {
  // Messages are the front desk's (a mechanic reads no conversation).
  auto page =
      store::customer_timeline(ctx.tenant(), ctx.db(), ctx.path<workshop::CustomerId>(), ctx.page(),
                               auth::allowed(ctx.role(), auth::Action::write_customers));
  if (!page) throw errors::not_found("Cliente não encontrado.");
  return api::list(*page, timeline_json);
}

}  // namespace

void register_report_routes(api::Routes& routes) {
  api::Resource(routes, "team", "/teamcrm/dashboard")
      .get("/summary", summary, Action::read_workshop);
  // Money: the OWNER's and the MANAGER's (a MECHANIC sees no finance).
  api::Resource(routes, "team", "/teamcrm/commissions").get("", commissions, Action::finance);
  api::Resource(routes, "team", "/teamcrm/customers")
      .get("/{id}/timeline", timeline, Action::read_workshop);
}

}  // namespace mg::team
