#pragma once
// How the pipeline learns who is calling. The identity module implements it;
// the gateway only knows this interface.
#include <string_view>

#include "libs/auth/principal.hpp"

namespace mg::api {

class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // Verifies the "Authorization: Bearer …" header. Throws ApiError 401
  // (unauthorized, token_expired, token_revoked) when it does not hold.
  virtual auth::Principal authenticate(std::string_view authorization_header) = 0;
};

}  // namespace mg::api
