#include "libs/db/migrations.hpp"

#include <libpq-fe.h>

#include <memory>
#include <set>
#include <stdexcept>

#include "libs/db/embedded_files.hpp"
#include "libs/db/errors.hpp"

namespace mg::db {
namespace {

// Migrations use plain libpq outside pipeline mode: a file holds many
// statements, which only the simple protocol runs in one call.
constexpr long long kLockKey = 0x6d6f746f67657374;  // "motogest"

using Conn = std::unique_ptr<PGconn, decltype(&PQfinish)>;

Conn connect(const std::string& url) {
  Conn c(PQconnectdb(url.c_str()), PQfinish);
  if (PQstatus(c.get()) != CONNECTION_OK)
    throw ConnectionLost(std::string("cannot connect to PostgreSQL: ") + PQerrorMessage(c.get()));
  PQclear(PQexec(c.get(), "set client_min_messages = warning"));
  return c;
}

void exec(PGconn* c, const std::string& sql) {
  std::unique_ptr<PGresult, decltype(&PQclear)> r(PQexec(c, sql.c_str()), PQclear);
  auto st = PQresultStatus(r.get());
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    const char* state = PQresultErrorField(r.get(), PG_DIAG_SQLSTATE);
    throw Error(state ? state : "", "", PQerrorMessage(c));
  }
}

std::set<std::string> applied(PGconn* c) {
  exec(c,
       "create table if not exists schema_migrations ("
       " name text primary key, applied_at timestamptz not null default now())");
  std::unique_ptr<PGresult, decltype(&PQclear)> r(PQexec(c, "select name from schema_migrations"),
                                                  PQclear);
  std::set<std::string> names;
  for (int i = 0; i < PQntuples(r.get()); ++i) names.insert(PQgetvalue(r.get(), i, 0));
  return names;
}

std::string literal(PGconn* c, std::string_view s) {
  char* q = PQescapeLiteral(c, s.data(), s.size());
  std::string out(q);
  PQfreemem(q);
  return out;
}

// Holds the advisory lock for the life of the connection's work.
struct Locked {
  explicit Locked(PGconn* c) : conn(c) {
    exec(conn, "select pg_advisory_lock(" + std::to_string(kLockKey) + ")");
  }
  ~Locked() {
    PQclear(PQexec(conn, ("select pg_advisory_unlock(" + std::to_string(kLockKey) + ")").c_str()));
  }
  PGconn* conn;
};

}  // namespace

std::vector<std::string> migrate_up(const std::string& url) {
  auto conn = connect(url);
  PGconn* c = conn.get();
  Locked lock(c);
  auto done = applied(c);
  std::vector<std::string> now;
  for (const auto& m : embedded::migrations()) {
    std::string name(m.name);
    if (done.count(name)) continue;
    try {
      exec(c, "begin");
      exec(c, std::string(m.up));
      exec(c, "insert into schema_migrations (name) values (" + literal(c, name) + ")");
      exec(c, "commit");
    } catch (const Error& e) {
      PQclear(PQexec(c, "rollback"));
      throw Error(e.sqlstate(), "", "migration " + name + " failed: " + e.what());
    }
    now.push_back(name);
  }
  return now;
}

std::vector<std::string> migrate_down(const std::string& url, int steps) {
  auto conn = connect(url);
  PGconn* c = conn.get();
  Locked lock(c);
  auto done = applied(c);
  std::vector<std::string> rolled;
  const auto& all = embedded::migrations();
  for (auto it = all.rbegin(); it != all.rend() && static_cast<int>(rolled.size()) < steps; ++it) {
    std::string name(it->name);
    if (!done.count(name)) continue;
    try {
      exec(c, "begin");
      exec(c, std::string(it->down));
      exec(c, "delete from schema_migrations where name = " + literal(c, name));
      exec(c, "commit");
    } catch (const Error& e) {
      PQclear(PQexec(c, "rollback"));
      throw Error(e.sqlstate(), "", "rollback of " + name + " failed: " + e.what());
    }
    rolled.push_back(name);
  }
  return rolled;
}

std::vector<MigrationStatus> migration_status(const std::string& url) {
  auto conn = connect(url);
  auto done = applied(conn.get());
  std::vector<MigrationStatus> out;
  for (const auto& m : embedded::migrations())
    out.push_back({std::string(m.name), done.count(std::string(m.name)) > 0});
  return out;
}

}  // namespace mg::db
