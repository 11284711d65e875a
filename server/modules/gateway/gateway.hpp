#pragma once
// The gateway module (the seed's api-gateway): the edge of the server. It
// runs the middleware every request passes (trace id, access log, metrics,
// authentication, tenant guard, role and plan checks, error mapping), serves
// /health, /ready, /metrics, the OpenAPI document and the web app.
#include <memory>
#include <string>

#include "libs/db/database.hpp"
#include "libs/http/router.hpp"
#include "modules/identity/identity.hpp"

namespace mg::gateway {

struct Settings {
  std::string service_name = "api-gateway";
  std::string frontend_dist_path;  // empty: no web app
  int rate_limit_per_tenant_per_minute = 0;
};

class Gateway {
 public:
  Gateway(Settings settings, http::Router& router, identity::Identity& identity, db::Database& db);
  ~Gateway();

  void register_routes(http::Router& router);
  http::Response handle(http::Request& req);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mg::gateway
