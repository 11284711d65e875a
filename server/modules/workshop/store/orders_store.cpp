#include "modules/workshop/store/orders_store.hpp"

#include "libs/db/constraints.hpp"
#include "libs/db/filter.hpp"
#include "modules/workshop/events.hpp"
#include "modules/workshop/store/motorcycles_store.hpp"
#include "modules/workshop/store/search.hpp"
#include "modules/workshop/store/stock_store.hpp"

namespace mg::workshop {

void from_text(std::string_view text, Quantity& out) {
  out.centi = money::parse_decimal(text).value_or(0);  // numeric(10,2): "1.50"
}

}  // namespace mg::workshop

namespace mg::workshop::store {
namespace {

const std::string kColumns =
    "o.id, o.number, o.status, o.customer_id, c.name as customer_name, o.motorcycle_id, "
    "m.plate as motorcycle_plate, m.model as motorcycle_model, o.description, "
    "o.total_parts, o.total_labor, o.discount, o.total_amount, o.km_at_entry, "
    "iso_utc(o.created_at) as created_at, "
    "to_char(o.scheduled_date, 'YYYY-MM-DD') as scheduled_date, "
    "iso_utc(o.closed_at) as closed_at, o.assigned_staff_id, st.name as assigned_staff_name ";
// The mechanic's name is read from the team's staff (a read across modules).
const std::string kJoins =
    "join customers c on c.tenant_id = o.tenant_id and c.id = o.customer_id "
    "join motorcycles m on m.tenant_id = o.tenant_id and m.id = o.motorcycle_id "
    "left join staff st on st.tenant_id = o.tenant_id and st.id = o.assigned_staff_id ";
const std::string kOrderBy = "order by o.created_at desc, o.id desc ";

// Without a search the page is picked from the orders alone (an index walk
// that stops at `limit`), then joined: a generic plan does not know the limit
// and would otherwise join and sort every order of the workshop.
const std::string kListRecent = "select " + kColumns + "from (select * from service_orders o " +
                                "{where} " + kOrderBy + "limit {1} offset {2}) o " + kJoins +
                                kOrderBy;
const std::string kCountRecent = "select count(*) as n from service_orders o {where}";
// A search matches the customer and the motorcycle too: join first.
const std::string kListSearch = "select " + kColumns + "from service_orders o " + kJoins +
                                "{where} " + kOrderBy + "limit {1} offset {2}";
const std::string kCountSearch = "select count(*) as n from service_orders o " + kJoins + "{where}";

const db::Statement kFind("orders.find", "select " + kColumns + "from service_orders o " + kJoins +
                                             "where o.id = $1");
const db::Statement kItems(
    "orders.items",
    "select i.id, i.item_type, i.part_id, i.description, i.quantity, i.unit_price, i.total, "
    "i.staff_id, s.name as staff_name from service_order_items i "
    "left join staff s on s.tenant_id = i.tenant_id and s.id = i.staff_id "
    "where i.order_id = $1 order by i.id");
const db::Statement kHistory("orders.history",
                             "select h.status, iso_utc(h.at) as at, h.user_id, u.name as user_name "
                             "from service_order_history h "
                             "left join users u on u.tenant_id = h.tenant_id and u.id = h.user_id "
                             "where h.order_id = $1 order by h.at, h.id");
const db::Statement kChanges(
    "orders.changes",
    "select c.kind, c.item_id, c.description, c.from_value as from, c.to_value as to, "
    "c.from_staff_id, c.to_staff_id, fs.name as from_staff_name, ts.name as to_staff_name, "
    "iso_utc(c.at) as at, c.user_id, u.name as user_name from service_order_changes c "
    "left join users u on u.tenant_id = c.tenant_id and u.id = c.user_id "
    "left join staff fs on fs.tenant_id = c.tenant_id and fs.id = c.from_staff_id "
    "left join staff ts on ts.tenant_id = c.tenant_id and ts.id = c.to_staff_id "
    "where c.order_id = $1 order by c.at, c.id");
// The latest quote's state (quotes belong to the portal module: a read across modules).
const db::Statement kApproval(
    "orders.approval",
    "select case when q.state = 'PENDING' and q.expires_at <= now() then 'EXPIRED' "
    "else q.state end as state, q.version, iso_utc(q.sent_at) as sent_at, "
    "iso_utc(q.expires_at) as expires_at, iso_utc(q.decided_at) as decided_at, "
    "q.decided_by_name, q.order_fingerprint <> order_quote_fingerprint(q.order_id) as outdated "
    "from quotes q where q.order_id = $1 order by q.version desc limit 1");
// Stamped when written (not when the transaction began): the order's lock serializes the
// changes, and their times then follow that order.
const db::Statement kRecordChange(
    "orders.record_change",
    "insert into service_order_changes (tenant_id, order_id, kind, item_id, description, "
    "from_value, to_value, user_id, from_staff_id, to_staff_id, at) "
    "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, clock_timestamp())");
const db::Statement kDiscount("orders.discount",
                              "select discount from service_orders where id = $1");
const db::Statement kLock("orders.lock",
                          "select id, number, customer_id, motorcycle_id, status, "
                          "assigned_staff_id from service_orders where id = $1 for update");
const db::Statement kCustomerActive("orders.customer_active",
                                    "select is_active from customers where id = $1");
const db::Statement kStaffActive("orders.staff_active",
                                 "select is_active from staff where id = $1");
const db::Statement kStaffOfUser("orders.staff_of_user", "select id from staff where user_id = $1");
const db::Statement kSetMechanic(
    "orders.set_mechanic",
    "update service_orders set assigned_staff_id = $2, updated_at = now() where id = $1");
// The foreign keys carry tenant_id: a staff id of another workshop cannot be stored.
const db::Constraints kConstraints{
    {"service_orders_assigned_staff_fk",
     fail::invalid("Mecânico inválido.",
                   {{"assigned_staff_id", "membro da equipe não encontrado"}})}};
const db::Statement kMotorcycleOf("orders.motorcycle_owner",
                                  "select customer_id, is_active from motorcycles where id = $1");
// The counter row serializes concurrent creations of one tenant: numbers are
// never repeated nor skipped (a rolled-back creation rolls its number back too).
const db::Statement kNextNumber(
    "orders.next_number",
    "insert into order_counters (tenant_id, last_number) values ($1, 1) "
    "on conflict (tenant_id) do update set last_number = order_counters.last_number + 1 "
    "returning last_number");
const db::Statement kInsert(
    "orders.insert",
    "insert into service_orders (tenant_id, number, customer_id, motorcycle_id, description, "
    "scheduled_date, km_at_entry, created_by, assigned_staff_id) "
    "values ($1, $2, $3, $4, $5, $6::date, $7, $8, $9) returning id");
const db::Statement kAddHistory(
    "orders.add_history",
    "insert into service_order_history (tenant_id, order_id, status, user_id) "
    "values ($1, $2, $3, $4)");
const db::Statement kUpdate("orders.update",
                            "update service_orders set "
                            "description = case when $2 then $3 else description end, "
                            "scheduled_date = case when $4 then $5::date else scheduled_date end, "
                            "km_at_entry = case when $6 then $7::integer else km_at_entry end, "
                            "discount = coalesce($8, discount), updated_at = now() where id = $1");
const db::Statement kSetStatus(
    "orders.set_status",
    "update service_orders set status = $2, updated_at = now(), "
    "closed_at = case when $2 = 'COMPLETED' then now() "
    "                 when status = 'COMPLETED' then null else closed_at end "
    "where id = $1 returning total_amount");
// Parts in id order, so concurrent cancellations lock the same rows in the
// same order (no deadlock).
const db::Statement kPartItems("orders.part_items",
                               "select part_id, quantity::bigint as quantity "
                               "from service_order_items where order_id = $1 "
                               "and item_type = 'part' order by part_id, id");
const db::Statement kCustomerName("orders.customer_name",
                                  "select name from customers where id = $1");
const db::Statement kRecompute(
    "orders.recompute_totals",
    "update service_orders o set total_parts = t.parts, total_labor = t.labor, "
    "total_amount = greatest(t.parts + t.labor - o.discount, 0), updated_at = now() "
    "from (select coalesce(sum(total) filter (where item_type = 'part'), 0) as parts, "
    "             coalesce(sum(total) filter (where item_type = 'labor'), 0) as labor "
    "      from service_order_items where order_id = $1) t "
    "where o.id = $1 returning o.total_parts, o.total_labor, o.discount, o.total_amount");

std::optional<OrderDetail> detail_from(const std::vector<db::Result>& r) {
  auto order = r[0].first<OrderRow>();
  if (!order) return std::nullopt;
  return OrderDetail{std::move(*order), r[1].as<ItemRow>(), r[2].as<HistoryRow>(),
                     r[3].as<ChangeRow>(), r[4].first<ApprovalRow>()};
}

std::vector<db::Query> detail_queries(OrderId id) {
  return {db::q(kFind, id), db::q(kItems, id), db::q(kHistory, id), db::q(kChanges, id),
          db::q(kApproval, id)};
}

void add_history(TenantId tenant, db::Tx& tx, OrderId order, OrderStatus status, UserId user) {
  tx.exec(kAddHistory, tenant, order, to_string(status), user);
}

// What is wrong with a staff reference (the answer of kStaffActive), if anything.
std::optional<std::string> staff_problem(const db::Result& r) {
  if (r.empty()) return "membro da equipe não encontrado";
  if (!r[0].boolean("is_active")) return "membro da equipe inativo";
  return std::nullopt;
}

}  // namespace

db::Read<db::Page<OrderRow>> read_orders(const OrderFilter& f, db::Paging page) {
  static const std::string kWord =
      "(" + matches("o.search") + " or " + matches("c.search") + " or " + matches("m.search") +
      " or (?2 <> '' and m.plate_key like '%' || ?2 || '%') or o.number::text = ?)";
  // "#12" is the order's number and nothing else.
  static const std::string kNumber = "o.number::text = ?";
  db::Filter filter;
  if (f.status) filter.where("status", "o.status = ?", db::val(to_string(*f.status)));
  filter.where("customer", "o.customer_id = ?", f.customer_id);
  filter.where("motorcycle", "o.motorcycle_id = ?", f.motorcycle_id);
  const auto words = f.q ? search_words(*f.q) : std::vector<std::string>{};
  for (const auto& word : words) {
    if (word.size() > 1 && word[0] == '#')
      filter.where("n", kNumber, db::val(word.substr(1)));
    else
      filter.where("q", kWord, db::val(word), db::val(plate_word(word)));
  }
  filter.where("from", "o.created_at >= ?::timestamptz", f.from);
  filter.where("to", "o.created_at <= ?::timestamptz", f.to);
  filter.where("scheduled", "o.scheduled_date = ?::date", f.scheduled_date);
  filter.where("staff", "o.assigned_staff_id = ?", f.assigned_staff_id);
  // A user with no staff record has no orders of their own (the subquery is null).
  filter.where("mine", "o.assigned_staff_id = (select s.id from staff s where s.user_id = ?)",
               f.mine);
  const bool search = !words.empty();
  return db::page_read<OrderRow>(
      filter.query(search ? "orders.search" : "orders.list", search ? kListSearch : kListRecent,
                   {db::val(page.limit), db::val(page.offset)}),
      filter.query(search ? "orders.count_search" : "orders.count",
                   search ? kCountSearch : kCountRecent));
}

db::Read<std::optional<OrderDetail>> read_order(OrderId id) {
  return {detail_queries(id), detail_from};
}

std::optional<OrderDetail> find_order(TenantId, db::Tx& tx, OrderId id) {
  return detail_from(tx.exec_batch(detail_queries(id)));
}

std::optional<LockedOrder> lock_order(TenantId, db::Tx& tx, OrderId id) {
  auto r = tx.exec(kLock, id);
  if (r.empty()) return std::nullopt;
  auto staff = r[0].opt_i64("assigned_staff_id");
  return LockedOrder{OrderId{r[0].i64("id")},
                     r[0].i64("number"),
                     CustomerId{r[0].i64("customer_id")},
                     MotorcycleId{r[0].i64("motorcycle_id")},
                     parse_order_status(r[0].text("status")).value_or(OrderStatus::open),
                     staff ? std::optional<StaffId>(StaffId{*staff}) : std::nullopt};
}

Result<CreatedOrder> create_order(TenantId tenant, db::Tx& tx, const events::Bus& bus,
                                  const NewOrder& o, UserId user) {
  std::vector<db::Query> checks{db::q(kCustomerActive, o.customer_id),
                                db::q(kMotorcycleOf, o.motorcycle_id)};
  if (o.assigned_staff_id) checks.push_back(db::q(kStaffActive, *o.assigned_staff_id));
  auto refs = tx.exec_batch(checks);
  ErrorDetails problems;
  if (refs[0].empty() || !refs[0][0].boolean("is_active"))
    problems.emplace_back("customer_id", "cliente não encontrado ou inativo");
  if (refs[1].empty() || !refs[1][0].boolean("is_active"))
    problems.emplace_back("motorcycle_id", "moto não encontrada ou inativa");
  else if (CustomerId{refs[1][0].i64("customer_id")} != o.customer_id)
    problems.emplace_back("motorcycle_id", "a moto não pertence a este cliente");
  if (o.assigned_staff_id)
    if (auto problem = staff_problem(refs[2])) problems.emplace_back("assigned_staff_id", *problem);
  if (!problems.empty())
    return fail::invalid("Cliente, moto ou mecânico inválidos para a OS.", std::move(problems));

  const auto number = tx.exec(kNextNumber, tenant)[0].i64("last_number");
  const OrderId id{tx.exec(kInsert, tenant, number, o.customer_id, o.motorcycle_id, o.description,
                           o.scheduled_date, o.km_at_entry, user, o.assigned_staff_id)[0]
                       .i64("id")};
  add_history(tenant, tx, id, OrderStatus::open, user);
  if (o.assigned_staff_id)
    record_change(tenant, tx, id,
                  {"mechanic", std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                   o.assigned_staff_id},
                  user);
  if (o.km_at_entry) raise_km(tenant, tx, o.motorcycle_id, *o.km_at_entry);
  if (auto published = bus.publish(tx, OrderCreated{tenant, id, number, o.customer_id, user});
      !published)
    return published.error();
  return CreatedOrder{id, number};
}

void record_change(TenantId tenant, db::Tx& tx, OrderId order, const Change& c, UserId user) {
  tx.exec(kRecordChange, tenant, order, c.kind, c.item_id, c.description, c.from, c.to, user,
          c.from_staff, c.to_staff);
}

std::optional<StaffId> staff_of_user(TenantId, db::Tx& tx, UserId user) {
  auto r = tx.exec(kStaffOfUser, user);
  if (r.empty()) return std::nullopt;
  return StaffId{r[0].i64("id")};
}

Result<void> check_staff(TenantId, db::Tx& tx, StaffId staff, std::string_view field) {
  if (auto problem = staff_problem(tx.exec(kStaffActive, staff)))
    return fail::invalid("Membro da equipe inválido.", {{std::string(field), *problem}});
  return {};
}

Result<void> assign_mechanic(TenantId tenant, db::Tx& tx, OrderId id, std::optional<StaffId> staff,
                             UserId user) {
  auto order = lock_order(tenant, tx, id);
  if (!order) return fail::not_found("OS não encontrada.");
  if (order->status == OrderStatus::cancelled)
    return fail::conflict("OS cancelada não pode ser alterada.", {{"status", "CANCELLED"}});
  if (order->assigned_staff_id == staff) return {};
  if (staff)
    if (auto ok = check_staff(tenant, tx, *staff, "assigned_staff_id"); !ok) return ok.error();
  if (auto set = kConstraints.guard([&] { tx.exec(kSetMechanic, id, staff); }); !set)
    return set.error();
  record_change(tenant, tx, id,
                {"mechanic", std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                 order->assigned_staff_id, staff},
                user);
  return {};
}

Result<void> update_order(TenantId tenant, db::Tx& tx, OrderId id, const OrderChange& c,
                          UserId user) {
  auto order = lock_order(tenant, tx, id);
  if (!order) return fail::not_found("OS não encontrada.");
  // A completed order's mechanic may still be corrected; nothing else of it.
  const bool only_mechanic = c.set_assigned_staff && !c.changes_more_than_mechanic();
  if (items_locked(order->status) && (order->status == OrderStatus::cancelled || !only_mechanic))
    return fail::conflict("OS concluída ou cancelada não pode ser alterada.",
                          {{"status", std::string(to_string(order->status))}});
  if (c.set_assigned_staff)
    if (auto assigned = assign_mechanic(tenant, tx, id, c.assigned_staff_id, user); !assigned)
      return assigned.error();
  if (!c.changes_more_than_mechanic()) return {};
  if (c.discount) {
    const auto before = tx.exec(kDiscount, id)[0].i64("discount");
    if (before != *c.discount)
      record_change(tenant, tx, id, {"discount", std::nullopt, std::nullopt, before, *c.discount},
                    user);
  }
  tx.exec(kUpdate, id, c.set_description, c.description, c.set_scheduled_date, c.scheduled_date,
          c.set_km_at_entry, c.km_at_entry, c.discount);
  if (c.km_at_entry) raise_km(tenant, tx, order->motorcycle_id, *c.km_at_entry);
  const auto totals = totals_from(tx.exec(recompute_totals_query(id)));
  if (c.discount) return check_totals(totals, TotalsChange::discount, "discount");
  return {};
}

Result<OrderStatus> change_status(TenantId tenant, db::Tx& tx, const events::Bus& bus, OrderId id,
                                  OrderStatus to, auth::Role role, UserId user) {
  auto order = lock_order(tenant, tx, id);
  if (!order) return fail::not_found("OS não encontrada.");
  if (auto allowed = check_transition(role, order->status, to); !allowed) return allowed.error();
  const auto total = tx.exec(kSetStatus, id, to_string(to))[0].i64("total_amount");
  add_history(tenant, tx, id, to, user);
  if (to == OrderStatus::cancelled) {
    auto parts = tx.exec(kPartItems, id);
    const std::string reason = "Cancelamento da OS #" + std::to_string(order->number);
    for (int i = 0; i < parts.size(); ++i) {
      auto back = apply_movement(tenant, tx,
                                 Movement{PartId{parts[i].i64("part_id")}, MovementType::in,
                                          parts[i].i64("quantity"), reason, id, user});
      if (!back) return back.error();
    }
  }
  Result<void> published =
      bus.publish(tx, OrderStatusChanged{tenant, id, std::string(to_string(order->status)),
                                         std::string(to_string(to)), user});
  if (published && to == OrderStatus::completed) {
    auto name = tx.exec(kCustomerName, order->customer_id);
    published = bus.publish(
        tx, OrderCompleted{tenant, id, order->number, order->customer_id,
                           name.empty() ? std::string() : name[0].str("name"), total, user});
  }
  if (published && to == OrderStatus::cancelled)
    published = bus.publish(tx, OrderCancelled{tenant, id, order->number, user});
  if (!published) return published.error();
  return to;
}

db::Query recompute_totals_query(OrderId id) {
  return db::q(kRecompute, id);
}

OrderTotals totals_from(const db::Result& r) {
  if (r.empty()) return {};
  return OrderTotals{r[0].i64("total_parts"), r[0].i64("total_labor"), r[0].i64("discount"),
                     r[0].i64("total_amount")};
}

}  // namespace mg::workshop::store
