#pragma once
// What the portal's handlers share. Private to the module.
#include "libs/api/context.hpp"
#include "libs/api/rate_limit.hpp"
#include "libs/api/routes.hpp"
#include "modules/portal/portal.hpp"

namespace mg::portal {

struct Portal::State {
  State(db::Database& d, events::Bus& b, Settings s)
      : db(d),
        bus(b),
        settings(std::move(s)),
        per_address(settings.rate_limit_per_address_per_minute) {}
  db::Database& db;
  events::Bus& bus;
  Settings settings;
  api::WindowLimit<std::string> per_address;  // the public routes, per client address
};

// Route registration, one function per resource file.
void register_quote_routes(api::Routes& routes, Portal::State& state);
void register_public_routes(api::Routes& routes, Portal::State& state);
void register_settings_routes(api::Routes& routes, Portal::State& state);

// The demo tenant's quotes (demo_seed.cpp).
void seed_demo_data(Portal::State& st, TenantId tenant, db::Tx& tx, UserId user);

}  // namespace mg::portal
