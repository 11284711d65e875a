#pragma once
// Idempotency keys (API.md §1 "Retries"), a mechanism of the pipeline: a
// create request that carries `Idempotency-Key` runs once per tenant and key;
// a repeat with the same body within 24 h gets the stored answer, a repeat
// with another body is 422, and a repeat that arrives while the first still
// runs waits for its answer (409 if that takes too long).
//
// The key is claimed in its own committed transaction before the handler
// runs and the answer stored after it; a server that dies in between leaves
// a claim that a repeat takes over after kAbandonedAfter.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "libs/core/ids.hpp"
#include "libs/db/database.hpp"
#include "libs/http/request.hpp"

namespace mg::api {

class Idempotency {
 public:
  static constexpr auto kKeptFor = std::chrono::hours(24);
  static constexpr auto kAbandonedAfter = std::chrono::seconds(60);

  explicit Idempotency(db::Database& db, std::chrono::milliseconds wait = std::chrono::seconds(10))
      : db_(db), wait_(wait) {}

  // 1–255 printable ASCII characters.
  static bool valid_key(std::string_view key);
  // What makes two requests "the same": route, path parameters and body.
  static std::string fingerprint(std::string_view method, std::string_view route,
                                 const http::Params& path_params, std::string_view body);

  // Runs `handler` at most once per (tenant, key); see the header comment.
  template <class F>
  http::Response run(TenantId tenant, std::string_view key, const std::string& fingerprint,
                     F&& handler) {
    if (auto stored = claim(tenant, key, fingerprint)) return std::move(*stored);
    http::Response res;
    try {
      res = handler();
    } catch (...) {
      release(tenant, key);
      throw;
    }
    if (res.status >= 500) {
      release(tenant, key);  // nothing was done: a retry may run again
    } else {
      complete(tenant, key, res);
    }
    return res;
  }

 private:
  // nullopt: this request holds the key now and runs; otherwise the answer to give.
  std::optional<http::Response> claim(TenantId tenant, std::string_view key,
                                      const std::string& fingerprint);
  void complete(TenantId tenant, std::string_view key, const http::Response& res);
  void release(TenantId tenant, std::string_view key);

  db::Database& db_;
  std::chrono::milliseconds wait_;
};

}  // namespace mg::api
