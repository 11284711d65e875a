#pragma once
// The team and CRM module (the seed's teamcrm-service): the workshop's staff
// and their commission rule, tasks, customer interactions, the team
// dashboard, commissions and a customer's timeline. Other modules reach it
// only through this header (and ids.hpp).
#include "libs/api/module.hpp"
#include "modules/team/ids.hpp"

namespace mg::team {

class Team final : public api::Module {
 public:
  explicit Team(db::Database& db);
  ~Team() override;

  std::string_view name() const override { return "team"; }
  std::string_view service_name() const override { return "teamcrm-service"; }
  std::string_view upstream_variable() const override { return "TEAMCRM_SERVICE_URL"; }
  std::vector<api::Prefix> prefixes() const override { return {{"teamcrm", true}}; }
  void routes(api::Routes& routes) override;
  // Staff linked to the demo logins, tasks in every status, interactions on every channel,
  // mechanics on the demo orders (which the workshop seeded before).
  void seed_demo(db::Tx& tx, TenantId tenant, UserId user) override;
  // tasks: {open_count, late_count, due_today}.
  std::vector<api::OverviewPart> overview() const override;

 private:
  db::Database& db_;
};

}  // namespace mg::team
