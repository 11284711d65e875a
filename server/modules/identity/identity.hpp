#pragma once
// The identity module (the seed's users-service): tenants, users, sessions,
// tokens, plans and themes. Other modules use it through this interface.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "libs/db/database.hpp"
#include "libs/http/router.hpp"

namespace mg::identity {

struct Settings {
  std::string jwt_secret;
  int access_ttl_seconds = 3600;
  int refresh_ttl_days = 30;
  int revocation_cache_seconds = 5;
  int login_max_failures_per_account = 5;
  int login_max_failures_per_address = 100;
  int login_lockout_seconds = 60;
  bool demo_routes = true;  // POST /users/seed-demo; never in production
};

// Fills a freshly created demo tenant with another module's data.
using DemoSeeder = std::function<void(db::Tx&, std::int64_t tenant_id, std::int64_t user_id)>;

class Identity {
 public:
  Identity(db::Database& db, Settings settings);
  ~Identity();

  void register_routes(http::Router& router);
  void add_demo_seeder(DemoSeeder seeder);
  // The demo tenant of `seed-demo`; true when created now (idempotent).
  bool seed_demo();

  // Verifies an access token and that its session is alive (cached for a
  // few seconds, so most requests cost no database round trip). Throws 401.
  http::Principal authenticate(std::string_view bearer_header);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace mg::identity
