#include "modules/portal/store/demo_store.hpp"

namespace mg::portal::store {
namespace {

const db::Statement kOrders("portal_demo.orders",
                            "select o.id, o.number, c.name as customer_name "
                            "from service_orders o join customers c "
                            "on c.tenant_id = o.tenant_id and c.id = o.customer_id "
                            "order by o.number");
const db::Statement kCurrent("portal_demo.current_quote",
                             "select id from quotes where order_id = $1 and superseded_at is null");

}  // namespace

std::vector<DemoOrder> demo_orders(TenantId, db::Tx& tx) {
  auto r = tx.exec(kOrders);
  std::vector<DemoOrder> out;
  for (int i = 0; i < r.size(); ++i)
    out.push_back(
        {workshop::OrderId{r[i].i64("id")}, r[i].i64("number"), r[i].str("customer_name")});
  return out;
}

QuoteId current_quote(TenantId, db::Tx& tx, workshop::OrderId order) {
  return QuoteId{tx.exec(kCurrent, order)[0].i64("id")};
}

}  // namespace mg::portal::store
