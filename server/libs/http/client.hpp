#pragma once
// A small blocking HTTP/1.1 client, for the gateway to forward a module's
// routes to the process that serves them (split mode). Runs on a worker
// thread; Beast stays inside client.cpp.
#include <chrono>
#include <string>
#include <string_view>

#include "libs/http/request.hpp"

namespace mg::http {

struct Upstream {
  std::string host;
  std::string port;
  std::string base_path;  // prefix before the forwarded path, usually empty
};

// Parses "http://host:port[/base]"; throws std::invalid_argument otherwise.
Upstream parse_upstream(const std::string& url);

// Sends `req` (method, path, query, body and the headers that matter) to the
// upstream and returns its answer. Throws ApiError 503 when it cannot be
// reached or does not answer within `timeout`.
// The trace id travels along, so one trace spans both processes.
Response forward(const Upstream& upstream, const Request& req, std::string_view trace_id,
                 std::chrono::seconds timeout = std::chrono::seconds(30));

}  // namespace mg::http
