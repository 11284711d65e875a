#pragma once
// Shared state and helpers of the workshop module's handlers. Private to the module.
#include <optional>
#include <string>

#include "libs/http/request.hpp"
#include "libs/http/router.hpp"
#include "libs/json/json.hpp"
#include "modules/workshop/store/customers_store.hpp"
#include "modules/workshop/store/motorcycles_store.hpp"
#include "modules/workshop/store/orders_store.hpp"
#include "modules/workshop/store/parts_store.hpp"
#include "modules/workshop/workshop.hpp"

namespace mg::workshop {

struct Workshop::Impl {
  explicit Impl(db::Database& database) : db(database) {}
  db::Database& db;
};

// Route registration, one function per resource file.
void register_customer_routes(Workshop::Impl& impl, http::Router& router);
void register_motorcycle_routes(Workshop::Impl& impl, http::Router& router);
void register_part_routes(Workshop::Impl& impl, http::Router& router);
void register_stock_routes(Workshop::Impl& impl, http::Router& router);
void register_order_routes(Workshop::Impl& impl, http::Router& router);
void register_order_item_routes(Workshop::Impl& impl, http::Router& router);

// The demo tenant's customers, motorcycles, parts and orders (demo_seed.cpp).
void seed_demo_data(db::Tx& tx, std::int64_t user_id);

// JSON shapes used by more than one resource.
// Reads carry `can`: what the caller's role may do with the row (API.md §1).
json::object customer_json(const store::CustomerRow& c, auth::Role role);
json::object motorcycle_json(const store::MotorcycleRow& m, auth::Role role);
json::object part_json(const store::PartRow& p, auth::Role role);
// A list item (with the old aliases), with allowed_transitions and can.
json::object order_json(const store::OrderRow& o, auth::Role role);
json::object order_detail_json(const store::OrderDetail& d, auth::Role role);
json::object order_totals_json(const OrderTotals& t);
json::object item_json(const store::ItemRow& i);

// Optional text of a body where "" and null both mean "none".
std::optional<std::string> optional_text(json::Input& in, std::string_view key,
                                         std::size_t max_length);
// `active=1|0|all` on lists of soft-deleted rows: active ones unless asked (nullopt = all).
std::optional<bool> read_active_filter(const http::Request& req);
// The `q` text of a list, trimmed; nullopt when absent or blank.
std::optional<std::string> read_search(const http::Request& req);

}  // namespace mg::workshop
