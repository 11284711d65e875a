#pragma once
// SQL for customer interactions: what was said to (or heard from) a customer,
// on which channel, by whom. A log: rows are added, not changed.
#include <optional>
#include <string>

#include <boost/describe/class.hpp>

#include "libs/core/failure.hpp"
#include "libs/db/database.hpp"
#include "modules/team/ids.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::team::store {

struct InteractionRow {
  InteractionId id;
  std::string channel, direction;
  std::optional<std::string> summary, details;
  std::optional<workshop::CustomerId> customer_id;
  std::optional<std::string> customer_name;
  std::optional<workshop::OrderId> related_order_id;
  std::optional<std::int64_t> related_order_number;
  std::optional<StaffId> staff_id;
  std::optional<std::string> staff_name;
  std::string occurred_at;
  std::optional<UserId> created_by;
  std::string created_at;
};
BOOST_DESCRIBE_STRUCT(InteractionRow, (),
                      (id, channel, direction, summary, details, customer_id, customer_name,
                       related_order_id, related_order_number, staff_id, staff_name, occurred_at,
                       created_by, created_at))

struct InteractionFields {
  std::string channel, direction = "OUT";
  std::optional<std::string> summary, details;
  std::optional<workshop::CustomerId> customer_id;
  std::optional<workshop::OrderId> related_order_id;
  std::optional<StaffId> staff_id;
  std::optional<std::string> occurred_at;  // a dates::time_bound text; nullopt: now
};

struct InteractionFilter {
  std::optional<workshop::CustomerId> customer_id;
  std::optional<workshop::OrderId> related_order_id;
  std::optional<std::string> channel, direction;
  std::optional<StaffId> staff_id;
  std::optional<std::string> from, to;  // occurred_at bounds (dates::time_bound texts)
};

// Newest first (by occurred_at).
db::Page<InteractionRow> list_interactions(TenantId tenant, db::Database& db,
                                           const InteractionFilter& f, db::Paging page);
std::optional<InteractionRow> find_interaction(TenantId tenant, db::Database& db, InteractionId id);
std::optional<InteractionRow> find_interaction(TenantId tenant, db::Tx& tx, InteractionId id);
// The references must be the tenant's (store::check_references, done by the caller); the
// foreign keys are the backstop (invalid on the field). Invalid on occurred_at when it is
// more than 5 minutes ahead of the database's clock (what happened is never in the future).
// `user`: who recorded it; none when another module did.
Result<InteractionId> insert_interaction(TenantId tenant, db::Tx& tx, const InteractionFields& f,
                                         std::optional<UserId> user);

}  // namespace mg::team::store
