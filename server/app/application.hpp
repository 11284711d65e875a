#pragma once
// The composition root: every module built and its routes registered, as
// `motogestor serve` runs them. main owns the process; this owns the wiring,
// so tests can build the same router.
#include <string>

#include "libs/config/settings.hpp"
#include "libs/db/database.hpp"
#include "libs/http/router.hpp"
#include "modules/gateway/gateway.hpp"
#include "modules/identity/identity.hpp"
#include "modules/workshop/workshop.hpp"

namespace mg::app {

// In split mode each module answers /health with its old service's name.
std::string service_name(const std::vector<std::string>& modules);

class Application {
 public:
  Application(const config::Settings& settings, db::Database& db);

  http::Response handle(http::Request& req) { return gateway_.handle(req); }
  bool seed_demo() { return identity_.seed_demo(); }
  const http::Router& router() const { return router_; }

 private:
  // GET /overview: each module's summary; one that fails yields
  // {"error": "unavailable"} in its own key rather than failing the whole.
  void register_overview();
  // Serves a module that runs in another process by forwarding its routes.
  void forward_module(const std::string& module, const std::string& url);

  http::Router router_;
  identity::Identity identity_;
  workshop::Workshop workshop_;
  gateway::Gateway gateway_;
};

}  // namespace mg::app
