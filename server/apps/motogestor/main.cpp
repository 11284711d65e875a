// motogestor: one binary, every module. Reads configuration (environment,
// then flags), builds the modules and serves; also migrates and seeds.
#include <sodium.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/application.hpp"
#include "libs/db/async_reader.hpp"
#include "libs/db/embedded.hpp"
#include "libs/db/migrations.hpp"
#include "libs/db/superuser.hpp"
#include "libs/http/server.hpp"
#include "libs/observability/log.hpp"
#include "modules/identity/identity.hpp"

namespace {

using mg::config::Settings;

// Development keeps one secret per data dir, so tokens (and sealed messaging
// credentials) survive a restart.
std::string development_secret(const std::string& data_dir, const char* name = "jwt-secret") {
  namespace fs = std::filesystem;
  fs::create_directories(data_dir);
  const fs::path file = fs::path(data_dir) / name;
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

const mg::db::Statement kRole("main.database_role",
                              "select rolsuper, rolbypassrls from pg_roles "
                              "where rolname = current_user");

// Refuses a database role that could see across tenants.
void check_database_role(mg::db::Database& db, bool production) {
  auto row = db.global([](mg::db::Tx& tx) {
    auto r = tx.exec(kRole);
    return std::pair{r[0].boolean("rolsuper"), r[0].boolean("rolbypassrls")};
  });
  if (!row.first && !row.second) return;
  const char* msg = "the database role is a superuser or can bypass row-level security";
  if (production) throw std::runtime_error(std::string(msg) + "; refusing to start in production");
  mg::log::warn(msg);
}

// Every transaction sets TIME_ZONE: a name the database does not know would
// fail them all, so it fails the start instead.
const mg::db::Statement kToday("main.today", "select current_date");

void check_time_zone(mg::db::Database& db, const std::string& zone) {
  try {
    db.global([](mg::db::Tx& tx) { tx.exec(kToday); });
  } catch (const mg::db::Error&) {
    throw std::runtime_error("TIME_ZONE \"" + zone +
                             "\" is not a time zone the database knows (e.g. America/Sao_Paulo)");
  }
}

const mg::db::Statement kLeakproof("main.search_leakproof",
                                   "select proleakproof from pg_proc "
                                   "where oid = 'textlike(text, text)'::regprocedure");

// Searches work either way; without the superuser's grant they scan each
// workshop's rows instead of using the trigram indexes.
void check_search_indexes(mg::db::Database& db) {
  if (db.global([](mg::db::Tx& tx) { return tx.exec(kLeakproof)[0].boolean("proleakproof"); }))
    return;
  mg::log::warn("text search cannot use its indexes under row-level security",
                {{"fix", std::string("as a superuser, on this database: ") +
                             mg::db::kSuperuserSetup + " (docs/architecture.md, Search)"}});
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
  const std::string service = mg::app::service_name(s.modules);
  mg::log::init(service, s.log_level);
  if (s.jwt_secret.empty()) s.jwt_secret = development_secret(s.data_dir);
  // validate() refused a missing key in production.
  if (s.messaging_secret_key.empty())
    s.messaging_secret_key = development_secret(s.data_dir, "messaging-key");

  auto database = open_database(s);
  if (database.embedded || migrate) apply_migrations(database.owner_url);

  const mg::db::PoolSettings pool{.url = database.app_url,
                                  .size = s.db_pool_size,
                                  .slow_query = std::chrono::milliseconds(s.slow_query_ms),
                                  .time_zone = s.time_zone};
  mg::db::Database db(pool);
  check_time_zone(db, s.time_zone);
  check_database_role(db, s.production());
  check_search_indexes(db);

  mg::app::Application app(s, db);
  if (seed_demo && !s.production() && app.create_demo_tenant())
    mg::log::info("demo tenant created", {{"email", "demo@motogestor.com"}});

  mg::http::Server server(
      {.host = s.host,
       .port = static_cast<unsigned short>(s.port),
       .io_threads = s.io_threads,
       .worker_threads = s.worker_threads,
       .queue_capacity = static_cast<std::size_t>(s.queue_capacity),
       .heavy_threads = s.heavy_threads,
       .heavy_queue_capacity = static_cast<std::size_t>(s.heavy_queue),
       .max_body_bytes = static_cast<std::size_t>(s.max_body_bytes),
       .shutdown_grace = std::chrono::seconds(s.shutdown_grace_seconds),
       .max_connections = static_cast<std::size_t>(s.max_connections),
       .max_connections_per_address = static_cast<std::size_t>(s.max_connections_per_address)},
      [&app](mg::http::Request& req) { return app.handle(req); },
      [&app](const mg::http::Request& req) {
        return app.heavy(req) ? mg::http::Lane::heavy : mg::http::Lane::general;
      },
      [&app](mg::http::Request& req, std::function<void(mg::http::Response)> done) {
        return app.try_inline(req, std::move(done));
      });
  std::unique_ptr<mg::db::AsyncReader> reader;
  if (s.async_readers > 0) {
    reader = std::make_unique<mg::db::AsyncReader>(server.context(), pool, s.async_readers);
    app.attach_reader(reader.get());
  }
  server.listen();
  const std::string url = "http://" + std::string(s.host == "0.0.0.0" ? "localhost" : s.host) +
                          ":" + std::to_string(server.port());
  mg::log::info("listening", {{"url", url},
                              {"modules", s.modules.empty() ? "all" : ""},
                              {"max_connections", server.max_connections()}});
  std::cerr << "\nMotoGestor em " << url << "\n";
  if (!s.production()) std::cerr << "Login demo: demo@motogestor.com / demo123\n";
  std::cerr << std::endl;
  app.start_background();  // the messaging relay
  server.run();
  app.stop_background();
  if (database.embedded) database.embedded->stop();
  mg::log::info("stopped");
  return 0;
}

// `tenant list`: every workshop, one per line.
int list_tenants(const std::string& owner_url) {
  mg::db::Database db({.url = owner_url, .size = 1});
  std::cout << "id\tplan\tusers\tcreated_at\tname\towners\n";
  for (const auto& t : mg::identity::list_tenants(db))
    std::cout << t.id.value << "\t" << t.plan << "\t" << t.users << "\t" << t.created_at << "\t"
              << t.name << "\t" << t.owner_emails << "\n";
  return 0;
}

// `tenant plan <id or owner e-mail> <plan>`.
int change_plan(const std::string& owner_url, const std::string& ref, const std::string& name) {
  const auto plan = mg::auth::parse_plan(name);
  if (!plan) {
    std::cerr << "motogestor: unknown plan '" << name << "' (BASIC, PREMIUM or ENTERPRISE)\n";
    return 2;
  }
  mg::db::Database db({.url = owner_url, .size = 1});
  const auto change = mg::identity::set_plan(db, ref, *plan);
  if (!change) {
    std::cerr << "motogestor: no workshop with id or OWNER e-mail '" << ref << "'\n";
    return 1;
  }
  std::cout << "tenant " << change->id.value << " (" << change->name << "): " << change->old_plan
            << " -> " << change->plan
            << "; its users get it at their next token refresh (or login)\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (sodium_init() < 0) return 1;
  Settings settings;
  CLI::App cli{"MotoGestor: gestão de oficinas de motos (servidor)"};
  cli.require_subcommand(1);
  cli.fallthrough();  // global options may also follow the subcommand

  auto* serve_cmd = cli.add_subcommand("serve", "Serve the API and the web app");
  std::vector<std::string> upstreams;
  mg::config::add_options(cli, *serve_cmd, settings, upstreams);
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

  // The operator's commands, with the owner role (DATABASE_OWNER_URL, else DATABASE_URL).
  auto* tenant_cmd = cli.add_subcommand("tenant", "List workshops or change a workshop's plan");
  tenant_cmd->require_subcommand(1);
  auto* tenant_list_cmd = tenant_cmd->add_subcommand("list", "Every workshop with its plan");
  auto* tenant_plan_cmd = tenant_cmd->add_subcommand(
      "plan", "Change a workshop's plan (effective at its users' next token refresh)");
  std::string tenant_ref, plan_name;
  tenant_plan_cmd->add_option("tenant", tenant_ref, "The workshop's id or an OWNER's e-mail")
      ->required();
  tenant_plan_cmd->add_option("plan", plan_name, "BASIC, PREMIUM or ENTERPRISE")->required();

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }
  try {
    mg::config::finish(settings, upstreams);
    mg::app::read_upstream_variables(settings);
    mg::config::validate(settings, mg::app::module_names());
  } catch (const std::exception& e) {
    std::cerr << "motogestor: " << e.what() << "\n";
    return 2;
  }

  try {
    if (*serve_cmd) return serve(settings, migrate, seed);
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
    if (*tenant_cmd) {
      if (database.embedded) apply_migrations(database.owner_url);
      if (*tenant_list_cmd) return list_tenants(database.owner_url);
      if (*tenant_plan_cmd) return change_plan(database.owner_url, tenant_ref, plan_name);
    }
    if (*seed_cmd) {
      if (settings.production())
        throw std::runtime_error("seed-demo is not available in production");
      if (database.embedded) apply_migrations(database.owner_url);
      mg::db::Database db({.url = database.app_url, .size = 2});
      if (settings.jwt_secret.empty()) settings.jwt_secret = development_secret(settings.data_dir);
      mg::app::Application application(settings, db);
      std::cout << (application.create_demo_tenant() ? "demo tenant created"
                                                     : "demo tenant already exists")
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
