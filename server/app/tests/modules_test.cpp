// The one list of modules, and what is derived from it.
#include <gtest/gtest.h>

#include <set>

#include "app/application.hpp"
#include "libs/api/routes.hpp"

namespace mg::app {
namespace {

TEST(Modules, TheListNamesEveryModule) {
  EXPECT_EQ(module_names(), (std::vector<std::string>{"identity", "workshop", "team", "finance",
                                                      "portal", "messaging", "gateway"}));
}

TEST(Modules, HealthAnswersTheOldServiceNameOfALoneModule) {
  EXPECT_EQ(service_name({}), "api-gateway");
  EXPECT_EQ(service_name({"identity"}), "users-service");
  EXPECT_EQ(service_name({"workshop"}), "management-service");
  EXPECT_EQ(service_name({"team"}), "teamcrm-service");
  EXPECT_EQ(service_name({"finance"}), "financial-service");
  EXPECT_EQ(service_name({"portal"}), "portal-service");
  EXPECT_EQ(service_name({"messaging"}), "messaging-service");
  EXPECT_EQ(service_name({"identity", "workshop"}), "api-gateway");
}

TEST(Modules, EveryRouteIsStampedWithItsModule) {
  config::Settings s;
  s.jwt_secret = std::string(32, 'k');
  db::Database db({.url = "postgresql://unused@/unused"});  // never connects here
  Application all(s, db);
  std::set<std::string> modules;
  for (const auto& r : all.routes()) {
    modules.insert(r.module);
    // The portal's quotes of an order and its settings live under the workshop's prefix.
    const bool portal = r.pattern.ends_with("/quote") ||
                        r.pattern.starts_with("/management/portal-settings") ||
                        r.pattern.starts_with("/portal/");
    if (portal) {
      EXPECT_EQ(r.module, "portal") << r.pattern;
    } else if (r.pattern.starts_with("/management/")) {
      EXPECT_EQ(r.module, "workshop") << r.pattern;
    }
    if (r.pattern.starts_with("/auth/")) {
      EXPECT_EQ(r.module, "identity") << r.pattern;
    }
    if (r.pattern.starts_with("/teamcrm/")) {
      EXPECT_EQ(r.module, "team") << r.pattern;
    }
    if (r.pattern.starts_with("/financial/")) {
      EXPECT_EQ(r.module, "finance") << r.pattern;
    }
    if (r.pattern.starts_with("/messaging/")) {
      EXPECT_EQ(r.module, "messaging") << r.pattern;
    }
  }
  EXPECT_EQ(modules, (std::set<std::string>{"gateway", "identity", "workshop", "team", "finance",
                                            "portal", "messaging"}));

  s.modules = {"workshop"};
  Application alone(s, db);
  for (const auto& r : alone.routes())
    EXPECT_TRUE(r.module == "workshop" || r.module == "gateway") << r.pattern;
}

TEST(Modules, ACreateRouteTakesIdempotencyKeysUnlessItIsForwarded) {
  config::Settings s;
  s.jwt_secret = std::string(32, 'k');
  db::Database db({.url = "postgresql://unused@/unused"});
  auto creates = [](const Application& app, const std::string& pattern) {
    for (const auto& r : app.routes())
      if (r.method == "POST" && r.pattern == pattern) return r.creates;
    ADD_FAILURE() << "no POST " << pattern;
    return false;
  };
  Application all(s, db);
  EXPECT_TRUE(creates(all, "/management/os"));
  EXPECT_TRUE(creates(all, "/management/os/{id}/items"));
  EXPECT_TRUE(creates(all, "/teamcrm/tasks"));
  EXPECT_TRUE(creates(all, "/teamcrm/interactions"));
  EXPECT_TRUE(creates(all, "/teamcrm/staff"));
  EXPECT_TRUE(creates(all, "/financial/receivables"));
  EXPECT_TRUE(creates(all, "/financial/receivables/from-os"));
  EXPECT_TRUE(creates(all, "/financial/receivables/{id}/pay")) << "a retried payment runs once";
  EXPECT_FALSE(creates(all, "/auth/login"));
  s.modules = {"identity"};
  s.upstreams = {{"workshop", "http://127.0.0.1:9"}};
  Application edge(s, db);
  EXPECT_FALSE(creates(edge, "/management/os")) << "the module's own process keeps the key";
}

}  // namespace
}  // namespace mg::app
