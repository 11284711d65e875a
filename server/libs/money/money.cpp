#include "libs/money/money.hpp"

#include <charconv>
#include <cmath>

namespace mg::money {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::optional<Cents> parse_decimal(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && text[i] == '-') {
    negative = true;
    ++i;
  }
  const std::size_t int_start = i;
  Cents units = 0;
  for (; i < text.size() && is_digit(text[i]); ++i) {
    units = units * 10 + (text[i] - '0');
    // Checked as we go so a long digit string cannot overflow.
    if (units > kMaxCents / 100) return std::nullopt;
  }
  if (i == int_start) return std::nullopt;  // no integer digits: "", "-", ".5"
  Cents fraction = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const std::size_t frac_start = i;
    for (; i < text.size() && is_digit(text[i]); ++i) {
      if (i - frac_start >= 2) return std::nullopt;  // more than two decimals
      fraction = fraction * 10 + (text[i] - '0');
    }
    const std::size_t frac_digits = i - frac_start;
    if (frac_digits == 0) return std::nullopt;  // "150."
    if (frac_digits == 1) fraction *= 10;
  }
  if (i != text.size()) return std::nullopt;
  const Cents value = units * 100 + fraction;
  if (value > kMaxCents) return std::nullopt;
  return negative ? -value : value;
}

std::optional<Cents> from_double(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  // Anything this large is out of range anyway; keeps the fixed-notation text short.
  if (std::fabs(value) > 1e12) return std::nullopt;
  // Fixed, not plain shortest: shortest would write 1000000.0 as "1e+06".
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  if (ec != std::errc()) return std::nullopt;
  return parse_decimal(std::string_view(buf, static_cast<std::size_t>(end - buf)));
}

}  // namespace mg::money
