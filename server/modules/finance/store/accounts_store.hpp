#pragma once
// SQL for receivables and payables (the two "accounts" of finance, one shape)
// and the payments that settle them. A change to an account locks its row:
// a payment is one conditional statement under that lock (paid + amount <=
// the account's amount), so no concurrency can overpay it.
#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <vector>

#include "libs/core/failure.hpp"
#include "libs/db/database.hpp"
#include "libs/events/bus.hpp"
#include "modules/finance/domain/rules.hpp"
#include "modules/finance/ids.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::finance::store {

// Which account a function works on.
enum class Ledger { receivables, payables };

struct ReceivableRow {
  ReceivableId id;
  std::string source_type;  // MANUAL | OS
  std::optional<workshop::OrderId> source_id;
  std::optional<workshop::CustomerId> customer_id;
  std::optional<std::string> customer_name, description;
  std::string issue_date, due_date;
  money::Money amount;
  std::string status;  // PENDING | PARTIAL | PAID | CANCELLED
  money::Money received_amount, open_amount;
  std::optional<std::string> received_at, payment_method, notes;
  bool overdue = false;
  std::int64_t days_overdue = 0;
  std::optional<ReceivableId> installment_group;
  std::int64_t installment_number = 1, installment_count = 1;
  std::string created_at, updated_at;
  std::optional<std::string> cancelled_at;
};
BOOST_DESCRIBE_STRUCT(ReceivableRow, (),
                      (id, source_type, source_id, customer_id, customer_name, description,
                       issue_date, due_date, amount, status, received_amount, open_amount,
                       received_at, payment_method, notes, overdue, days_overdue, installment_group,
                       installment_number, installment_count, created_at, updated_at, cancelled_at))

struct PayableRow {
  PayableId id;
  std::string supplier_name, category;
  std::optional<std::string> description;
  std::string issue_date, due_date;
  money::Money amount;
  std::string status;
  money::Money paid_amount, open_amount;
  std::optional<std::string> paid_at, payment_method, notes;
  bool overdue = false;
  std::int64_t days_overdue = 0;
  std::optional<PayableId> installment_group;
  std::int64_t installment_number = 1, installment_count = 1;
  std::string created_at, updated_at;
  std::optional<std::string> cancelled_at;
};
BOOST_DESCRIBE_STRUCT(PayableRow, (),
                      (id, supplier_name, category, description, issue_date, due_date, amount,
                       status, paid_amount, open_amount, paid_at, payment_method, notes, overdue,
                       days_overdue, installment_group, installment_number, installment_count,
                       created_at, updated_at, cancelled_at))

struct PaymentRow {
  PaymentId id;
  std::string direction;  // IN (a receivable's) | OUT (a payable's)
  std::optional<ReceivableId> receivable_id;
  std::optional<PayableId> payable_id;
  std::optional<std::string> party_name;  // the customer or the supplier
  money::Money amount, fee, net_amount;
  std::optional<std::string> payment_method;
  std::int64_t installments = 1;
  std::string paid_at, paid_on;
  std::optional<CashRegisterId> cash_register_id;
  std::optional<std::string> cash_register_status;  // OPEN | CLOSED
  std::optional<std::string> notes;
  std::string created_at;
  std::optional<UserId> created_by;
  std::optional<std::string> created_by_name, cancelled_at;
  std::optional<UserId> cancelled_by;
};
BOOST_DESCRIBE_STRUCT(PaymentRow, (),
                      (id, direction, receivable_id, payable_id, party_name, amount, fee,
                       net_amount, payment_method, installments, paid_at, paid_on, cash_register_id,
                       cash_register_status, notes, created_at, created_by, created_by_name,
                       cancelled_at, cancelled_by))

// --- lists

struct AccountFilter {
  std::vector<std::string> statuses;  // any of them
  std::optional<std::string> party;   // customer_name / supplier_name contains (every word)
  std::optional<workshop::CustomerId> customer_id;  // receivables
  std::optional<std::string> source_type;           // receivables
  std::optional<workshop::OrderId> source_id;       // receivables
  std::optional<std::string> category;              // payables
  std::optional<std::string> from_due, to_due;      // YYYY-MM-DD, inclusive
  bool overdue = false;                             // open and past due
  std::optional<std::int64_t> installment_group;
};
db::Page<ReceivableRow> list_receivables(TenantId tenant, db::Database& db, const AccountFilter& f,
                                         db::Paging page);
db::Page<PayableRow> list_payables(TenantId tenant, db::Database& db, const AccountFilter& f,
                                   db::Paging page);

