#include "modules/gateway/gateway.hpp"

#include <chrono>
#include <mutex>
#include <unordered_map>

#include "libs/db/embedded_files.hpp"
#include "libs/observability/log.hpp"
#include "libs/observability/metrics.hpp"
#include "libs/observability/trace.hpp"
#include "modules/gateway/static_files.hpp"

namespace mg::gateway {
namespace {

bool valid_trace_id(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  return true;
}

// X-Trace-Id when the caller sent a usable one, else the W3C traceparent's
// trace id, else a new one.
std::string trace_id_of(const http::Request& req) {
  if (auto t = req.header("x-trace-id"); valid_trace_id(t)) return std::string(t);
  auto tp = req.header("traceparent");
  if (tp.size() >= 55 && tp[2] == '-' && tp[35] == '-') {
    auto id = tp.substr(3, 32);
    bool hex = std::all_of(id.begin(), id.end(), [](char c) { return std::isxdigit(c); });
    if (hex && id != "00000000000000000000000000000000") return std::string(id);
  }
  return trace::new_id();
}

bool is_json_content(std::string_view ct) {
  return ct.find("application/json") != std::string_view::npos ||
         ct.find("+json") != std::string_view::npos;
}

// A fixed one-minute window per tenant; off unless configured.
class TenantRateLimit {
 public:
  explicit TenantRateLimit(int per_minute) : per_minute_(per_minute) {}
  std::optional<int> hit(std::int64_t tenant) {
    if (per_minute_ <= 0) return std::nullopt;
    auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    auto& w = windows_[tenant];
    if (now - w.start >= std::chrono::minutes(1)) w = {now, 0};
    if (++w.count <= per_minute_) return std::nullopt;
    return static_cast<int>(
        std::chrono::duration_cast<std::chrono::seconds>(w.start + std::chrono::minutes(1) - now)
            .count() +
        1);
  }

 private:
  struct Window {
    std::chrono::steady_clock::time_point start{};
    int count = 0;
  };
  int per_minute_;
  std::mutex mutex_;
  std::unordered_map<std::int64_t, Window> windows_;
};

}  // namespace

struct Gateway::Impl {
  Impl(Settings s, http::Router& r, identity::Identity& i, db::Database& d)
      : settings(std::move(s)),
        router(r),
        identity(i),
        db(d),
        static_files(settings.frontend_dist_path),
        rate_limit(settings.rate_limit_per_tenant_per_minute) {}

  http::Response route(http::Request& req);
  void guard_tenant(const http::Request& req, const http::Router::Match& m) const;

