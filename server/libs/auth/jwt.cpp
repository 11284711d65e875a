#include "libs/auth/jwt.hpp"

#include <jwt.h>
#include <sodium.h>

#include <charconv>
#include <cstdlib>
#include <memory>
#include <optional>
#include <stdexcept>

namespace mg::auth {
namespace {

static_assert(sizeof(long) == sizeof(std::int64_t), "libjwt takes claims as long");

// Longer than any token we issue; bounds the work done on hostile input.
constexpr std::size_t kMaxTokenSize = 8192;
constexpr std::size_t kMaxJtiSize = 128;

void ensure_sodium() {
  // sodium_init is thread-safe and idempotent; the static just avoids calling it every time.
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("sodium_init failed");
}

Verified invalid_token() {
  return {{}, TokenProblem::invalid};
}

struct JwtDeleter {
  void operator()(jwt_t* p) const { jwt_free(p); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtDeleter>;

struct FreeDeleter {
  void operator()(char* p) const { std::free(p); }
};
using CString = std::unique_ptr<char, FreeDeleter>;

void require_key(std::string_view key) {
  if (key.empty()) throw std::invalid_argument("JWT key must not be empty");
}

// libjwt's integer getter cannot tell 0 from a missing or mistyped claim, so read the claim's
// JSON text instead: only a plain JSON integer parses.
std::optional<std::int64_t> int_claim(jwt_t* jwt, const char* name) {
  CString json(jwt_get_grants_json(jwt, name));
  if (!json) return std::nullopt;
  std::string_view text(json.get());
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// nullptr when missing or not a JSON string.
const char* string_claim(jwt_t* jwt, const char* name) {
  return jwt_get_grant(jwt, name);
}

std::optional<std::int64_t> parse_positive_id(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  if (std::to_string(value) != text) return std::nullopt;  // canonical form only ("042" is not)
  return value;
}

bool decode_b64url(std::string_view in, unsigned char* out, std::size_t out_max,
                   std::size_t* out_len) {
  const char* end = nullptr;
  if (sodium_base642bin(out, out_max, in.data(), in.size(), nullptr, out_len, &end,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return false;
  }
  return end == in.data() + in.size();
}

// Our own constant-time HS256 check before libjwt parses anything: libjwt skips verification
// for alg "none" and would verify HS384/HS512 with the same key.
bool hs256_signature_ok(std::string_view signing_input, std::string_view signature_b64,
                        std::string_view key) {
  unsigned char given[crypto_auth_hmacsha256_BYTES + 1];
  std::size_t given_len = 0;
  if (!decode_b64url(signature_b64, given, sizeof given, &given_len) ||
      given_len != crypto_auth_hmacsha256_BYTES) {
    return false;
  }
  crypto_auth_hmacsha256_state state;
  unsigned char expected[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                              key.size());
  crypto_auth_hmacsha256_update(
      &state, reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size());
  crypto_auth_hmacsha256_final(&state, expected);
  const bool ok = sodium_memcmp(given, expected, sizeof expected) == 0;
  sodium_memzero(&state, sizeof state);
  return ok;
}

void check_c_string(const std::string& s, const char* what) {
  if (s.find('\0') != std::string::npos) {
    throw std::invalid_argument(std::string("JWT claim has a NUL byte: ") + what);
  }
}

}  // namespace

std::string_view to_string(TokenType type) {
  return type == TokenType::access ? "access" : "refresh";
}

std::string new_token_id() {
  ensure_sodium();
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return std::string(hex, sizeof bytes * 2);
}

std::string sign_token(const Claims& claims, std::string_view key) {
  require_key(key);
  if (claims.jti.empty()) throw std::invalid_argument("JWT jti must not be empty");
  check_c_string(claims.tenant_name, "tenant_name");
  check_c_string(claims.plan, "plan");
  check_c_string(claims.role, "role");
  check_c_string(claims.jti, "jti");

  jwt_t* raw = nullptr;
  if (jwt_new(&raw) != 0) throw std::bad_alloc();
  JwtPtr jwt(raw);
  if (jwt_set_alg(jwt.get(), JWT_ALG_HS256, reinterpret_cast<const unsigned char*>(key.data()),
                  static_cast<int>(key.size())) != 0) {
    throw std::runtime_error("jwt_set_alg failed");
  }
  const std::string sub = std::to_string(claims.user_id);
  const std::string type(to_string(claims.type));
  int rc = 0;
  rc |= jwt_add_grant(jwt.get(), "sub", sub.c_str());
  rc |= jwt_add_grant_int(jwt.get(), "tenant_id", claims.tenant_id);
  rc |= jwt_add_grant(jwt.get(), "tenant_name", claims.tenant_name.c_str());
  rc |= jwt_add_grant(jwt.get(), "plan", claims.plan.c_str());
  rc |= jwt_add_grant(jwt.get(), "role", claims.role.c_str());
  rc |= jwt_add_grant(jwt.get(), "jti", claims.jti.c_str());
  rc |= jwt_add_grant_int(jwt.get(), "sid", claims.session_id);
  rc |= jwt_add_grant(jwt.get(), "type", type.c_str());
  rc |= jwt_add_grant_int(jwt.get(), "iat", claims.issued_at);
  rc |= jwt_add_grant_int(jwt.get(), "exp", claims.expires_at);
  if (rc != 0) throw std::runtime_error("jwt_add_grant failed");

  CString out(jwt_encode_str(jwt.get()));
  if (!out) throw std::runtime_error("jwt_encode_str failed");
  return std::string(out.get());
}

Verified verify_token(std::string_view token, std::string_view key, TokenType expected,
                      std::int64_t now) {
  require_key(key);
  ensure_sodium();
  if (token.empty() || token.size() > kMaxTokenSize) return invalid_token();

  const auto dot1 = token.find('.');
  if (dot1 == std::string_view::npos) return invalid_token();
  const auto dot2 = token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) {
    return invalid_token();
  }
  if (dot1 == 0 || dot2 == dot1 + 1) return invalid_token();
  if (!hs256_signature_ok(token.substr(0, dot2), token.substr(dot2 + 1), key)) {
    return invalid_token();
  }

  const std::string token_z(token);  // libjwt wants a NUL-terminated string
  jwt_t* raw = nullptr;
  if (jwt_decode(&raw, token_z.c_str(), reinterpret_cast<const unsigned char*>(key.data()),
                 static_cast<int>(key.size())) != 0 ||
      raw == nullptr) {
    return invalid_token();
  }
  JwtPtr jwt(raw);
  // The signature above is HS256 already; the header must say so too (no algorithm switching).
  const char* alg = jwt_get_header(jwt.get(), "alg");
  if (jwt_get_alg(jwt.get()) != JWT_ALG_HS256 || alg == nullptr ||
      std::string_view(alg) != "HS256") {
    return invalid_token();
  }

  Claims c;
  const char* sub = string_claim(jwt.get(), "sub");
  const char* tenant_name = string_claim(jwt.get(), "tenant_name");
  const char* plan = string_claim(jwt.get(), "plan");
  const char* role = string_claim(jwt.get(), "role");
  const char* jti = string_claim(jwt.get(), "jti");
  const char* type = string_claim(jwt.get(), "type");
  const auto tenant_id = int_claim(jwt.get(), "tenant_id");
  const auto sid = int_claim(jwt.get(), "sid");
  const auto iat = int_claim(jwt.get(), "iat");
  const auto exp = int_claim(jwt.get(), "exp");
  if (!sub || !tenant_name || !plan || !role || !jti || !type || !tenant_id || !sid || !iat ||
      !exp) {
    return invalid_token();
  }
  const auto user_id = parse_positive_id(sub);
  const std::string_view jti_view(jti);
  if (!user_id || *tenant_id <= 0 || *sid <= 0 || jti_view.empty() ||
      jti_view.size() > kMaxJtiSize) {
    return invalid_token();
  }
  const std::string_view type_view(type);
  if (type_view == "access") {
    c.type = TokenType::access;
  } else if (type_view == "refresh") {
    c.type = TokenType::refresh;
  } else {
    return invalid_token();
  }
  // A refresh token must never open the API, nor an access token rotate a session.
  if (c.type != expected) return invalid_token();
  if (*exp <= now) return {{}, TokenProblem::expired};

  c.user_id = *user_id;
  c.tenant_id = *tenant_id;
  c.tenant_name = tenant_name;
  c.plan = plan;
  c.role = role;
  c.jti = jti;
  c.session_id = *sid;
  c.issued_at = *iat;
  c.expires_at = *exp;
  return {std::move(c), TokenProblem::none};
}

}  // namespace mg::auth
