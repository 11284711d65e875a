#pragma once
// The finance module (the seed's financial-service): receivables and payables,
// their payments, cash flow, the day's cash register, PIX codes and the money
// reports. Other modules reach it only through this header (and events.hpp,
// ids.hpp).
#include "libs/api/module.hpp"
#include "modules/finance/events.hpp"
#include "modules/finance/ids.hpp"

namespace mg::finance {

class Finance final : public api::Module {
 public:
  Finance(db::Database& db, events::Bus& bus);
  ~Finance() override;

  std::string_view name() const override { return "finance"; }
  std::string_view service_name() const override { return "financial-service"; }
  std::string_view upstream_variable() const override { return "FINANCIAL_SERVICE_URL"; }
  std::vector<api::Prefix> prefixes() const override { return {{"financial", true}}; }
  void routes(api::Routes& routes) override;
  // A completed order gets its receivable (exactly once); a cancelled one loses it.
  void subscribe(events::Bus& bus) override;
  void seed_demo(db::Tx& tx, TenantId tenant, UserId user) override;
  // receivables and payables: {pending_count, pending_total, overdue_count,
  // overdue_total}; revenue: {today}. OWNER and MANAGER only.
  std::vector<api::OverviewPart> overview() const override;

 private:
  db::Database& db_;
  events::Bus& bus_;
};

}  // namespace mg::finance
