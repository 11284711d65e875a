#include "modules/portal/portal.hpp"

#include "modules/portal/portal_impl.hpp"

namespace mg::portal {

Portal::Portal(db::Database& db, events::Bus& bus, Settings settings)
    : state_(std::make_unique<State>(db, bus, std::move(settings))) {}
Portal::~Portal() = default;

void Portal::routes(api::Routes& routes) {
  register_quote_routes(routes, *state_);
  register_public_routes(routes, *state_);
  register_settings_routes(routes, *state_);
}

void Portal::seed_demo(db::Tx& tx, TenantId tenant, UserId user) {
  seed_demo_data(*state_, tenant, tx, user);
}

}  // namespace mg::portal
