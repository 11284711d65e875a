#pragma once
// The workshop module (the seed's management-service): customers,
// motorcycles, parts and stock, service orders and their items.
#include <cstdint>
#include <memory>

#include "libs/db/database.hpp"
#include "libs/http/router.hpp"
#include "libs/json/json.hpp"

namespace mg::workshop {

class Workshop {
 public:
  explicit Workshop(db::Database& db);
  ~Workshop();

  void register_routes(http::Router& router);
  // The workshop's part of GET /overview: {total, open, completed} orders.
  json::object overview(std::int64_t tenant_id);
  // Realistic pt-BR data for the demo tenant, in the caller's transaction.
  void seed_demo(db::Tx& tx, std::int64_t tenant_id, std::int64_t user_id);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace mg::workshop
