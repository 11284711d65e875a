#pragma once
// SQL only the demo data needs: the demo workshop's months of money, spread
// over the past as a running workshop would have them.
#include <string>
#include <vector>

#include "libs/db/database.hpp"
#include "modules/finance/ids.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::finance::store {

// The live receivables of service orders, oldest first.
struct OrderReceivable {
  ReceivableId id;
  workshop::OrderId order;
  std::int64_t amount = 0;
};
std::vector<OrderReceivable> order_receivables(TenantId tenant, db::Tx& tx);
// Issue and due dates (YYYY-MM-DD), and the creation time on the issue day.
void backdate_receivable(TenantId tenant, db::Tx& tx, ReceivableId id, const std::string& issued,
                         const std::string& due);
void backdate_payable(TenantId tenant, db::Tx& tx, PayableId id, const std::string& issued);
// The payment was recorded on its day (created_at = paid_at).
void backdate_payment(TenantId tenant, db::Tx& tx, PaymentId id);
// The register ran on `day`: opened 08:00, closed 18:30 (when closed), movements between.
void backdate_register(TenantId tenant, db::Tx& tx, CashRegisterId id, const std::string& day);

}  // namespace mg::finance::store
