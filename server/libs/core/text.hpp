#pragma once
// What text may carry: valid UTF-8, and no control characters other than tab
// and newline (a NUL would be cut off by the database, silently).
#include <string>
#include <string_view>

namespace mg::text {

bool valid_utf8(std::string_view s);
// No C0 control character (but tab, and newline/CR when `allow_newlines`) and no DEL.
bool no_controls(std::string_view s, bool allow_newlines = true);

// The longest start of `s` of at most `max_bytes` bytes that ends between two characters
// (a cut inside a multi-byte character would not be UTF-8). `s` is valid UTF-8.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

// The user's text for `column like '%' || lower(f_unaccent($1)) || '%'`: `\`, `%` and `_`
// escaped with a backslash (LIKE's default escape), so "50%" finds "50%" and not "500".
std::string like_escape(std::string_view text);

}  // namespace mg::text
