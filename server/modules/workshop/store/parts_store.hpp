#pragma once
// SQL for parts (their stock changes in stock_store).
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include "libs/core/failure.hpp"
#include "libs/db/database.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::workshop::store {

struct PartRow {
  PartId id;
  std::string sku, name;
  money::Money unit_price, cost_price;
  std::int64_t quantity_in_stock = 0, min_stock = 0;
  std::optional<std::string> location;
  bool is_active = true;
  std::string created_at, updated_at;
};
BOOST_DESCRIBE_STRUCT(PartRow, (),
                      (id, sku, name, unit_price, cost_price, quantity_in_stock, min_stock,
                       location, is_active, created_at, updated_at))

// What a POST or PATCH sets; never the stock (only movements change it).
struct PartFields {
  std::string sku, name;
  money::Cents unit_price = 0, cost_price = 0;
  std::int64_t min_stock = 0;
  std::optional<std::string> location;
  bool is_active = true;
};

struct PartFilter {
  std::optional<std::string> q;  // name, SKU
  bool low_stock = false;        // quantity_in_stock <= min_stock
  std::optional<bool> active;
};

db::Read<db::Page<PartRow>> read_parts(const PartFilter& f, db::Paging page);
db::Read<std::optional<PartRow>> read_part(PartId id);
std::optional<PartRow> find_part(TenantId tenant, db::Tx& tx, PartId id, bool for_update = false);

// Conflict on `sku` when another part of the tenant has it (case-insensitive).
Result<PartId> insert_part(TenantId tenant, db::Tx& tx, const PartFields& f);
Result<void> update_part(TenantId tenant, db::Tx& tx, PartId id, const PartFields& f);
bool deactivate_part(TenantId tenant, db::Tx& tx, PartId id);

}  // namespace mg::workshop::store
