#include "libs/config/settings.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <thread>

namespace mg::config {

void add_options(CLI::App& app, CLI::App& serve, Settings& s, std::vector<std::string>& upstreams) {
  // Global: every command opens the database the same way.
  app.add_option("--database-url", s.database_url,
                 "PostgreSQL URL of the application role; empty: the embedded cluster")
      ->envname("DATABASE_URL");
  app.add_option("--database-owner-url", s.database_owner_url,
                 "Role that owns the tables and runs migrations (default: --database-url)")
      ->envname("DATABASE_OWNER_URL");
  app.add_option("--data-dir", s.data_dir, "Where the embedded database lives")
      ->envname("MOTOGESTOR_DATA_DIR")
      ->capture_default_str();
  app.add_option("--app-env", s.app_env, "development, test or production")
      ->envname("APP_ENV")
      ->capture_default_str();
  app.add_option("--log-level", s.log_level, "debug, info, warn, error")
      ->envname("LOG_LEVEL")
      ->capture_default_str();

  // A secret belongs in the environment, not in the process list: no help line.
  serve.add_option("--jwt-secret-key", s.jwt_secret)->envname("JWT_SECRET_KEY")->group("");
  serve.add_option("--host", s.host, "Address to bind")->envname("HOST")->capture_default_str();
  serve.add_option("--port", s.port, "Port (0: any free port)")
      ->envname("PORT")
      ->capture_default_str();
  serve.add_option("--modules", s.modules, "Serve only these modules (split mode)")->delimiter(',');
  serve
      .add_option("--upstream", upstreams,
                  "module=http://host:port: forward a module's routes there (split mode)")
      ->delimiter(',');
  serve
      .add_option("--cors-allowed-origins", s.cors_allowed_origins,
                  "Origins (https://host) whose pages may call the API (CORS); none by default")
      ->envname("CORS_ALLOWED_ORIGINS")
      ->delimiter(',');
  serve.add_option("--time-zone", s.time_zone, "The workshops' time zone (IANA name)")
      ->envname("TIME_ZONE")
      ->capture_default_str();
  serve
      .add_option("--public-base-url", s.public_base_url,
                  "Where customers and providers reach this server: portal and webhook "
                  "links (default http://localhost:<port>)")
      ->envname("PUBLIC_BASE_URL");
  serve.add_option("--frontend-dist", s.frontend_dist_path, "Built web app")
      ->envname("FRONTEND_DIST_PATH")
      ->capture_default_str();
  serve.add_option("--messaging-secret-key", s.messaging_secret_key)
      ->envname("MESSAGING_SECRET_KEY")
      ->group("");

  struct Number {
    const char* flag;
    const char* variable;
    int* field;
    const char* help;
  };
  const Number numbers[] = {
      {"--access-token-ttl-seconds", "ACCESS_TOKEN_TTL_SECONDS", &s.access_ttl_seconds,
       "Access-token lifetime (clamped to 300–7200)"},
      {"--revocation-cache-seconds", "REVOCATION_CACHE_SECONDS", &s.revocation_cache_seconds,
       "How long a live-session answer is cached"},
      {"--login-max-failures-per-account", "LOGIN_MAX_FAILURES_PER_ACCOUNT",
       &s.login_max_failures_per_account, "Failed logins before an e-mail waits"},
      {"--login-max-failures-per-address", "LOGIN_MAX_FAILURES_PER_ADDRESS",
       &s.login_max_failures_per_address, "Failed logins before an address waits"},
      {"--login-lockout-seconds", "LOGIN_LOCKOUT_SECONDS", &s.login_lockout_seconds,
       "Base wait after too many failures"},
      {"--login-hard-lock-after", "LOGIN_HARD_LOCK_AFTER", &s.login_hard_lock_after,
       "Consecutive failed logins until an OWNER must unlock (0: never)"},
      {"--rate-limit-per-tenant-per-minute", "RATE_LIMIT_PER_TENANT_PER_MINUTE",
       &s.rate_limit_per_tenant_per_minute, "Requests per workshop and minute (0: off)"},
      {"--registration-limit-per-address-per-hour", "REGISTRATION_LIMIT_PER_ADDRESS_PER_HOUR",
       &s.registration_limit_per_address_per_hour,
       "Workshops registered per address and hour (0: off)"},
      {"--max-sessions-per-user", "MAX_SESSIONS_PER_USER", &s.max_sessions_per_user,
       "Live sessions per user; the oldest goes"},
      {"--portal-rate-limit-per-address-per-minute", "PORTAL_RATE_LIMIT_PER_ADDRESS_PER_MINUTE",
       &s.portal_rate_limit_per_address_per_minute,
       "Requests to the public portal per client address and minute (0: off)"},
      {"--shutdown-grace-seconds", "SHUTDOWN_GRACE_SECONDS", &s.shutdown_grace_seconds,
       "How long SIGTERM waits for requests in flight"},
      {"--max-body-bytes", "MAX_BODY_BYTES", &s.max_body_bytes, "Larger bodies get 413"},
      {"--slow-query-ms", "SLOW_QUERY_MS", &s.slow_query_ms,
       "Log database round trips slower than this (0: never)"},
      {"--db-pool-size", "DB_POOL_SIZE", &s.db_pool_size, "Database connections (0: per core)"},
      {"--async-readers", "ASYNC_READERS", &s.async_readers,
       "Connections reading on the event loop (0: per core, -1: none)"},
      {"--worker-threads", "WORKER_THREADS", &s.worker_threads, "Blocking workers (0: per core)"},
      {"--io-threads", "IO_THREADS", &s.io_threads, "Socket threads"},
      {"--heavy-threads", "HEAVY_THREADS", &s.heavy_threads,
       "Threads hashing passwords (0: one per core)"},
      {"--heavy-queue", "HEAVY_QUEUE", &s.heavy_queue,
       "Logins waiting for a hashing thread before 503"},
      {"--max-connections", "MAX_CONNECTIONS", &s.max_connections,
       "Open connections (0: from the file limit)"},
      {"--max-connections-per-address", "MAX_CONNECTIONS_PER_ADDRESS",
       &s.max_connections_per_address, "Open connections per client address"},
      {"--messaging-daily-cap", "MESSAGING_DAILY_CAP", &s.messaging_daily_cap,
       "Messages a workshop may send per day"},
      {"--messaging-relay-interval-ms", "MESSAGING_RELAY_INTERVAL_MS",
       &s.messaging_relay_interval_ms,
       "How often the message relay looks for work (0: no relay here)"},
      {"--messaging-max-attempts", "MESSAGING_MAX_ATTEMPTS", &s.messaging_max_attempts,
       "Tries of a message before it is dead-lettered"},
      {"--messaging-retry-base-ms", "MESSAGING_RETRY_BASE_MS", &s.messaging_retry_base_ms,
       "First retry delay (doubles each try, with jitter)"},
      {"--messaging-lease-seconds", "MESSAGING_LEASE_SECONDS", &s.messaging_lease_seconds,
       "How long a relay holds a message it is sending"},
      {"--messaging-http-timeout-ms", "MESSAGING_HTTP_TIMEOUT_MS", &s.messaging_http_timeout_ms,
       "Timeout of a call to a messaging provider"},
      {"--messaging-reminder-sweep-seconds", "MESSAGING_REMINDER_SWEEP_SECONDS",
       &s.messaging_reminder_sweep_seconds,
       "How often the relay looks for due service reminders (0: never here)"},
      {"--messaging-reminder-from-hour", "MESSAGING_REMINDER_FROM_HOUR",
       &s.messaging_reminder_from_hour, "First hour (TIME_ZONE) reminders are queued"},
      {"--messaging-reminder-until-hour", "MESSAGING_REMINDER_UNTIL_HOUR",
       &s.messaging_reminder_until_hour, "Hour (TIME_ZONE) reminders stop being queued"},
  };
  for (const auto& n : numbers)
    serve.add_option(n.flag, *n.field, n.help)->envname(n.variable)->capture_default_str();
}

void finish(Settings& s, const std::vector<std::string>& upstreams) {
  for (const auto& u : upstreams) {
    auto eq = u.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == u.size())
      throw std::invalid_argument("--upstream takes module=url, got '" + u + "'");
    s.upstreams[u.substr(0, eq)] = u.substr(eq + 1);
  }
  s.access_ttl_seconds = std::clamp(s.access_ttl_seconds, 300, 7200);
  if (s.public_base_url.empty()) s.public_base_url = "http://localhost:" + std::to_string(s.port);
  while (s.public_base_url.ends_with('/')) s.public_base_url.pop_back();
  const int cores = std::max(1u, std::thread::hardware_concurrency());
  if (s.db_pool_size == 0) s.db_pool_size = std::max(4, 2 * cores);
  if (s.worker_threads == 0) s.worker_threads = std::max(8, 4 * cores);
  if (s.heavy_threads == 0) s.heavy_threads = cores;
  if (s.async_readers == 0) s.async_readers = 2 * cores;
  if (s.async_readers < 0) s.async_readers = 0;
}

