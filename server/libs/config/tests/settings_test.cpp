#include "libs/config/settings.hpp"

#include <gtest/gtest.h>

#include <map>

namespace mg::config {
namespace {

Settings from(const std::map<std::string, std::string>& env) {
  return from_environment([&](const char* name) -> const char* {
    auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  });
}

TEST(Settings, DefaultsWhenNothingIsSet) {
  auto s = from({});
  EXPECT_EQ(s.app_env, "development");
  EXPECT_EQ(s.port, 5000);
  EXPECT_TRUE(s.database_url.empty());
  EXPECT_EQ(s.access_ttl_seconds, 3600);
  EXPECT_GE(s.db_pool_size, 4) << "sized from the cores";
  EXPECT_GE(s.worker_threads, 8);
  EXPECT_EQ(from({{"DB_POOL_SIZE", "3"}}).db_pool_size, 3);
  EXPECT_NO_THROW(validate(s));
}

TEST(Settings, ReadsTheSeedsVariables) {
  auto s = from({{"APP_ENV", "test"},
                 {"DATABASE_URL", "postgresql://x@/y"},
                 {"JWT_SECRET_KEY", "k"},
                 {"LOG_LEVEL", "debug"},
                 {"FRONTEND_DIST_PATH", "/srv/web"},
                 {"MANAGEMENT_SERVICE_URL", "http://10.0.0.2:5002"},
                 {"LOGIN_MAX_FAILURES_PER_ACCOUNT", "3"}});
  EXPECT_EQ(s.app_env, "test");
  EXPECT_EQ(s.database_url, "postgresql://x@/y");
  EXPECT_EQ(s.frontend_dist_path, "/srv/web");
  EXPECT_EQ(s.upstreams.at("workshop"), "http://10.0.0.2:5002");
  EXPECT_EQ(s.login_max_failures_per_account, 3);
}

TEST(Settings, ClampsTheAccessTokenLifetime) {
  EXPECT_EQ(from({{"ACCESS_TOKEN_TTL_SECONDS", "60"}}).access_ttl_seconds, 300);
  EXPECT_EQ(from({{"ACCESS_TOKEN_TTL_SECONDS", "99999"}}).access_ttl_seconds, 7200);
}

TEST(Settings, RejectsBadNumbers) {
  EXPECT_THROW(from({{"PORT", "http"}}), std::invalid_argument);
  EXPECT_THROW(from({{"PORT", "50x"}}), std::invalid_argument);
}

TEST(Settings, ProductionNeedsALongSecret) {
  EXPECT_THROW(validate(from({{"APP_ENV", "production"}})), std::invalid_argument);
  EXPECT_THROW(validate(from({{"APP_ENV", "production"}, {"JWT_SECRET_KEY", "short"}})),
               std::invalid_argument);
  EXPECT_NO_THROW(
      validate(from({{"APP_ENV", "production"}, {"JWT_SECRET_KEY", std::string(32, 'k')}})));
}

TEST(Settings, RejectsUnknownModulesAndEnvironments) {
  auto s = from({});
  s.modules = {"workshop", "billing"};
  EXPECT_THROW(validate(s), std::invalid_argument);
  EXPECT_THROW(validate(from({{"APP_ENV", "staging"}})), std::invalid_argument);
}

}  // namespace
}  // namespace mg::config
