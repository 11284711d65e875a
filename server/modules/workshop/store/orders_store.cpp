#include "modules/workshop/store/orders_store.hpp"

#include "libs/core/api_error.hpp"
#include "modules/workshop/store/motorcycles_store.hpp"
#include "modules/workshop/store/stock_store.hpp"

namespace mg::workshop::store {
namespace {

#define ORDER_COLUMNS                                                                   \
  "o.id, o.number, o.status, o.customer_id, c.name as customer_name, o.motorcycle_id, " \
  "m.plate as motorcycle_plate, m.model as motorcycle_model, o.description, "           \
  "o.total_parts, o.total_labor, o.discount, o.total_amount, o.km_at_entry, "           \
  "iso_utc(o.created_at) as created_at, "                                               \
  "to_char(o.scheduled_date, 'YYYY-MM-DD') as scheduled_date, "                         \
  "iso_utc(o.closed_at) as closed_at "

#define ORDER_FROM                                                          \
  "from service_orders o "                                                  \
  "join customers c on c.tenant_id = o.tenant_id and c.id = o.customer_id " \
  "join motorcycles m on m.tenant_id = o.tenant_id and m.id = o.motorcycle_id "

constexpr std::string_view kFind = "select " ORDER_COLUMNS ORDER_FROM "where o.id = $1";
constexpr std::string_view kItems =
    "select id, item_type, part_id, description, quantity, unit_price, total "
    "from service_order_items where order_id = $1 order by id";
constexpr std::string_view kHistory =
    "select h.status, iso_utc(h.at) as at, h.user_id, u.name as user_name "
    "from service_order_history h left join users u on u.tenant_id = h.tenant_id and u.id = "
    "h.user_id "
    "where h.order_id = $1 order by h.at, h.id";

OrderRow order_from(const db::Row& r) {
  OrderRow o;
  o.id = r.i64("id");
  o.number = r.i64("number");
  o.status = r.str("status");
  o.customer_id = r.i64("customer_id");
  o.customer_name = r.str("customer_name");
  o.motorcycle_id = r.i64("motorcycle_id");
  o.motorcycle_plate = r.opt_str("motorcycle_plate");
  o.motorcycle_model = r.opt_str("motorcycle_model");
  o.description = r.opt_str("description");
  o.total_parts = r.i64("total_parts");
  o.total_labor = r.i64("total_labor");
  o.discount = r.i64("discount");
  o.total_amount = r.i64("total_amount");
  o.km_at_entry = r.opt_i64("km_at_entry");
  o.created_at = r.str("created_at");
  o.scheduled_date = r.opt_str("scheduled_date");
  o.closed_at = r.opt_str("closed_at");
  return o;
}

std::optional<OrderDetail> detail_from(const std::vector<db::Result>& r) {
  if (r[0].empty()) return std::nullopt;
  OrderDetail d{order_from(r[0][0]), {}, {}};
  for (int i = 0; i < r[1].size(); ++i) {
    auto row = r[1][i];
    d.items.push_back(ItemRow{row.i64("id"), row.str("item_type"), row.opt_i64("part_id"),
                              row.str("description"), row.i64("quantity"), row.i64("unit_price"),
                              row.i64("total")});
  }
  for (int i = 0; i < r[2].size(); ++i) {
    auto row = r[2][i];
    d.history.push_back(HistoryRow{row.str("status"), row.str("at"), row.opt_i64("user_id"),
                                   row.opt_str("user_name")});
  }
  return d;
}

std::vector<db::Query> detail_queries(std::int64_t id) {
  return {db::q(kFind, id), db::q(kItems, id), db::q(kHistory, id)};
}

void add_history(db::Tx& tx, std::int64_t order_id, OrderStatus status, std::int64_t user_id) {
  tx.exec(
      "insert into service_order_history (tenant_id, order_id, status, user_id) "
      "values (current_tenant(), $1, $2, $3)",
      order_id, to_string(status), user_id);
}

}  // namespace

std::vector<OrderRow> list_orders(db::Database& db, std::int64_t tenant, const OrderFilter& f,
                                  Page page, std::int64_t& total) {
  // Only the filters given go into the SQL: a catch-all "($1 is null or …)"
  // text would share one generic plan whose estimates fit no case, and the
  // common page of recent orders must walk the (tenant, created_at) index and
  // stop after `limit` rows however many orders the workshop has.
  std::string where;
  std::vector<db::Value> params;
  auto when = [&](bool present, std::string_view condition, db::Value value) {
    if (!present) return;
    params.push_back(std::move(value));
    const std::string n = "$" + std::to_string(params.size());
    std::string c(condition);
    for (auto pos = c.find('?'); pos != std::string::npos; pos = c.find('?', pos + n.size()))
      c.replace(pos, 1, n);
    where += (where.empty() ? "where " : "and ") + c + " ";
  };
  const auto q = like_text(f.q);
  when(f.status.has_value(), "o.status = ?", f.status);
  when(f.customer_id.has_value(), "o.customer_id = ?", db::val(f.customer_id));
  when(f.motorcycle_id.has_value(), "o.motorcycle_id = ?", db::val(f.motorcycle_id));
  when(q.has_value(),
       "(o.search like " SEARCH_PATTERN("?") " or c.search like " SEARCH_PATTERN("?") " "
       "or o.number::text = ltrim(?, '#'))",
       q);
  when(f.from.has_value(), "o.created_at >= ?::timestamptz", f.from);
  when(f.to.has_value(), "o.created_at <= ?::timestamptz", f.to);
  when(f.scheduled_date.has_value(), "o.scheduled_date = ?::date", f.scheduled_date);

  const auto n = params.size();
  db::Query count{db::intern("select count(*) as n from service_orders o " +
                             std::string(q ? "join customers c on c.tenant_id = o.tenant_id "
                                             "and c.id = o.customer_id "
                                           : "") +
                             where),
                  params};
  params.push_back(db::val(page.limit));
  params.push_back(db::val(page.offset));
  const std::string page_sql = "order by o.created_at desc, o.id desc limit $" +
                               std::to_string(n + 1) + " offset $" + std::to_string(n + 2) + " ";
  // Without a search the page is picked from the orders alone (an index walk
  // that stops at `limit`), then joined: a generic plan does not know the
  // limit and would otherwise join and sort every order of the workshop.
  db::Query list{
      db::intern(q ? "select " ORDER_COLUMNS ORDER_FROM + where + page_sql
                   : "select " ORDER_COLUMNS "from (select * from service_orders o " + where +
                         page_sql +
                         ") o "
                         "join customers c on c.tenant_id = o.tenant_id and c.id = o.customer_id "
                         "join motorcycles m on m.tenant_id = o.tenant_id "
                         "and m.id = o.motorcycle_id "
                         "order by o.created_at desc, o.id desc"),
      std::move(params)};
  auto r = db.read(tenant, {list, count});
  total = r[1][0].i64("n");
  std::vector<OrderRow> out;
  out.reserve(r[0].size());
  for (int i = 0; i < r[0].size(); ++i) out.push_back(order_from(r[0][i]));
  return out;
}

std::optional<OrderDetail> find_order(db::Database& db, std::int64_t tenant, std::int64_t id) {
  return detail_from(db.read(tenant, detail_queries(id)));
}

std::optional<OrderDetail> find_order(db::Tx& tx, std::int64_t id) {
  return detail_from(exec_all(tx, detail_queries(id)));
}

std::optional<LockedOrder> lock_order(db::Tx& tx, std::int64_t id) {
  auto r = tx.exec(
      "select id, number, motorcycle_id, status from service_orders where id = $1 for update", id);
  if (r.empty()) return std::nullopt;
  auto status = parse_order_status(r[0].text("status"));
  return LockedOrder{r[0].i64("id"), r[0].i64("number"), r[0].i64("motorcycle_id"),
                     status.value_or(OrderStatus::open)};
}

CreatedOrder create_order(db::Tx& tx, const NewOrder& o, std::int64_t user_id) {
  ErrorDetails problems;
  auto customer = tx.exec("select is_active from customers where id = $1", o.customer_id);
  if (customer.empty() || !customer[0].boolean("is_active"))
    problems.emplace_back("customer_id", "cliente não encontrado ou inativo");
  auto moto =
      tx.exec("select customer_id, is_active from motorcycles where id = $1", o.motorcycle_id);
  if (moto.empty() || !moto[0].boolean("is_active"))
    problems.emplace_back("motorcycle_id", "moto não encontrada ou inativa");
  else if (moto[0].i64("customer_id") != o.customer_id)
    problems.emplace_back("motorcycle_id", "a moto não pertence a este cliente");
  if (!problems.empty())
    throw errors::validation("Cliente ou moto inválidos para a OS.", std::move(problems));

  // The counter row serializes concurrent creations of one tenant: numbers are
  // never repeated nor skipped (a rolled-back creation rolls its number back too).
  const auto number = tx.exec(
                            "insert into order_counters (tenant_id, last_number) "
                            "values (current_tenant(), 1) on conflict (tenant_id) "
                            "do update set last_number = order_counters.last_number + 1 "
                            "returning last_number")[0]
                          .i64("last_number");
  const auto id = tx.exec(
                        "insert into service_orders (tenant_id, number, customer_id, "
                        "motorcycle_id, description, scheduled_date, km_at_entry, created_by) "
                        "values (current_tenant(), $1, $2, $3, $4, $5::date, $6, $7) "
                        "returning id",
                        number, o.customer_id, o.motorcycle_id, o.description, o.scheduled_date,
                        o.km_at_entry, user_id)[0]
                      .i64("id");
  add_history(tx, id, OrderStatus::open, user_id);
  if (o.km_at_entry) raise_km(tx, o.motorcycle_id, *o.km_at_entry);
  return {id, number};
}

void update_order(db::Tx& tx, std::int64_t id, const OrderChange& c) {
  auto order = lock_order(tx, id);
  if (!order) throw errors::not_found("OS não encontrada.");
  if (items_locked(order->status))
    throw errors::conflict("OS concluída ou cancelada não pode ser alterada.",
                           {{"status", std::string(to_string(order->status))}});
  tx.exec(
      "update service_orders set "
      "description = case when $2 then $3 else description end, "
      "scheduled_date = case when $4 then $5::date else scheduled_date end, "
      "km_at_entry = case when $6 then $7::integer else km_at_entry end, "
      "discount = coalesce($8, discount), updated_at = now() where id = $1",
      id, c.set_description, c.description, c.set_scheduled_date, c.scheduled_date,
      c.set_km_at_entry, c.km_at_entry, c.discount);
  if (c.km_at_entry) raise_km(tx, order->motorcycle_id, *c.km_at_entry);
  recompute_totals(tx, id);
}

OrderStatus change_status(db::Tx& tx, std::int64_t id, OrderStatus to, auth::Role role,
                          std::int64_t user_id) {
  auto order = lock_order(tx, id);
  if (!order) throw errors::not_found("OS não encontrada.");
  check_transition(role, order->status, to);
  tx.exec(
      "update service_orders set status = $2, updated_at = now(), "
      "closed_at = case when $2 = 'COMPLETED' then now() "
      "                 when status = 'COMPLETED' then null else closed_at end "
      "where id = $1",
      id, to_string(to));
  add_history(tx, id, to, user_id);
  if (to == OrderStatus::cancelled) {
    // Every part goes back; parts in id order so concurrent cancellations lock
    // the same rows in the same order (no deadlock).
    auto parts = tx.exec(
        "select part_id, quantity from service_order_items "
        "where order_id = $1 and item_type = 'part' order by part_id, id",
        id);
    const std::string reason = "Cancelamento da OS #" + std::to_string(order->number);
    for (int i = 0; i < parts.size(); ++i) {
      apply_movement(tx, Movement{parts[i].i64("part_id"), MovementType::in,
                                  parts[i].i64("quantity"), reason, id, user_id});
    }
  }
  // Hook: COMPLETED creates the order's receivable exactly once, through the
  // finance module's C++ interface in this same transaction. The finance module
  // does not exist yet; wire it here when it does.
  return to;
}

db::Query recompute_totals_query(std::int64_t id) {
  return db::q(
      "update service_orders o set total_parts = t.parts, total_labor = t.labor, "
      "total_amount = greatest(t.parts + t.labor - o.discount, 0), updated_at = now() "
      "from (select coalesce(sum(total) filter (where item_type = 'part'), 0) as parts, "
      "             coalesce(sum(total) filter (where item_type = 'labor'), 0) as labor "
      "      from service_order_items where order_id = $1) t "
      "where o.id = $1 "
      "returning o.total_parts, o.total_labor, o.discount, o.total_amount",
      id);
}

OrderTotals totals_from(const db::Result& r) {
  if (r.empty()) return {};
  return OrderTotals{r[0].i64("total_parts"), r[0].i64("total_labor"), r[0].i64("discount"),
                     r[0].i64("total_amount")};
}

OrderTotals recompute_totals(db::Tx& tx, std::int64_t id) {
  return totals_from(tx.exec(recompute_totals_query(id)));
}

}  // namespace mg::workshop::store
