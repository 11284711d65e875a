#include "modules/gateway/pipeline.hpp"

#include <chrono>

#include "libs/api/failures.hpp"
#include "libs/api/idempotency.hpp"
#include "libs/api/rate_limit.hpp"
#include "libs/core/text.hpp"
#include "libs/db/async_reader.hpp"
#include "libs/http/response.hpp"
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

// application/json or application/<anything>+json, parameters ignored, case
// ignored (RFC 9110 §8.3.1): not "application/jsonx", but "Application/JSON".
bool is_json_content(std::string_view ct) {
  auto semi = ct.find(';');
  std::string type(ct.substr(0, semi));
  type.erase(0, type.find_first_not_of(" \t"));
  type.erase(type.find_last_not_of(" \t") + 1);
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type == "application/json" ||
         (type.starts_with("application/") && type.ends_with("+json") && type.size() > 17);
}

constexpr std::string_view kCorsHeaders =
    "Authorization, Content-Type, Idempotency-Key, X-Trace-Id";
constexpr std::string_view kCorsExposed =
    "X-Total-Count, X-Trace-Id, Retry-After, Idempotent-Replayed";

ApiError plan_required(auth::Feature feature) {
  const auto needed = auth::minimum_plan(feature);
  std::string message = "Este recurso requer o plano ";
  message += auth::label_pt(needed);
  message += needed == auth::Plan::enterprise ? "." : " ou superior.";
  return errors::plan_required(std::move(message));
}

ApiError internal_error() {
  return ApiError(500, "internal_error", "Erro interno. Tente novamente.");
}

}  // namespace

struct Pipeline::Impl {
  Impl(PipelineSettings s, api::Routes r, api::Authenticator& a, api::Services sv)
      : settings(std::move(s)),
        routes(std::move(r)),
        authenticator(a),
        services(sv),
        static_files(settings.frontend_dist_path, settings.unindexed_pages),
        rate_limit(settings.rate_limit_per_tenant_per_minute),
        idempotency(sv.db) {
    router.set_tenant_prefixes(settings.tenant_prefixes);
    router.set_api_prefixes(settings.api_prefixes);
    for (const auto& route : routes.all()) router.add(route.method, route.pattern);
  }

  http::Response route(http::Request& req, const std::string& trace_id, std::size_t& route_id,
                       std::optional<auth::Principal>& principal);
  void check_edges(const http::Request& req) const;
  void admit(const api::Context& ctx, const api::Route& route, const http::Router::Match& m);
  http::Response failure(std::exception_ptr error, const std::string& trace_id);
  void finish(const http::Request& req, const std::string& trace_id, std::size_t route_id,
              const std::optional<auth::Principal>& principal, http::Response& res,
              std::chrono::steady_clock::time_point start);
  struct Inline;
  bool allowed_origin(std::string_view origin) const {
    return !origin.empty() &&
           std::find(settings.cors_allowed_origins.begin(), settings.cors_allowed_origins.end(),
                     origin) != settings.cors_allowed_origins.end();
  }
  void guard_tenant(const api::Context& ctx, const http::Router::Match& m) const;

  PipelineSettings settings;
  api::Routes routes;
  http::Router router;
  api::Authenticator& authenticator;
  api::Services services;
  StaticFiles static_files;
  api::WindowLimit<TenantId> rate_limit;  // per tenant and minute; off unless configured
  api::Idempotency idempotency;
  db::AsyncReader* reader = nullptr;
};

void Pipeline::Impl::guard_tenant(const api::Context& ctx, const http::Router::Match& m) const {
  const auto tenant = ctx.tenant();
  if (m.path_tenant && *m.path_tenant != tenant.value) throw errors::tenant_mismatch();
  const auto& req = ctx.request();
  if (req.body.empty() || !is_json_content(req.header("content-type"))) return;
  const auto* obj = ctx.json().if_object();
  if (!obj) return;
  if (const auto* t = obj->if_contains("tenant_id"); t && !t->is_null()) {
    auto id = json::as_int64(*t);
    if (!id || *id != tenant.value) throw errors::tenant_mismatch();
  }
}

