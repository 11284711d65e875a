#pragma once
// SQL for customers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/workshop/store/common.hpp"
#include "modules/workshop/store/motorcycles_store.hpp"

namespace mg::workshop::store {

struct CustomerRow {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> phone, email, document, notes;
  bool is_active = true;
  std::string created_at, updated_at;
};

// Everything a POST or PATCH sets (a PATCH merges the body into the current row).
struct CustomerFields {
  std::string name;
  std::optional<std::string> phone, email, document, notes;
  bool is_active = true;
};

struct CustomerFilter {
  std::optional<std::string> q;
  std::optional<bool> active;
};

struct CustomerDetail {
  CustomerRow customer;
  std::vector<MotorcycleRow> motorcycles;
};

std::vector<CustomerRow> list_customers(db::Database& db, std::int64_t tenant,
                                        const CustomerFilter& filter, Page page,
                                        std::int64_t& total);
std::optional<CustomerDetail> find_customer_detail(db::Database& db, std::int64_t tenant,
                                                   std::int64_t id);
std::optional<CustomerRow> find_customer(db::Tx& tx, std::int64_t id, bool for_update = false);

// 409 conflict on `document` when another customer of the tenant has it.
std::int64_t insert_customer(db::Tx& tx, const CustomerFields& f);
void update_customer(db::Tx& tx, std::int64_t id, const CustomerFields& f);
bool deactivate_customer(db::Tx& tx, std::int64_t id);  // false: no such customer

}  // namespace mg::workshop::store
