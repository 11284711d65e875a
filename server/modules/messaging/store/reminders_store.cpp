#include "modules/messaging/store/reminders_store.hpp"

namespace mg::messaging::store {
namespace {

const db::Statement kTenants(
    "messaging_reminders.tenants",
    "select tenant_id from messaging_reminder_tenants($1::bigint, $2::int) "
    "where extract(hour from localtimestamp) >= $3 and extract(hour from localtimestamp) < $4");
const db::Statement kSetup(
    "messaging_reminders.setup",
    "select t.plan, coalesce(tp.enabled, true) as enabled, "
    "tp.reminder_after_days::bigint as after_days from tenants t "
    "left join messaging_templates tp on tp.tenant_id = t.id and tp.event = 'REMINDER_DUE' "
    "where t.id = current_tenant()");
const db::Statement kLock("messaging_reminders.lock",
                          "select pg_try_advisory_xact_lock(hashtext('messaging.reminders'), "
                          "current_tenant()::int) as locked");
// The range of closed_at is served by service_orders_completed (tenant_id, closed_at), the
// later and open orders by service_orders_motorcycle, the reminded ones by
// messaging_messages_order: the cost follows the visits of a 30-day band, not the history.
// Reminded is "a REMINDER_DUE message on that order" (by order_id, not the event key: under
// row-level security a join clause with a cast or || is not pushed into the index scan).
const db::Statement kDue(
    "messaging_reminders.due",
    "select 'REMINDER_DUE:order:' || o.id as event_key, o.id as order_id, "
    "mo.customer_id from service_orders o "
    "join motorcycles mo on mo.tenant_id = o.tenant_id and mo.id = o.motorcycle_id "
    "join customers c on c.tenant_id = mo.tenant_id and c.id = mo.customer_id "
    "join messaging_contacts mc on mc.tenant_id = mo.tenant_id and mc.customer_id = c.id "
    "where o.tenant_id = current_tenant() and o.status = 'COMPLETED' "
    "and o.closed_at <= now() - make_interval(days => $1::int) "
    "and o.closed_at > now() - make_interval(days => $1::int + $2::int) "
    "and mo.is_active and c.is_active and mc.opt_in "
    "and not exists (select 1 from service_orders n where n.tenant_id = o.tenant_id "
    "and n.motorcycle_id = o.motorcycle_id and n.id <> o.id "
    "and (n.status in ('OPEN', 'IN_PROGRESS', 'WAITING_PARTS') "
    "or (n.status = 'COMPLETED' and (n.closed_at, n.id) > (o.closed_at, o.id)))) "
    "and not exists (select 1 from messaging_messages m where m.tenant_id = o.tenant_id "
    "and m.order_id = o.id and m.event = 'REMINDER_DUE') "
    "order by o.closed_at, o.id limit $3");

}  // namespace

std::vector<TenantId> reminder_tenants(db::Database& db, TenantId after, int limit, int from_hour,
                                       int until_hour) {
  return db.global([&](db::Tx& tx) {
    std::vector<TenantId> out;
    auto r = tx.exec(kTenants, after, limit, from_hour, until_hour);
    for (int i = 0; i < r.size(); ++i) out.emplace_back(r[i].i64("tenant_id"));
    return out;
  });
}

ReminderSetup reminder_setup(TenantId, db::Tx& tx) {
  auto r = tx.exec(kSetup);
  ReminderSetup s;
  if (r.empty()) return s;
  s.plan = r[0].str("plan");
  s.enabled = r[0].boolean("enabled");
  s.after_days = r[0].opt_i64("after_days");
  return s;
}

bool lock_reminder_sweep(TenantId, db::Tx& tx) {
  return tx.exec(kLock)[0].boolean("locked");
}

std::vector<DueReminder> due_reminders(TenantId, db::Tx& tx, int after_days, int late_days,
                                       int limit) {
  auto r = tx.exec(kDue, after_days, late_days, limit);
  std::vector<DueReminder> out;
  for (int i = 0; i < r.size(); ++i)
    out.push_back({r[i].str("event_key"), workshop::OrderId{r[i].i64("order_id")},
                   workshop::CustomerId{r[i].i64("customer_id")}});
  return out;
}

}  // namespace mg::messaging::store
