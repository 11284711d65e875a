#include "libs/http/response.hpp"

namespace mg::http {

Response json_response(const json::value& v, unsigned status) {
  Response r;
  r.status = status;
  r.body = json::dump(v);
  return r;
}

Response error_response(const ApiError& e) {
  json::object err{{"code", e.code()}, {"message", e.message()}};
  if (!e.details().empty()) {
    json::object details;
    for (const auto& [k, v] : e.details()) details[k] = v;
    err["details"] = std::move(details);
  }
  Response r = json_response(json::object{{"error", std::move(err)}}, e.status());
  if (e.retry_after() > 0) r.header("Retry-After", std::to_string(e.retry_after()));
  return r;
}

}  // namespace mg::http
