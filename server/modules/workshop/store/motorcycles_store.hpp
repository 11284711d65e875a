#pragma once
// SQL for motorcycles.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/workshop/store/common.hpp"

namespace mg::workshop::store {

struct MotorcycleRow {
  std::int64_t id = 0, customer_id = 0;
  std::string customer_name;
  std::optional<std::string> brand, model, plate, vin;
  std::optional<std::int64_t> year;
  std::int64_t km_current = 0;
  bool is_active = true;
  std::string created_at, updated_at;
};

struct MotorcycleFields {
  std::int64_t customer_id = 0;
  std::optional<std::string> brand, model, plate, vin;
  std::string plate_key;  // br::plate_key(plate), "" without a plate
  std::optional<std::int64_t> year;
  std::int64_t km_current = 0;
  bool is_active = true;
};

struct MotorcycleFilter {
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> plate_key;  // exact
  std::optional<std::string> q;          // plate, brand, model
  std::optional<bool> active;
};

// The service orders of a motorcycle, newest first.
struct OrderSummary {
  std::int64_t id = 0, number = 0;
  std::string status;
  std::optional<std::int64_t> km_at_entry;
  std::string created_at;
  std::int64_t total_amount = 0;
  std::optional<std::string> description;
};

struct MotorcycleDetail {
  MotorcycleRow motorcycle;
  std::vector<OrderSummary> service_orders;
};

std::vector<MotorcycleRow> list_motorcycles(db::Database& db, std::int64_t tenant,
                                            const MotorcycleFilter& filter, Page page,
                                            std::int64_t& total);
std::optional<MotorcycleDetail> find_motorcycle_detail(db::Database& db, std::int64_t tenant,
                                                       std::int64_t id);
std::optional<MotorcycleRow> find_motorcycle(db::Tx& tx, std::int64_t id, bool for_update = false);

// A customer's motorcycles (active first, then by id), for the customer's detail.
db::Query customer_motorcycles_query(std::int64_t customer_id);
std::vector<MotorcycleRow> motorcycles_from(const db::Result& r);

// 409 conflict on `plate` when an active motorcycle of the tenant has the same plate key.
std::int64_t insert_motorcycle(db::Tx& tx, const MotorcycleFields& f);
void update_motorcycle(db::Tx& tx, std::int64_t id, const MotorcycleFields& f);
bool deactivate_motorcycle(db::Tx& tx, std::int64_t id);
// The odometer only goes up: km_current = greatest(km_current, km).
void raise_km(db::Tx& tx, std::int64_t id, std::int64_t km);

}  // namespace mg::workshop::store
