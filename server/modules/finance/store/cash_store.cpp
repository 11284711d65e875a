#include "modules/finance/store/cash_store.hpp"

#include "libs/db/constraints.hpp"
#include "libs/db/filter.hpp"

namespace mg::finance::store {
namespace {

const std::string kColumns =
    "select r.id, to_char(r.business_date, 'YYYY-MM-DD') as business_date, r.status, "
    "r.opening_balance, iso_utc(r.opened_at) as opened_at, r.opened_by, "
    "uo.name as opened_by_name, iso_utc(r.closed_at) as closed_at, r.closed_by, "
    "uc.name as closed_by_name, r.expected_amount, r.counted_amount, r.difference, r.notes "
    "from cash_registers r "
    "left join users uo on uo.tenant_id = r.tenant_id and uo.id = r.opened_by "
    "left join users uc on uc.tenant_id = r.tenant_id and uc.id = r.closed_by ";

const db::Statement kFind("cash_registers.find", kColumns + "where r.id = $1");
const db::Statement kFindOpen("cash_registers.find_open", kColumns + "where r.status = 'OPEN'");
// The drawer's cash, from the register's payments and movements.
const std::string kTotalsSql =
    "select r.opening_balance, "
    "coalesce((select sum(amount) from payments where cash_register_id = r.id and "
    "  cancelled_at is null and method = 'DINHEIRO' and direction = 'IN'), 0) as cash_in, "
    "coalesce((select sum(amount) from payments where cash_register_id = r.id and "
    "  cancelled_at is null and method = 'DINHEIRO' and direction = 'OUT'), 0) as cash_out, "
    "coalesce((select sum(amount) from cash_movements where register_id = r.id and "
    "  kind = 'SUPRIMENTO'), 0) as supplies, "
    "coalesce((select sum(amount) from cash_movements where register_id = r.id and "
    "  kind = 'SANGRIA'), 0) as withdrawals "
    "from cash_registers r ";
const db::Statement kTotals("cash_registers.totals", kTotalsSql + "where r.id = $1");
const db::Statement kTotalsOpen("cash_registers.totals_open",
                                kTotalsSql + "where r.status = 'OPEN'");
const std::string kByMethodSql =
    "select p.method, coalesce(sum(p.amount) filter (where p.direction = 'IN'), 0) as received, "
    "coalesce(sum(p.amount) filter (where p.direction = 'OUT'), 0) as paid, "
    "coalesce(sum(p.fee), 0) as fees, count(*) as n from payments p ";
const db::Statement kByMethod("cash_registers.by_method",
                              kByMethodSql +
                                  "where p.cash_register_id = $1 and p.cancelled_at is null "
                                  "group by p.method order by p.method");
const db::Statement kByMethodOpen(
    "cash_registers.by_method_open",
    kByMethodSql +
        "join cash_registers r on r.tenant_id = p.tenant_id and r.id = p.cash_register_id "
        "where r.status = 'OPEN' and p.cancelled_at is null group by p.method order by p.method");
const std::string kMovementsSql =
    "select m.id, m.kind, m.amount, m.reason, iso_utc(m.created_at) as created_at, m.user_id, "
    "u.name as user_name from cash_movements m "
    "left join users u on u.tenant_id = m.tenant_id and u.id = m.user_id ";
const db::Statement kMovements("cash_registers.movements",
                               kMovementsSql + "where m.register_id = $1 order by m.id");
const db::Statement kMovementsOpen(
    "cash_registers.movements_open",
    kMovementsSql +
        "join cash_registers r on r.tenant_id = m.tenant_id and r.id = m.register_id "
        "where r.status = 'OPEN' order by m.id");
const std::string kOutsideSql =
    "select coalesce(sum(p.amount), 0) as total, count(p.id) as n from cash_registers r "
    "left join payments p on p.tenant_id = r.tenant_id and p.paid_on = r.business_date and "
    "p.cash_register_id is null and p.cancelled_at is null and p.method = 'DINHEIRO' and "
    "p.direction = 'IN' ";
const db::Statement kOutside("cash_registers.outside", kOutsideSql + "where r.id = $1");
const db::Statement kOutsideOpen("cash_registers.outside_open",
                                 kOutsideSql + "where r.status = 'OPEN'");

const db::Statement kInsert(
    "cash_registers.insert",
    "insert into cash_registers (tenant_id, opening_balance, notes, opened_by) "
    "values ($1, $2, $3, $4) returning id");
const db::Statement kLock("cash_registers.lock",
                          "select status from cash_registers where id = $1 for update");
const db::Statement kAddMovement(
    "cash_registers.add_movement",
    "insert into cash_movements (tenant_id, register_id, kind, amount, reason, user_id) "
    "values ($1, $2, $3, $4, $5, $6) returning id");
const db::Statement kClose(
    "cash_registers.close",
    "update cash_registers set status = 'CLOSED', closed_at = now(), closed_by = $2, "
    "expected_amount = $3, counted_amount = $4, difference = $4::bigint - $3::bigint, "
    "notes = coalesce($5, notes) where id = $1");

const db::Constraints kConstraints{
    {"cash_registers_one_open",
     fail::conflict("Já existe um caixa aberto: feche-o antes de abrir outro.",
                    {{"status", "já existe um caixa aberto"}})},
};

CashTotals totals_from(const db::Result& r) {
  CashTotals t;
  if (r.empty()) return t;
  t.cash_in = r[0].i64("cash_in");
  t.cash_out = r[0].i64("cash_out");
  t.supplies = r[0].i64("supplies");
  t.withdrawals = r[0].i64("withdrawals");
  t.expected = r[0].i64("opening_balance") + t.cash_in - t.cash_out + t.supplies - t.withdrawals;
  return t;
}

std::optional<CashRegisterDetail> detail_from(const std::vector<db::Result>& r) {
  auto reg = r[0].first<CashRegisterRow>();
  if (!reg) return std::nullopt;
  CashRegisterDetail d{std::move(*reg), totals_from(r[1]), {}, r[3].as<CashMovementRow>(), 0, 0};
  for (int i = 0; i < r[2].size(); ++i)
    d.by_method.push_back({r[2][i].opt_str("method"), r[2][i].i64("received"), r[2][i].i64("paid"),
                           r[2][i].i64("fees"), r[2][i].i64("n")});
  if (!r[4].empty()) {
    d.outside_cash = r[4][0].i64("total");
    d.outside_count = r[4][0].i64("n");
  }
  return d;
}

std::vector<db::Query> detail_queries(CashRegisterId id) {
  return {db::q(kFind, id), db::q(kTotals, id), db::q(kByMethod, id), db::q(kMovements, id),
          db::q(kOutside, id)};
}

}  // namespace

std::optional<CashRegisterDetail> find_register(TenantId tenant, db::Database& db,
                                                CashRegisterId id) {
  return detail_from(db.read(tenant, detail_queries(id)));
}

std::optional<CashRegisterDetail> find_register(TenantId, db::Tx& tx, CashRegisterId id) {
  return detail_from(tx.exec_batch(detail_queries(id)));
}

std::optional<CashRegisterDetail> find_open_register(TenantId tenant, db::Database& db) {
  return detail_from(db.read(tenant, {db::q(kFindOpen), db::q(kTotalsOpen), db::q(kByMethodOpen),
                                      db::q(kMovementsOpen), db::q(kOutsideOpen)}));
}

db::Page<CashRegisterRow> list_registers(TenantId tenant, db::Database& db, const RegisterFilter& f,
                                         db::Paging page) {
  db::Filter filter;
  filter.where("status", "r.status = ?", f.status);
  filter.where("start", "r.business_date >= ?::date", f.start);
  filter.where("end", "r.business_date <= ?::date", f.end);
  static const std::string kList =
      kColumns + "{where} order by r.business_date desc, r.id desc limit {1} offset {2}";
  static const std::string kCount = "select count(*) as n from cash_registers r {where}";
  auto r = db.read(tenant, {filter.query("cash_registers.list", kList,
                                         {db::val(page.limit), db::val(page.offset)}),
                            filter.query("cash_registers.count", kCount)});
  return {r[0].as<CashRegisterRow>(), r[1][0].i64("n")};
}

Result<CashRegisterId> open_register(TenantId tenant, db::Tx& tx, Cents opening_balance,
                                     const std::optional<std::string>& notes, UserId user) {
  return kConstraints.guard([&] {
    return CashRegisterId{tx.exec(kInsert, tenant, opening_balance, notes, user)[0].i64("id")};
  });
}

namespace {

Result<void> lock_open(db::Tx& tx, CashRegisterId id) {
  auto r = tx.exec(kLock, id);
  if (r.empty()) return fail::not_found("Caixa não encontrado.");
  if (r[0].text("status") != "OPEN")
    return fail::conflict("Este caixa já foi fechado: um dia fechado não muda.",
                          {{"status", "CLOSED"}});
  return {};
}

}  // namespace

Result<CashMovementId> add_movement(TenantId tenant, db::Tx& tx, CashRegisterId id,
                                    const std::string& kind, Cents amount,
                                    const std::optional<std::string>& reason, UserId user) {
  if (auto locked = lock_open(tx, id); !locked) return locked.error();
  if (kind == "SANGRIA") {
    const auto t = totals_from(tx.exec(kTotals, id));
    if (amount > t.expected)
      return fail::invalid(
          "A sangria de " + brl(amount) + " passa do dinheiro no caixa (" + brl(t.expected) + ").",
          {{"amount", "maior que o dinheiro no caixa"}});
  }
  return CashMovementId{tx.exec(kAddMovement, tenant, id, kind, amount, reason, user)[0].i64("id")};
}

Result<void> close_register(TenantId, db::Tx& tx, CashRegisterId id, Cents counted,
                            const std::optional<std::string>& notes, UserId user) {
  if (auto locked = lock_open(tx, id); !locked) return locked.error();
  const auto t = totals_from(tx.exec(kTotals, id));
  tx.exec(kClose, id, user, t.expected, counted, notes);
  return {};
}

}  // namespace mg::finance::store
