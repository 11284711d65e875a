#include "modules/finance/domain/rules.hpp"

#include "libs/core/dates.hpp"

namespace mg::finance {

std::string_view to_string(Method m) {
  switch (m) {
    case Method::pix:
      return "PIX";
    case Method::dinheiro:
      return "DINHEIRO";
    case Method::cartao_credito:
      return "CARTAO_CREDITO";
    case Method::cartao_debito:
      return "CARTAO_DEBITO";
    case Method::boleto:
      return "BOLETO";
    case Method::transferencia:
      return "TRANSFERENCIA";
  }
  return "PIX";
}

std::optional<Method> parse_method(std::string_view text) {
  for (auto m : kAllMethods)
    if (to_string(m) == text) return m;
  return std::nullopt;
}

bool is_card(Method m) {
  return m == Method::cartao_credito || m == Method::cartao_debito;
}

Result<std::vector<Cents>> split_installments(Cents total, int n) {
  if (n < 1 || n > kMaxInstallments)
    return fail::invalid("Número de parcelas inválido.",
                         {{"installments", "de 1 a " + std::to_string(kMaxInstallments)}});
  if (total < n)
    return fail::invalid("O valor não dá um centavo por parcela.",
                         {{"installments", "mais parcelas que centavos"}});
  std::vector<Cents> parts(static_cast<std::size_t>(n), total / n);
  parts[0] += total % n;
  return parts;
}

std::vector<std::string> installment_due_dates(std::string_view first, int n, int interval_days) {
  std::vector<std::string> out;
  out.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) out.push_back(dates::add_days(first, i * interval_days));
  return out;
}

Cents fee_from_percent(Cents amount, std::int64_t hundredths) {
  // amount × hundredths / 10000, half up; both bounded (10^11 × 10^4 fits in 63 bits).
  return (amount * hundredths + 5000) / 10000;
}

Result<FollowOrder> follow_order_total(const std::vector<Installment>& group, Cents total) {
  Cents sum = 0, paid = 0;
  for (const auto& i : group) {
    sum += i.amount;
    paid += i.paid;
  }
  FollowOrder out;
  if (total < paid)
    return fail::conflict("Os pagamentos já recebidos (" + brl(paid) +
                              ") passam do novo total da OS (" + brl(total) +
                              "). Estorne pagamentos antes de concluir a OS.",
                          {{"total_amount", "menor que o já recebido"}});
  if (paid == 0) {
    if (total == 0) {
      out.cancel_all = true;
      return out;
    }
    auto split = split_installments(total, static_cast<int>(group.size()));
    if (!split)
      return fail::conflict("O novo total da OS (" + brl(total) + ") não cabe nas " +
                                std::to_string(group.size()) + " parcelas.",
                            {{"total_amount", "menor que o número de parcelas em centavos"}});
    out.amounts = std::move(*split);
    return out;
  }
  for (const auto& i : group) out.amounts.push_back(i.amount);
  auto& last = out.amounts.back();
  const Cents next = last + (total - sum);
  if (next < group.back().paid || next < 1)
    return fail::conflict("O novo total da OS (" + brl(total) +
                              ") não cabe na última parcela, que já tem pagamentos. "
                              "Estorne pagamentos ou ajuste as parcelas.",
                          {{"total_amount", "não cabe nas parcelas"}});
  last = next;
  return out;
}

std::string brl(Cents cents) {
  const bool negative = cents < 0;
  auto v = negative ? -cents : cents;
  const std::string digits = std::to_string(v / 100);
  std::string reais;  // with a dot every three digits from the right
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) reais.push_back('.');
    reais.push_back(digits[i]);
  }
  const auto c = v % 100;
  std::string out(negative ? "-R$ " : "R$ ");
  out.append(reais).append(",").append(c < 10 ? "0" : "").append(std::to_string(c));
  return out;
}

}  // namespace mg::finance
