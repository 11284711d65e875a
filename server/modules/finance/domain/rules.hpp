#pragma once
// The money rules of finance (pure: no SQL, no HTTP), in integer cents.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libs/core/failure.hpp"
#include "libs/money/money.hpp"

namespace mg::finance {

using money::Cents;

// --- payment methods (API.md §4)
enum class Method { pix, dinheiro, cartao_credito, cartao_debito, boleto, transferencia };
inline constexpr std::array kAllMethods{
    Method::pix,           Method::dinheiro, Method::cartao_credito,
    Method::cartao_debito, Method::boleto,   Method::transferencia};
std::string_view to_string(Method m);  // "PIX", "DINHEIRO", …
std::optional<Method> parse_method(std::string_view text);
bool is_card(Method m);

// --- installments (parcelas, carnê)
inline constexpr int kMaxInstallments = 48;
inline constexpr int kMaxIntervalDays = 365;
// `total` in `n` parts that add up exactly; the cents that do not divide go to
// the first. Every part is at least one cent: invalid when total < n.
Result<std::vector<Cents>> split_installments(Cents total, int n);
// The due dates: `first`, then every `interval_days` after it.
std::vector<std::string> installment_due_dates(std::string_view first, int n, int interval_days);

// --- card payments
inline constexpr int kMaxCardInstallments = 24;
// The fee of a percentage given in hundredths of a percent (3.49% = 349), rounded half up.
Cents fee_from_percent(Cents amount, std::int64_t hundredths);

// --- a service order's receivable following the order (OrderCompleted again)
struct Installment {
  Cents amount = 0, paid = 0;
};
// What the receivables of an order become when its total is `total`:
//   - nothing paid: the total split over the same installments (cancel_all when it is zero);
//   - paid more than the new total: conflict (refund first);
//   - otherwise the difference goes to the last installment, which keeps at least
//     what it received and one cent: conflict when it cannot.
struct FollowOrder {
  bool cancel_all = false;
  std::vector<Cents> amounts;  // per installment, in order (empty when cancel_all)
};
Result<FollowOrder> follow_order_total(const std::vector<Installment>& group, Cents total);

// "R$ 1.234,56"
std::string brl(Cents cents);

}  // namespace mg::finance
