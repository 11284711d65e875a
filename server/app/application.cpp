#include "app/application.hpp"

#include <algorithm>
#include <cstdlib>

#include "libs/http/client.hpp"
#include "modules/finance/finance.hpp"
#include "modules/gateway/gateway.hpp"
#include "modules/gateway/pipeline.hpp"
#include "modules/identity/identity.hpp"
#include "modules/messaging/messaging.hpp"
#include "modules/portal/portal.hpp"
#include "modules/team/team.hpp"
#include "modules/workshop/workshop.hpp"

namespace mg::app {
namespace {

identity::Settings identity_settings(const config::Settings& s) {
  return {.jwt_secret = s.jwt_secret,
          .access_ttl_seconds = s.access_ttl_seconds,
          .refresh_ttl_days = s.refresh_ttl_days,
          .revocation_cache_seconds = s.revocation_cache_seconds,
          .login_max_failures_per_account = s.login_max_failures_per_account,
          .login_max_failures_per_address = s.login_max_failures_per_address,
          .login_lockout_seconds = s.login_lockout_seconds,
          .login_hard_lock_after = s.login_hard_lock_after,
          .registration_limit_per_address_per_hour = s.registration_limit_per_address_per_hour,
          .max_sessions_per_user = s.max_sessions_per_user,
          .demo_routes = !s.production()};
}

portal::Settings portal_settings(const config::Settings& s) {
  return {.public_base_url = s.public_base_url,
          .rate_limit_per_address_per_minute = s.portal_rate_limit_per_address_per_minute};
}

messaging::Settings messaging_settings(const config::Settings& s) {
  return {.secret_key_hex = s.messaging_secret_key,
          .public_base_url = s.public_base_url,
          .daily_cap = s.messaging_daily_cap,
          .relay_interval_ms = s.messaging_relay_interval_ms,
          .max_attempts = s.messaging_max_attempts,
          .retry_base_ms = s.messaging_retry_base_ms,
          .lease_seconds = s.messaging_lease_seconds,
          .http_timeout_ms = s.messaging_http_timeout_ms,
          .reminder_sweep_seconds = s.messaging_reminder_sweep_seconds,
          .reminder_from_hour = s.messaging_reminder_from_hour,
          .reminder_until_hour = s.messaging_reminder_until_hour};
}

// The business modules, in the order their routes, subscriptions and demo
// data go. Adding a module is one line here (docs/adding-a-module.md).
struct Modules {
  Modules(const config::Settings& s, db::Database& db, events::Bus& bus)
      : identity(db, identity_settings(s)),
        workshop(db, bus),
        team(db),
        finance(db, bus),
        portal(db, bus, portal_settings(s)),
        messaging(db, messaging_settings(s)) {}

  std::vector<api::Module*> all() {
    return {&identity, &workshop, &team, &finance, &portal, &messaging};
  }

