#pragma once
// How the pipeline learns who is calling. The identity module implements it;
// the gateway only knows this interface.
#include <optional>
#include <string_view>

#include "libs/auth/principal.hpp"

namespace mg::api {

class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // Verifies the "Authorization: Bearer …" header. Throws ApiError 401
  // (unauthorized, token_expired, token_revoked) when it does not hold.
  virtual auth::Principal authenticate(std::string_view authorization_header) = 0;
  // The same without the database: nullopt when it would need it (the session's
  // liveness is not cached); throws like authenticate() when the token fails.
  virtual std::optional<auth::Principal> authenticate_cached(
      std::string_view authorization_header) = 0;
};

}  // namespace mg::api
