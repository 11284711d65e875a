#include "libs/db/testing/test_database.hpp"

#include <libpq-fe.h>
#include <sodium.h>

#include <cstdlib>
#include <functional>
#include <stdexcept>

namespace mg::db::testing {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  if (!v) throw std::runtime_error(std::string(name) + " is not set: run under with-test-db.sh");
  return v;
}

// postgresql://user@/dbname?host=… → the same with another database name.
std::string with_database(const std::string& url, const std::string& db) {
  auto slash = url.find("@/");
  auto q = url.find('?', slash);
  return url.substr(0, slash + 2) + db + (q == std::string::npos ? "" : url.substr(q));
}

void exec(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string m = PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error(m);
  }
  PGresult* r = PQexec(c, sql.c_str());
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
  std::string m = ok ? "" : PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  if (!ok) throw std::runtime_error(m);
}

}  // namespace

const Statement& test_statement(std::string_view sql) {
  return intern("test." + std::to_string(std::hash<std::string_view>{}(sql)), sql);
}

TestDatabase create_database(const std::string& prefix) {
  TestDatabase t;
  t.name = prefix + "_" + std::to_string(randombytes_uniform(1'000'000'000));
  const std::string admin = env("TEST_DATABASE_ADMIN_URL");
  exec(admin, "create database " + t.name + " owner mg_owner");
  t.owner_url = with_database(env("TEST_DATABASE_OWNER_URL"), t.name);
  t.app_url = with_database(env("TEST_DATABASE_URL"), t.name);
  t.admin_url = with_database(admin, t.name);
  return t;
}

void drop_database(const TestDatabase& db) {
  exec(env("TEST_DATABASE_ADMIN_URL"), "drop database if exists " + db.name + " with (force)");
}

void admin_exec(const TestDatabase& db, const std::string& sql) {
  exec(db.admin_url, sql);
}

Workshop open_workshop(Database& db, const std::string& name, const std::string& email,
                       const std::string& plan) {
  return db.global([&](Tx& tx) {
    TenantId tenant{
        tx.exec(sql("select set_config('app.current_tenant', "
                    "nextval('tenants_id_seq')::text, true)::bigint as id"))[0]
            .i64("id")};
    tx.exec(sql("insert into tenants (id, name, plan) values ($1, $2, $3)", tenant, name, plan));
    UserId owner{
        tx.exec(sql("insert into users (tenant_id, name, email, password_hash, role) "
                    "values ($1, 'Dono', $2, 'x', 'OWNER') returning id",
                    tenant, email))[0]
            .i64("id")};
    return Workshop{tenant, owner};
  });
}

}  // namespace mg::db::testing
