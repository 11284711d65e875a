#pragma once
// What the portal publishes, inside the transaction of the change (public:
// other modules subscribe through events::Bus; messaging sends QuoteSent with
// its QUOTE_SENT template).
#include <cstdint>
#include <string>

#include "libs/core/ids.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::portal {

// A quote version was sent: its link (`url`, the only time the token is
// known) is valid until `expires_at` (ISO 8601 UTC) unless a newer version
// supersedes it.
struct QuoteSent {
  TenantId tenant;
  workshop::OrderId order_id;
  workshop::CustomerId customer_id;
  std::int64_t version = 0;
  std::string url;
  std::string expires_at;
};

}  // namespace mg::portal
