// What finance's handlers share: dates, the pay body, installments, and the
// JSON of accounts, payments and cash registers.
#include <cctype>

#include "libs/core/dates.hpp"
#include "modules/finance/domain/pix.hpp"
#include "modules/finance/finance_impl.hpp"

namespace mg::finance {
namespace {

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

const char* const kMethodsText =
    "use PIX, DINHEIRO, CARTAO_CREDITO, CARTAO_DEBITO, BOLETO ou TRANSFERENCIA";

}  // namespace

std::optional<std::string> optional_text(json::Input& in, std::string_view key,
                                         std::size_t max_length) {
  auto s = in.text(key, {.max_length = max_length});
  if (s && s->empty()) return std::nullopt;
  return s;
}

std::optional<std::string> read_date(json::Input& in, std::string_view key, bool required) {
  auto text = in.text(key, {.required = required, .max_length = 10});
  if (!text || text->empty()) {
    if (required && text) in.fail(std::string(key), "obrigatório");
    return std::nullopt;
  }
  if (!dates::is_valid_date(*text)) {
    in.fail(std::string(key), "data inválida (use AAAA-MM-DD)");
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> query_date(const api::Context& ctx, std::string_view name,
                                      bool required) {
  auto v = ctx.query(name);
  if (!v || v->empty()) {
    if (required)
      throw errors::bad_request("Parâmetro '" + std::string(name) +
                                "' é obrigatório (data AAAA-MM-DD).");
    return std::nullopt;
  }
  if (!dates::is_valid_date(*v))
    throw errors::bad_request("Parâmetro '" + std::string(name) +
                              "' deve ser uma data AAAA-MM-DD.");
  return v;
}

std::pair<std::string, std::string> query_range(const api::Context& ctx) {
  auto start = *query_date(ctx, "start", true);
  auto end = *query_date(ctx, "end", true);
  const int days = dates::days_between(start, end);
  if (days < 0) throw errors::bad_request("O início ('start') deve ser até o fim ('end').");
  if (days >= kMaxRangeDays)
    throw errors::bad_request("O período pode ter no máximo " + std::to_string(kMaxRangeDays) +
                              " dias.");
  return {start, end};
}

std::vector<std::string> read_statuses(const api::Context& ctx) {
  std::vector<std::string> out;
  auto v = ctx.query("status");
  if (!v || v->empty()) return out;
  std::size_t i = 0;
  while (i <= v->size()) {
    auto j = v->find(',', i);
    if (j == std::string::npos) j = v->size();
    auto s = v->substr(i, j - i);
    if (s != "PENDING" && s != "PARTIAL" && s != "PAID" && s != "CANCELLED")
      throw errors::bad_request(
          "Parâmetro 'status' deve ser PENDING, PARTIAL, PAID ou CANCELLED (vários separados por "
          "vírgula).");
    out.push_back(s);
    i = j + 1;
  }
  return out;
}

store::NewPayment read_payment(json::Input& in, bool receivable) {
  store::NewPayment p;
  auto amount = in.cents("amount", {.required = true});
  if (amount && *amount == 0) in.fail("amount", "deve ser maior que zero");
  if (amount) p.amount = *amount;
  if (auto method = optional_text(in, "payment_method", 20)) {
    p.method = parse_method(upper(*method));
    if (!p.method) in.fail("payment_method", kMethodsText);
  }
  if (auto when = optional_text(in, "paid_at", 40)) {
    if (when->size() == 10) {
      if (dates::is_valid_date(*when))
        p.paid_on = *when;
      else
        in.fail("paid_at", "data inválida (use AAAA-MM-DD ou ISO 8601)");
    } else if (auto bound = dates::time_bound(*when, false)) {
      p.paid_at = *bound;
    } else {
      in.fail("paid_at", "data inválida (use AAAA-MM-DD ou ISO 8601)");
    }
  }
  if (auto n = in.integer("installments", {.min = 1, .max = kMaxCardInstallments})) {
    p.installments = *n;
    if (*n > 1 && p.method != Method::cartao_credito)
      in.fail("installments", "parcelas só no cartão de crédito");
  }
  const bool fee_given = in.has("card_fee") && !in.is_null("card_fee");
  const bool percent_given = in.has("card_fee_percent") && !in.is_null("card_fee_percent");
  if (fee_given || percent_given) {
    const std::string key = fee_given ? "card_fee" : "card_fee_percent";
    if (fee_given && percent_given) {
      in.fail("card_fee", "informe card_fee ou card_fee_percent, não os dois");
    } else if (!receivable) {
      in.fail(key, "taxa de cartão só em recebimentos");
    } else if (!p.method || !is_card(*p.method)) {
      in.fail(key, "taxa só em pagamento com cartão");
    } else if (fee_given) {
      if (auto fee = in.cents("card_fee")) p.fee = *fee;
    } else if (auto pct = in.cents("card_fee_percent")) {
      if (*pct > 10000)
        in.fail("card_fee_percent", "de 0 a 100");
      else
        p.fee = fee_from_percent(p.amount, *pct);
    }
    if (p.fee > p.amount) in.fail(key, "maior que o valor pago");
  }
  p.notes = optional_text(in, "notes", 500);
  return p;
}

std::optional<Schedule> read_schedule(json::Input& in, std::optional<money::Cents> amount,
                                      const std::optional<std::string>& first_due) {
  auto n = in.integer("installments", {.min = 1, .max = kMaxInstallments}).value_or(1);
  auto interval = in.integer("interval_days", {.min = 1, .max = kMaxIntervalDays}).value_or(30);
  if (!amount || !in.ok()) return std::nullopt;
  auto split = split_installments(*amount, static_cast<int>(n));
  if (!split) {
    in.fail("installments", split.error().details.front().second);
    return std::nullopt;
  }
  Schedule s{std::move(*split), {}};
  if (first_due) {
    for (auto& d :
         installment_due_dates(*first_due, static_cast<int>(n), static_cast<int>(interval)))
      s.due_dates.emplace_back(std::move(d));
  } else {
    s.due_dates.assign(static_cast<std::size_t>(n), std::nullopt);
  }
  return s;
}

json::object receivable_json(const store::ReceivableRow& r) {
  auto out = json::to_object(r);
  const bool open = r.status == "PENDING" || r.status == "PARTIAL";
  out["can"] = json::object{{"edit", r.status != "CANCELLED"},
                            {"pay", open},
                            {"cancel", r.status != "CANCELLED" && r.received_amount.cents == 0},
                            {"pix", open}};
  return out;
}

json::object payable_json(const store::PayableRow& p) {
  auto out = json::to_object(p);
  const bool open = p.status == "PENDING" || p.status == "PARTIAL";
  out["can"] = json::object{{"edit", p.status != "CANCELLED"},
                            {"pay", open},
                            {"cancel", p.status != "CANCELLED" && p.paid_amount.cents == 0}};
  return out;
}

json::object payment_json(const store::PaymentRow& p) {
  auto out = json::to_object(p);
  out["status"] = p.cancelled_at ? "CANCELLED" : "CONFIRMED";
  const bool counted = p.payment_method == std::optional<std::string>("DINHEIRO") &&
                       p.cash_register_status == std::optional<std::string>("CLOSED");
  out["can"] = json::object{{"cancel", !p.cancelled_at && !counted}};
  return out;
}

json::object settled_json(const store::Settled& s, bool receivable, std::string message) {
  json::object out{{"message", std::move(message)},
                   {"status", s.status},
                   {receivable ? "received_amount" : "paid_amount", json::money(s.paid_amount)},
                   {"amount", json::money(s.amount)},
                   {"open_amount", json::money(s.amount - s.paid_amount)},
                   {"payment_id", s.payment.value}};
  out["cash_register_id"] =
      s.cash_register ? json::value(s.cash_register->value) : json::value(nullptr);
  return out;
}

json::object methods_json() {
  json::object out;
  for (auto m : kAllMethods) out[to_string(m)] = json::money(0);
  out["NAO_INFORMADO"] = json::money(0);
  return out;
}

json::object register_row_json(const store::CashRegisterRow& r) {
  auto out = json::to_object(r);
  out["can"] = json::object{{"add_movement", r.status == "OPEN"}, {"close", r.status == "OPEN"}};
  return out;
}

json::object register_json(const store::CashRegisterDetail& d) {
  auto out = register_row_json(d.reg);
  out["totals"] = json::object{{"opening_balance", json::money(d.reg.opening_balance.cents)},
                               {"cash_in", json::money(d.totals.cash_in)},
                               {"cash_out", json::money(d.totals.cash_out)},
                               {"supplies", json::money(d.totals.supplies)},
                               {"withdrawals", json::money(d.totals.withdrawals)},
                               {"expected", json::money(d.totals.expected)}};
  json::object received = methods_json(), paid = methods_json();
  money::Cents fees = 0;
  std::int64_t count = 0;
  for (const auto& m : d.by_method) {
    const std::string key = m.method.value_or("NAO_INFORMADO");
    received[key] = json::money(m.received);
    paid[key] = json::money(m.paid);
    fees += m.fees;
    count += m.count;
  }
  out["by_method"] = json::object{{"received", std::move(received)},
                                  {"paid", std::move(paid)},
                                  {"card_fees", json::money(fees)},
                                  {"payments", count}};
  json::array movements;
  for (const auto& m : d.movements) movements.push_back(json::to_object(m));
  out["movements"] = std::move(movements);
  out["outside_register"] =
      json::object{{"count", d.outside_count}, {"total", json::money(d.outside_cash)}};
  return out;
}

}  // namespace mg::finance
