#pragma once
// SQL for parts (their stock changes in stock_store).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/workshop/store/common.hpp"

namespace mg::workshop::store {

struct PartRow {
  std::int64_t id = 0;
  std::string sku, name;
  std::int64_t unit_price = 0, cost_price = 0, quantity_in_stock = 0, min_stock = 0;
  std::optional<std::string> location;
  bool is_active = true;
  std::string created_at, updated_at;
};

// What a POST or PATCH sets; never the stock (only movements change it).
struct PartFields {
  std::string sku, name;
  std::int64_t unit_price = 0, cost_price = 0, min_stock = 0;
  std::optional<std::string> location;
  bool is_active = true;
};

struct PartFilter {
  std::optional<std::string> q;  // name, SKU
  bool low_stock = false;        // quantity_in_stock <= min_stock
  std::optional<bool> active;
};

std::vector<PartRow> list_parts(db::Database& db, std::int64_t tenant, const PartFilter& filter,
                                Page page, std::int64_t& total);
std::optional<PartRow> find_part(db::Database& db, std::int64_t tenant, std::int64_t id);
std::optional<PartRow> find_part(db::Tx& tx, std::int64_t id, bool for_update = false);

// 409 conflict on `sku` when another part of the tenant has it (case-insensitive).
std::int64_t insert_part(db::Tx& tx, const PartFields& f);
void update_part(db::Tx& tx, std::int64_t id, const PartFields& f);
bool deactivate_part(db::Tx& tx, std::int64_t id);

}  // namespace mg::workshop::store
