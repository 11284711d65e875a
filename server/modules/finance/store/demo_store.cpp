#include "modules/finance/store/demo_store.hpp"

namespace mg::finance::store {
namespace {

const db::Statement kOrderReceivables(
    "finance_demo.order_receivables",
    "select id, source_id, amount from receivables where source_type = 'OS' and "
    "cancelled_at is null order by id");
const db::Statement kReceivable(
    "finance_demo.backdate_receivable",
    "update receivables set issue_date = $2::date, due_date = $3::date, "
    "created_at = $2::date + time '09:00', updated_at = $2::date + time '09:00' where id = $1");
const db::Statement kPayable("finance_demo.backdate_payable",
                             "update payables set issue_date = $2::date, "
                             "created_at = $2::date + time '09:00', "
                             "updated_at = $2::date + time '09:00' where id = $1");
const db::Statement kPayment("finance_demo.backdate_payment",
                             "update payments set paid_at = paid_on + time '10:00' + "
                             "make_interval(mins => (id % 420)::int), created_at = paid_on + "
                             "time '10:00' + make_interval(mins => (id % 420)::int) where id = $1");
const db::Statement kRegister(
    "finance_demo.backdate_register",
    "update cash_registers set business_date = $2::date, opened_at = $2::date + time '08:00', "
    "closed_at = case when closed_at is null then null else $2::date + time '18:30' end "
    "where id = $1");
const db::Statement kMovements("finance_demo.backdate_movements",
                               "update cash_movements set created_at = $2::date + time '17:00' + "
                               "make_interval(mins => (id % 60)::int) where register_id = $1");

}  // namespace

std::vector<OrderReceivable> order_receivables(TenantId, db::Tx& tx) {
  auto r = tx.exec(kOrderReceivables);
  std::vector<OrderReceivable> out;
  for (int i = 0; i < r.size(); ++i)
    out.push_back({ReceivableId{r[i].i64("id")}, workshop::OrderId{r[i].i64("source_id")},
                   r[i].i64("amount")});
  return out;
}

void backdate_receivable(TenantId, db::Tx& tx, ReceivableId id, const std::string& issued,
                         const std::string& due) {
  tx.exec(kReceivable, id, issued, due);
}

void backdate_payable(TenantId, db::Tx& tx, PayableId id, const std::string& issued) {
  tx.exec(kPayable, id, issued);
}

void backdate_payment(TenantId, db::Tx& tx, PaymentId id) {
  tx.exec(kPayment, id);
}

void backdate_register(TenantId, db::Tx& tx, CashRegisterId id, const std::string& day) {
  tx.exec_batch({db::q(kRegister, id, day), db::q(kMovements, id, day)});
}

}  // namespace mg::finance::store
