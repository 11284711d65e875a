#pragma once
// Pure helpers for the workshop's query parameters and dates (no SQL, no I/O).
#include <optional>
#include <string>
#include <string_view>

namespace mg::workshop {

// The user's text for `column like '%' || lower(f_unaccent($1)) || '%'`: `\`, `%` and `_`
// escaped with a backslash (LIKE's default escape), so "50%" finds "50%" and not "500".
std::string like_escape(std::string_view text);

// A calendar date written YYYY-MM-DD (real day: no 2026-02-30); the same text when valid.
bool is_valid_date(std::string_view text);

// A `from`/`to` bound on a timestamp: YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS[.fff]] with `Z`,
// an offset (+03:00, -0300) or no zone (read as UTC). Returns a text PostgreSQL reads as the
// same instant whatever the session time zone; a bare date is the first instant of the day
// for a lower bound and the last for an upper bound (so `to=2026-01-31` includes that day).
// nullopt when malformed.
std::optional<std::string> time_bound(std::string_view text, bool upper);

// Years a motorcycle may have: 1900 .. the current year + 1 (next year's models).
int max_motorcycle_year();

}  // namespace mg::workshop
