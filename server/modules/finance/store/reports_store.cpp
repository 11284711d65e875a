#include "modules/finance/store/reports_store.hpp"

namespace mg::finance::store {
namespace {

// Every day of the range, with what the payments that stand moved on it.
const db::Statement kDaily(
    "cashflow.daily",
    "select to_char(d, 'YYYY-MM-DD') as date, coalesce(f.in_total, 0) as in_total, "
    "coalesce(f.out_total, 0) as out_total, coalesce(f.fees, 0) as fees, "
    "coalesce(f.n_in, 0) as n_in "
    "from generate_series($1::date, $2::date, interval '1 day') d left join ("
    "  select paid_on, sum(amount) filter (where direction = 'IN') as in_total, "
    "  sum(amount) filter (where direction = 'OUT') as out_total, "
    "  sum(fee) filter (where direction = 'IN') as fees, "
    "  count(*) filter (where direction = 'IN') as n_in "
    "  from payments where paid_on between $1::date and $2::date and cancelled_at is null "
    "  group by paid_on) f on f.paid_on = d::date "
    "order by d");
const db::Statement kByMethod(
    "cashflow.by_method",
    "select method, coalesce(sum(amount) filter (where direction = 'IN'), 0) as in_total, "
    "coalesce(sum(amount) filter (where direction = 'OUT'), 0) as out_total from payments "
    "where paid_on between $1::date and $2::date and cancelled_at is null "
    "group by method order by method nulls last");
const std::string kOpenAmount = "amount - paid_amount";
const std::string kLate = "current_date - due_date";
const db::Statement kAging(
    "reports.aging",
    "select count(*) filter (where due_date >= current_date) as n0, "
    "coalesce(sum(" +
        kOpenAmount +
        ") filter (where due_date >= current_date), 0) as t0, "
        "count(*) filter (where " +
        kLate +
        " between 1 and 30) as n1, "
        "coalesce(sum(" +
        kOpenAmount + ") filter (where " + kLate +
        " between 1 and 30), 0) as t1, "
        "count(*) filter (where " +
        kLate +
        " between 31 and 60) as n2, "
        "coalesce(sum(" +
        kOpenAmount + ") filter (where " + kLate +
        " between 31 and 60), 0) as t2, "
        "count(*) filter (where " +
        kLate +
        " between 61 and 90) as n3, "
        "coalesce(sum(" +
        kOpenAmount + ") filter (where " + kLate +
        " between 61 and 90), 0) as t3, "
        "count(*) filter (where " +
        kLate +
        " > 90) as n4, "
        "coalesce(sum(" +
        kOpenAmount + ") filter (where " + kLate +
        " > 90), 0) as t4 "
        "from receivables where cancelled_at is null and paid_amount < amount");
const db::Statement kPayablesDue(
    "reports.payables_due",
    "select count(*) filter (where due_date between current_date and current_date + 7) as n_due, "
    "coalesce(sum(" +
        kOpenAmount +
        ") filter (where due_date between current_date and "
        "current_date + 7), 0) as t_due, "
        "count(*) filter (where due_date < current_date) as n_late, "
        "coalesce(sum(" +
        kOpenAmount +
        ") filter (where due_date < current_date), 0) as t_late "
        "from payables where cancelled_at is null and paid_amount < amount");
const db::Statement kPayablesDueList(
    "reports.payables_due_list",
    "select id, supplier_name, category, to_char(due_date, 'YYYY-MM-DD') as due_date, " +
        kOpenAmount +
        " as open_amount from payables where cancelled_at is null and paid_amount < amount "
        "and due_date between current_date and current_date + 7 order by due_date, id limit 20");
// Ranked from the payments alone (their customer_id is in payments_day), then
// each of the ten named by its latest receivable.
const db::Statement kTopCustomers(
    "reports.top_customers",
    "select t.customer_id, coalesce(n.customer_name, '') as customer_name, t.amount, t.n "
    "from (select customer_id, sum(amount) as amount, count(*) as n from payments "
    "      where paid_on between $1::date and $2::date and cancelled_at is null "
    "      and direction = 'IN' and customer_id is not null "
    "      group by customer_id order by amount desc, customer_id limit 10) t "
    "left join lateral (select r.customer_name from receivables r "
    "  where r.customer_id = t.customer_id and r.customer_name is not null "
    "  order by r.id desc limit 1) n on true "
    "order by t.amount desc, t.customer_id");

const db::Statement kOpenReceivables(
    "overview.receivables",
    "select count(*) as pending_count, coalesce(sum(" + kOpenAmount +
        "), 0) as pending_total, "
        "count(*) filter (where due_date < current_date) as overdue_count, "
        "coalesce(sum(" +
        kOpenAmount +
        ") filter (where due_date < current_date), 0) "
        "as overdue_total, "
        "count(*) filter (where due_date between current_date and current_date + 7) as "
        "due_7d_count, "
        "coalesce(sum(" +
        kOpenAmount +
        ") filter (where due_date between current_date and "
        "current_date + 7), 0) as due_7d_total "
        "from receivables where cancelled_at is null and paid_amount < amount");
const db::Statement kOpenPayables(
    "overview.payables", "select count(*) as pending_count, coalesce(sum(" + kOpenAmount +
                             "), 0) as pending_total, "
                             "count(*) filter (where due_date < current_date) as overdue_count, "
                             "coalesce(sum(" +
                             kOpenAmount +
                             ") filter (where due_date < current_date), 0) "
                             "as overdue_total, "
                             "count(*) filter (where due_date between current_date and "
                             "current_date + 7) as due_7d_count, "
                             "coalesce(sum(" +
                             kOpenAmount +
                             ") filter (where due_date between current_date and "
                             "current_date + 7), 0) as due_7d_total "
                             "from payables where cancelled_at is null and paid_amount < amount");
const db::Statement kRevenueToday(
    "overview.revenue_today",
    "select coalesce(sum(amount), 0) as today, count(*) as n from payments "
    "where paid_on = current_date and direction = 'IN' and cancelled_at is null");

std::vector<DayFlow> days_from(const db::Result& r) {
  std::vector<DayFlow> out;
  out.reserve(static_cast<std::size_t>(r.size()));
  for (int i = 0; i < r.size(); ++i)
    out.push_back(
        {r[i].str("date"), r[i].i64("in_total"), r[i].i64("out_total"), r[i].i64("fees")});
  return out;
}

}  // namespace

CashFlow cash_flow(TenantId tenant, db::Database& db, const std::string& start,
                   const std::string& end) {
  auto r = db.read(tenant, {db::q(kDaily, start, end), db::q(kByMethod, start, end)});
  CashFlow out{days_from(r[0]), {}};
  for (int i = 0; i < r[1].size(); ++i)
    out.by_method.push_back(
        {r[1][i].opt_str("method"), r[1][i].i64("in_total"), r[1][i].i64("out_total")});
  return out;
}

Report report(TenantId tenant, db::Database& db, const std::string& start, const std::string& end) {
  auto r = db.read(tenant, {db::q(kDaily, start, end), workshop::completed_orders_query(start, end),
                            db::q(kAging), db::q(kPayablesDue), db::q(kPayablesDueList),
                            db::q(kTopCustomers, start, end)});
  Report out;
  out.revenue_by_day = days_from(r[0]);
  for (int i = 0; i < r[0].size(); ++i) out.payments += r[0][i].i64("n_in");
  for (const auto& d : out.revenue_by_day) {
    out.revenue += d.in;
    out.fees += d.fees;
    const auto month = d.date.substr(0, 7);
    if (out.revenue_by_month.empty() || out.revenue_by_month.back().first != month)
      out.revenue_by_month.emplace_back(month, 0);
    out.revenue_by_month.back().second += d.in;
  }
  out.orders = workshop::completed_orders_from(r[1]);
  static constexpr const char* kCounts[] = {"n0", "n1", "n2", "n3", "n4"};
  static constexpr const char* kTotals[] = {"t0", "t1", "t2", "t3", "t4"};
  for (std::size_t b = 0; b < out.aging.size(); ++b)
    out.aging[b] = {r[2][0].i64(kCounts[b]), r[2][0].i64(kTotals[b])};
  out.payables_due_7d = {r[3][0].i64("n_due"), r[3][0].i64("t_due")};
  out.payables_overdue = {r[3][0].i64("n_late"), r[3][0].i64("t_late")};
  for (int i = 0; i < r[4].size(); ++i)
    out.payables_due.push_back({r[4][i].i64("id"), r[4][i].str("supplier_name"),
                                r[4][i].str("category"), r[4][i].str("due_date"),
                                r[4][i].i64("open_amount")});
  for (int i = 0; i < r[5].size(); ++i)
    out.top_customers.push_back({r[5][i].opt_i64("customer_id"), r[5][i].str("customer_name"),
                                 r[5][i].i64("amount"), r[5][i].i64("n")});
  return out;
}

db::Query open_accounts_query(bool receivables) {
  return db::q(receivables ? kOpenReceivables : kOpenPayables);
}

db::Query revenue_today_query() {
  return db::q(kRevenueToday);
}

}  // namespace mg::finance::store
