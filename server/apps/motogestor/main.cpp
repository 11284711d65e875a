// motogestor: one binary, every module. Reads configuration (environment,
// then flags), builds the modules and serves; also migrates and seeds.
#include <sodium.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/application.hpp"
#include "libs/db/embedded.hpp"
#include "libs/db/migrations.hpp"
#include "libs/http/server.hpp"
#include "libs/observability/log.hpp"

namespace {

using mg::config::Settings;

// Development keeps one secret per data dir, so tokens survive a restart.
std::string development_secret(const std::string& data_dir) {
  namespace fs = std::filesystem;
  fs::create_directories(data_dir);
  const fs::path file = fs::path(data_dir) / "jwt-secret";
  std::string secret;
  if (std::ifstream in(file); in) std::getline(in, secret);
  if (secret.size() >= 32) return secret;
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  secret = hex;
  std::ofstream(file) << secret << "\n";
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
  return secret;
}

// Refuses a database role that could see across tenants.
void check_database_role(mg::db::Database& db, bool production) {
  auto row = db.global([](mg::db::Tx& tx) {
    auto r = tx.exec("select rolsuper, rolbypassrls from pg_roles where rolname = current_user");
    return std::pair{r[0].boolean("rolsuper"), r[0].boolean("rolbypassrls")};
  });
  if (!row.first && !row.second) return;
  const char* msg = "the database role is a superuser or can bypass row-level security";
  if (production) throw std::runtime_error(std::string(msg) + "; refusing to start in production");
  mg::log::warn(msg);
}

struct Database {
  std::unique_ptr<mg::db::EmbeddedPostgres> embedded;
  std::string app_url, owner_url;
};

// The database to use: DATABASE_URL, or the embedded cluster.
Database open_database(Settings& s) {
  Database d;
  if (s.database_url.empty()) {
    d.embedded = std::make_unique<mg::db::EmbeddedPostgres>(s.data_dir);
    d.embedded->start();
    d.app_url = d.embedded->app_url();
    d.owner_url = d.embedded->owner_url();
  } else {
    d.app_url = s.database_url;
    d.owner_url = s.database_owner_url.empty() ? s.database_url : s.database_owner_url;
  }
  return d;
}

void apply_migrations(const std::string& owner_url) {
  for (const auto& name : mg::db::migrate_up(owner_url))
    mg::log::info("migration applied", {{"name", name}});
}

int serve(Settings s, bool migrate, bool seed_demo) {
  mg::config::validate(s);
  const std::string service = mg::app::service_name(s.modules);
  mg::log::init(service, s.log_level);
  if (s.jwt_secret.empty()) s.jwt_secret = development_secret(s.data_dir);

  auto database = open_database(s);
  if (database.embedded || migrate) apply_migrations(database.owner_url);

  mg::db::Database db({.url = database.app_url, .size = s.db_pool_size});
  check_database_role(db, s.production());

  mg::app::Application app(s, db);
  if (seed_demo && !s.production() && app.seed_demo())
    mg::log::info("demo tenant created", {{"email", "demo@motogestor.com"}});

  mg::http::Server server({.host = s.host,
                           .port = static_cast<unsigned short>(s.port),
                           .io_threads = s.io_threads,
                           .worker_threads = s.worker_threads,
                           .queue_capacity = static_cast<std::size_t>(s.queue_capacity),
                           .max_body_bytes = static_cast<std::size_t>(s.max_body_bytes),
                           .shutdown_grace = std::chrono::seconds(s.shutdown_grace_seconds)},
                          [&app](mg::http::Request& req) { return app.handle(req); });
  server.listen();
  const std::string url = "http://" + std::string(s.host == "0.0.0.0" ? "localhost" : s.host) +
                          ":" + std::to_string(server.port());
  mg::log::info("listening", {{"url", url}, {"modules", s.modules.empty() ? "all" : ""}});
  std::cerr << "\nMotoGestor em " << url << "\n";
  if (!s.production()) std::cerr << "Login demo: demo@motogestor.com / demo123\n";
  std::cerr << std::endl;
  server.run();
  if (database.embedded) database.embedded->stop();
  mg::log::info("stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (sodium_init() < 0) return 1;
  Settings settings;
  try {
    settings = mg::config::from_environment();
  } catch (const std::exception& e) {
    std::cerr << "motogestor: " << e.what() << "\n";
    return 2;
  }

  CLI::App cli{"MotoGestor: gestão de oficinas de motos (servidor)"};
  cli.require_subcommand(1);
  cli.fallthrough();  // global options may also follow the subcommand
  std::string database_url;
  cli.add_option("--database-url", database_url, "PostgreSQL URL (env DATABASE_URL)");
  cli.add_option("--data-dir", settings.data_dir, "Where the embedded database lives")
      ->capture_default_str();

  auto* serve_cmd = cli.add_subcommand("serve", "Serve the API and the web app");
  serve_cmd->add_option("--host", settings.host, "Address to bind")->capture_default_str();
  serve_cmd->add_option("--port", settings.port, "Port (0: any free port)")->capture_default_str();
  serve_cmd
      ->add_option("--modules", settings.modules,
                   "Serve only these modules (identity, workshop, …)")
      ->delimiter(',');
  std::vector<std::string> upstreams;
  serve_cmd
      ->add_option("--upstream", upstreams,
                   "module=http://host:port: forward a module's routes there (split mode)")
      ->delimiter(',');
  serve_cmd->add_option("--frontend-dist", settings.frontend_dist_path, "Built web app")
      ->capture_default_str();
  serve_cmd->add_option("--log-level", settings.log_level, "debug, info, warn, error");
  bool migrate = false, seed = false;
  serve_cmd->add_flag("--migrate", migrate, "Apply migrations first (always with the embedded db)");
  serve_cmd->add_flag("--seed-demo", seed, "Create the demo tenant when missing");

  auto* migrate_cmd = cli.add_subcommand("migrate", "Apply or roll back database migrations");
  std::string direction = "up";
  int steps = 1;
  migrate_cmd->add_option("direction", direction, "up | down | status")
      ->check(CLI::IsMember({"up", "down", "status"}));
  migrate_cmd->add_option("--steps", steps, "How many to roll back (down); 0 for all");

  auto* seed_cmd = cli.add_subcommand("seed-demo", "Create the demo tenant (not in production)");

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }
  if (!database_url.empty()) settings.database_url = database_url;
  for (const auto& u : upstreams) {
    auto eq = u.find('=');
    if (eq == std::string::npos) {
      std::cerr << "motogestor: --upstream takes module=url, got '" << u << "'\n";
      return 2;
    }
    settings.upstreams[u.substr(0, eq)] = u.substr(eq + 1);
  }

  try {
    if (*serve_cmd) return serve(settings, migrate, seed);
    mg::config::validate(settings);
    mg::log::init("motogestor", settings.log_level);
    auto database = open_database(settings);
    if (*migrate_cmd) {
      if (direction == "up") {
        apply_migrations(database.owner_url);
      } else if (direction == "down") {
        for (const auto& name :
             mg::db::migrate_down(database.owner_url, steps == 0 ? 1 << 20 : steps))
          mg::log::info("migration rolled back", {{"name", name}});
      } else {
        for (const auto& m : mg::db::migration_status(database.owner_url))
          std::cout << (m.applied ? "applied  " : "pending  ") << m.name << "\n";
      }
      return 0;
    }
    if (*seed_cmd) {
      if (settings.production())
        throw std::runtime_error("seed-demo is not available in production");
      if (database.embedded) apply_migrations(database.owner_url);
      mg::db::Database db({.url = database.app_url, .size = 2});
      mg::app::Application application(settings, db);
      std::cout << (application.seed_demo() ? "demo tenant created" : "demo tenant already exists")
                << "\n";
      return 0;
    }
  } catch (const std::exception& e) {
    mg::log::error("fatal", {{"error", e.what()}});
    std::cerr << "motogestor: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
