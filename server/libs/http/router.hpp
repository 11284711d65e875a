#pragma once
// Method + pattern matching. The router knows no business words: the prefixes
// that take a tenant segment (/management/7/customers) and the prefixes that
// belong to the API (a JSON 404 when unknown, never the web app) are given to
// it by the composition root, from the module list. Every route is also
// served under /api.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libs/http/request.hpp"

namespace mg::http {

class Router {
 public:
  // Segments in braces are parameters: `{id}` matches an integer, `{token:str}`
  // any text. Returns the route's index, in the order added.
  std::size_t add(std::string method, std::string_view pattern);

  // First path segments under which /{prefix}/{tenant_id}/… is accepted.
  void set_tenant_prefixes(std::vector<std::string> prefixes);
  // First path segments that belong to the API ("api" always does).
  void set_api_prefixes(std::vector<std::string> prefixes);

  struct Match {
    std::optional<std::size_t> route;  // index into the routes added
    Params params;
    std::vector<std::string> allowed;  // methods of a path matched with another method
    std::optional<std::int64_t> path_tenant;
    bool bad_tenant_segment = false;
  };
  Match match(std::string_view method, std::string_view path) const;

  // Paths that belong to the API, as opposed to the web app's client-side routes.
  bool is_api_path(std::string_view path) const;

 private:
  struct Segment {
    std::string text;
    bool is_param = false;
    bool is_int = false;
  };
  struct Compiled {
    std::string method;
    std::vector<Segment> segments;
  };
  std::vector<Compiled> routes_;
  std::vector<std::string> tenant_prefixes_;
  std::vector<std::string> api_prefixes_{"api"};
};

}  // namespace mg::http