// Text from the request line is checked once, here at the edge.
void Pipeline::Impl::check_edges(const http::Request& req) const {
  auto clean = [](std::string_view s) {
    return text::valid_utf8(s) && text::no_controls(s, false);
  };
  if (!clean(req.path)) throw errors::bad_request("Endereço com caracteres inválidos.");
  for (const auto& [k, v] : req.query_params)
    if (!clean(k) || !clean(v))
      throw errors::bad_request("Parâmetro '" + (clean(k) ? k : std::string("?")) +
                                "' com caracteres inválidos.");
}

// What a signed-in caller must pass before the handler: the tenant guard, the
// route's role and plan, the rate limit.
void Pipeline::Impl::admit(const api::Context& ctx, const api::Route& route,
                           const http::Router::Match& m) {
  guard_tenant(ctx, m);
  if (route.action && !ctx.may(*route.action)) throw errors::forbidden();
  if (route.feature && !auth::has_feature(ctx.who().plan, *route.feature))
    throw plan_required(*route.feature);
  if (auto wait = rate_limit.hit(ctx.tenant()))
    throw errors::rate_limited().with_retry_after(*wait);
}

http::Response Pipeline::Impl::route(http::Request& req, const std::string& trace_id,
                                     std::size_t& route_id,
                                     std::optional<auth::Principal>& principal) {
  check_edges(req);
  if (!router.is_api_path(req.path)) {
    if (req.method != "GET" && req.method != "HEAD")
      throw errors::not_found("Rota não encontrada.");
    route_id = routes.all().size() + 1;
    return static_files.serve(req.path);
  }
  // HEAD is GET without the body (the server drops it).
  auto m = router.match(req.method == "HEAD" ? "GET" : req.method, req.path);
  if (!m.route) {
    if (!m.allowed.empty()) {
      std::string allow;
      for (const auto& a : m.allowed) allow += (allow.empty() ? "" : ", ") + a;
      if (std::find(m.allowed.begin(), m.allowed.end(), "GET") != m.allowed.end())
        allow += ", HEAD";
      allow += ", OPTIONS";
      if (req.method == "OPTIONS") {
        // A preflight: granted only to an origin configured as allowed.
        http::Response r;
        r.status = 204;
        r.header("Allow", allow);
        if (allowed_origin(req.header("origin"))) {
          r.header("Access-Control-Allow-Origin", std::string(req.header("origin")));
          r.header("Access-Control-Allow-Methods", allow);
          r.header("Access-Control-Allow-Headers", std::string(kCorsHeaders));
          r.header("Access-Control-Max-Age", "600");
          r.header("Vary", "Origin");
        }
        return r;
      }
      auto r = http::error_response(
          ApiError(405, "method_not_allowed", "Método não permitido para esta rota."));
      r.header("Allow", allow);
      return r;
    }
    throw errors::not_found("Rota não encontrada.");
  }
  route_id = *m.route;
  const api::Route& route = routes.all()[*m.route];

  if ((req.method == "POST" || req.method == "PATCH" || req.method == "PUT") && !req.body.empty() &&
      !is_json_content(req.header("content-type")))
    throw errors::bad_request("Envie o corpo como application/json.");

  if (!route.is_public) {
    try {
      principal = authenticator.authenticate(req.header("authorization"));
    } catch (const ApiError& e) {
      metrics::count_auth_error(e.code());
      throw;
    }
  } else if (m.path_tenant) {
    throw errors::tenant_mismatch();
  }
  api::Context ctx(req, services, m.params, principal, trace_id);
  if (principal) admit(ctx, route, m);
  auto key = req.header("idempotency-key");
  if (route.creates && principal && !key.empty()) {
    if (!api::Idempotency::valid_key(key))
      throw errors::bad_request("Idempotency-Key deve ter de 1 a 255 caracteres imprimíveis.");
    const auto fingerprint =
        api::Idempotency::fingerprint(req.method, route.pattern, m.params, req.body);
    return idempotency.run(principal->tenant, key, fingerprint, [&] {
      // A failure is an answer too: replayed like a success.
      try {
        return route.handler(ctx);
      } catch (const FailureError& e) {
        return http::error_response(api::to_api_error(e.failure()));
      } catch (const ApiError& e) {
        return http::error_response(e);
      }
    });
  }
  return route.handler(ctx);
}

