#pragma once
// What the workshop publishes, inside the transaction of the change (public:
// other modules subscribe through events::Bus).
#include <string>

#include "libs/core/ids.hpp"
#include "libs/money/money.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::workshop {

struct OrderCreated {
  TenantId tenant;
  OrderId order;
  std::int64_t number = 0;
  CustomerId customer;
  UserId by;
};

// Every status move, including to COMPLETED and CANCELLED (published first).
struct OrderStatusChanged {
  TenantId tenant;
  OrderId order;
  std::string from, to;  // "OPEN", "IN_PROGRESS", …
  UserId by;
};

// The order was completed (also after a reopen): its totals are final until
// it is reopened again.
struct OrderCompleted {
  TenantId tenant;
  OrderId order;
  std::int64_t number = 0;
  CustomerId customer;
  std::string customer_name;
  money::Cents total_amount = 0;
  UserId by;
};

// The order was cancelled; its parts are already back in stock.
struct OrderCancelled {
  TenantId tenant;
  OrderId order;
  std::int64_t number = 0;
  UserId by;
};

}  // namespace mg::workshop
