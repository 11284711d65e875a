#pragma once
// The identity module (the seed's users-service): tenants, users, sessions,
// tokens, plans and themes. Other modules and the gateway use it through
// this header: the module itself, and api::Authenticator for the pipeline.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libs/api/authenticator.hpp"
#include "libs/api/module.hpp"
#include "libs/auth/plans.hpp"
#include "libs/db/database.hpp"

namespace mg::identity {

struct Settings {
  std::string jwt_secret;
  int access_ttl_seconds = 3600;
  int refresh_ttl_days = 30;
  int revocation_cache_seconds = 5;
  int login_max_failures_per_account = 5;
  int login_max_failures_per_address = 100;
  int login_lockout_seconds = 60;
  int login_hard_lock_after = 100;  // consecutive failures until an OWNER unlocks; 0: never
  int registration_limit_per_address_per_hour = 20;  // 0: no limit
  int max_sessions_per_user = 10;                    // the oldest live session goes
  bool demo_routes = true;                           // POST /users/seed-demo; never in production
};

// Fills a freshly created demo tenant with every module's data, in the
// transaction that creates it.
using DemoSeeder = std::function<void(db::Tx&, TenantId, UserId)>;

class Identity final : public api::Module, public api::Authenticator {
 public:
  Identity(db::Database& db, Settings settings);
  ~Identity() override;

  std::string_view name() const override { return "identity"; }
  std::string_view service_name() const override { return "users-service"; }
  std::string_view upstream_variable() const override { return "USERS_SERVICE_URL"; }
  std::vector<api::Prefix> prefixes() const override;
  void routes(api::Routes& routes) override;

  // Verifies an access token and that its session is alive (cached for a
  // few seconds, so most requests cost no database round trip). Throws 401.
  auth::Principal authenticate(std::string_view authorization_header) override;
  std::optional<auth::Principal> authenticate_cached(
      std::string_view authorization_header) override;

  void set_demo_seeder(DemoSeeder seeder);
  // The demo tenant of `seed-demo`; true when created now (idempotent).
  bool create_demo_tenant();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// The operator's commands (`motogestor tenant list | plan`), on a database opened with the
// owner role's URL: the application's role cannot read across workshops nor change a plan.
struct TenantInfo {
  TenantId id;
  std::string name, plan, owner_emails, created_at;
  std::int64_t users = 0;
};
std::vector<TenantInfo> list_tenants(db::Database& owner_db);

struct PlanChange {
  TenantId id;
  std::string name, old_plan, plan;
};
// `ref`: the workshop's id, or the e-mail of one of its OWNERs; nullopt when there is none. The
// plan reaches the workshop's users at their next token refresh (the gate reads the token).
std::optional<PlanChange> set_plan(db::Database& owner_db, std::string_view ref, auth::Plan plan);

}  // namespace mg::identity
