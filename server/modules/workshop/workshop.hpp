#pragma once
// The workshop module (the seed's management-service): customers,
// motorcycles, parts and stock, service orders and their items. Other modules
// reach it only through this header (and events.hpp, ids.hpp).
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libs/api/module.hpp"
#include "libs/money/money.hpp"
#include "modules/workshop/events.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::workshop {

class Workshop final : public api::Module {
 public:
  Workshop(db::Database& db, events::Bus& bus);
  ~Workshop() override;

  std::string_view name() const override { return "workshop"; }
  std::string_view service_name() const override { return "management-service"; }
  std::string_view upstream_variable() const override { return "MANAGEMENT_SERVICE_URL"; }
  std::vector<api::Prefix> prefixes() const override { return {{"management", true}}; }
  void routes(api::Routes& routes) override;
  void seed_demo(db::Tx& tx, TenantId tenant, UserId user) override;
  // service_orders: {total, open, completed, by_status}.
  std::vector<api::OverviewPart> overview() const override;

 private:
  db::Database& db_;
  events::Bus& bus_;
};

// What other modules read of an order (finance's receivable from an order).
struct OrderSummary {
  OrderId id;
  std::int64_t number = 0;
  std::string status;
  CustomerId customer_id;
  std::string customer_name;
  money::Cents total_amount = 0;
  std::optional<std::string> closed_on;  // YYYY-MM-DD (the database's day) while completed
};
std::optional<OrderSummary> find_order_summary(TenantId tenant, db::Tx& tx, OrderId id);

// Sets (or, with nullopt, clears) the order's mechanic, as PATCH /management/os/{id} does:
// recorded in the order's changes; not found when missing, conflict when cancelled, invalid
// when `staff` is not an active staff member of the tenant. The team module's demo data
// assigns its mechanics through this.
Result<void> assign_mechanic(TenantId tenant, db::Tx& tx, OrderId order,
                             std::optional<StaffId> staff, UserId user);

// What a quote freezes of an order (the portal module): read with the order's row locked for
// the rest of the transaction, so the items cannot change under the quote being made.
struct QuoteItem {
  ItemId id;
  std::string item_type;  // part | labor
  std::optional<PartId> part_id;
  std::string description;
  std::int64_t quantity_centi = 0;  // hundredths (1.5 h of labor: 150)
  money::Cents unit_price = 0, total = 0;
};
struct QuoteSource {
  OrderId id;
  std::int64_t number = 0;
  std::string status;
  bool items_locked = false;  // COMPLETED or CANCELLED: the items may not change
  CustomerId customer_id;
  std::optional<std::string> customer_phone;
  MotorcycleId motorcycle_id;
  std::optional<std::string> motorcycle_brand, motorcycle_model, motorcycle_plate;
  std::vector<QuoteItem> items;
  money::Cents total_parts = 0, total_labor = 0, discount = 0, total_amount = 0;
};
std::optional<QuoteSource> lock_order_for_quote(TenantId tenant, db::Tx& tx, OrderId id);

// Removes an item as DELETE /management/os/{id}/items/{item_id} does (a part's quantity back in
// stock with its movement, the totals recomputed); `user` is who (none: the customer on the
// portal), `why` ends the movement's reason. Not found, or conflict on a locked order.
Result<void> remove_item(TenantId tenant, db::Tx& tx, OrderId order, ItemId item,
                         std::optional<UserId> user, std::string_view why);

// What other modules read of a customer (finance's receivable names its customer).
struct CustomerSummary {
  CustomerId id;
  std::string name;
  bool is_active = false;
};
std::optional<CustomerSummary> find_customer_summary(TenantId tenant, db::Tx& tx, CustomerId id);

// The orders completed from `start` to `end` (YYYY-MM-DD, both inclusive, by the day of
// closed_at in the database's time zone), summed: a query for another module to send in
// its own round trip (finance's report), and its answer.
struct CompletedOrders {
  std::int64_t count = 0;
  money::Cents total_amount = 0, total_parts = 0, total_labor = 0, discount = 0;
};
db::Query completed_orders_query(const std::string& start, const std::string& end);
CompletedOrders completed_orders_from(const db::Result& r);

}  // namespace mg::workshop
