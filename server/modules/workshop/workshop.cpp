#include "modules/workshop/workshop.hpp"

#include "modules/workshop/domain/order_status.hpp"
#include "modules/workshop/workshop_impl.hpp"

namespace mg::workshop {
namespace {

const db::Statement kCountsByStatus(
    "orders.counts_by_status", "select status, count(*) as n from service_orders group by status");
const db::Statement kSummary(
    "orders.summary",
    "select o.id, o.number, o.status, o.customer_id, c.name as customer_name, o.total_amount, "
    "to_char(o.closed_at, 'YYYY-MM-DD') as closed_on "
    "from service_orders o join customers c on c.tenant_id = o.tenant_id and c.id = o.customer_id "
    "where o.id = $1");
const db::Statement kCustomerSummary("customers.summary",
                                     "select id, name, is_active from customers where id = $1");
const db::Statement kCompleted(
    "orders.completed_summary",
    "select count(*) as n, coalesce(sum(total_amount), 0) as total_amount, "
    "coalesce(sum(total_parts), 0) as total_parts, coalesce(sum(total_labor), 0) as total_labor, "
    "coalesce(sum(discount), 0) as discount from service_orders "
    "where status = 'COMPLETED' and closed_at >= $1::date and closed_at < $2::date + 1");

const db::Statement kQuoteSource(
    "orders.quote_source",
    "select o.number, o.status, o.customer_id, c.phone as customer_phone, o.motorcycle_id, "
    "m.brand, m.model, m.plate, o.total_parts, o.total_labor, o.discount, o.total_amount "
    "from service_orders o "
    "join customers c on c.tenant_id = o.tenant_id and c.id = o.customer_id "
    "join motorcycles m on m.tenant_id = o.tenant_id and m.id = o.motorcycle_id "
    "where o.id = $1 for update of o");
const db::Statement kQuoteItems("orders.quote_items",
                                "select id, item_type, part_id, description, "
                                "(quantity * 100)::bigint as quantity, unit_price, total "
                                "from service_order_items where order_id = $1 order by id");

json::value overview_json(const std::vector<db::Result>& r) {
  json::object by_status;
  for (auto s : kAllOrderStatuses) by_status[to_string(s)] = 0;
  std::int64_t total = 0, open = 0, completed = 0;
  for (int i = 0; i < r[0].size(); ++i) {
    const auto status = parse_order_status(r[0][i].text("status"));
    if (!status) continue;
    const auto n = r[0][i].i64("n");
    by_status[to_string(*status)] = n;
    total += n;
    if (!items_locked(*status)) open += n;
    if (*status == OrderStatus::completed) completed = n;
  }
  return json::object{{"total", total},
                      {"open", open},
                      {"completed", completed},
                      {"by_status", std::move(by_status)}};
}

}  // namespace

Workshop::Workshop(db::Database& db, events::Bus& bus) : db_(db), bus_(bus) {}
Workshop::~Workshop() = default;

void Workshop::routes(api::Routes& routes) {
  register_customer_routes(routes);
  register_motorcycle_routes(routes);
  register_part_routes(routes);
  register_stock_routes(routes);
  register_order_routes(routes);
  register_order_item_routes(routes);
}

void Workshop::seed_demo(db::Tx& tx, TenantId tenant, UserId user) {
  seed_demo_data(tenant, tx, bus_, user);
}

std::vector<api::OverviewPart> Workshop::overview() const {
  return {{"service_orders", {db::q(kCountsByStatus)}, overview_json}};
}

std::optional<OrderSummary> find_order_summary(TenantId, db::Tx& tx, OrderId id) {
  auto r = tx.exec(kSummary, id);
  if (r.empty()) return std::nullopt;
  return OrderSummary{OrderId{r[0].i64("id")},   r[0].i64("number"),
                      r[0].str("status"),        CustomerId{r[0].i64("customer_id")},
                      r[0].str("customer_name"), r[0].i64("total_amount"),
                      r[0].opt_str("closed_on")};
}

std::optional<QuoteSource> lock_order_for_quote(TenantId, db::Tx& tx, OrderId id) {
  auto r = tx.exec(kQuoteSource, id);
  if (r.empty()) return std::nullopt;
  const auto& o = r[0];
  QuoteSource s;
  s.id = id;
  s.number = o.i64("number");
  s.status = o.str("status");
  s.items_locked = items_locked(parse_order_status(s.status).value_or(OrderStatus::cancelled));
  s.customer_id = CustomerId{o.i64("customer_id")};
  s.customer_phone = o.opt_str("customer_phone");
  s.motorcycle_id = MotorcycleId{o.i64("motorcycle_id")};
  s.motorcycle_brand = o.opt_str("brand");
  s.motorcycle_model = o.opt_str("model");
  s.motorcycle_plate = o.opt_str("plate");
  s.total_parts = o.i64("total_parts");
  s.total_labor = o.i64("total_labor");
  s.discount = o.i64("discount");
  s.total_amount = o.i64("total_amount");
  auto items = tx.exec(kQuoteItems, id);
  for (int i = 0; i < items.size(); ++i) {
    const auto& it = items[i];
    const auto part = it.opt_i64("part_id");
    s.items.push_back(QuoteItem{ItemId{it.i64("id")}, it.str("item_type"),
                                part ? std::optional<PartId>(PartId{*part}) : std::nullopt,
                                it.str("description"), it.i64("quantity"), it.i64("unit_price"),
                                it.i64("total")});
  }
  return s;
}

Result<void> remove_item(TenantId tenant, db::Tx& tx, OrderId order, ItemId item,
                         std::optional<UserId> user, std::string_view why) {
  auto removed = store::delete_item(tenant, tx, order, item, user, why);
  if (!removed) return removed.error();
  return {};
}

std::optional<CustomerSummary> find_customer_summary(TenantId, db::Tx& tx, CustomerId id) {
  auto r = tx.exec(kCustomerSummary, id);
  if (r.empty()) return std::nullopt;
  return CustomerSummary{CustomerId{r[0].i64("id")}, r[0].str("name"), r[0].boolean("is_active")};
}

db::Query completed_orders_query(const std::string& start, const std::string& end) {
  return db::q(kCompleted, start, end);
}

CompletedOrders completed_orders_from(const db::Result& r) {
  if (r.empty()) return {};
  return CompletedOrders{r[0].i64("n"), r[0].i64("total_amount"), r[0].i64("total_parts"),
                         r[0].i64("total_labor"), r[0].i64("discount")};
}

Result<void> assign_mechanic(TenantId tenant, db::Tx& tx, OrderId order,
                             std::optional<StaffId> staff, UserId user) {
  return store::assign_mechanic(tenant, tx, order, staff, user);
}

std::optional<std::string> optional_text(json::Input& in, std::string_view key,
                                         std::size_t max_length) {
  auto s = in.text(key, {.max_length = max_length});
  if (s && s->empty()) return std::nullopt;
  return s;
}

std::optional<bool> read_active_filter(const api::Context& ctx) {
  auto v = ctx.query("active");
  if (!v || v->empty() || *v == "1" || *v == "true") return true;
  if (*v == "0" || *v == "false") return false;
  if (*v == "all") return std::nullopt;
  throw errors::bad_request("Parâmetro 'active' deve ser 1, 0 ou all.");
}

}  // namespace mg::workshop
