#pragma once
// SHA-256 as lower-case hex (libsodium): keys that must not hold what they stand for
// (throttle counters, a portal link's token) and evidence (a quote's snapshot).
#include <string>
#include <string_view>

namespace mg {

std::string sha256_hex(std::string_view text);

}  // namespace mg
