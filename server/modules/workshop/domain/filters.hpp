#pragma once
// Pure helpers for the workshop's query parameters and dates (no SQL, no I/O).
#include <optional>
#include <string>
#include <string_view>

#include "libs/core/dates.hpp"

namespace mg::workshop {

// Dates are checked by the shared rules (libs/core/dates.hpp).
using dates::is_valid_date;
using dates::time_bound;

// The user's text for `column like '%' || lower(f_unaccent($1)) || '%'`: `\`, `%` and `_`
// escaped with a backslash (LIKE's default escape), so "50%" finds "50%" and not "500".
std::string like_escape(std::string_view text);

// Years a motorcycle may have: 1900 .. the current year + 1 (next year's models).
int max_motorcycle_year();

}  // namespace mg::workshop
