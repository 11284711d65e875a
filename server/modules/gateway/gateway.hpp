#pragma once
// The gateway module (the seed's api-gateway): the edge of the server. Its
// routes are /health, /ready, /metrics, the OpenAPI document and /overview;
// its Pipeline (pipeline.hpp) is the middleware every request passes.
#include <string>
#include <vector>

#include "libs/api/module.hpp"

namespace mg::gateway {

class Gateway final : public api::Module {
 public:
  // `service` is what /health answers for this process; `modules` are every
  // module's overview parts' source (all are linked in every process).
  Gateway(std::string service, db::Database& db, std::vector<const api::Module*> modules);

  std::string_view name() const override { return "gateway"; }
  std::string_view service_name() const override { return "api-gateway"; }
  std::vector<api::Prefix> prefixes() const override;
  void routes(api::Routes& routes) override;

 private:
  std::string service_;
  db::Database& db_;
  std::vector<const api::Module*> modules_;
};

}  // namespace mg::gateway
