#pragma once
// The team's read-only reports: the dashboard summary, commissions, a
// customer's timeline and the team's part of /overview. Each is one round
// trip.
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include "libs/db/database.hpp"
#include "modules/team/domain/commissions.hpp"
#include "modules/team/ids.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::team::store {

// GET /teamcrm/dashboard/summary: the period is the last `days` × 24 h.
struct DashboardSummary {
  std::int64_t open = 0, late = 0, done_in_period = 0;
  std::int64_t total_in_period = 0, whatsapp_in_period = 0;
};
BOOST_DESCRIBE_STRUCT(DashboardSummary, (),
                      (open, late, done_in_period, total_in_period, whatsapp_in_period))
DashboardSummary dashboard_summary(TenantId tenant, db::Database& db, int days);

// One (staff, order) base per staff member with labor done or parts on their orders, of the
// orders COMPLETED with closed_at within [from, to] (dates::time_bound texts), by staff name.
// A labor line without a doer is the order's mechanic's.
std::vector<CommissionBase> commission_bases(TenantId tenant, db::Database& db,
                                             const std::string& from, const std::string& to);

// One entry of a customer's timeline: an interaction, or a status of one of their orders
// (the first, OPEN, is the order being opened).
struct TimelineRow {
  std::string kind;  // interaction | order_status | message
  std::int64_t id = 0;
  std::string at;
  std::optional<std::string> channel, direction, summary, details;
  std::optional<StaffId> staff_id;
  std::optional<std::string> staff_name;
  std::optional<workshop::OrderId> order_id;
  std::optional<std::int64_t> order_number;
  std::optional<std::string> status, from_status;
  std::optional<UserId> user_id;
  std::optional<std::string> user_name, description, motorcycle_plate, motorcycle_model;
  std::optional<std::string> event;  // a message's event (none: sent by hand)
};
BOOST_DESCRIBE_STRUCT(TimelineRow, (),
                      (kind, id, at, channel, direction, summary, details, staff_id, staff_name,
                       order_id, order_number, status, from_status, user_id, user_name, description,
                       motorcycle_plate, motorcycle_model, event))
// Newest first, with the messages sent to the customer when `with_messages`; nullopt when the
// customer is not one of the tenant's.
std::optional<db::Page<TimelineRow>> customer_timeline(TenantId tenant, db::Database& db,
                                                       workshop::CustomerId customer,
                                                       db::Paging page, bool with_messages);

// /overview's `tasks`: {open_count, late_count, due_today}.
db::Query overview_query();

}  // namespace mg::team::store
