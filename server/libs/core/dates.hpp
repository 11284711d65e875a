#pragma once
// Dates and time bounds as API.md writes them (dates YYYY-MM-DD; timestamps
// ISO 8601, UTC with Z, an offset or no zone read as UTC). Pure text checks,
// shared by every module that takes dates in queries or bodies.
#include <optional>
#include <string>
#include <string_view>

namespace mg::dates {

// A calendar date written YYYY-MM-DD (real day: no 2026-02-30); the same text when valid.
bool is_valid_date(std::string_view text);

// A `from`/`to` bound on a timestamp: YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS[.fff]] with `Z`,
// an offset (+03:00, -0300) or no zone (read as UTC). Returns a text PostgreSQL reads as the
// same instant whatever the session time zone; a bare date is the first instant of the day
// for a lower bound and the last for an upper bound (so `to=2026-01-31` includes that day).
// nullopt when malformed.
std::optional<std::string> time_bound(std::string_view text, bool upper);

}  // namespace mg::dates
