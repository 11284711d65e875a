#include "libs/config/settings.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace mg::config {
namespace {

int to_int(const char* name, const char* v) {
  try {
    std::size_t used = 0;
    int n = std::stoi(v, &used);
    if (used != std::string(v).size()) throw std::invalid_argument(name);
    return n;
  } catch (const std::exception&) {
    throw std::invalid_argument(std::string(name) + " must be an integer, got '" + v + "'");
  }
}

}  // namespace

Settings from_environment(const Getenv& env) {
  Settings s;
  auto text = [&](const char* name, std::string& field) {
    if (const char* v = env(name); v && *v) field = v;
  };
  auto number = [&](const char* name, int& field) {
    if (const char* v = env(name); v && *v) field = to_int(name, v);
  };
  text("APP_ENV", s.app_env);
  text("LOG_LEVEL", s.log_level);
  text("JWT_SECRET_KEY", s.jwt_secret);
  text("DATABASE_URL", s.database_url);
  text("DATABASE_OWNER_URL", s.database_owner_url);
  text("REDIS_URL", s.redis_url);
  text("FRONTEND_DIST_PATH", s.frontend_dist_path);
  text("OTEL_EXPORTER_OTLP_ENDPOINT", s.otel_endpoint);
  text("MOTOGESTOR_DATA_DIR", s.data_dir);
  text("HOST", s.host);
  number("PORT", s.port);
  number("ACCESS_TOKEN_TTL_SECONDS", s.access_ttl_seconds);
  number("REVOCATION_CACHE_SECONDS", s.revocation_cache_seconds);
  number("LOGIN_MAX_FAILURES_PER_ACCOUNT", s.login_max_failures_per_account);
  number("LOGIN_MAX_FAILURES_PER_ADDRESS", s.login_max_failures_per_address);
  number("LOGIN_LOCKOUT_SECONDS", s.login_lockout_seconds);
  number("RATE_LIMIT_PER_TENANT_PER_MINUTE", s.rate_limit_per_tenant_per_minute);
  number("SHUTDOWN_GRACE_SECONDS", s.shutdown_grace_seconds);
  number("MAX_BODY_BYTES", s.max_body_bytes);
  number("DB_POOL_SIZE", s.db_pool_size);
  number("WORKER_THREADS", s.worker_threads);
  number("IO_THREADS", s.io_threads);
  // The seed's service URLs name where a module runs in split mode.
  const std::pair<const char*, const char*> services[] = {{"USERS_SERVICE_URL", "identity"},
                                                          {"MANAGEMENT_SERVICE_URL", "workshop"},
                                                          {"FINANCIAL_SERVICE_URL", "finance"},
                                                          {"TEAMCRM_SERVICE_URL", "team"},
                                                          {"AI_SERVICE_URL", "assistant"}};
  for (const auto& [var, module] : services)
    if (const char* v = env(var); v && *v) s.upstreams[module] = v;
  s.access_ttl_seconds = std::clamp(s.access_ttl_seconds, 300, 7200);
  const int cores = std::max(1u, std::thread::hardware_concurrency());
  if (s.db_pool_size == 0) s.db_pool_size = std::max(4, 2 * cores);
  if (s.worker_threads == 0) s.worker_threads = std::max(8, 4 * cores);
  return s;
}

Settings from_environment() {
  return from_environment([](const char* n) { return std::getenv(n); });
}

void validate(const Settings& s) {
  if (s.app_env != "development" && s.app_env != "test" && s.app_env != "production")
    throw std::invalid_argument("APP_ENV must be development, test or production");
  if (s.production() && s.jwt_secret.size() < 32)
    throw std::invalid_argument("JWT_SECRET_KEY must be set and at least 32 bytes in production");
  if (s.port < 0 || s.port > 65535) throw std::invalid_argument("port out of range");
  if (s.max_body_bytes < 1024) throw std::invalid_argument("MAX_BODY_BYTES too small");
  if (s.db_pool_size < 1 || s.worker_threads < 1 || s.io_threads < 1 || s.queue_capacity < 1)
    throw std::invalid_argument("pool, worker and queue sizes must be positive");
  static const std::vector<std::string> known = {"identity", "workshop",  "finance",
                                                 "team",     "assistant", "gateway"};
  for (const auto& m : s.modules)
    if (std::find(known.begin(), known.end(), m) == known.end())
      throw std::invalid_argument("unknown module '" + m + "'");
}

}  // namespace mg::config
