#pragma once
// One blocking HTTPS call to a provider (libcurl, inside http.cpp only). Runs
// on the relay's thread or a request's worker, never on an I/O thread.
#include <string>
#include <utility>
#include <vector>

namespace mg::messaging::providers {

struct HttpCall {
  std::string method = "POST";
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // JSON
  int timeout_ms = 10000;
};

struct HttpAnswer {
  int status = 0;  // 0: no answer (timeout, refused, DNS): `error` says which
  std::string body;
  std::string error;
};

HttpAnswer perform(const HttpCall& call);

}  // namespace mg::messaging::providers
