#include "modules/finance/finance.hpp"

#include "modules/finance/finance_impl.hpp"
#include "modules/finance/store/order_receivables.hpp"
#include "modules/finance/store/reports_store.hpp"
#include "modules/workshop/events.hpp"

namespace mg::finance {
namespace {

json::value open_accounts_json(const std::vector<db::Result>& r) {
  const auto row = r[0][0];
  return json::object{{"pending_count", row.i64("pending_count")},
                      {"pending_total", json::money(row.i64("pending_total"))},
                      {"overdue_count", row.i64("overdue_count")},
                      {"overdue_total", json::money(row.i64("overdue_total"))},
                      {"due_7d_count", row.i64("due_7d_count")},
                      {"due_7d_total", json::money(row.i64("due_7d_total"))}};
}

json::value revenue_json(const std::vector<db::Result>& r) {
  return json::object{{"today", json::money(r[0][0].i64("today"))},
                      {"today_payments", r[0][0].i64("n")}};
}

}  // namespace

Finance::Finance(db::Database& db, events::Bus& bus) : db_(db), bus_(bus) {}
Finance::~Finance() = default;

void Finance::routes(api::Routes& routes) {
  register_receivable_routes(routes);
  register_payable_routes(routes);
  register_payment_routes(routes);
  register_cash_register_routes(routes);
  register_settings_routes(routes);
}

void Finance::subscribe(events::Bus& bus) {
  bus.subscribe<workshop::OrderCompleted>("finance.receivable",
                                          [](db::Tx& tx, const workshop::OrderCompleted& e) {
                                            return store::on_order_completed(tx, e);
                                          });
  bus.subscribe<workshop::OrderCancelled>("finance.receivable",
                                          [](db::Tx& tx, const workshop::OrderCancelled& e) {
                                            return store::on_order_cancelled(tx, e);
                                          });
}

void Finance::seed_demo(db::Tx& tx, TenantId tenant, UserId user) {
  seed_demo_data(tenant, tx, bus_, user);
}

std::vector<api::OverviewPart> Finance::overview() const {
  const auto money = auth::Action::finance;  // a MECHANIC sees no money
  return {{"receivables", {store::open_accounts_query(true)}, open_accounts_json, money},
          {"payables", {store::open_accounts_query(false)}, open_accounts_json, money},
          {"revenue", {store::revenue_today_query()}, revenue_json, money}};
}

}  // namespace mg::finance
