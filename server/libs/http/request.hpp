#pragma once
// The plain request and response that handlers see. Only server.cpp knows
// Beast; everything above it works on these.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "libs/auth/permissions.hpp"
#include "libs/auth/plans.hpp"
#include "libs/json/json.hpp"

namespace mg::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

// Who is calling, from a verified access token.
struct Principal {
  std::int64_t user_id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t session_id = 0;
  std::string tenant_name;
  auth::Role role = auth::Role::mechanic;
  auth::Plan plan = auth::Plan::basic;
};

struct Request {
  std::string method;
  std::string path;   // decoded path, no query
  std::string query;  // raw query string, without '?'
  Headers headers;    // names lower-case
  std::string body;
  std::string remote_address;

  // Filled by the pipeline.
  std::string trace_id;
  std::string route;  // the matched pattern, for logs and metrics
  Headers path_params;
  std::optional<Principal> principal;

  std::string_view header(std::string_view lower_name) const;
  std::optional<std::string> query_param(std::string_view name) const;
  // A query integer; 400 bad_request when present but not an integer.
  std::optional<std::int64_t> query_int(std::string_view name) const;
  // A typed path parameter (the router matched it as an integer).
  std::int64_t path_id(std::string_view name) const;
  std::optional<std::string_view> path_param(std::string_view name) const;

  // The body as JSON, parsed once; 400 when it is not JSON.
  const json::value& json() const;
  const Principal& who() const;  // the authenticated caller

 private:
  mutable std::optional<json::value> json_;
};

struct Response {
  unsigned status = 200;
  std::string content_type = "application/json; charset=utf-8";
  Headers headers;
  std::string body;

  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

Response json_response(const json::value& v, unsigned status = 200);
Response error_response(const ApiError& e);

// Decodes %XX and '+' in a query component.
std::string url_decode(std::string_view s);

}  // namespace mg::http
