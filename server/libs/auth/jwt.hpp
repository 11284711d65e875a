#pragma once
// HS256 JSON Web Tokens for access and refresh tokens (API.md §2).
#include <cstdint>
#include <string>
#include <string_view>

namespace mg::auth {

enum class TokenType { access, refresh };

struct Claims {
  std::int64_t user_id = 0;                    // "sub", serialized as a string ("42")
  std::int64_t tenant_id = 0;                  // "tenant_id" (number)
  std::string tenant_name;                     // "tenant_name"
  std::string plan;                            // "plan"
  std::string role;                            // "role"
  std::string jti;                             // random unique id per token (32 hex chars)
  std::int64_t session_id = 0;                 // "sid": the session (refresh family) of the token
  TokenType type = TokenType::access;          // "type": "access" | "refresh"
  std::int64_t issued_at = 0, expires_at = 0;  // "iat", "exp" (unix seconds)
};

std::string_view to_string(TokenType);

// 128 random bits as 32 lower-case hex chars (libsodium randombytes).
std::string new_token_id();

// Signs with HS256. Throws std::invalid_argument on an empty key (a configuration bug).
std::string sign_token(const Claims& claims, std::string_view key);

enum class TokenProblem {
  none,
  invalid,  // malformed, alg other than HS256, bad signature, missing or mistyped claims,
            // wrong token type
  expired,  // exp <= now (checked last: only a token that is otherwise good is "expired")
};

struct Verified {
  Claims claims;
  TokenProblem problem = TokenProblem::none;
  explicit operator bool() const { return problem == TokenProblem::none; }
};

// Verifies and decodes. Throws std::invalid_argument on an empty key.
Verified verify_token(std::string_view token, std::string_view key, TokenType expected,
                      std::int64_t now);

}  // namespace mg::auth
