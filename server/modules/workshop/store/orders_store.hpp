#pragma once
// SQL for service orders, their items and status history. The operations that
// change an order lock its row first (`select … for update`), so the items,
// the stock they took and the totals move together.
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include "libs/auth/roles.hpp"
#include "libs/core/failure.hpp"
#include "libs/db/database.hpp"
#include "libs/events/bus.hpp"
#include "modules/workshop/domain/order_status.hpp"
#include "modules/workshop/domain/order_totals.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::workshop {

// An item's quantity in hundredths, as the database's numeric(10,2) reads.
struct Quantity {
  Centi centi = 0;
};
void from_text(std::string_view text, Quantity& out);

}  // namespace mg::workshop

namespace mg::workshop::store {

struct OrderRow {
  OrderId id;
  std::int64_t number = 0;
  std::string status;
  CustomerId customer_id;
  std::string customer_name;
  MotorcycleId motorcycle_id;
  std::optional<std::string> motorcycle_plate, motorcycle_model, description;
  money::Money total_parts, total_labor, discount, total_amount;
  std::optional<std::int64_t> km_at_entry;
  std::string created_at;
  std::optional<std::string> scheduled_date, closed_at;
  std::optional<StaffId> assigned_staff_id;  // the order's mechanic
  std::optional<std::string> assigned_staff_name;
};
BOOST_DESCRIBE_STRUCT(OrderRow, (),
                      (id, number, status, customer_id, customer_name, motorcycle_id,
                       motorcycle_plate, motorcycle_model, description, total_parts, total_labor,
                       discount, total_amount, km_at_entry, created_at, scheduled_date, closed_at,
                       assigned_staff_id, assigned_staff_name))

struct ItemRow {
  ItemId id;
  std::string item_type;  // part | labor
  std::optional<PartId> part_id;
  std::string description;
  Quantity quantity;
  money::Money unit_price, total;
  std::optional<StaffId> staff_id;  // who did a labor line (none: the order's mechanic)
  std::optional<std::string> staff_name;
};
BOOST_DESCRIBE_STRUCT(ItemRow, (),
                      (id, item_type, part_id, description, quantity, unit_price, total, staff_id,
                       staff_name))

struct HistoryRow {
  std::string status, at;
  std::optional<UserId> user_id;
  std::optional<std::string> user_name;  // read from identity's users, for display
};
BOOST_DESCRIBE_STRUCT(HistoryRow, (), (status, at, user_id, user_name))

// A change other than a status move: an item's price, the discount (money from/to), the
// mechanic (staff from/to).
struct ChangeRow {
  std::string kind;  // item_price | discount | mechanic
  std::optional<ItemId> item_id;
  std::optional<std::string> description;
  std::optional<money::Money> from, to;
  std::optional<StaffId> from_staff_id, to_staff_id;
  std::optional<std::string> from_staff_name, to_staff_name;
  std::string at;
  std::optional<UserId> user_id;
  std::optional<std::string> user_name;
};
BOOST_DESCRIBE_STRUCT(ChangeRow, (),
                      (kind, item_id, description, from, to, from_staff_id, to_staff_id,
                       from_staff_name, to_staff_name, at, user_id, user_name))

// The customer's approval of the order's latest quote (the portal module's quotes: a read
// across modules). state: PENDING, EXPIRED (pending past expires_at), APPROVED,
// PARTIALLY_APPROVED, DECLINED; outdated: the order changed after it was sent (or decided).
struct ApprovalRow {
  std::string state;
  std::int64_t version = 0;
  std::string sent_at, expires_at;
  std::optional<std::string> decided_at, decided_by_name;
  bool outdated = false;
};
BOOST_DESCRIBE_STRUCT(ApprovalRow, (),
                      (state, version, sent_at, expires_at, decided_at, decided_by_name, outdated))

struct OrderDetail {
  OrderRow order;
  std::vector<ItemRow> items;
  std::vector<HistoryRow> history;
  std::vector<ChangeRow> changes;
  std::optional<ApprovalRow> approval;  // none while no quote was sent
};

// Records a change (who, from, to) on the order's record.
struct Change {
  std::string kind;
  std::optional<ItemId> item_id;
  std::optional<std::string> description;
  std::optional<money::Cents> from, to;
  std::optional<StaffId> from_staff, to_staff;
};
void record_change(TenantId tenant, db::Tx& tx, OrderId order, const Change& change, UserId user);

struct OrderFilter {
  std::optional<OrderStatus> status;
  std::optional<CustomerId> customer_id;
  std::optional<MotorcycleId> motorcycle_id;
  std::optional<std::string> q;         // every word: number, customer, plate, model, description
  std::optional<std::string> from, to;  // created_at bounds (domain::time_bound texts)
  std::optional<std::string> scheduled_date;  // YYYY-MM-DD
  std::optional<StaffId> assigned_staff_id;
  std::optional<UserId> mine;  // the orders of this user's staff record (none without one)
};

db::Read<db::Page<OrderRow>> read_orders(const OrderFilter& f, db::Paging page);
db::Read<std::optional<OrderDetail>> read_order(OrderId id);
std::optional<OrderDetail> find_order(TenantId tenant, db::Tx& tx, OrderId id);

// The order row, locked for the rest of the transaction.
struct LockedOrder {
  OrderId id;
  std::int64_t number = 0;
  CustomerId customer_id;
  MotorcycleId motorcycle_id;
  OrderStatus status = OrderStatus::open;
  std::optional<StaffId> assigned_staff_id;
};
std::optional<LockedOrder> lock_order(TenantId tenant, db::Tx& tx, OrderId id);

struct NewOrder {
  CustomerId customer_id;
  MotorcycleId motorcycle_id;
  std::optional<std::string> description, scheduled_date;  // YYYY-MM-DD
  std::optional<std::int64_t> km_at_entry;
  std::optional<StaffId> assigned_staff_id;
};
struct CreatedOrder {
  OrderId id;
  std::int64_t number = 0;
};
// Invalid on customer_id / motorcycle_id when the customer is not an active customer of the
// tenant or the motorcycle not an active motorcycle of that customer, and on assigned_staff_id
// when that is not an active staff member of the tenant (the assignment is on record). Takes the
// next number of the tenant's counter (never repeated or skipped), writes the OPEN history row,
// raises the motorcycle's km_current to km_at_entry, and publishes OrderCreated.
Result<CreatedOrder> create_order(TenantId tenant, db::Tx& tx, const events::Bus& bus,
                                  const NewOrder& o, UserId user);

struct OrderChange {
  std::optional<std::string> description;
  bool set_description = false;
  std::optional<std::string> scheduled_date;
  bool set_scheduled_date = false;
  std::optional<std::int64_t> km_at_entry;
  bool set_km_at_entry = false;
  std::optional<money::Cents> discount;
  std::optional<StaffId> assigned_staff_id;  // nullopt with set_assigned_staff: unassign
  bool set_assigned_staff = false;
  // Anything but the mechanic.
  bool changes_more_than_mechanic() const {
    return set_description || set_scheduled_date || set_km_at_entry || discount;
  }
};
// Not found when missing, conflict when the order is cancelled, or completed and the change is
// more than its mechanic; invalid when the discount passes the sum of the items.
Result<void> update_order(TenantId tenant, db::Tx& tx, OrderId id, const OrderChange& c,
                          UserId user);

// Moves the status by the state machine and the role's rights; COMPLETED stamps closed_at,
// reopening clears it, CANCELLED returns every part item to stock. Publishes
// OrderStatusChanged, then OrderCompleted or OrderCancelled; a subscriber's failure is the
// move's. Not found when missing.
Result<OrderStatus> change_status(TenantId tenant, db::Tx& tx, const events::Bus& bus, OrderId id,
                                  OrderStatus to, auth::Role role, UserId user);

// The order's mechanic (nullopt: none), recorded in its changes when it differs. Not found
// when missing; conflict when cancelled; invalid on assigned_staff_id when the staff member is
// not an active one of the tenant. A completed order's mechanic may still be corrected (its
// commissions follow); its items and totals may not.
Result<void> assign_mechanic(TenantId tenant, db::Tx& tx, OrderId id, std::optional<StaffId> staff,
                             UserId user);
// The caller's own staff record (through staff.user_id), if any.
std::optional<StaffId> staff_of_user(TenantId tenant, db::Tx& tx, UserId user);
// Invalid on `field` unless `staff` is an active staff member of the tenant.
Result<void> check_staff(TenantId tenant, db::Tx& tx, StaffId staff, std::string_view field);

// The totals again from the items, as a query to send in one batch with the change it
// follows, and its answer.
db::Query recompute_totals_query(OrderId id);
OrderTotals totals_from(const db::Result& r);

// --- items ---

struct NewItem {
  std::string item_type;  // part | labor
  std::optional<PartId> part_id;
  std::optional<std::string> description;
  Centi quantity = 100;
  std::optional<money::Cents> unit_price;  // default: the part's price
  std::optional<StaffId> staff_id;         // labor only: who did it
};
struct ItemChange {
  std::optional<std::string> description;
  std::optional<Centi> quantity;
  std::optional<money::Cents> unit_price;
  std::optional<StaffId> staff_id;  // nullopt with set_staff: the order's mechanic
  bool set_staff = false;
};
struct ItemResult {
  ItemRow item;
  OrderTotals totals;
};

// A part item takes its quantity out of stock (rule insufficient_stock); invalid on part_id
// when the part does not exist in this tenant or is inactive, on staff_id when the item is a
// part or the staff member is not an active one of the tenant; conflict on a completed or
// cancelled order; invalid when the order's total would pass the money limit.
Result<ItemResult> add_item(TenantId tenant, db::Tx& tx, OrderId order, const NewItem& item,
                            UserId user);
// The difference of a part item's quantity goes out of or back into stock.
Result<ItemResult> update_item(TenantId tenant, db::Tx& tx, OrderId order, ItemId item,
                               const ItemChange& c, UserId user);
// A part item's quantity comes back to stock; the movement's reason ends with `why`, its
// user is `user` (none for the customer's decision on the portal).
Result<OrderTotals> delete_item(TenantId tenant, db::Tx& tx, OrderId order, ItemId item,
                                std::optional<UserId> user,
                                std::string_view why = " (item removido)");

}  // namespace mg::workshop::store
