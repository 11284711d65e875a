#pragma once
// The composition root: the one list of modules, and everything derived from
// it — the routes this process serves or forwards, the router's tenant and
// API prefixes, /health's service name, the event subscriptions, the demo
// seed. main owns the process; this owns the wiring, so tests build the same.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "libs/config/settings.hpp"
#include "libs/db/database.hpp"
#include "libs/events/bus.hpp"
#include "libs/http/request.hpp"

namespace mg::api {
class Module;
struct Route;
}  // namespace mg::api

namespace mg::db {
class AsyncReader;
}

namespace mg::app {

// The modules' names, in list order (for --modules validation and --help).
std::vector<std::string> module_names();
// What /health answers: the one module's old service name, else api-gateway.
std::string service_name(const std::vector<std::string>& modules);
// The *_SERVICE_URL variables of the environment, as module → URL, for the
// modules that have one and no --upstream given.
void read_upstream_variables(config::Settings& settings);

class Application {
 public:
  Application(const config::Settings& settings, db::Database& db);
  ~Application();

  http::Response handle(http::Request& req);
  bool heavy(const http::Request& req) const;
  // Reads served from the event loop (see gateway::Pipeline::try_inline).
  bool try_inline(http::Request& req, std::function<void(http::Response)> done);
  void attach_reader(db::AsyncReader* reader);
  bool create_demo_tenant();
  // The served modules' background work (Module::start_background).
  void start_background();
  void stop_background();
  const std::vector<api::Route>& routes() const;
  const events::Bus& events() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mg::app