  identity::Identity identity;
  workshop::Workshop workshop;
  team::Team team;
  finance::Finance finance;
  portal::Portal portal;
  messaging::Messaging messaging;
};

// Names and service names without building the modules (no database needed).
struct Descriptor {
  std::string name, service;
};
const std::vector<Descriptor>& descriptors() {
  static const std::vector<Descriptor> list = [] {
    config::Settings s;
    s.jwt_secret = "unused";
    db::Database unused({.url = ""});
    events::Bus bus;
    Modules modules(s, unused, bus);
    std::vector<Descriptor> out;
    for (auto* m : modules.all())
      out.push_back({std::string(m->name()), std::string(m->service_name())});
    out.push_back({"gateway", "api-gateway"});
    return out;
  }();
  return list;
}

std::vector<const api::Module*> const_modules(const std::vector<api::Module*>& list) {
  return {list.begin(), list.end()};
}

bool serves(const config::Settings& s, std::string_view module) {
  return s.modules.empty() ||
         std::find(s.modules.begin(), s.modules.end(), module) != s.modules.end();
}

}  // namespace

std::vector<std::string> module_names() {
  std::vector<std::string> names;
  for (const auto& d : descriptors()) names.push_back(d.name);
  return names;
}

std::string service_name(const std::vector<std::string>& modules) {
  if (modules.size() != 1) return "api-gateway";
  for (const auto& d : descriptors())
    if (d.name == modules.front()) return d.service;
  return "api-gateway";
}

void read_upstream_variables(config::Settings& settings) {
  config::Settings s;
  s.jwt_secret = "unused";
  db::Database unused({.url = ""});
  events::Bus bus;
  Modules modules(s, unused, bus);
  for (auto* m : modules.all()) {
    const std::string variable(m->upstream_variable());
    if (variable.empty() || settings.upstreams.contains(std::string(m->name()))) continue;
    if (const char* url = std::getenv(variable.c_str()); url && *url)
      settings.upstreams[std::string(m->name())] = url;
  }
}

struct Application::Impl {
  Impl(const config::Settings& s, db::Database& db)
      : settings(s),
        modules(s, db, bus),
        gateway(service_name(s.modules), db, const_modules(modules.all())) {
    auto list = modules.all();
    for (auto* m : list) m->subscribe(bus);
    modules.identity.set_demo_seeder([list](db::Tx& tx, TenantId tenant, UserId user) {
      for (auto* m : list) m->seed_demo(tx, tenant, user);
    });

    api::Routes routes;
    gateway.routes(routes);  // /health, /ready, /metrics: every process answers them
    gateway::PipelineSettings ps{
        .frontend_dist_path = s.frontend_dist_path,
        .rate_limit_per_tenant_per_minute = s.rate_limit_per_tenant_per_minute,
        .cors_allowed_origins = s.cors_allowed_origins};
    for (auto* m : list) {
      for (const auto& p : m->prefixes()) {
        ps.api_prefixes.push_back(p.segment);
        if (p.tenant_segment) ps.tenant_prefixes.push_back(p.segment);
      }
      for (auto& page : m->unindexed_pages()) ps.unindexed_pages.push_back(std::move(page));
      if (serves(s, m->name())) {
        m->routes(routes);
      } else if (auto up = s.upstreams.find(std::string(m->name())); up != s.upstreams.end()) {
        forward(*m, up->second, routes);
      }
    }
    for (const auto& p : gateway.prefixes()) ps.api_prefixes.push_back(p.segment);
    pipeline.emplace(std::move(ps), std::move(routes), modules.identity, api::Services{db, bus});
  }

  // A module served by another process: the same routes, with the same
  // authentication, role and plan checks here at the edge, forwarded there;
  // the module's own process checks the token again (and keeps the
  // idempotency keys: the edge does not claim them twice).
  static void forward(api::Module& module, const std::string& url, api::Routes& routes) {
    api::Routes own;
    module.routes(own);
    auto upstream = http::parse_upstream(url);
    for (auto route : own.all()) {
      route.handler = [upstream](api::Context& ctx) {
        return http::forward(upstream, ctx.request(), ctx.trace_id());
      };
      route.creates = false;
      route.read = nullptr;  // forwarded, never read here
      routes.add(std::move(route));
    }
  }

  config::Settings settings;
  events::Bus bus;
  Modules modules;
  gateway::Gateway gateway;
  std::optional<gateway::Pipeline> pipeline;
};

Application::Application(const config::Settings& settings, db::Database& db)
    : impl_(std::make_unique<Impl>(settings, db)) {}

Application::~Application() = default;

http::Response Application::handle(http::Request& req) {
  return impl_->pipeline->handle(req);
}

bool Application::try_inline(http::Request& req, std::function<void(http::Response)> done) {
  return impl_->pipeline->try_inline(req, std::move(done));
}

void Application::attach_reader(db::AsyncReader* reader) {
  impl_->pipeline->attach_reader(reader);
}

bool Application::heavy(const http::Request& req) const {
  return impl_->pipeline->heavy(req);
}

void Application::start_background() {
  for (auto* m : impl_->modules.all())
    if (serves(impl_->settings, m->name())) m->start_background();
}

void Application::stop_background() {
  for (auto* m : impl_->modules.all()) m->stop_background();
}

bool Application::create_demo_tenant() {
  return impl_->modules.identity.create_demo_tenant();
}

const std::vector<api::Route>& Application::routes() const {
  return impl_->pipeline->routes().all();
}

const events::Bus& Application::events() const {
  return impl_->bus;
}

}  // namespace mg::app