template <class Row>
struct AccountDetail {
  Row account;
  std::vector<PaymentRow> payments;  // newest first, cancelled ones included
};
std::optional<AccountDetail<ReceivableRow>> find_receivable(TenantId tenant, db::Database& db,
                                                            ReceivableId id);
std::optional<AccountDetail<ReceivableRow>> find_receivable(TenantId tenant, db::Tx& tx,
                                                            ReceivableId id);
// The receivable alone, as a query to send with others in one read, and its answer.
db::Query receivable_query(ReceivableId id);
std::optional<ReceivableRow> receivable_from(const db::Result& r);
std::optional<AccountDetail<PayableRow>> find_payable(TenantId tenant, db::Database& db,
                                                      PayableId id);
std::optional<AccountDetail<PayableRow>> find_payable(TenantId tenant, db::Tx& tx, PayableId id);

// --- creating (one row, or the N installments of a group)

struct NewReceivable {
  std::string source_type = "MANUAL";
  std::optional<workshop::OrderId> source_id;
  std::optional<workshop::CustomerId> customer_id;
  std::optional<std::string> customer_name, description, issue_date, notes;
  std::vector<Cents> amounts;                         // one per installment
  std::vector<std::optional<std::string>> due_dates;  // one per installment; none: today
};
struct NewPayable {
  std::string supplier_name, category = "OTHER";
  std::optional<std::string> description, issue_date, notes;
  std::vector<Cents> amounts;
  std::vector<std::optional<std::string>> due_dates;
};
// Conflict when the order already has a live receivable (receivables_order_key).
Result<std::vector<std::int64_t>> insert_receivables(TenantId tenant, db::Tx& tx,
                                                     const NewReceivable& r, UserId user);
Result<std::vector<std::int64_t>> insert_payables(TenantId tenant, db::Tx& tx, const NewPayable& p,
                                                  UserId user);

// --- changing

// The fields a PATCH names (a present null clears an optional one).
struct AccountPatch {
  std::optional<std::optional<std::string>> party_name;  // customer_name / supplier_name
  std::optional<std::optional<workshop::CustomerId>> customer_id;
  std::optional<std::string> category;
  std::optional<std::optional<std::string>> description, notes;
  std::optional<std::string> issue_date, due_date;
  std::optional<Cents> amount;
};
// Not found; conflict when cancelled, or the amount of an order's receivable (it follows
// the order); invalid when the amount goes below what was paid.
Result<void> update_account(TenantId tenant, db::Tx& tx, Ledger ledger, std::int64_t id,
                            const AccountPatch& p);
// Cancels: not found; conflict when already cancelled or when it has payments.
Result<void> cancel_account(TenantId tenant, db::Tx& tx, Ledger ledger, std::int64_t id,
                            UserId user);

// --- payments

struct NewPayment {
  Cents amount = 0;
  std::optional<Method> method;
  std::int64_t installments = 1;
  Cents fee = 0;
  std::optional<std::string> paid_at;  // a timestamp PostgreSQL reads (time_bound); none: now
  std::optional<std::string> paid_on;  // the day, when only a date was given
  std::optional<std::string> notes;
};
struct Settled {
  std::string status;
  money::Cents paid_amount = 0, amount = 0;
  PaymentId payment;
  std::optional<CashRegisterId> cash_register;
};
// Records a payment: not found; conflict when cancelled; rule overpayment beyond the open
// amount; invalid when paid in the future. A payment made while a cash register is open
// belongs to it. A receivable's payment publishes PaymentReceived.
Result<Settled> pay(TenantId tenant, db::Tx& tx, const events::Bus& bus, Ledger ledger,
                    std::int64_t id, const NewPayment& p, UserId user);
// Cancels one payment (estorno): not found; conflict when already cancelled or when it is
// cash of a closed cash register.
Result<Settled> cancel_payment(TenantId tenant, db::Tx& tx, Ledger ledger, std::int64_t id,
                               PaymentId payment, UserId user);

struct PaymentFilter {
  std::optional<std::string> start, end;  // paid_on, inclusive
  std::optional<std::string> direction;   // IN | OUT
  std::optional<std::string> method;
  std::optional<CashRegisterId> cash_register_id;
  bool outside_register = false;  // no register
  bool include_cancelled = false;
};
db::Page<PaymentRow> list_payments(TenantId tenant, db::Database& db, const PaymentFilter& f,
                                   db::Paging page);

}  // namespace mg::finance::store
