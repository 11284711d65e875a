#pragma once
// Trace ids: 32 lower-case hex digits, the W3C trace-context form.
#include <string>

namespace mg::trace {

std::string new_id();

}  // namespace mg::trace