Pipeline::Pipeline(PipelineSettings settings, api::Routes routes, api::Authenticator& authenticator,
                   api::Services services)
    : impl_(std::make_unique<Impl>(std::move(settings), std::move(routes), authenticator,
                                   services)) {}

Pipeline::~Pipeline() = default;

void Pipeline::attach_reader(db::AsyncReader* reader) {
  impl_->reader = reader;
}

bool Pipeline::heavy(const http::Request& req) const {
  auto m = impl_->router.match(req.method, req.path);
  return m.route && impl_->routes.all()[*m.route].heavy;
}

const api::Routes& Pipeline::routes() const {
  return impl_->routes;
}

http::Response Pipeline::Impl::failure(std::exception_ptr error, const std::string& trace_id) {
  try {
    std::rethrow_exception(error);
  } catch (const ApiError& e) {
    return http::error_response(e);
  } catch (const FailureError& e) {
    return http::error_response(api::to_api_error(e.failure()));
  } catch (const db::ConnectionLost& e) {
    log::error("database unavailable", {{"trace_id", trace_id}, {"error", e.what()}});
    return http::error_response(errors::unavailable().with_retry_after(1));
  } catch (const db::Error& e) {
    // A constraint no store mapped still deserves a typed answer.
    if (e.unique_violation()) return http::error_response(errors::conflict("Registro duplicado."));
    if (e.check_violation() || e.foreign_key_violation())
      return http::error_response(errors::validation("Dados inválidos."));
    log::error("database error", {{"trace_id", trace_id},
                                  {"sqlstate", e.sqlstate()},
                                  {"constraint", e.constraint()},
                                  {"error", e.what()}});
    return http::error_response(internal_error());
  } catch (const std::bad_alloc&) {
    log::error("out of memory", {{"trace_id", trace_id}});
    return http::error_response(errors::unavailable().with_retry_after(1));
  } catch (const std::exception& e) {
    log::error("unhandled error", {{"trace_id", trace_id}, {"error", e.what()}});
    return http::error_response(internal_error());
  }
}

