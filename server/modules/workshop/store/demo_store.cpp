#include "modules/workshop/store/demo_store.hpp"

namespace mg::workshop::store {
namespace {

const db::Statement kOrder("demo.backdate_order",
                           "update service_orders set created_at = now() - "
                           "make_interval(days => $2::int, hours => ($1 % 5)::int) where id = $1");
const db::Statement kHistory(
    "demo.backdate_history",
    "update service_order_history h set at = o.created_at + (x.n - 1) * interval '5 hours' "
    "from service_orders o, (select id, row_number() over (order by id) as n "
    "                        from service_order_history where order_id = $1) x "
    "where o.id = $1 and h.order_id = $1 and h.id = x.id");
const db::Statement kClosed(
    "demo.backdate_closed",
    "update service_orders o set updated_at = h.last_at, "
    "  closed_at = case when o.closed_at is null then null else h.last_at end "
    "from (select max(at) as last_at from service_order_history where order_id = $1) h "
    "where o.id = $1");
const db::Statement kMovements(
    "demo.backdate_order_movements",
    "update stock_movements m set created_at = o.created_at + interval '1 hour' "
    "from service_orders o where o.id = $1 and m.related_order_id = $1");
const db::Statement kUnrelated(
    "demo.backdate_movements",
    "update stock_movements set created_at = created_at - make_interval(days => $1::int) "
    "where related_order_id is null");

}  // namespace

void backdate_order(TenantId, db::Tx& tx, OrderId id, int days) {
  tx.exec_batch(
      {db::q(kOrder, id, days), db::q(kHistory, id), db::q(kClosed, id), db::q(kMovements, id)});
}

void backdate_unrelated_movements(TenantId, db::Tx& tx, int days) {
  tx.exec(kUnrelated, days);
}

}  // namespace mg::workshop::store
