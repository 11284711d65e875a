#pragma once
// The request target ("/api/management/customers?q=Jo%C3%A3o"), parsed once
// per request with Boost.URL: the decoded path, the raw query (forwarded as
// sent in split mode) and the decoded query parameters.
#include <optional>
#include <string>
#include <string_view>

#include "libs/http/request.hpp"

namespace mg::http {

struct Target {
  std::string path;
  std::string query;
  Params params;
};

// nullopt when the target is not an origin-form URL (bad percent-encoding, …).
std::optional<Target> parse_target(std::string_view target);

}  // namespace mg::http
