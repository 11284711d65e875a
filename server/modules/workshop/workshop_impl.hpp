#pragma once
// What the workshop's handlers share. Private to the module.
#include <boost/json/value_from.hpp>
#include <optional>
#include <string>

#include "libs/api/context.hpp"
#include "libs/api/routes.hpp"
#include "libs/json/writer.hpp"
#include "modules/workshop/store/customers_store.hpp"
#include "modules/workshop/store/motorcycles_store.hpp"
#include "modules/workshop/store/orders_store.hpp"
#include "modules/workshop/store/parts_store.hpp"

namespace mg::workshop {

// Route registration, one function per resource file.
void register_customer_routes(api::Routes& routes);
void register_motorcycle_routes(api::Routes& routes);
void register_part_routes(api::Routes& routes);
void register_stock_routes(api::Routes& routes);
void register_order_routes(api::Routes& routes);
void register_order_item_routes(api::Routes& routes);

// The demo tenant's customers, motorcycles, parts and orders (demo_seed.cpp).
void seed_demo_data(TenantId tenant, db::Tx& tx, const events::Bus& bus, UserId user);

// Reads carry `can`: what the caller's role may do with the row (API.md §1).
// A customer with its `can`, written straight to JSON text.
void write_customer(std::string& out, const store::CustomerRow& c, auth::Role role);
json::object motorcycle_json(const store::MotorcycleRow& m, auth::Role role);
json::object part_json(const store::PartRow& p, auth::Role role);
// An order as a list item (with the old aliases), with allowed_transitions and
// can, written straight to JSON text (libs/json/writer.hpp).
void write_order(std::string& out, const store::OrderRow& o, auth::Role role);
// Its detail: the list item's members, km_at_entry, items, history, changes.
std::string order_detail_document(const store::OrderDetail& d, auth::Role role);
json::object order_totals_json(const OrderTotals& t);

// Quantities read as numbers: 2, 1.5.
inline void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, Quantity q) {
  jv = json::money(q.centi);
}
inline void write(std::string& out, Quantity q) {
  json::write(out, money::Money{q.centi});
}

// Optional text of a body where "" and null both mean "none".
std::optional<std::string> optional_text(json::Input& in, std::string_view key,
                                         std::size_t max_length);
// `active=1|0|all` on lists of soft-deleted rows: active ones unless asked (nullopt = all).
std::optional<bool> read_active_filter(const api::Context& ctx);

}  // namespace mg::workshop
