#pragma once
// Phones and e-mails: pragmatic checks, no network look-ups.
#include <string>
#include <string_view>

namespace mg::br {

std::string phone_digits(std::string_view text);  // the digits only, in the typed order
bool is_valid_phone(std::string_view digits);     // 8..13 digits, nothing else
// One '@', a non-empty local part, a domain with a dot (not first or last, no empty label),
// no whitespace or control characters, at most 254 chars.
bool is_valid_email(std::string_view email);
std::string normalize_email(std::string_view email);  // trimmed, ASCII lower-case

}  // namespace mg::br
