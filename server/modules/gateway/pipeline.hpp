#pragma once
// The middleware every request passes (ARCHITECTURE.md §2): trace id, route
// match, content type, authentication, tenant guard, role and plan checks,
// the per-tenant rate limit, idempotency keys, error mapping, then the
// access-log line and the metrics.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "libs/api/authenticator.hpp"
#include "libs/api/context.hpp"
#include "libs/api/routes.hpp"
#include "libs/http/router.hpp"

namespace mg::db {
class AsyncReader;
}

namespace mg::gateway {

struct PipelineSettings {
  std::string frontend_dist_path;  // empty: no web app
  int rate_limit_per_tenant_per_minute = 0;
  // Origins of other sites allowed to call the API from a browser (CORS); none by default.
  std::vector<std::string> cors_allowed_origins;
  std::vector<std::string> tenant_prefixes;  // from the module list
  std::vector<std::string> api_prefixes;
  // Web app pages (path prefixes) search engines must not index (Module::unindexed_pages).
  std::vector<std::string> unindexed_pages;
};

class Pipeline {
 public:
  Pipeline(PipelineSettings settings, api::Routes routes, api::Authenticator& authenticator,
           api::Services services);
  ~Pipeline();

  http::Response handle(http::Request& req);
  // On the I/O thread: takes a read whose caller is known without the
  // database and answers it through `done` from the event loop; false leaves
  // `req` alone for a worker.
  bool try_inline(http::Request& req, std::function<void(http::Response)> done);
  // Where inline reads go; none: every request takes a worker.
  void attach_reader(db::AsyncReader* reader);
  // Whether the request's route is heavy (runs on its own lane); cheap, for the I/O thread.
  bool heavy(const http::Request& req) const;
  const api::Routes& routes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mg::gateway