void Pipeline::Impl::finish(const http::Request& req, const std::string& trace_id,
                            std::size_t route_id, const std::optional<auth::Principal>& principal,
                            http::Response& res, std::chrono::steady_clock::time_point start) {
  res.header("X-Trace-Id", trace_id);
  res.header("X-Content-Type-Options", "nosniff");
  // API answers are data, never pages to index (the web app's pages say so themselves).
  if (route_id != routes.all().size() + 1) res.header("X-Robots-Tag", "noindex");
  // API answers are about one user's data: never kept by a cache (static files set their own).
  if (res.header_value("Cache-Control").empty()) res.header("Cache-Control", "no-store");
  if (allowed_origin(req.header("origin")) && req.method != "OPTIONS") {
    res.header("Access-Control-Allow-Origin", std::string(req.header("origin")));
    res.header("Access-Control-Expose-Headers", std::string(kCorsExposed));
    res.header("Vary", "Origin");
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto& all = routes.all();
  const std::string_view route = route_id < all.size() ? std::string_view(all[route_id].pattern)
                                 : route_id == all.size() + 1 ? std::string_view("static")
                                                              : std::string_view("unmatched");
  metrics::observe_request(route_id, req.method, route, res.status, seconds);
  log::request({.trace_id = trace_id,
                .method = req.method,
                .route = route,
                .path = req.path,
                .status = res.status,
                .duration_ms = seconds * 1000.0,
                .tenant_id = principal ? std::optional(principal->tenant.value) : std::nullopt,
                .user_id = principal ? std::optional(principal->user.value) : std::nullopt});
}

http::Response Pipeline::handle(http::Request& req) {
  const auto start = std::chrono::steady_clock::now();
  const std::string trace_id = trace_id_of(req);
  std::size_t route_id = impl_->routes.all().size();  // unmatched
  std::optional<auth::Principal> principal;
  http::Response res;
  try {
    res = impl_->route(req, trace_id, route_id, principal);
  } catch (...) {
    res = impl_->failure(std::current_exception(), trace_id);
  }
  impl_->finish(req, trace_id, route_id, principal, res, start);
  return res;
}

// A read route whose caller is known without the database runs here, on the
// I/O thread, and its queries go out on the event loop (db::AsyncReader):
// no thread hop from the socket to the answer.
struct Pipeline::Impl::Inline {
  http::Request req;
  std::string trace_id;
  std::chrono::steady_clock::time_point start;
  std::size_t route_id = 0;
  std::optional<auth::Principal> principal;
  std::optional<api::Context> ctx;
  std::function<void(http::Response)> done;
  bool retried = false;
};

bool Pipeline::try_inline(http::Request& req, std::function<void(http::Response)> done) {
  auto& impl = *impl_;
  if (!impl.reader || (req.method != "GET" && req.method != "HEAD")) return false;
  auto m = impl.router.match("GET", req.path);
  if (!m.route) return false;
  const api::Route& route = impl.routes.all()[*m.route];
  if (!route.read || route.is_public) return false;
  std::optional<auth::Principal> principal;
  try {
    principal = impl.authenticator.authenticate_cached(req.header("authorization"));
    if (!principal) return false;  // the session must be asked: on a worker
  } catch (const ApiError&) {
    return false;  // the worker path answers (and counts) the refusal
  }
  auto state = std::make_shared<Impl::Inline>();
  state->start = std::chrono::steady_clock::now();
  state->req = std::move(req);
  state->trace_id = trace_id_of(state->req);
  state->route_id = *m.route;
  state->principal = principal;
  state->done = std::move(done);
  auto answer = [&impl](const std::shared_ptr<Impl::Inline>& st, http::Response res) {
    impl.finish(st->req, st->trace_id, st->route_id, st->principal, res, st->start);
    st->done(std::move(res));
  };
  try {
    impl.check_edges(state->req);
    state->ctx.emplace(state->req, impl.services, m.params, principal, state->trace_id);
    impl.admit(*state->ctx, route, m);
    auto plan = std::make_shared<api::ReadPlan>(route.read(*state->ctx));
    auto send = std::make_shared<std::function<void()>>();
    *send = [&impl, state, plan, send, answer]() {
      impl.reader->read(state->principal->tenant, plan->queries,
                        [&impl, state, plan, send, answer](db::ReadOutcome o) {
                          // A read is safe to repeat: once, on a connection made again.
                          if (o.lost && !state->retried) {
                            state->retried = true;
                            return (*send)();
                          }
                          static auto served = metrics::counter(
                              "http_event_loop_reads_total",
                              "Reads answered from the event loop, with no worker thread.");
                          served.increment();
                          http::Response res;
                          try {
                            if (o.lost) throw db::ConnectionLost("the database connection broke");
                            if (o.failure) throw *o.failure;
                            res = plan->render(o.results);
                          } catch (...) {
                            res = impl.failure(std::current_exception(), state->trace_id);
                          }
                          *send = nullptr;  // breaks the cycle
                          answer(state, std::move(res));
                        });
    };
    (*send)();
  } catch (...) {
    answer(state, impl.failure(std::current_exception(), state->trace_id));
  }
  return true;
}

}  // namespace mg::gateway
