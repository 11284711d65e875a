#pragma once
// SQL for service reminders (REMINDER_DUE): which workshops the sweep visits,
// what each one chose, and which motorcycles are due.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "libs/db/database.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::messaging::store {

// Tenants after `after` (by id) with an active channel and the reminder not switched off,
// up to `limit`: the SECURITY DEFINER lookup of 0014. None outside [from_hour, until_hour)
// of the transaction's TimeZone (TIME_ZONE): no reminder is queued at night.
std::vector<TenantId> reminder_tenants(db::Database& db, TenantId after, int limit, int from_hour,
                                       int until_hour);

// The workshop's plan and its REMINDER_DUE choices.
struct ReminderSetup {
  std::string plan;
  bool enabled = true;
  std::optional<std::int64_t> after_days;  // nullopt: the default
};
ReminderSetup reminder_setup(TenantId tenant, db::Tx& tx);

// Whether this transaction is the tenant's only sweep now (a transaction-scoped advisory
// lock); false: another relay is sweeping it.
bool lock_reminder_sweep(TenantId tenant, db::Tx& tx);

// An active motorcycle whose last completed order closed between `after_days` and
// `after_days + late_days` ago, with no open order, an opted-in owner and no REMINDER_DUE
// message on that order yet (the sweep's, or one sent by hand); oldest first.
struct DueReminder {
  std::string event_key;  // REMINDER_DUE:order:<the last completed order>
  workshop::OrderId order;
  workshop::CustomerId customer;  // the motorcycle's owner
};
std::vector<DueReminder> due_reminders(TenantId tenant, db::Tx& tx, int after_days, int late_days,
                                       int limit);

}  // namespace mg::messaging::store
