#pragma once
// SQL for motorcycles.
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include "libs/core/failure.hpp"
#include "libs/db/database.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::workshop::store {

struct MotorcycleRow {
  MotorcycleId id;
  CustomerId customer_id;
  std::string customer_name;
  std::optional<std::string> brand, model, plate;
  std::optional<std::int64_t> year;
  std::optional<std::string> vin;
  std::int64_t km_current = 0;
  bool is_active = true;
  std::string created_at, updated_at;
};
BOOST_DESCRIBE_STRUCT(MotorcycleRow, (),
                      (id, customer_id, customer_name, brand, model, plate, year, vin, km_current,
                       is_active, created_at, updated_at))

struct MotorcycleFields {
  CustomerId customer_id;
  std::optional<std::string> brand, model, plate, vin;
  std::string plate_key;  // br::plate_key(plate), "" without a plate
  std::optional<std::int64_t> year;
  std::int64_t km_current = 0;
  bool is_active = true;
};

struct MotorcycleFilter {
  std::optional<CustomerId> customer_id;
  std::optional<std::string> plate_key;  // exact
  std::optional<std::string> q;          // plate, brand, model
  std::optional<bool> active;
};

// The service orders of a motorcycle, newest first.
struct OrderSummaryRow {
  OrderId id;
  std::int64_t number = 0;
  std::string status;
  std::optional<std::int64_t> km_at_entry;
  std::string created_at;
  money::Money total_amount;
  std::optional<std::string> description;
};
BOOST_DESCRIBE_STRUCT(OrderSummaryRow, (),
                      (id, number, status, km_at_entry, created_at, total_amount, description))

// Work the customer declined on a quote (the portal module's declined_items: a read across
// modules), newest first, to offer again.
struct DeclinedItemRow {
  std::int64_t id = 0;
  OrderId order_id;
  std::int64_t order_number = 0;
  std::int64_t quote_version = 0;
  std::string item_type;
  std::optional<PartId> part_id;
  std::string description;
  money::Money quantity, unit_price, total;
  std::string declined_at;
};
BOOST_DESCRIBE_STRUCT(DeclinedItemRow, (),
                      (id, order_id, order_number, quote_version, item_type, part_id, description,
                       quantity, unit_price, total, declined_at))

struct MotorcycleDetail {
  MotorcycleRow motorcycle;
  std::vector<OrderSummaryRow> service_orders;
  std::vector<DeclinedItemRow> declined_items;
};

db::Read<db::Page<MotorcycleRow>> read_motorcycles(const MotorcycleFilter& f, db::Paging page);
db::Read<std::optional<MotorcycleDetail>> read_motorcycle(MotorcycleId id);
std::optional<MotorcycleRow> find_motorcycle(TenantId tenant, db::Tx& tx, MotorcycleId id,
                                             bool for_update = false);

// A customer's motorcycles (active first, then by id), for the customer's detail.
db::Query customer_motorcycles_query(CustomerId customer);

// Conflict on `plate` when an active motorcycle of the tenant has the same plate key.
Result<MotorcycleId> insert_motorcycle(TenantId tenant, db::Tx& tx, const MotorcycleFields& f);
Result<void> update_motorcycle(TenantId tenant, db::Tx& tx, MotorcycleId id,
                               const MotorcycleFields& f);
bool deactivate_motorcycle(TenantId tenant, db::Tx& tx, MotorcycleId id);
// The odometer only goes up: km_current = greatest(km_current, km).
void raise_km(TenantId tenant, db::Tx& tx, MotorcycleId id, std::int64_t km);

}  // namespace mg::workshop::store