  Settings settings;
  http::Router& router;
  identity::Identity& identity;
  db::Database& db;
  StaticFiles static_files;
  TenantRateLimit rate_limit;
};

void Gateway::Impl::guard_tenant(const http::Request& req, const http::Router::Match& m) const {
  const auto tenant = req.principal->tenant_id;
  if (m.path_tenant && *m.path_tenant != tenant) throw errors::tenant_mismatch();
  if (req.body.empty() || !is_json_content(req.header("content-type"))) return;
  const auto* obj = req.json().if_object();
  if (!obj) return;
  if (const auto* t = obj->if_contains("tenant_id"); t && !t->is_null()) {
    auto id = json::as_int64(*t);
    if (!id || *id != tenant) throw errors::tenant_mismatch();
  }
}

http::Response Gateway::Impl::route(http::Request& req) {
  if (!http::Router::is_api_path(req.path)) {
    if (req.method != "GET" && req.method != "HEAD")
      throw errors::not_found("Rota não encontrada.");
    req.route = "static";
    return static_files.serve(req.path);
  }
  auto m = router.match(req.method, req.path);
  if (!m.route) {
    if (!m.allowed.empty()) {
      std::string allow;
      for (const auto& a : m.allowed) allow += (allow.empty() ? "" : ", ") + a;
      auto r = http::error_response(
          ApiError(405, "method_not_allowed", "Método não permitido para esta rota."));
      r.header("Allow", allow);
      return r;
    }
    throw errors::not_found("Rota não encontrada.");
  }
  const http::Route& route = *m.route;
  req.route = route.pattern;
  req.path_params = std::move(m.params);

  if ((req.method == "POST" || req.method == "PATCH" || req.method == "PUT") && !req.body.empty() &&
      !is_json_content(req.header("content-type")))
    throw errors::bad_request("Envie o corpo como application/json.");

  if (!route.is_public) {
    try {
      req.principal = identity.authenticate(req.header("authorization"));
    } catch (const ApiError& e) {
      metrics::count_auth_error(e.code());
      throw;
    }
    guard_tenant(req, m);
    if (route.action && !auth::allowed(req.principal->role, *route.action))
      throw errors::forbidden();
    if (route.feature) auth::require_feature(req.principal->plan, *route.feature);
    if (auto wait = rate_limit.hit(req.principal->tenant_id))
      throw errors::rate_limited().with_retry_after(*wait);
  } else if (m.path_tenant) {
    throw errors::tenant_mismatch();
  }
  return route.handler(req);
}

Gateway::Gateway(Settings settings, http::Router& router, identity::Identity& identity,
                 db::Database& db)
    : impl_(std::make_unique<Impl>(std::move(settings), router, identity, db)) {
  metrics::set_service(impl_->settings.service_name);
}

Gateway::~Gateway() = default;

http::Response Gateway::handle(http::Request& req) {
  const auto start = std::chrono::steady_clock::now();
  req.trace_id = trace_id_of(req);
  http::Response res;
  try {
    res = impl_->route(req);
  } catch (const ApiError& e) {
    res = http::error_response(e);
  } catch (const db::ConnectionLost& e) {
    log::error("database unavailable", {{"trace_id", req.trace_id}, {"error", e.what()}});
    res = http::error_response(errors::unavailable().with_retry_after(1));
  } catch (const db::Error& e) {
    // A constraint the handler did not expect still deserves a typed answer.
    if (e.unique_violation()) {
      res = http::error_response(errors::conflict("Registro duplicado."));
    } else if (e.check_violation() || e.foreign_key_violation()) {
      res = http::error_response(errors::validation("Dados inválidos."));
    } else {
      log::error("database error",
                 {{"trace_id", req.trace_id}, {"sqlstate", e.sqlstate()}, {"error", e.what()}});
      res = http::error_response(ApiError(500, "internal_error", "Erro interno. Tente novamente."));
    }
  } catch (const std::exception& e) {
    log::error("unhandled error", {{"trace_id", req.trace_id}, {"error", e.what()}});
    res = http::error_response(ApiError(500, "internal_error", "Erro interno. Tente novamente."));
  }
  res.header("X-Trace-Id", req.trace_id);

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string_view route = req.route.empty() ? "unmatched" : std::string_view(req.route);
  metrics::observe_request(req.method, route, res.status, seconds);
  if (log::enabled(log::Level::info)) {
    json::object fields{{"trace_id", req.trace_id}, {"method", req.method},
                        {"route", route},           {"path", req.path},
                        {"status", res.status},     {"duration_ms", seconds * 1000.0}};
    if (req.principal) {
      fields["tenant_id"] = req.principal->tenant_id;
      fields["user_id"] = req.principal->user_id;
    }
    log::info("request", fields);
  }
  return res;
}

void Gateway::register_routes(http::Router& router) {
  auto& impl = *impl_;
  router.add({.method = "GET",
              .pattern = "/health",
              .handler =
                  [&impl](http::Request&) {
                    return http::json_response(
                        json::object{{"status", "ok"}, {"service", impl.settings.service_name}});
                  },
              .module = "gateway",
              .is_public = true});
  router.add({.method = "GET",
              .pattern = "/ready",
              .handler =
                  [&impl](http::Request&) {
                    bool ok = impl.db.ping();
                    return http::json_response(
                        json::object{{"status", ok ? "ok" : "degraded"},
                                     {"service", impl.settings.service_name},
                                     {"database", ok ? "ok" : "unavailable"}},
                        ok ? 200 : 503);
                  },
              .module = "gateway",
              .is_public = true});
  router.add({.method = "GET",
              .pattern = "/metrics",
              .handler =
                  [](http::Request&) {
                    http::Response r;
                    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
                    r.body = metrics::render();
                    return r;
                  },
              .module = "gateway",
              .is_public = true});
  router.add({.method = "GET",
              .pattern = "/openapi.json",
              .handler =
                  [](http::Request&) {
                    http::Response r;
                    r.body = std::string(embedded::openapi_json());
                    return r;
                  },
              .module = "gateway",
              .is_public = true});
  metrics::add_gauge_source([&impl] {
    auto s = impl.db.stats();
    std::string out =
        "# HELP db_pool_connections Database connections by state.\n"
        "# TYPE db_pool_connections gauge\n";
    out += "db_pool_connections{state=\"total\"} " + std::to_string(s.total) + "\n";
    out += "db_pool_connections{state=\"idle\"} " + std::to_string(s.idle) + "\n";
    out += "db_pool_connections{state=\"busy\"} " + std::to_string(s.busy) + "\n";
    out +=
        "# HELP db_pool_waiting Requests waiting for a database connection.\n"
        "# TYPE db_pool_waiting gauge\n";
    out += "db_pool_waiting " + std::to_string(s.waiting) + "\n";
    return out;
  });
}

}  // namespace mg::gateway
