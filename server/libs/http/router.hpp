#pragma once
// Method + pattern routing. Every route is served under `/api` and bare, and
// paths under a module prefix (/management, /financial, /teamcrm, /ai) may
// carry the tenant id as their second segment: /management/7/customers.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libs/http/request.hpp"

namespace mg::http {

using Handler = std::function<Response(Request&)>;

struct Route {
  std::string method;
  // Segments in braces are parameters: `{id}` matches an integer,
  // `{token:str}` any text.
  std::string pattern;
  Handler handler;
  std::string module;                    // owning module, for split mode
  bool is_public = false;                // no token required
  std::optional<auth::Action> action;    // role requirement (permission table)
  std::optional<auth::Feature> feature;  // plan requirement
};

// Binds a handler written as `Response fn(Ctx&, Request&)` to its context.
template <class Ctx>
Handler bind(Ctx& ctx, Response (*fn)(Ctx&, Request&)) {
  return [&ctx, fn](Request& req) { return fn(ctx, req); };
}

class Router {
 public:
  void add(Route route);

  struct Match {
    const Route* route = nullptr;
    Headers params;
    std::vector<std::string> allowed;  // methods of a path matched with another method
    std::optional<std::int64_t> path_tenant;
    bool bad_tenant_segment = false;
  };
  Match match(std::string_view method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

  // Paths that belong to the API (a JSON 404 when unknown), as opposed to
  // the web app's client-side routes.
  static bool is_api_path(std::string_view path);

 private:
  struct Segment {
    std::string text;
    bool is_param = false;
    bool is_int = false;
  };
  std::vector<Route> routes_;
  std::vector<std::vector<Segment>> compiled_;
};

}  // namespace mg::http
