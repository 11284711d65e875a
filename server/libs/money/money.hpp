#pragma once
// Money as integer cents; never binary floating point (API.md §1 "Money").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mg::money {

using Cents = std::int64_t;
constexpr Cents kMaxCents = 100'000'000'000;  // 10^11 cents: R$ 1 bilhão

// Parses "150", "150.7", "150.75", "-3.10" (a leading '-' is allowed; callers reject negatives
// where meaningless). Rejects: surrounding spaces, "+1", "1e3", "150.755", "1,50", "150.", ".5",
// "", "abc", and |value| > kMaxCents.
std::optional<Cents> parse_decimal(std::string_view text);

// A double that came from a JSON number: its shortest round-trip decimal form (fixed notation)
// goes through parse_decimal, so 150.75 is exact and 150.755 or 1e-7 are rejected.
// NaN and infinities give nullopt.
std::optional<Cents> from_double(double value);

// An amount read from the database or sent in JSON (as reais: 150.75). Plain
// Cents is for arithmetic; Money marks a field so conversions know its unit.
struct Money {
  Cents cents = 0;
  friend bool operator==(Money, Money) = default;
};

}  // namespace mg::money
