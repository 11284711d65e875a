#pragma once
// The workshop module (the seed's management-service): customers,
// motorcycles, parts and stock, service orders and their items. Other modules
// reach it only through this header (and events.hpp, ids.hpp).
#include <memory>
#include <optional>
#include <string>

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
};
std::optional<OrderSummary> find_order_summary(TenantId tenant, db::Tx& tx, OrderId id);

// Sets (or, with nullopt, clears) the order's mechanic, as PATCH /management/os/{id} does:
// recorded in the order's changes; not found when missing, conflict when cancelled, invalid
// when `staff` is not an active staff member of the tenant. The team module's demo data
// assigns its mechanics through this.
Result<void> assign_mechanic(TenantId tenant, db::Tx& tx, OrderId order,
                             std::optional<StaffId> staff, UserId user);

}  // namespace mg::workshop
