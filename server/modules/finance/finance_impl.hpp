#pragma once
// What finance's handlers share. Private to the module.
#include <optional>
#include <string>

#include "libs/api/context.hpp"
#include "libs/api/routes.hpp"
#include "modules/finance/store/accounts_store.hpp"
#include "modules/finance/store/cash_store.hpp"

namespace mg::finance {

// Route registration, one function per resource file.
void register_receivable_routes(api::Routes& routes);
void register_payable_routes(api::Routes& routes);
void register_payment_routes(api::Routes& routes);  // payments list, cash flow, reports
void register_cash_register_routes(api::Routes& routes);
void register_settings_routes(api::Routes& routes);

// The demo tenant's money (demo_seed.cpp).
void seed_demo_data(TenantId tenant, db::Tx& tx, const events::Bus& bus, UserId user);

// --- reading bodies and queries

// Optional text where "" and null both mean "none".
std::optional<std::string> optional_text(json::Input& in, std::string_view key,
                                         std::size_t max_length);
// A YYYY-MM-DD body field (a problem recorded when malformed).
std::optional<std::string> read_date(json::Input& in, std::string_view key, bool required = false);
// A YYYY-MM-DD query parameter: 400 when malformed (or missing and required).
std::optional<std::string> query_date(const api::Context& ctx, std::string_view name,
                                      bool required = false);
// start and end (both required, start <= end, at most kMaxRangeDays apart): 400 otherwise.
inline constexpr int kMaxRangeDays = 731;
std::pair<std::string, std::string> query_range(const api::Context& ctx);

// status=PENDING,PARTIAL on account lists: any of them (400 for another word).
std::vector<std::string> read_statuses(const api::Context& ctx);

// The pay body (API.md §4): amount*, payment_method, paid_at, and for cards
// installments and the card fee (card_fee in R$ or card_fee_percent), notes.
store::NewPayment read_payment(json::Input& in, bool receivable);
// The installments of a create body: {installments (default 1), interval_days (default 30)}
// over `amount` from `first_due`.
struct Schedule {
  std::vector<money::Cents> amounts;
  std::vector<std::optional<std::string>> due_dates;
};
std::optional<Schedule> read_schedule(json::Input& in, std::optional<money::Cents> amount,
                                      const std::optional<std::string>& first_due);

// --- answers

json::object receivable_json(const store::ReceivableRow& r);
json::object payable_json(const store::PayableRow& p);
json::object payment_json(const store::PaymentRow& p);
// {message, status, received_amount | paid_amount, amount, open_amount, payment_id,
// cash_register_id}
json::object settled_json(const store::Settled& s, bool receivable, std::string message);
json::object register_json(const store::CashRegisterDetail& d);
json::object register_row_json(const store::CashRegisterRow& r);
// Every method as a key (and NAO_INFORMADO for payments without one), in reais.
json::object methods_json();

}  // namespace mg::finance
