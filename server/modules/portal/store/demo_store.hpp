#pragma once
// What the demo seed needs beyond the API's stores: the demo orders and their customers'
// names (read across modules), and the quote a send just made.
#include <string>
#include <vector>

#include "libs/db/database.hpp"
#include "modules/portal/ids.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::portal::store {

struct DemoOrder {
  workshop::OrderId id;
  std::int64_t number = 0;
  std::string customer_name;
};
std::vector<DemoOrder> demo_orders(TenantId tenant, db::Tx& tx);

// The order's current quote (the version not superseded).
QuoteId current_quote(TenantId tenant, db::Tx& tx, workshop::OrderId order);

}  // namespace mg::portal::store
