#include "modules/finance/store/accounts_store.hpp"

#include "libs/core/text.hpp"
#include "libs/db/constraints.hpp"
#include "libs/db/filter.hpp"
#include "modules/finance/domain/pix.hpp"
#include "modules/finance/events.hpp"

namespace mg::finance::store {
namespace {

// What differs between the two accounts; everything else is the same SQL.
struct Shape {
  std::string table;      // receivables | payables
  std::string fk;         // the payments' column: receivable_id | payable_id
  std::string direction;  // IN | OUT
  std::string extra;      // more columns the payment statement returns
  std::string customer;   // the payment's customer_id
};
const Shape kReceivables{"receivables", "receivable_id", "IN", "a.customer_id, a.source_id",
                         "a.customer_id"};
const Shape kPayables{"payables", "payable_id", "OUT",
                      "null::bigint as customer_id, null::bigint as source_id", "null::bigint"};

const std::string kOpen = "a.status in ('PENDING', 'PARTIAL')";

// The columns both accounts read, up to "from " (the account is the `a` that follows).
std::string common_columns(const std::string& paid, const std::string& paid_at) {
  return "to_char(a.issue_date, 'YYYY-MM-DD') as issue_date, "
         "to_char(a.due_date, 'YYYY-MM-DD') as due_date, a.amount, a.status, a.paid_amount as " +
         paid + ", a.amount - a.paid_amount as open_amount, lp.paid_at as " + paid_at +
         ", lp.method as payment_method, a.notes, (" + kOpen +
         " and a.due_date < current_date) as overdue, case when " + kOpen +
         " and a.due_date < current_date then current_date - a.due_date else 0 end "
         "as days_overdue, a.installment_group, a.installment_number, a.installment_count, "
         "iso_utc(a.created_at) as created_at, iso_utc(a.updated_at) as updated_at, "
         "iso_utc(a.cancelled_at) as cancelled_at from ";
}

// The latest payment that stands: received_at / paid_at and payment_method.
std::string last_payment(const Shape& s) {
  return " left join lateral (select iso_utc(p.paid_at) as paid_at, p.method from payments p "
         "where p.tenant_id = a.tenant_id and p." +
         s.fk +
         " = a.id and p.cancelled_at is null order by p.paid_at desc, p.id desc limit 1) lp "
         "on true ";
}

const std::string kReceivableColumns =
    "select a.id, a.source_type, a.source_id, a.customer_id, a.customer_name, a.description, " +
    common_columns("received_amount", "received_at");
const std::string kPayableColumns = "select a.id, a.supplier_name, a.category, a.description, " +
                                    common_columns("paid_amount", "paid_at");

std::string list_sql(const std::string& columns, const Shape& s) {
  // The page is picked from the accounts alone (an index walk on the due date), then
  // each row finds its last payment.
  return columns + "(select * from " + s.table +
         " a {where} order by a.due_date, a.id limit {1} offset {2}) a" + last_payment(s) +
         "order by a.due_date, a.id";
}
std::string count_sql(const Shape& s) {
  return "select count(*) as n from " + s.table + " a {where}";
}

const std::string kPaymentColumns =
    "select p.id, p.direction, p.receivable_id, p.payable_id, "
    "coalesce(r.customer_name, b.supplier_name) as party_name, p.amount, p.fee, "
    "p.amount - p.fee as net_amount, p.method as payment_method, p.installments, "
    "iso_utc(p.paid_at) as paid_at, to_char(p.paid_on, 'YYYY-MM-DD') as paid_on, "
    "p.cash_register_id, cr.status as cash_register_status, p.notes, "
    "iso_utc(p.created_at) as created_at, p.created_by, "
    "u.name as created_by_name, iso_utc(p.cancelled_at) as cancelled_at, p.cancelled_by "
    "from payments p "
    "left join receivables r on r.tenant_id = p.tenant_id and r.id = p.receivable_id "
    "left join payables b on b.tenant_id = p.tenant_id and b.id = p.payable_id "
    "left join users u on u.tenant_id = p.tenant_id and u.id = p.created_by "
    "left join cash_registers cr on cr.tenant_id = p.tenant_id and cr.id = p.cash_register_id ";

// The statements of one account.
struct Sql {
  explicit Sql(const Shape& s, const std::string& columns)
      : find(s.table + ".find", columns + s.table + " a" + last_payment(s) + "where a.id = $1"),
        payments(s.table + ".payments",
                 kPaymentColumns + "where p." + s.fk + " = $1 order by p.paid_at desc, p.id desc"),
        lock(s.table + ".lock",
             "select amount, paid_amount, cancelled_at is not null as cancelled" +
                 std::string(s.table == "receivables" ? ", source_type"
                                                      : ", 'MANUAL' as source_type") +
                 " from " + s.table + " where id = $1 for update"),
        state(s.table + ".state",
              "select status, amount - paid_amount as open_amount, paid_amount, "
              "coalesce($3::date, coalesce($2::timestamptz, now())::date) > current_date "
              "as future from " +
                  s.table + " where id = $1"),
        pay(s.table + ".pay",
            "with a as (update " + s.table +
                " set paid_amount = paid_amount + $2, updated_at = now() "
                "where id = $1 and cancelled_at is null and paid_amount + $2 <= amount "
                "and coalesce($7::date, coalesce($6::timestamptz, now())::date) <= current_date "
                "returning *), "
                "p as (insert into payments (tenant_id, direction, " +
                s.fk +
                ", customer_id, amount, fee, method, installments, paid_at, paid_on, "
                "cash_register_id, notes, created_by) select a.tenant_id, '" +
                s.direction + "', a.id, " + s.customer +
                ", $2, $3, $4, $5, "
                "case when $7::date is null then coalesce($6::timestamptz, now()) "
                "     when $7::date = current_date then now() else $7::date::timestamptz end, "
                "coalesce($7::date, coalesce($6::timestamptz, now())::date), $8, $9, $10 "
                "from a returning id) "
                "select a.status, a.paid_amount, a.amount, p.id as payment_id, " +
                s.extra + " from a, p"),
        payment_state(s.table + ".payment_state",
                      "select case when p.method = 'DINHEIRO' then p.cash_register_id end "
                      "as cash_register_id, p.cancelled_at is not null as cancelled "
                      "from payments p where p.id = $2 and p." +
                          s.fk + " = $1"),
        cancel_payment(s.table + ".cancel_payment",
                       "with p as (update payments set cancelled_at = now(), cancelled_by = $3 "
                       "where id = $2 and " +
                           s.fk +
                           " = $1 and cancelled_at is null returning amount, cash_register_id), "
                           "a as (update " +
                           s.table +
                           " t set paid_amount = t.paid_amount - p.amount, updated_at = now() "
                           "from p where t.id = $1 returning t.status, t.paid_amount, t.amount) "
                           "select a.status, a.paid_amount, a.amount, p.cash_register_id "
                           "from a, p"),
        cancel(s.table + ".cancel",
               "update " + s.table +
                   " set cancelled_at = now(), cancelled_by = $2, updated_at = now() "
                   "where id = $1 and cancelled_at is null and paid_amount = 0 returning id"),
        why_not_cancel(s.table + ".cancel_state",
                       "select status, paid_amount from " + s.table + " where id = $1"),
        set_group(s.table + ".set_group",
                  "update " + s.table + " set installment_group = $1 where id = $1") {}

