#include "modules/workshop/domain/order_totals.hpp"

#include <algorithm>

#include "libs/core/api_error.hpp"

namespace mg::workshop {

using mg::money::Cents;
using mg::money::kMaxCents;

Cents item_total(std::int64_t quantity, Cents unit_price) {
  if (quantity <= 0) {
    throw errors::validation("Quantidade deve ser maior que zero.",
                             {{"quantity", "deve ser maior que zero"}});
  }
  if (unit_price < 0) {
    throw errors::validation("Preço unitário não pode ser negativo.",
                             {{"unit_price", "não pode ser negativo"}});
  }
  Cents total = 0;
  if (__builtin_mul_overflow(quantity, unit_price, &total) || total > kMaxCents) {
    throw errors::validation("Total do item excede o limite permitido.",
                             {{"quantity", "total do item acima do limite"}});
  }
  return total;
}

OrderTotals compute_totals(const std::vector<ItemAmount>& items, Cents discount) {
  if (discount < 0) {
    throw errors::validation("Desconto não pode ser negativo.",
                             {{"discount", "não pode ser negativo"}});
  }
  if (discount > kMaxCents) {
    throw errors::validation("Desconto excede o limite permitido.",
                             {{"discount", "acima do limite"}});
  }
  OrderTotals t;
  for (const auto& item : items) {
    Cents& bucket = item.is_part ? t.total_parts : t.total_labor;
    // Each term is <= kMaxCents, so the sum cannot overflow before the check.
    bucket += item_total(item.quantity, item.unit_price);
    if (bucket > kMaxCents || t.total_parts + t.total_labor > kMaxCents) {
      throw errors::validation("Total da OS excede o limite permitido.",
                               {{"items", "total acima do limite"}});
    }
  }
  t.discount = discount;
  t.total_amount = std::max<Cents>(0, t.total_parts + t.total_labor - discount);
  return t;
}

}  // namespace mg::workshop
