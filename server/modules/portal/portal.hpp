#pragma once
// The portal module: quotes frozen from a service order, the customer's public
// page to approve them (no login), the decision as evidence and the declined
// work kept on the motorcycle. Other modules reach it only through this header
// (and events.hpp, ids.hpp).
#include <memory>
#include <string>

#include "libs/api/module.hpp"
#include "modules/portal/events.hpp"
#include "modules/portal/ids.hpp"

namespace mg::portal {

struct Settings {
  std::string public_base_url = "http://localhost:5000";  // the links: <base>/portal/<token>
  int rate_limit_per_address_per_minute = 60;             // the public routes; 0: off
};

class Portal final : public api::Module {
 public:
  Portal(db::Database& db, events::Bus& bus, Settings settings);
  ~Portal() override;

  std::string_view name() const override { return "portal"; }
  std::string_view service_name() const override { return "portal-service"; }
  std::string_view upstream_variable() const override { return "PORTAL_SERVICE_URL"; }
  // Its routes live under the workshop's /management and under /api/portal; bare /portal/<token>
  // is the web app's page, so "portal" is no API prefix.
  std::vector<api::Prefix> prefixes() const override { return {}; }
  std::vector<std::string> unindexed_pages() const override { return {"/portal/"}; }
  void routes(api::Routes& routes) override;
  // A quote waiting for the customer, one approved and one approved in part (on the demo
  // orders the workshop seeded before).
  void seed_demo(db::Tx& tx, TenantId tenant, UserId user) override;

  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace mg::portal
