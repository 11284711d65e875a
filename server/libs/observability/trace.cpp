#include "libs/observability/trace.hpp"

#include <sodium.h>

namespace mg::trace {

std::string new_id() {
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return std::string(hex, 32);
}

}  // namespace mg::trace
