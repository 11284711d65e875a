#pragma once
// What finance publishes, inside the transaction of the change (public: other
// modules subscribe through events::Bus; messaging's PAYMENT_RECEIVED).
#include <optional>
#include <string>

#include "libs/core/ids.hpp"
#include "libs/money/money.hpp"
#include "modules/finance/ids.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::finance {

// A payment of a receivable was recorded.
struct PaymentReceived {
  TenantId tenant;
  ReceivableId receivable;
  PaymentId payment;
  money::Cents amount = 0;
  std::optional<std::string> method;  // "PIX", …; none when not given
  std::optional<workshop::OrderId> order;
  std::optional<workshop::CustomerId> customer;
  std::string status;  // the receivable's, after it: PARTIAL or PAID
  UserId by;
};

}  // namespace mg::finance
