#pragma once
// The plain request and response that everything above the socket sees. Only
// server.cpp knows Beast; it parses the target once (Boost.URL) into the
// decoded path and query parameters.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mg::http {

using Headers = std::vector<std::pair<std::string, std::string>>;
using Params = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;
  std::string path;     // decoded, no query
  std::string query;    // raw query string, without '?' (forwarded as sent)
  Params query_params;  // decoded, in order
  Headers headers;      // names lower-case
  std::string body;
  std::string remote_address;

  std::string_view header(std::string_view lower_name) const;
  // The first value of a query parameter; nullopt when absent.
  std::optional<std::string_view> query_param(std::string_view name) const;
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
  std::string_view header_value(std::string_view name) const;
};

}  // namespace mg::http
