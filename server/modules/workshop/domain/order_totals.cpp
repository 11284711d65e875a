#include "modules/workshop/domain/order_totals.hpp"

namespace mg::workshop {

using mg::money::Cents;
using mg::money::kMaxCents;

Result<Cents> item_total(Centi quantity, Cents unit_price) {
  if (quantity <= 0)
    return fail::invalid("Quantidade deve ser maior que zero.",
                         {{"quantity", "deve ser maior que zero"}});
  if (unit_price < 0)
    return fail::invalid("Preço unitário não pode ser negativo.",
                         {{"unit_price", "não pode ser negativo"}});
  Cents hundredths = 0;
  if (__builtin_mul_overflow(quantity, unit_price, &hundredths) || hundredths / 100 > kMaxCents)
    return fail::invalid("Total do item excede o limite permitido.",
                         {{"quantity", "total do item acima do limite"}});
  const Cents total = (hundredths + 50) / 100;  // half up: both factors are non-negative
  if (total > kMaxCents)
    return fail::invalid("Total do item excede o limite permitido.",
                         {{"quantity", "total do item acima do limite"}});
  return total;
}

Result<void> check_totals(const OrderTotals& t, TotalsChange change, const char* field) {
  const Cents items = t.total_parts + t.total_labor;
  if (items > kMaxCents)
    return fail::invalid("O total da OS excederia o limite permitido (R$ 1.000.000.000,00).",
                         {{field, "total da OS acima do limite"}});
  if (change == TotalsChange::discount && t.discount > items)
    return fail::invalid("O desconto não pode ser maior que a soma dos itens.",
                         {{field, "desconto maior que a soma dos itens"}});
  return {};
}

}  // namespace mg::workshop
