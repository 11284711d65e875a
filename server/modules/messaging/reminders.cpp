// Service reminders (REMINDER_DUE): the relay's sweep queues, once per visit, the reminder of
// each motorcycle whose last completed order is older than the workshop's interval. The
// event key names that order, so a new visit re-arms it and no sweep — of this relay or
// another — queues one twice.
#include "libs/auth/plans.hpp"
#include "libs/observability/log.hpp"
#include "modules/messaging/domain/templates.hpp"
#include "modules/messaging/messaging_impl.hpp"
#include "modules/messaging/store/reminders_store.hpp"

namespace mg::messaging {
namespace {

constexpr int kTenantsPerPage = 100;
constexpr int kRemindersPerTenant = 200;  // per sweep; the rest go at the next one

}  // namespace

int queue_due_reminders(db::Tx& tx, TenantId tenant) {
  const auto setup = store::reminder_setup(tenant, tx);
  const auto plan = auth::parse_plan(setup.plan);
  if (!plan || !auth::has_feature(*plan, auth::Feature::messaging) || !setup.enabled) return 0;
  if (!store::lock_reminder_sweep(tenant, tx)) return 0;
  const int days = static_cast<int>(setup.after_days.value_or(kDefaultReminderDays));
  int queued = 0;
  for (const auto& due :
       store::due_reminders(tenant, tx, days, kReminderLateDays, kRemindersPerTenant)) {
    // The same gates and rendering as every event: {os}, {total} are the last visit's.
    enqueue_event(tx, tenant,
                  {.event = "REMINDER_DUE",
                   .event_key = due.event_key,
                   .customer = due.customer,
                   .order = due.order})
        .value();
    ++queued;
  }
  return queued;
}

void Messaging::Impl::sweep_reminders() {
  TenantId after{0};
  for (;;) {
    const auto tenants = store::reminder_tenants(
        db, after, kTenantsPerPage, settings.reminder_from_hour, settings.reminder_until_hour);
    for (const auto tenant : tenants) {
      try {
        const int queued =
            db.transaction(tenant, [&](db::Tx& tx) { return queue_due_reminders(tx, tenant); });
        if (queued > 0)
          log::info("messaging reminders queued", {{"tenant_id", tenant.value}, {"count", queued}});
      } catch (const std::exception& e) {
        log::error("messaging reminder sweep failed",
                   {{"tenant_id", tenant.value}, {"error", e.what()}});
      }
    }
    if (static_cast<int>(tenants.size()) < kTenantsPerPage) return;
    after = tenants.back();
  }
}

}  // namespace mg::messaging