std::optional<std::string> weak_secret(std::string_view secret) {
  if (secret.size() < 32) return "shorter than 32 bytes";
  static const std::vector<std::string_view> placeholders = {
      "secret",      "changeme", "change-me",  "change_me",  "your-secret",
      "your_secret", "mysecret", "jwt-secret", "jwt_secret", "password",
      "default",     "example",  "motogestor"};
  std::string lower(secret);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (auto p : placeholders)
    if (lower.find(p) != std::string::npos)
      return "a placeholder (contains \"" + std::string(p) + "\")";
  // A short pattern repeated ("abcabc…", 40×"a") carries the entropy of the pattern.
  for (std::size_t period = 1; period <= 16; ++period) {
    bool repeats = true;
    for (std::size_t i = period; i < secret.size() && repeats; ++i)
      repeats = secret[i] == secret[i - period];
    if (repeats) return "a repeated pattern";
  }
  std::array<int, 256> counts{};
  for (unsigned char c : secret) ++counts[c];
  double bits = 0;
  for (int n : counts)
    if (n) {
      const double p = static_cast<double>(n) / static_cast<double>(secret.size());
      bits -= p * std::log2(p);
    }
  // The characters' spread: 32 random hex digits measure ~3.7 bits each (~118 in all),
  // words and names less.
  if (bits < 3.0 || bits * static_cast<double>(secret.size()) < 100) return "low in entropy";
  return std::nullopt;
}

