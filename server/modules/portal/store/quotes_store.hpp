#pragma once
// SQL for quotes, the customer's decisions, the work declined and the portal's settings.
// A change of an order's quotes locks the order first (workshop::lock_order_for_quote), as
// every change of its items does, so a new version, a decision and an item change never
// interleave (nor deadlock).
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "libs/core/failure.hpp"
#include "libs/db/database.hpp"
#include "libs/events/bus.hpp"
#include "modules/portal/domain/quote.hpp"
#include "modules/portal/ids.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::portal::store {

struct NewQuote {
  workshop::OrderId order;
  int expires_in_days = 10;
  std::optional<std::string> message;
  UserId user;
  std::string public_base_url;  // the link is <base>/portal/<token>
};
struct SentQuote {
  std::int64_t version = 0;
  std::string token, url, expires_at;
  std::optional<std::string> whatsapp_url;
};
// Freezes the order's items and totals as its next version, supersedes the older ones and
// publishes QuoteSent. Not found when the order is missing; conflict when it is completed or
// cancelled; invalid when it has no items.
Result<SentQuote> send_quote(TenantId tenant, db::Tx& tx, const events::Bus& bus,
                             const NewQuote& q);

// The public link's quote, before a tenant is known (a narrow SECURITY DEFINER lookup).
struct Found {
  TenantId tenant;
  QuoteId quote;
};
std::optional<Found> find_by_token(db::Database& db, std::string_view token);

// What the portal page shows.
struct PortalView {
  std::string workshop_name;
  std::optional<std::string> workshop_phone;
  std::int64_t order_number = 0;
  std::string order_status;
  std::int64_t version = 0;
  std::string state;  // PENDING, APPROVED, PARTIALLY_APPROVED, DECLINED
  std::string expires_at, snapshot;
  std::optional<std::string> decided_at, decided_by_name;
  bool expired = false, superseded = false, outdated = false;
};
std::optional<PortalView> read_view(TenantId tenant, db::Database& db, QuoteId quote);

struct Decision {
  std::set<std::int64_t> approved_item_ids;
  std::string name, address, user_agent;
};
// Records the decision (once per version), removes the declined items from the order through
// the workshop (their parts back in stock) and keeps them on the motorcycle. Not found when
// superseded or expired; conflict when decided already or the order changed since it was sent;
// invalid when an approved id is not one of the quote's items.
Result<DecisionState> decide(TenantId tenant, db::Tx& tx, QuoteId quote, const Decision& d);

// The portal's settings (what the page shows of the workshop besides its name).
std::optional<std::string> read_phone(TenantId tenant, db::Database& db);
void save_phone(TenantId tenant, db::Tx& tx, const std::optional<std::string>& phone);

}  // namespace mg::portal::store
