#pragma once
// Reads that sum money: the cash flow, the money report and the overview
// parts. Each is one round trip (its queries pipelined in one read), from the
// payments by their day (the payments_day index carries what they sum).
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "libs/db/database.hpp"
#include "modules/finance/domain/rules.hpp"
#include "modules/workshop/workshop.hpp"

namespace mg::finance::store {

struct DayFlow {
  std::string date;
  Cents in = 0, out = 0, fees = 0;
};
struct MethodFlow {
  std::optional<std::string> method;
  Cents in = 0, out = 0;
};
struct CashFlow {
  std::vector<DayFlow> daily;  // every day from start to end, zeros included
  std::vector<MethodFlow> by_method;
};
// start and end: YYYY-MM-DD, both inclusive.
CashFlow cash_flow(TenantId tenant, db::Database& db, const std::string& start,
                   const std::string& end);

struct Bucket {
  std::int64_t count = 0;
  Cents total = 0;
};
struct CustomerRevenue {
  std::optional<std::int64_t> customer_id;
  std::string customer_name;
  Cents amount = 0;
  std::int64_t payments = 0;
};
struct DuePayable {
  std::int64_t id = 0;
  std::string supplier_name, category, due_date;
  Cents open_amount = 0;
};
struct Report {
  std::vector<DayFlow> revenue_by_day;  // received (IN) per day, zeros included
  std::vector<std::pair<std::string, Cents>> revenue_by_month;  // "2026-03", every month
  Cents revenue = 0, fees = 0;
  std::int64_t payments = 0;
  workshop::CompletedOrders orders;
  // Open receivables by lateness, today: not due, 1–30, 31–60, 61–90, 90+ days.
  std::array<Bucket, 5> aging{};
  Bucket payables_due_7d;  // open payables due today .. today + 7
  Bucket payables_overdue;
  std::vector<DuePayable> payables_due;        // those, soonest first (at most 20)
  std::vector<CustomerRevenue> top_customers;  // by received amount, at most 10
};
Report report(TenantId tenant, db::Database& db, const std::string& start, const std::string& end);

// The overview's parts (queries and their renderers).
db::Query open_accounts_query(bool receivables);
db::Query revenue_today_query();

}  // namespace mg::finance::store