bool is_secret_key(std::string_view key) {
  return key.size() == 64 &&
         std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isxdigit(c); });
}

void validate(const Settings& s, const std::vector<std::string>& known_modules) {
  if (s.app_env != "development" && s.app_env != "test" && s.app_env != "production")
    throw std::invalid_argument("APP_ENV must be development, test or production");
  if (s.production()) {
    if (s.jwt_secret.empty())
      throw std::invalid_argument(
          "JWT_SECRET_KEY must be set in production; make one with: openssl rand -hex 32");
    if (auto why = weak_secret(s.jwt_secret))
      throw std::invalid_argument("JWT_SECRET_KEY is " + *why +
                                  ": refusing to start in production. Make a good one with: "
                                  "openssl rand -hex 32");
  }
  if (!s.messaging_secret_key.empty() && !is_secret_key(s.messaging_secret_key))
    throw std::invalid_argument(
        "MESSAGING_SECRET_KEY must be 64 hex digits (32 bytes): openssl rand -hex 32");
  if (s.production() && s.messaging_secret_key.empty())
    throw std::invalid_argument(
        "MESSAGING_SECRET_KEY must be set in production (it encrypts the messaging channels' "
        "credentials); make one with: openssl rand -hex 32");
  if (s.messaging_daily_cap < 0 || s.messaging_relay_interval_ms < 0 ||
      s.messaging_max_attempts < 1 || s.messaging_retry_base_ms < 1 ||
      s.messaging_lease_seconds < 1 || s.messaging_http_timeout_ms < 100)
    throw std::invalid_argument("messaging settings out of range");
  if (s.messaging_reminder_sweep_seconds < 0 || s.messaging_reminder_from_hour < 0 ||
      s.messaging_reminder_from_hour >= s.messaging_reminder_until_hour ||
      s.messaging_reminder_until_hour > 24)
    throw std::invalid_argument(
        "MESSAGING_REMINDER_FROM_HOUR must come before MESSAGING_REMINDER_UNTIL_HOUR, both in "
        "0..24, and MESSAGING_REMINDER_SWEEP_SECONDS must not be negative");
  if (s.messaging_lease_seconds * 1000 <= s.messaging_http_timeout_ms)
    throw std::invalid_argument(
        "MESSAGING_LEASE_SECONDS must outlast MESSAGING_HTTP_TIMEOUT_MS (a live relay keeps "
        "its lease)");
  if (s.port < 0 || s.port > 65535) throw std::invalid_argument("port out of range");
  if (s.max_body_bytes < 1024) throw std::invalid_argument("MAX_BODY_BYTES too small");
  if (!s.public_base_url.empty() && !s.public_base_url.starts_with("http://") &&
      !s.public_base_url.starts_with("https://"))
    throw std::invalid_argument("PUBLIC_BASE_URL must start with http:// or https://");
  if (s.db_pool_size < 1 || s.worker_threads < 1 || s.io_threads < 1 || s.queue_capacity < 1 ||
      s.heavy_threads < 1 || s.heavy_queue < 1 || s.max_connections < 0 ||
      s.max_connections_per_address < 1)
    throw std::invalid_argument("pool, worker, queue and connection sizes must be positive");
  auto known = [&](const std::string& m) {
    return std::find(known_modules.begin(), known_modules.end(), m) != known_modules.end();
  };
  for (const auto& m : s.modules)
    if (!known(m)) throw std::invalid_argument("unknown module '" + m + "'");
  for (const auto& [m, url] : s.upstreams)
    if (!known(m)) throw std::invalid_argument("unknown module '" + m + "' in --upstream");
}

}  // namespace mg::config
