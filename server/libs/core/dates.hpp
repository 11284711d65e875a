#pragma once
// Calendar dates and timestamp bounds as the API writes them (API.md §1 "Dates
// and times"): pure text checks, no I/O.
#include <optional>
#include <string>
#include <string_view>

namespace mg::dates {

// A calendar date written YYYY-MM-DD (real day: no 2026-02-30), year 1900 or later.
bool is_valid_date(std::string_view text);

// A `from`/`to` bound on a timestamp: YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS[.fff]] with `Z`,
// an offset (+03:00, -0300) or no zone (read as UTC). Returns a text PostgreSQL reads as a
// timestamptz: a time as that instant whatever the session time zone; a bare date as the
// first instant of that day in the session's zone (the workshops' TIME_ZONE) for a lower
// bound and the last for an upper bound (so `to=2026-01-31` includes that day).
// nullopt when malformed.
std::optional<std::string> time_bound(std::string_view text, bool upper);

// A valid YYYY-MM-DD date `days` later (or earlier, when negative).
std::string add_days(std::string_view date, int days);
// Days from `from` to `to` (both valid YYYY-MM-DD): 0 for the same day.
int days_between(std::string_view from, std::string_view to);

}  // namespace mg::dates
