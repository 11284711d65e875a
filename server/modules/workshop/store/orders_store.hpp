#pragma once
// SQL for service orders, their items and status history. The operations that
// change an order lock its row first (`select … for update`), so the items,
// the stock they took and the totals move together.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "libs/auth/roles.hpp"
#include "modules/workshop/domain/order_status.hpp"
#include "modules/workshop/domain/order_totals.hpp"
#include "modules/workshop/store/common.hpp"

namespace mg::workshop::store {

struct OrderRow {
  std::int64_t id = 0, number = 0;
  std::string status;
  std::int64_t customer_id = 0;
  std::string customer_name;
  std::int64_t motorcycle_id = 0;
  std::optional<std::string> motorcycle_plate, motorcycle_model, description;
  std::int64_t total_parts = 0, total_labor = 0, discount = 0, total_amount = 0;
  std::optional<std::int64_t> km_at_entry;
  std::string created_at;
  std::optional<std::string> scheduled_date, closed_at;
};

struct ItemRow {
  std::int64_t id = 0;
  std::string item_type;  // part | labor
  std::optional<std::int64_t> part_id;
  std::string description;
  std::int64_t quantity = 0, unit_price = 0, total = 0;
};

struct HistoryRow {
  std::string status, at;
  std::optional<std::int64_t> user_id;
  std::optional<std::string> user_name;  // read from identity's users, for display
};

struct OrderDetail {
  OrderRow order;
  std::vector<ItemRow> items;
  std::vector<HistoryRow> history;
};

struct OrderFilter {
  std::optional<std::string> status;
  std::optional<std::int64_t> customer_id, motorcycle_id;
  std::optional<std::string> q;               // description, customer name, "12" for OS #12
  std::optional<std::string> from, to;        // created_at bounds (domain::time_bound texts)
  std::optional<std::string> scheduled_date;  // YYYY-MM-DD
};

std::vector<OrderRow> list_orders(db::Database& db, std::int64_t tenant, const OrderFilter& f,
                                  Page page, std::int64_t& total);
std::optional<OrderDetail> find_order(db::Database& db, std::int64_t tenant, std::int64_t id);
std::optional<OrderDetail> find_order(db::Tx& tx, std::int64_t id);

// The order row, locked for the rest of the transaction.
struct LockedOrder {
  std::int64_t id = 0, number = 0, motorcycle_id = 0;
  OrderStatus status = OrderStatus::open;
};
std::optional<LockedOrder> lock_order(db::Tx& tx, std::int64_t id);

struct NewOrder {
  std::int64_t customer_id = 0, motorcycle_id = 0;
  std::optional<std::string> description, scheduled_date;  // YYYY-MM-DD
  std::optional<std::int64_t> km_at_entry;
};
struct CreatedOrder {
  std::int64_t id = 0, number = 0;
};
// 422 on customer_id / motorcycle_id when the customer is not an active customer of the
// tenant or the motorcycle not an active motorcycle of that customer. Takes the next number
// of the tenant's counter (never repeated or skipped), writes the OPEN history row and raises
// the motorcycle's km_current to km_at_entry.
CreatedOrder create_order(db::Tx& tx, const NewOrder& o, std::int64_t user_id);

struct OrderChange {
  std::optional<std::string> description;
  bool set_description = false;
  std::optional<std::string> scheduled_date;
  bool set_scheduled_date = false;
  std::optional<std::int64_t> km_at_entry;
  bool set_km_at_entry = false;
  std::optional<std::int64_t> discount;
};
// 404 when missing, 409 when the order is completed or cancelled.
void update_order(db::Tx& tx, std::int64_t id, const OrderChange& c);

// Moves the status by the state machine and the role's rights (422 invalid_transition,
// 403); COMPLETED stamps closed_at, reopening clears it, CANCELLED returns every part item
// to stock. 404 when missing.
OrderStatus change_status(db::Tx& tx, std::int64_t id, OrderStatus to, auth::Role role,
                          std::int64_t user_id);

// The totals again from the items: parts, labor, minus the discount, floored at 0.
OrderTotals recompute_totals(db::Tx& tx, std::int64_t id);
// The same as a query, to send in one batch with the change it follows.
db::Query recompute_totals_query(std::int64_t id);
OrderTotals totals_from(const db::Result& r);

// --- items ---

struct NewItem {
  std::string item_type;  // part | labor
  std::optional<std::int64_t> part_id;
  std::optional<std::string> description;
  std::int64_t quantity = 1;
  std::optional<std::int64_t> unit_price;  // default: the part's price
};
struct ItemChange {
  std::optional<std::string> description;
  std::optional<std::int64_t> quantity, unit_price;
};
struct ItemResult {
  ItemRow item;
  OrderTotals totals;
};

// A part item takes its quantity out of stock (422 insufficient_stock); 422 on part_id when
// the part does not exist in this tenant or is inactive; 409 on a completed or cancelled order.
ItemResult add_item(db::Tx& tx, std::int64_t order_id, const NewItem& item, std::int64_t user_id);
// The difference of a part item's quantity goes out of or back into stock.
ItemResult update_item(db::Tx& tx, std::int64_t order_id, std::int64_t item_id, const ItemChange& c,
                       std::int64_t user_id);
// A part item's quantity comes back to stock.
OrderTotals delete_item(db::Tx& tx, std::int64_t order_id, std::int64_t item_id,
                        std::int64_t user_id);

}  // namespace mg::workshop::store
