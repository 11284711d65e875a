#pragma once
// A module is a mechanism, not a convention (ARCHITECTURE.md §2): each one
// implements this interface, and the composition root (server/app) holds the
// one list of modules. The router's tenant prefixes, --modules, the
// *_SERVICE_URL upstreams, /health's service names and the keys of /overview
// are all derived from that list; libs/ names no module.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libs/api/routes.hpp"
#include "libs/core/ids.hpp"
#include "libs/db/database.hpp"
#include "libs/events/bus.hpp"
#include "libs/json/json.hpp"

namespace mg::api {

// A first path segment the module owns; `tenant_segment`: it also takes the
// /{prefix}/{tenant_id}/… form of API.md §1.
struct Prefix {
  std::string segment;
  bool tenant_segment = false;
};

// One key of GET /overview: its queries go out with every other module's in
// one round trip, each module in its own implicit transaction, so one that
// fails reads {"error": "unavailable"} without failing the others. A part
// with an `action` is left out for a caller whose role may not do it (a
// MECHANIC sees no money).
struct OverviewPart {
  std::string key;
  std::vector<db::Query> queries;
  std::function<json::value(const std::vector<db::Result>&)> render;
  std::optional<auth::Action> action;
};

class Module {
 public:
  virtual ~Module() = default;

  virtual std::string_view name() const = 0;          // "workshop"
  virtual std::string_view service_name() const = 0;  // the seed's service: "management-service"
  // The seed's variable naming where the module runs in split mode
  // ("MANAGEMENT_SERVICE_URL"); empty when it has none.
  virtual std::string_view upstream_variable() const { return {}; }
  virtual std::vector<Prefix> prefixes() const = 0;

  virtual void routes(Routes& routes) = 0;
  // In-process subscriptions to other modules' events.
  virtual void subscribe(events::Bus&) {}
  // The demo tenant's data, in the transaction that creates it.
  virtual void seed_demo(db::Tx&, TenantId, UserId) {}
  virtual std::vector<OverviewPart> overview() const { return {}; }
  // Paths of the web app's pages (prefixes, "/portal/") that search engines must not index:
  // served with X-Robots-Tag and a robots meta tag.
  virtual std::vector<std::string> unindexed_pages() const { return {}; }
  // Work of its own besides requests (messaging's relay): started by `serve`
  // once it listens, in a process that serves the module; stopped before exit.
  virtual void start_background() {}
  virtual void stop_background() {}
};

}  // namespace mg::api
