#pragma once
// What the demo seed needs beyond the API's stores: the demo tenant's logins and orders (read
// across modules), and dates in the past for its own rows.
#include <string>
#include <vector>

#include "libs/db/database.hpp"
#include "modules/team/ids.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::team::store {

struct DemoLogin {
  UserId id;
  std::string email;
};
std::vector<DemoLogin> demo_logins(TenantId tenant, db::Tx& tx);

struct DemoOrder {
  workshop::OrderId id;
  std::int64_t number = 0;
  std::string status;
  workshop::CustomerId customer_id;
};
std::vector<DemoOrder> demo_orders(TenantId tenant, db::Tx& tx);

// The task was created `created_days_ago` and, when DONE, completed `done_days_ago`.
void backdate_task(TenantId tenant, db::Tx& tx, TaskId id, int created_days_ago, int done_days_ago);
// The interaction was recorded when it happened.
void backdate_interaction(TenantId tenant, db::Tx& tx, InteractionId id);

}  // namespace mg::team::store
