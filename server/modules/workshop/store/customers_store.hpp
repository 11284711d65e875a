#pragma once
// SQL for customers.
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include "libs/core/failure.hpp"
#include "libs/db/database.hpp"
#include "modules/workshop/ids.hpp"
#include "modules/workshop/store/motorcycles_store.hpp"

namespace mg::workshop::store {

struct CustomerRow {
  CustomerId id;
  std::string name;
  std::optional<std::string> phone, email, document, notes;
  bool is_active = true;
  std::string created_at, updated_at;
  bool messaging_opt_in = false;  // LGPD consent to messages, kept by the messaging module
  std::optional<std::string> messaging_opt_in_at, messaging_opt_in_source;
};
BOOST_DESCRIBE_STRUCT(CustomerRow, (),
                      (id, name, phone, email, document, notes, is_active, created_at, updated_at,
                       messaging_opt_in, messaging_opt_in_at, messaging_opt_in_source))

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

db::Read<db::Page<CustomerRow>> read_customers(const CustomerFilter& f, db::Paging page);
db::Read<std::optional<CustomerDetail>> read_customer(CustomerId id);
std::optional<CustomerRow> find_customer(TenantId tenant, db::Tx& tx, CustomerId id,
                                         bool for_update = false);

// Conflict on `document` when another customer of the tenant has it.
Result<CustomerId> insert_customer(TenantId tenant, db::Tx& tx, const CustomerFields& f);
Result<void> update_customer(TenantId tenant, db::Tx& tx, CustomerId id, const CustomerFields& f);
bool deactivate_customer(TenantId tenant, db::Tx& tx, CustomerId id);  // false: no such customer

}  // namespace mg::workshop::store
