#pragma once
// Configuration: each setting is a command-line flag backed by an environment
// variable (the seed's names), declared once in settings.cpp with CLI11's
// envname: a flag wins over the variable, the variable over the default. Only
// main and the composition root read it; everything else gets plain settings
// structs.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace mg::config {

struct Settings {
  std::string app_env = "development";  // development | test | production
  std::string log_level = "info";
  std::string jwt_secret;
  std::string database_url;        // empty: the embedded cluster under data_dir
  std::string database_owner_url;  // runs migrations; defaults to database_url
  std::string frontend_dist_path = "web/dist";
  std::string data_dir = "var";
  std::string host = "0.0.0.0";
  // The workshops' zone (IANA name): their "today" — due dates, late tasks,
  // the day's revenue and cash register — and how timestamps fall into days.
  std::string time_zone = "America/Sao_Paulo";
  int port = 5000;
  std::vector<std::string> modules;               // empty: all
  std::vector<std::string> cors_allowed_origins;  // browsers of these origins may call the API
  std::map<std::string, std::string> upstreams;   // module → base URL (split mode)
  std::string public_base_url;  // portal and webhook links; empty: http://localhost:<port>

  int access_ttl_seconds = 3600;  // clamped to 5 min – 2 h
  int refresh_ttl_days = 30;
  int revocation_cache_seconds = 5;
  int login_max_failures_per_account = 5;
  int login_max_failures_per_address = 100;
  int login_lockout_seconds = 60;
  int login_hard_lock_after = 100;
  int rate_limit_per_tenant_per_minute = 0;          // 0: off
  int registration_limit_per_address_per_hour = 20;  // 0: off
  int max_sessions_per_user = 10;
  int portal_rate_limit_per_address_per_minute = 60;  // the public portal; 0: off

  int shutdown_grace_seconds = 10;
  int max_body_bytes = 1 << 20;
  int slow_query_ms = 200;  // a database round trip slower than this is logged; 0: never
  // Per core: 2 connections and 4 workers measured best (bench/README.md);
  // more only add contention on the database's CPU.
  int db_pool_size = 0;    // 0: 2 per core, at least 4
  int async_readers = 0;   // event-loop read connections; 0: 2 per core, <0: none
  int worker_threads = 0;  // 0: 4 per core, at least 8
  int io_threads = 1;
  int queue_capacity = 1024;
  int heavy_threads = 0;    // password hashing lane; 0: one per core
  int heavy_queue = 32;     // waiting there past this: 503 with Retry-After
  int max_connections = 0;  // 0: derived from the file limit
  int max_connections_per_address = 256;

  // Messaging (issue 11): the key of the channels' credentials at rest (64
  // hex digits: 32 bytes; required in production), the relay's pace and its
  // retries, the per-tenant daily send cap.
  std::string messaging_secret_key;
  int messaging_daily_cap = 1000;
  int messaging_relay_interval_ms = 1000;  // 0: this process runs no relay
  int messaging_max_attempts = 6;
  int messaging_retry_base_ms = 30000;
  int messaging_lease_seconds = 60;
  int messaging_http_timeout_ms = 10000;
  // Service reminders: the relay's sweep at most this often (0: none), queuing only in
  // [from, until) hours of TIME_ZONE.
  int messaging_reminder_sweep_seconds = 3600;
  int messaging_reminder_from_hour = 8;
  int messaging_reminder_until_hour = 20;

  bool production() const { return app_env == "production"; }
};

// Declares the global settings on `app` (flags, each with its variable) and
// the serving ones on `serve`. `upstreams` collects --upstream module=url.
void add_options(CLI::App& app, CLI::App& serve, Settings& s, std::vector<std::string>& upstreams);

// After parsing: the derived defaults (pool and workers per core, the token
// lifetime clamped) and the --upstream pairs; throws std::invalid_argument.
void finish(Settings& s, const std::vector<std::string>& upstreams);

// Why a JWT secret is unfit for production (too short, a known placeholder, a
// repeated pattern, low entropy); nullopt when it is fit.
std::optional<std::string> weak_secret(std::string_view secret);

// A 32-byte key written as 64 hex digits (MESSAGING_SECRET_KEY).
bool is_secret_key(std::string_view key);

// Throws std::invalid_argument naming what is wrong (a production server
// without a 32-byte secret, a bad value, a module not in `known_modules`).
void validate(const Settings& s, const std::vector<std::string>& known_modules);

}  // namespace mg::config