  db::Statement find, payments, lock, state, pay, payment_state, cancel_payment, cancel,
      why_not_cancel, set_group;
};

const Sql& sql(Ledger l) {
  static const Sql receivables(kReceivables, kReceivableColumns);
  static const Sql payables(kPayables, kPayableColumns);
  return l == Ledger::receivables ? receivables : payables;
}

const Shape& shape(Ledger l) {
  return l == Ledger::receivables ? kReceivables : kPayables;
}

const db::Statement kInsertReceivable(
    "receivables.insert",
    "insert into receivables (tenant_id, source_type, source_id, customer_id, customer_name, "
    "description, issue_date, due_date, amount, installment_group, installment_number, "
    "installment_count, notes, created_by) values ($1, $2, $3, $4, $5, $6, "
    "coalesce($7::date, least(current_date, $8::date)), coalesce($8::date, current_date), $9, "
    "$10, $11, $12, $13, $14) returning id");
const db::Statement kInsertPayable(
    "payables.insert",
    "insert into payables (tenant_id, supplier_name, category, description, issue_date, "
    "due_date, amount, installment_group, installment_number, installment_count, notes, "
    "created_by) values ($1, $2, $3, $4, coalesce($5::date, least(current_date, $6::date)), "
    "coalesce($6::date, current_date), $7, $8, $9, $10, $11, $12) returning id");
const db::Statement kUpdateReceivable(
    "receivables.update",
    "update receivables set "
    "customer_name = case when $2 then $3 else customer_name end, "
    "customer_id = case when $4 then $5::bigint else customer_id end, "
    "description = case when $6 then $7 else description end, "
    "notes = case when $8 then $9 else notes end, "
    "issue_date = coalesce($10::date, issue_date), due_date = coalesce($11::date, due_date), "
    "amount = coalesce($12::bigint, amount), updated_at = now() where id = $1");
const db::Statement kUpdatePayable(
    "payables.update",
    "update payables set "
    "supplier_name = coalesce($2, supplier_name), category = coalesce($3, category), "
    "description = case when $4 then $5 else description end, "
    "notes = case when $6 then $7 else notes end, "
    "issue_date = coalesce($8::date, issue_date), due_date = coalesce($9::date, due_date), "
    "amount = coalesce($10::bigint, amount), updated_at = now() where id = $1");
// A receivable's payments follow its customer.
const db::Statement kPaymentsCustomer(
    "receivables.payments_customer",
    "update payments set customer_id = $2 where receivable_id = $1");
const db::Statement kOpenRegister("cash_registers.open_for_payment",
                                  "select id from cash_registers where status = 'OPEN' for share");
const db::Statement kRegisterState("cash_registers.state_for_payment",
                                   "select status from cash_registers where id = $1 for share");

const db::Constraints kReceivableConstraints{
    {"receivables_order_key", fail::conflict("Esta OS já tem uma conta a receber.",
                                             {{"service_order_id", "já tem conta a receber"}})},
    {"receivables_tenant_id_customer_id_fkey",
     fail::invalid("Cliente não encontrado.", {{"customer_id", "cliente não encontrado"}})},
    {"receivables_tenant_id_source_id_fkey",
     fail::invalid("OS não encontrada.", {{"source_id", "OS não encontrada"}})},
    {"receivables_due_after_issue", fail::invalid("O vencimento não pode ser anterior à emissão.",
                                                  {{"due_date", "anterior à data de emissão"}})},
};
const db::Constraints kPayableConstraints{
    {"payables_due_after_issue", fail::invalid("O vencimento não pode ser anterior à emissão.",
                                               {{"due_date", "anterior à data de emissão"}})},
};

std::string text_array(const std::vector<std::string>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + values[i];
  return out + "}";
}

// One condition per word of the party's name, each against the trigram-indexed column.
void party_words(db::Filter& filter, const std::optional<std::string>& text) {
  if (!text) return;
  std::size_t i = 0, words = 0;
  const std::string& q = *text;
  while (i < q.size() && words < 5) {
    while (i < q.size() && (q[i] == ' ' || q[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < q.size() && q[j] != ' ' && q[j] != '\t') ++j;
    if (j > i) {
      filter.where("party", "a.search like (select '%' || lower(f_unaccent(?)) || '%')",
                   db::val(text::like_escape(q.substr(i, j - i))));
      ++words;
    }
    i = j;
  }
}

db::Filter account_filter(const AccountFilter& f) {
  db::Filter filter;
  if (!f.statuses.empty())
    filter.where("status", "a.status = any(?::text[])", db::val(text_array(f.statuses)));
  party_words(filter, f.party);
  filter.where("customer", "a.customer_id = ?", f.customer_id);
  filter.where("source_type", "a.source_type = ?", f.source_type);
  filter.where("source", "a.source_id = ?", f.source_id);
  filter.where("category", "a.category = ?", f.category);
  filter.where("from_due", "a.due_date >= ?::date", f.from_due);
  filter.where("to_due", "a.due_date <= ?::date", f.to_due);
  filter.where_if(f.overdue, "overdue", kOpen + " and a.due_date < current_date");
  filter.where("group", "a.installment_group = ?", f.installment_group);
  return filter;
}

template <class Row>
db::Page<Row> list_accounts(TenantId tenant, db::Database& db, Ledger ledger,
                            const std::string& columns, const AccountFilter& f, db::Paging page) {
  const auto& s = shape(ledger);
  const auto filter = account_filter(f);
  auto r = db.read(tenant, {filter.query(s.table + ".list", list_sql(columns, s),
                                         {db::val(page.limit), db::val(page.offset)}),
                            filter.query(s.table + ".count", count_sql(s))});
  return {r[0].as<Row>(), r[1][0].i64("n")};
}

template <class Row>
std::optional<AccountDetail<Row>> detail_from(const std::vector<db::Result>& r) {
  auto account = r[0].first<Row>();
  if (!account) return std::nullopt;
  return AccountDetail<Row>{std::move(*account), r[1].as<PaymentRow>()};
}

template <class Id>
std::vector<db::Query> detail_queries(Ledger ledger, Id id) {
  return {db::q(sql(ledger).find, id), db::q(sql(ledger).payments, id)};
}

// Inserts the rows of a group: the first, then the others pointing to it.
template <class F>
std::vector<std::int64_t> insert_group(db::Tx& tx, Ledger ledger, std::size_t n, F&& insert_query) {
  std::vector<std::int64_t> ids;
  const auto first = tx.exec(insert_query(0, std::optional<std::int64_t>{}))[0].i64("id");
  ids.push_back(first);
  if (n == 1) return ids;
  std::vector<db::Query> rest{db::q(sql(ledger).set_group, first)};
  for (std::size_t i = 1; i < n; ++i) rest.push_back(insert_query(i, first));
  auto r = tx.exec_batch(rest);
  for (std::size_t i = 1; i < r.size(); ++i) ids.push_back(r[i][0].i64("id"));
  return ids;
}

std::string_view account_word(Ledger l) {
  return l == Ledger::receivables ? "Conta a receber" : "Conta a pagar";
}

}  // namespace

db::Page<ReceivableRow> list_receivables(TenantId tenant, db::Database& db, const AccountFilter& f,
                                         db::Paging page) {
  return list_accounts<ReceivableRow>(tenant, db, Ledger::receivables, kReceivableColumns, f, page);
}

db::Page<PayableRow> list_payables(TenantId tenant, db::Database& db, const AccountFilter& f,
                                   db::Paging page) {
  return list_accounts<PayableRow>(tenant, db, Ledger::payables, kPayableColumns, f, page);
}

std::optional<AccountDetail<ReceivableRow>> find_receivable(TenantId tenant, db::Database& db,
                                                            ReceivableId id) {
  return detail_from<ReceivableRow>(db.read(tenant, detail_queries(Ledger::receivables, id)));
}
std::optional<AccountDetail<ReceivableRow>> find_receivable(TenantId, db::Tx& tx, ReceivableId id) {
  return detail_from<ReceivableRow>(tx.exec_batch(detail_queries(Ledger::receivables, id)));
}
db::Query receivable_query(ReceivableId id) {
  return db::q(sql(Ledger::receivables).find, id);
}
std::optional<ReceivableRow> receivable_from(const db::Result& r) {
  return r.first<ReceivableRow>();
}
std::optional<AccountDetail<PayableRow>> find_payable(TenantId tenant, db::Database& db,
                                                      PayableId id) {
  return detail_from<PayableRow>(db.read(tenant, detail_queries(Ledger::payables, id)));
}
std::optional<AccountDetail<PayableRow>> find_payable(TenantId, db::Tx& tx, PayableId id) {
  return detail_from<PayableRow>(tx.exec_batch(detail_queries(Ledger::payables, id)));
}

Result<std::vector<std::int64_t>> insert_receivables(TenantId tenant, db::Tx& tx,
                                                     const NewReceivable& r, UserId user) {
  const auto n = r.amounts.size();
  const auto count = static_cast<std::int64_t>(n);
  return kReceivableConstraints.guard([&] {
    return insert_group(
        tx, Ledger::receivables, n, [&](std::size_t i, std::optional<std::int64_t> group) {
          return db::q(kInsertReceivable, tenant, r.source_type, r.source_id, r.customer_id,
                       r.customer_name, r.description, r.issue_date, r.due_dates[i], r.amounts[i],
                       group, static_cast<std::int64_t>(i + 1), count, r.notes, user);
        });
  });
}

Result<std::vector<std::int64_t>> insert_payables(TenantId tenant, db::Tx& tx, const NewPayable& p,
                                                  UserId user) {
  const auto n = p.amounts.size();
  const auto count = static_cast<std::int64_t>(n);
  return kPayableConstraints.guard([&] {
    return insert_group(
        tx, Ledger::payables, n, [&](std::size_t i, std::optional<std::int64_t> group) {
          return db::q(kInsertPayable, tenant, p.supplier_name, p.category, p.description,
                       p.issue_date, p.due_dates[i], p.amounts[i], group,
                       static_cast<std::int64_t>(i + 1), count, p.notes, user);
        });
  });
}

Result<void> update_account(TenantId, db::Tx& tx, Ledger ledger, std::int64_t id,
                            const AccountPatch& p) {
  auto row = tx.exec(sql(ledger).lock, id);
  if (row.empty()) return fail::not_found(std::string(account_word(ledger)) + " não encontrada.");
  if (row[0].boolean("cancelled"))
    return fail::conflict(std::string(account_word(ledger)) + " cancelada não pode ser alterada.",
                          {{"status", "CANCELLED"}});
  if (p.amount) {
    if (row[0].text("source_type") == "OS" && *p.amount != row[0].i64("amount"))
      return fail::conflict("O valor de uma conta de OS segue o total da OS: altere a OS.",
                            {{"amount", "segue o total da OS"}});
    if (*p.amount < row[0].i64("paid_amount"))
      return fail::invalid(
          "O valor não pode ser menor que o já pago (" + brl(row[0].i64("paid_amount")) + ").",
          {{"amount", "menor que o já pago"}});
  }
  auto flag = [](const auto& field) { return field.has_value(); };
  auto value = [](const auto& field) {
    return field ? *field : std::remove_cvref_t<decltype(*field)>{};
  };
  if (ledger == Ledger::receivables) {
    return kReceivableConstraints.guard([&] {
      tx.exec(kUpdateReceivable, id, flag(p.party_name), value(p.party_name), flag(p.customer_id),
              value(p.customer_id), flag(p.description), value(p.description), flag(p.notes),
              value(p.notes), p.issue_date, p.due_date, p.amount);
      if (p.customer_id) tx.exec(kPaymentsCustomer, id, value(p.customer_id));
    });
  }
  return kPayableConstraints.guard([&] {
    tx.exec(kUpdatePayable, id, p.party_name ? value(p.party_name) : std::nullopt, p.category,
            flag(p.description), value(p.description), flag(p.notes), value(p.notes), p.issue_date,
            p.due_date, p.amount);
  });
}

Result<void> cancel_account(TenantId, db::Tx& tx, Ledger ledger, std::int64_t id, UserId user) {
  if (!tx.exec(sql(ledger).cancel, id, user).empty()) return {};
  auto r = tx.exec(sql(ledger).why_not_cancel, id);
  const std::string word(account_word(ledger));
  if (r.empty()) return fail::not_found(word + " não encontrada.");
  if (r[0].text("status") == "CANCELLED")
    return fail::conflict(word + " já está cancelada.", {{"status", "CANCELLED"}});
  return fail::conflict(word + " com pagamentos (" + brl(r[0].i64("paid_amount")) +
                            ") não pode ser cancelada: estorne os pagamentos antes.",
                        {{"paid_amount", "tem pagamentos"}});
}

Result<Settled> pay(TenantId tenant, db::Tx& tx, const events::Bus& bus, Ledger ledger,
                    std::int64_t id, const NewPayment& p, UserId user) {
  // The open register, shared-locked: its closing waits for this payment, or this
  // payment (started after the closing) finds no open register.
  std::optional<CashRegisterId> reg;
  if (auto r = tx.exec(kOpenRegister); !r.empty()) reg = CashRegisterId{r[0].i64("id")};
  const std::optional<std::string> method =
      p.method ? std::optional<std::string>(std::string(to_string(*p.method))) : std::nullopt;
  auto r = tx.exec(sql(ledger).pay, id, p.amount, p.fee, method, p.installments, p.paid_at,
                   p.paid_on, reg, p.notes, user);
  const std::string word(account_word(ledger));
  if (r.empty()) {
    auto s = tx.exec(sql(ledger).state, id, p.paid_at, p.paid_on);
    if (s.empty()) return fail::not_found(word + " não encontrada.");
    if (s[0].text("status") == "CANCELLED")
      return fail::conflict(word + " cancelada não recebe pagamentos.", {{"status", "CANCELLED"}});
    if (s[0].boolean("future"))
      return fail::invalid("A data do pagamento não pode ser futura.",
                           {{"paid_at", "data futura"}});
    const auto open = s[0].i64("open_amount");
    return fail::rule(
        "overpayment",
        open == 0
            ? word + " já está paga."
            : "O pagamento de " + brl(p.amount) + " passa do valor em aberto (" + brl(open) + ").",
        {{"amount", "maior que o valor em aberto"}, {"open_amount", pix::amount_text(open)}});
  }
  Settled out{r[0].str("status"), r[0].i64("paid_amount"), r[0].i64("amount"),
              PaymentId{r[0].i64("payment_id")}, reg};
  if (ledger == Ledger::receivables) {
    PaymentReceived e{tenant,       ReceivableId{id}, out.payment, p.amount, method,
                      std::nullopt, std::nullopt,     out.status,  user};
    if (auto o = r[0].opt_i64("source_id")) e.order = workshop::OrderId{*o};
    if (auto c = r[0].opt_i64("customer_id")) e.customer = workshop::CustomerId{*c};
    if (auto published = bus.publish(tx, e); !published) return published.error();
  }
  return out;
}

Result<Settled> cancel_payment(TenantId, db::Tx& tx, Ledger ledger, std::int64_t id,
                               PaymentId payment, UserId user) {
  auto state = tx.exec(sql(ledger).payment_state, id, payment);
  if (state.empty()) return fail::not_found("Pagamento não encontrado.");
  if (state[0].boolean("cancelled"))
    return fail::conflict("Este pagamento já foi estornado.", {{"payment_id", "já estornado"}});
  // The cash of a closed day was counted: it stays as it was.
  if (auto reg = state[0].opt_i64("cash_register_id")) {
    auto s = tx.exec(kRegisterState, *reg);
    if (!s.empty() && s[0].text("status") == "CLOSED")
      return fail::conflict(
          "Este pagamento em dinheiro é de um caixa já fechado: o dia fechado não muda. Devolva o "
          "dinheiro com uma sangria no caixa aberto.",
          {{"cash_register_id", "caixa fechado"}});
  }
  auto r = tx.exec(sql(ledger).cancel_payment, id, payment, user);
  if (r.empty())
    return fail::conflict("Este pagamento já foi estornado.", {{"payment_id", "já estornado"}});
  std::optional<CashRegisterId> reg;
  if (auto c = r[0].opt_i64("cash_register_id")) reg = CashRegisterId{*c};
  return Settled{r[0].str("status"), r[0].i64("paid_amount"), r[0].i64("amount"), payment, reg};
}

db::Page<PaymentRow> list_payments(TenantId tenant, db::Database& db, const PaymentFilter& f,
                                   db::Paging page) {
  db::Filter filter;
  filter.where("start", "p.paid_on >= ?::date", f.start);
  filter.where("end", "p.paid_on <= ?::date", f.end);
  filter.where("direction", "p.direction = ?", f.direction);
  filter.where("method", "p.method = ?", f.method);
  filter.where("register", "p.cash_register_id = ?", f.cash_register_id);
  filter.where_if(f.outside_register, "outside", "p.cash_register_id is null");
  filter.where_if(!f.include_cancelled, "standing", "p.cancelled_at is null");
  static const std::string kList = kPaymentColumns +
                                   "{where} order by p.paid_at desc, p.id desc "
                                   "limit {1} offset {2}";
  static const std::string kCount = "select count(*) as n from payments p {where}";
  auto r = db.read(
      tenant, {filter.query("payments.list", kList, {db::val(page.limit), db::val(page.offset)}),
               filter.query("payments.count", kCount)});
  return {r[0].as<PaymentRow>(), r[1][0].i64("n")};
}

}  // namespace mg::finance::store
