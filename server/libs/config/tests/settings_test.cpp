#include "libs/config/settings.hpp"

#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <map>

namespace mg::config {
namespace {

const std::vector<std::string> kModules = {"identity", "workshop", "gateway"};
const std::string kMessagingKey =
    "8c1e0f5a2b9d4c7e6f3a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e";

// Parses a command line with these variables set (and unset afterwards), as main does.
Settings parse(std::vector<std::string> args, const std::map<std::string, std::string>& env = {}) {
  for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
  Settings s;
  std::vector<std::string> upstreams;
  CLI::App app;
  app.fallthrough();
  auto* serve = app.add_subcommand("serve");
  add_options(app, *serve, s, upstreams);
  args.insert(args.begin(), "serve");
  std::reverse(args.begin(), args.end());  // CLI11 takes them last first
  try {
    app.parse(args);
  } catch (...) {
    for (const auto& [k, v] : env) ::unsetenv(k.c_str());
    throw;
  }
  for (const auto& [k, v] : env) ::unsetenv(k.c_str());
  finish(s, upstreams);
  return s;
}

TEST(Settings, DefaultsWhenNothingIsSet) {
  auto s = parse({});
  EXPECT_EQ(s.app_env, "development");
  EXPECT_EQ(s.port, 5000);
  EXPECT_TRUE(s.database_url.empty());
  EXPECT_EQ(s.access_ttl_seconds, 3600);
  EXPECT_GE(s.db_pool_size, 4) << "sized from the cores";
  EXPECT_GE(s.worker_threads, 8);
  EXPECT_EQ(parse({}, {{"DB_POOL_SIZE", "3"}}).db_pool_size, 3);
  EXPECT_NO_THROW(validate(s, kModules));
}

TEST(Settings, ReadsTheSeedsVariables) {
  auto s = parse({}, {{"APP_ENV", "test"},
                      {"DATABASE_URL", "postgresql://x@/y"},
                      {"JWT_SECRET_KEY", "k"},
                      {"LOG_LEVEL", "debug"},
                      {"FRONTEND_DIST_PATH", "/srv/web"},
                      {"LOGIN_MAX_FAILURES_PER_ACCOUNT", "3"}});
  EXPECT_EQ(s.app_env, "test");
  EXPECT_EQ(s.database_url, "postgresql://x@/y");
  EXPECT_EQ(s.jwt_secret, "k");
  EXPECT_EQ(s.log_level, "debug");
  EXPECT_EQ(s.frontend_dist_path, "/srv/web");
  EXPECT_EQ(s.login_max_failures_per_account, 3);
}

TEST(Settings, AFlagWinsOverItsVariable) {
  auto s = parse({"--port", "7000", "--database-url", "postgresql://flag@/db"},
                 {{"PORT", "6000"}, {"DATABASE_URL", "postgresql://env@/db"}});
  EXPECT_EQ(s.port, 7000);
  EXPECT_EQ(s.database_url, "postgresql://flag@/db");
}

TEST(Settings, UpstreamsAreModuleEqualsUrl) {
  auto s = parse({"--upstream", "workshop=http://10.0.0.2:5002"});
  EXPECT_EQ(s.upstreams.at("workshop"), "http://10.0.0.2:5002");
  EXPECT_THROW(parse({"--upstream", "workshop"}), std::invalid_argument);
  s.upstreams["billing"] = "http://x";
  EXPECT_THROW(validate(s, kModules), std::invalid_argument);
}

TEST(Settings, ThePublicBaseUrlDefaultsToThisPort) {
  EXPECT_EQ(parse({"--port", "7000"}).public_base_url, "http://localhost:7000");
  auto s = parse({}, {{"PUBLIC_BASE_URL", "https://oficina.example.com/"}});
  EXPECT_EQ(s.public_base_url, "https://oficina.example.com") << "without the trailing slash";
  EXPECT_NO_THROW(validate(s, kModules));
  EXPECT_THROW(validate(parse({"--public-base-url", "oficina.example.com"}), kModules),
               std::invalid_argument);
}

TEST(Settings, ClampsTheAccessTokenLifetime) {
  EXPECT_EQ(parse({}, {{"ACCESS_TOKEN_TTL_SECONDS", "60"}}).access_ttl_seconds, 300);
  EXPECT_EQ(parse({}, {{"ACCESS_TOKEN_TTL_SECONDS", "99999"}}).access_ttl_seconds, 7200);
}

TEST(Settings, RejectsBadNumbers) {
  EXPECT_THROW(parse({}, {{"PORT", "http"}}), CLI::ParseError);
  EXPECT_THROW(parse({"--port", "50x"}), CLI::ParseError);
}

TEST(Settings, ProductionNeedsALongSecret) {
  EXPECT_THROW(validate(parse({}, {{"APP_ENV", "production"}}), kModules), std::invalid_argument);
  EXPECT_THROW(
      validate(parse({}, {{"APP_ENV", "production"}, {"JWT_SECRET_KEY", "short"}}), kModules),
      std::invalid_argument);
  EXPECT_NO_THROW(validate(parse({}, {{"APP_ENV", "production"},
                                      {"JWT_SECRET_KEY", "9f2c41d07ab3e86c5d14f0a92b7e63c8"},
                                      {"MESSAGING_SECRET_KEY", kMessagingKey}}),
                           kModules));
}

TEST(Settings, ProductionNeedsTheMessagingKey) {
  const std::map<std::string, std::string> prod = {
      {"APP_ENV", "production"}, {"JWT_SECRET_KEY", "9f2c41d07ab3e86c5d14f0a92b7e63c8"}};
  EXPECT_THROW(validate(parse({}, prod), kModules), std::invalid_argument);
  auto with = [&](std::string key) {
    auto env = prod;
    env["MESSAGING_SECRET_KEY"] = std::move(key);
    return parse({}, env);
  };
  EXPECT_THROW(validate(with(std::string(63, 'a')), kModules), std::invalid_argument);
  EXPECT_THROW(validate(with(std::string(64, 'z')), kModules), std::invalid_argument);
  EXPECT_NO_THROW(validate(with(kMessagingKey), kModules));
  // Outside production the key may be missing (main keeps one per data dir), never malformed.
  EXPECT_NO_THROW(validate(parse({}), kModules));
  EXPECT_THROW(validate(parse({}, {{"MESSAGING_SECRET_KEY", "abc"}}), kModules),
               std::invalid_argument);
}

TEST(Settings, TheRelaysLeaseOutlastsItsCalls) {
  EXPECT_THROW(
      validate(parse({"--messaging-lease-seconds", "5", "--messaging-http-timeout-ms", "6000"}),
               kModules),
      std::invalid_argument);
  auto s =
      parse({"--messaging-relay-interval-ms", "0", "--public-base-url", "https://oficina.example"});
  EXPECT_NO_THROW(validate(s, kModules));
  EXPECT_EQ(s.messaging_relay_interval_ms, 0);
  EXPECT_EQ(s.public_base_url, "https://oficina.example");
  EXPECT_EQ(parse({}).messaging_daily_cap, 1000);
}

TEST(Settings, RemindersAreQueuedInDaytimeHours) {
  auto s = parse({});
  EXPECT_EQ(s.messaging_reminder_sweep_seconds, 3600);
  EXPECT_EQ(s.messaging_reminder_from_hour, 8);
  EXPECT_EQ(s.messaging_reminder_until_hour, 20);
  EXPECT_NO_THROW(validate(parse({}, {{"MESSAGING_REMINDER_FROM_HOUR", "0"},
                                      {"MESSAGING_REMINDER_UNTIL_HOUR", "24"},
                                      {"MESSAGING_REMINDER_SWEEP_SECONDS", "0"}}),
                           kModules));
  EXPECT_THROW(validate(parse({"--messaging-reminder-from-hour", "20",
                               "--messaging-reminder-until-hour", "8"}),
                        kModules),
               std::invalid_argument);
  EXPECT_THROW(validate(parse({"--messaging-reminder-until-hour", "25"}), kModules),
               std::invalid_argument);
  EXPECT_THROW(validate(parse({"--messaging-reminder-sweep-seconds", "-1"}), kModules),
               std::invalid_argument);
}

TEST(Settings, WeakSecretsAreNamed) {
  EXPECT_EQ(weak_secret(std::string(40, 'a')), "a repeated pattern");
  EXPECT_EQ(weak_secret("changemechangemechangemechangeme"),
            "a placeholder (contains \"changeme\")");
  EXPECT_EQ(weak_secret("your-secret-key-change-in-production"),
            "a placeholder (contains \"secret\")");
  EXPECT_EQ(weak_secret("curta"), "shorter than 32 bytes");
  EXPECT_EQ(weak_secret("aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbcc"), "low in entropy");
  EXPECT_EQ(weak_secret("9f2c41d07ab3e86c5d14f0a92b7e63c8"), std::nullopt);
  EXPECT_EQ(weak_secret("Zb8_qk2Vd0-Ym4sWx7RtLp3NcH6fGj9Ae1Ku5Oi"), std::nullopt);
}

TEST(Settings, RejectsUnknownModulesAndEnvironments) {
  auto s = parse({"--modules", "workshop,billing"});
  EXPECT_THROW(validate(s, kModules), std::invalid_argument);
  EXPECT_NO_THROW(validate(parse({"--modules", "workshop"}), kModules));
  EXPECT_THROW(validate(parse({}, {{"APP_ENV", "staging"}}), kModules), std::invalid_argument);
}

}  // namespace
}  // namespace mg::config
