#pragma once
// Service-order totals, in integer cents (API.md §3).
#include <cstdint>
#include <vector>

#include "libs/money/money.hpp"

namespace mg::workshop {

struct ItemAmount {
  bool is_part;  // part or labor
  std::int64_t quantity;
  mg::money::Cents unit_price;
};

struct OrderTotals {
  mg::money::Cents total_parts = 0, total_labor = 0, discount = 0, total_amount = 0;
};

// quantity * unit_price. Throws errors::validation when quantity <= 0, unit_price < 0, or the
// product overflows or exceeds money::kMaxCents.
mg::money::Cents item_total(std::int64_t quantity, mg::money::Cents unit_price);

// total_amount = total_parts + total_labor - discount, floored at 0. Throws errors::validation
// for a bad item (as item_total), a negative discount, or a sum over money::kMaxCents.
OrderTotals compute_totals(const std::vector<ItemAmount>& items, mg::money::Cents discount);

}  // namespace mg::workshop
