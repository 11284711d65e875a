#pragma once
// The team and CRM module (the seed's teamcrm-service): the workshop's staff
// and their commission rule, tasks, customer interactions, the team
// dashboard, commissions and a customer's timeline. Other modules reach it
// only through this header (and ids.hpp).
#include <optional>
#include <string>

#include "libs/api/module.hpp"
#include "modules/team/ids.hpp"
#include "modules/workshop/ids.hpp"

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

// An interaction another module records (messaging's inbound texts): `channel` and
// `direction` as POST /teamcrm/interactions takes them; no staff member, no user.
Result<InteractionId> record_interaction(TenantId tenant, db::Tx& tx, const std::string& channel,
                                         const std::string& direction,
                                         std::optional<std::string> summary,
                                         std::optional<std::string> details,
                                         std::optional<workshop::CustomerId> customer);

}  // namespace mg::team
