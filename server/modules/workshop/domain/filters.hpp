#pragma once
// Pure helpers for the workshop's query parameters and dates (no SQL, no I/O).
// The date and LIKE helpers are shared (libs/core); the workshop names them here.
#include "libs/core/dates.hpp"
#include "libs/core/text.hpp"

namespace mg::workshop {

using dates::is_valid_date;
using dates::time_bound;
using text::like_escape;

// Years a motorcycle may have: 1900 .. the current year + 1 (next year's models).
int max_motorcycle_year();

}  // namespace mg::workshop
