#include "modules/gateway/gateway.hpp"

#include "libs/api/context.hpp"
#include "libs/db/embedded_files.hpp"
#include "libs/http/response.hpp"
#include "libs/observability/metrics.hpp"

namespace mg::gateway {

Gateway::Gateway(std::string service, db::Database& db, std::vector<const api::Module*> modules)
    : service_(std::move(service)), db_(db), modules_(std::move(modules)) {
  metrics::set_service(service_);
  metrics::add_gauge_source([&db] {
    auto s = db.stats();
    const std::string help = "Database connections by state.";
    return std::vector<metrics::GaugeValue>{
        {"db_pool_connections", help, {{"state", "total"}}, double(s.total)},
        {"db_pool_connections", help, {{"state", "idle"}}, double(s.idle)},
        {"db_pool_connections", help, {{"state", "busy"}}, double(s.busy)},
        {"db_pool_waiting", "Requests waiting for a database connection.", {}, double(s.waiting)}};
  });
}

std::vector<api::Prefix> Gateway::prefixes() const {
  return {{"health"}, {"ready"}, {"metrics"}, {"openapi.json"}, {"overview"}};
}

void Gateway::routes(api::Routes& routes) {
  api::Resource edge(routes, "gateway", "");
  edge.open()
      .get("/health",
           [this](api::Context&) {
             return api::ok(json::object{{"status", "ok"}, {"service", service_}});
           })
      .get("/ready",
           [this](api::Context&) {
             const bool ok = db_.ping();
             return http::json_response(json::object{{"status", ok ? "ok" : "degraded"},
                                                     {"service", service_},
                                                     {"database", ok ? "ok" : "unavailable"}},
                                        ok ? 200 : 503);
           })
      .get("/metrics",
           [](api::Context&) {
             http::Response r;
             r.content_type = "text/plain; version=0.0.4; charset=utf-8";
             r.body = metrics::render();
             return r;
           })
      .get("/openapi.json", [](api::Context&) {
        http::Response r;
        r.body = std::string(embedded::openapi_json());
        return r;
      });
  // Each module's part in one round trip; one that fails reads "unavailable".
  api::Resource(routes, "gateway", "")
      .get(
          "/overview",
          [this](api::Context& ctx) {
            std::vector<api::OverviewPart> parts;
            for (const auto* m : modules_)
              for (auto& part : m->overview())
                if (!part.action || ctx.may(*part.action)) parts.push_back(std::move(part));
            std::vector<std::vector<db::Query>> groups;
            for (const auto& p : parts) groups.push_back(p.queries);
            const json::value unavailable = json::object{{"error", "unavailable"}};
            json::object body;
            std::vector<std::optional<std::vector<db::Result>>> answers;
            try {
              answers = ctx.db().read_each(ctx.tenant(), groups);
            } catch (const db::ConnectionLost&) {
              answers.resize(parts.size());
            }
            for (std::size_t i = 0; i < parts.size(); ++i)
              body[parts[i].key] = answers[i] ? parts[i].render(*answers[i]) : unavailable;
            return api::ok(body);
          },
          auth::Action::read_workshop);
}

}  // namespace mg::gateway
