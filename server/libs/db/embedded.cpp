#include "libs/db/embedded.hpp"

#include <libpq-fe.h>
#include <pwd.h>
#include <sodium.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "libs/db/superuser.hpp"
#include "libs/observability/log.hpp"

namespace mg::db {
namespace fs = std::filesystem;
namespace {

constexpr const char* kAdmin = "motogestor_admin";
constexpr const char* kOwner = "mg_owner";
constexpr const char* kApp = "motogestor_app";
constexpr const char* kDatabase = "motogestor";

std::string find_bin_dir() {
  if (const char* env = std::getenv("PG_BIN"); env && *env) return env;
  for (const char* candidate : {"/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin"})
    if (fs::exists(fs::path(candidate) / "pg_ctl")) return candidate;
  throw std::runtime_error(
      "PostgreSQL server binaries not found; run `make deps` (installs postgresql-15)");
}

void chown_to(const fs::path& p, const passwd* pw) {
  if (pw && ::chown(p.c_str(), pw->pw_uid, pw->pw_gid) != 0)
    throw std::runtime_error("cannot chown " + p.string());
}

// Whether `user` can walk down to `dir` (every directory on the way searchable).
bool reachable_by(const passwd* user, const std::string& dir) {
  pid_t pid = ::fork();
  if (pid < 0) return false;
  if (pid == 0) {
    if (::setgid(user->pw_gid) != 0 || ::setuid(user->pw_uid) != 0) std::_Exit(2);
    std::_Exit(::access(dir.c_str(), X_OK) == 0 ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

constexpr const char* kRelocatedRoot = "/var/lib/motogestor/clusters";

// A stable name for a data dir's relocated cluster.
std::string relocated_root(const std::string& data_dir) {
  unsigned char digest[8];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(data_dir.data()),
                     data_dir.size(), nullptr, 0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(kRelocatedRoot) + "/" + hex;
}

}  // namespace

EmbeddedPostgres::EmbeddedPostgres(std::string data_dir)
    : data_dir_(fs::absolute(data_dir).lexically_normal().string()),
      cluster_root_(data_dir_),
      bin_dir_(find_bin_dir()),
      as_postgres_user_(::geteuid() == 0) {}

EmbeddedPostgres::~EmbeddedPostgres() {
  try {
    stop();
  } catch (...) {
  }
}

std::string EmbeddedPostgres::cluster_dir() const {
  return cluster_root_ + "/postgres";
}
std::string EmbeddedPostgres::socket_dir() const {
  return cluster_root_ + "/run";
}
std::string EmbeddedPostgres::log_file() const {
  return cluster_root_ + "/postgres.log";
}

std::string EmbeddedPostgres::app_url() const {
  return std::string("postgresql://") + kApp + "@/" + kDatabase + "?host=" + socket_dir();
}
std::string EmbeddedPostgres::owner_url() const {
  return std::string("postgresql://") + kOwner + "@/" + kDatabase + "?host=" + socket_dir();
}

int EmbeddedPostgres::run(const std::vector<std::string>& argv, const std::string& log) const {
  std::vector<std::string> full;
  if (as_postgres_user_) full = {"runuser", "-u", "postgres", "--"};
  full.insert(full.end(), argv.begin(), argv.end());
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    // The child's output goes to the cluster's log, not our JSON stdout.
    FILE* f = std::freopen(log.c_str(), "a", stdout);
    if (f) ::dup2(::fileno(stdout), STDERR_FILENO);
    std::vector<char*> args;
    for (auto& a : full) args.push_back(a.data());
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    std::_Exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void EmbeddedPostgres::start() {
  const passwd* pw = as_postgres_user_ ? ::getpwnam("postgres") : nullptr;
  if (as_postgres_user_ && !pw) throw std::runtime_error("system user 'postgres' not found");
  fs::create_directories(data_dir_);
  cluster_root_ = data_dir_;
  if (as_postgres_user_) {
    // The data dir itself may be opened to `postgres` (it is ours); its parents
    // are the user's and stay as they are.
    fs::permissions(data_dir_,
                    fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    if (!reachable_by(pw, data_dir_)) {
      cluster_root_ = relocated_root(data_dir_);
      fs::create_directories(kRelocatedRoot);
      fs::create_directories(cluster_root_);
      chown_to(cluster_root_, pw);
      fs::permissions(cluster_root_, fs::perms::owner_all);
      std::ofstream(data_dir_ + "/postgres.location")
          << cluster_root_ << "\n"
          << "# The embedded cluster lives here: the postgres user cannot reach " << data_dir_
          << "\n";
      log::info("embedded database: the data dir is out of postgres's reach; using another place",
                {{"data_dir", data_dir_}, {"cluster", cluster_root_}});
    }
  }
  fs::create_directories(socket_dir());
  const std::string log = log_file();
  if (as_postgres_user_) {
    chown_to(socket_dir(), pw);
    if (!fs::exists(log)) std::fclose(std::fopen(log.c_str(), "a"));
    chown_to(log, pw);
  }
  fs::permissions(socket_dir(), fs::perms::owner_all);

  const bool fresh = !fs::exists(cluster_dir() + "/PG_VERSION");
  if (fresh) {
    fs::create_directories(cluster_dir());
    if (as_postgres_user_) chown_to(cluster_dir(), pw);
    log::info("embedded database: creating cluster", {{"dir", cluster_dir()}});
    if (run({bin_dir_ + "/initdb", "-D", cluster_dir(), "-U", kAdmin, "--auth=trust", "-E", "UTF8",
             "--locale=C.UTF-8"},
            log) != 0)
      throw std::runtime_error("initdb failed; see " + log);
  }
  // Already running (another server on the same data dir): use it, leave it.
  if (run({bin_dir_ + "/pg_ctl", "-D", cluster_dir(), "status"}, log) == 0) {
    log::info("embedded database: already running", {{"dir", cluster_dir()}});
  } else {
    // pg_ctl copes with a stale postmaster.pid left by a crash.
    // Sized for a small machine running PostgreSQL beside the server (docs/architecture.md
    // "The embedded database"): short OLTP statements, so no JIT (compiling costs more than
    // it saves below a few hundred ms); commits stay durable (synchronous_commit on).
    const std::string options = "-c listen_addresses='' -c unix_socket_directories='" +
                                socket_dir() +
                                "' -c max_connections=100 -c shared_buffers=256MB"
                                " -c effective_cache_size=1GB -c work_mem=8MB"
                                " -c maintenance_work_mem=128MB -c random_page_cost=1.1"
                                " -c jit=off -c synchronous_commit=on";
    if (run({bin_dir_ + "/pg_ctl", "-D", cluster_dir(), "-l", log, "-w", "-t", "60", "-o", options,
             "start"},
            log) != 0)
      throw std::runtime_error("cannot start the embedded database; see " + log);
    started_here_ = true;
  }
  create_roles();
}

namespace {

// Runs statements as the cluster's superuser on one database; throws naming the failure.
void exec_as_admin(const std::string& url, const std::vector<std::string>& statements) {
  PGconn* c = PQconnectdb(url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error("cannot connect to the embedded database: " + msg);
  }
  for (const auto& sql : statements) {
    PGresult* r = PQexec(c, sql.c_str());
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    std::string msg = ok ? "" : PQerrorMessage(c);
    PQclear(r);
    if (!ok) {
      PQfinish(c);
      throw std::runtime_error("embedded database setup failed: " + msg);
    }
  }
  PQfinish(c);
}

}  // namespace

void EmbeddedPostgres::create_roles() const {
  const std::string admin = std::string("postgresql://") + kAdmin + "@/";
  const std::string host = "?host=" + socket_dir();
  exec_as_admin(
      admin + "postgres" + host,
      {std::string("do $$ begin ") + "if not exists (select from pg_roles where rolname = '" +
       kOwner + "') then " + "create role " + kOwner + " login createrole; end if; " +
       "if not exists (select from pg_roles where rolname = '" + kApp + "') then " +
       "create role " + kApp + " login nosuperuser nobypassrls; end if; end $$"});
  PGconn* c = PQconnectdb((admin + "postgres" + host).c_str());
  PGresult* r = PQexec(
      c, (std::string("select 1 from pg_database where datname = '") + kDatabase + "'").c_str());
  const bool exists = PQntuples(r) > 0;
  PQclear(r);
  PQfinish(c);
  if (!exists)
    exec_as_admin(admin + "postgres" + host,
                  {std::string("create database ") + kDatabase + " owner " + kOwner});
  exec_as_admin(admin + kDatabase + host, {kSuperuserSetup});
}

void EmbeddedPostgres::stop() {
  if (!started_here_) return;
  started_here_ = false;
  run({bin_dir_ + "/pg_ctl", "-D", cluster_dir(), "-m", "fast", "-w", "stop"}, log_file());
  log::info("embedded database: stopped");
}

}  // namespace mg::db
