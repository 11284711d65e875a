#pragma once
// Service-order amounts, in integer cents (API.md §3): an item's total, and
// the rules the order's totals must keep.
#include <cstdint>

#include "libs/core/failure.hpp"
#include "libs/money/money.hpp"

namespace mg::workshop {

struct OrderTotals {
  mg::money::Cents total_parts = 0, total_labor = 0, discount = 0, total_amount = 0;
};

// Quantities in hundredths: a part's is a whole number (100, 200 …), a labor
// line's may have two decimals (1.5 h = 150).
using Centi = std::int64_t;

// quantity × unit_price, rounded half up to the cent. Invalid when the
// quantity is not positive, the price negative, or the product over
// money::kMaxCents.
Result<mg::money::Cents> item_total(Centi quantity, mg::money::Cents unit_price);

// The totals the database computed from the items (total_amount = parts +
// labor − discount, never below zero) after a change must keep the rules: the
// sum of the items within the money limit and, when the change set the
// discount, the discount at most that sum. Invalid otherwise, naming `field`
// (the item or the discount that broke it).
enum class TotalsChange { items, discount };
Result<void> check_totals(const OrderTotals& totals, TotalsChange change, const char* field);

}  // namespace mg::workshop
