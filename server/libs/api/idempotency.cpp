#include "libs/api/idempotency.hpp"

#include <sodium.h>

#include <thread>

#include "libs/http/api_error.hpp"
#include "libs/http/response.hpp"

namespace mg::api {
namespace {

const db::Statement kForgetExpired(
    "idempotency.forget_expired",
    "delete from idempotency_keys where key = $1 and (created_at < now() - interval '24 hours' "
    "or (state = 'running' and created_at < now() - make_interval(secs => $2::int)))");
const db::Statement kClaim(
    "idempotency.claim",
    "insert into idempotency_keys (tenant_id, key, fingerprint, state) "
    "values (current_tenant(), $1, $2, 'running') on conflict (tenant_id, key) do nothing "
    "returning key");
const db::Statement kFind("idempotency.find",
                          "select fingerprint, state, status, content_type, body "
                          "from idempotency_keys where key = $1");
const db::Statement kComplete("idempotency.complete",
                              "update idempotency_keys set state = 'done', status = $2, "
                              "content_type = $3, body = $4 where key = $1");
const db::Statement kRelease("idempotency.release",
                             "delete from idempotency_keys where key = $1 and state = 'running'");

}  // namespace

bool Idempotency::valid_key(std::string_view key) {
  if (key.empty() || key.size() > 255) return false;
  for (unsigned char c : key)
    if (c < 0x20 || c > 0x7E) return false;
  return true;
}

std::string Idempotency::fingerprint(std::string_view method, std::string_view route,
                                     const http::Params& path_params, std::string_view body) {
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  auto add = [&](std::string_view s) {
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(s.data()), s.size());
    const unsigned char sep = 0;
    crypto_hash_sha256_update(&st, &sep, 1);
  };
  add(method);
  add(route);
  for (const auto& [k, v] : path_params) {
    add(k);
    add(v);
  }
  add(body);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, digest);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::optional<http::Response> Idempotency::claim(TenantId tenant, std::string_view key,
                                                 const std::string& fingerprint) {
  const auto abandoned = static_cast<int>(kAbandonedAfter.count());
  const auto deadline = std::chrono::steady_clock::now() + wait_;
  for (;;) {
    const bool mine = db_.transaction(tenant, [&](db::Tx& tx) {
      auto r =
          tx.exec_batch({db::q(kForgetExpired, key, abandoned), db::q(kClaim, key, fingerprint)});
      return !r[1].empty();
    });
    if (mine) return std::nullopt;
    auto row = db_.read(tenant, db::q(kFind, key));
    if (row.empty()) continue;  // released or expired meanwhile: claim again
    if (row[0].text("fingerprint") != fingerprint)
      throw errors::validation("Esta chave de idempotência já foi usada com outra requisição.",
                               {{"Idempotency-Key", "usada com outro corpo"}});
    if (row[0].text("state") == "done") {
      http::Response res;
      res.status = static_cast<unsigned>(row[0].i64("status"));
      res.content_type = row[0].str("content_type");
      res.body = row[0].str("body");
      res.header("Idempotent-Replayed", "true");
      return res;
    }
    if (std::chrono::steady_clock::now() >= deadline)
      throw errors::conflict("A requisição original com esta chave ainda está em andamento.",
                             {{"Idempotency-Key", "em andamento"}});
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void Idempotency::complete(TenantId tenant, std::string_view key, const http::Response& res) {
  db_.transaction(tenant, [&](db::Tx& tx) {
    tx.exec(kComplete, key, static_cast<std::int64_t>(res.status), res.content_type, res.body);
  });
}

void Idempotency::release(TenantId tenant, std::string_view key) {
  try {
    db_.transaction(tenant, [&](db::Tx& tx) { tx.exec(kRelease, key); });
  } catch (const std::exception&) {
    // The claim expires on its own (kAbandonedAfter).
  }
}

}  // namespace mg::api
