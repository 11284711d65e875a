#pragma once
// A fresh database per test suite in the throwaway cluster that
// scripts/with-test-db.sh started, migrated as the owner role.
#include <string>
#include <string_view>

#include "libs/db/database.hpp"

namespace mg::db::testing {

// A test's own SQL, named after its text ("test.<hash>"): production code
// names every statement; a test may write its probe inline.
const Statement& test_statement(std::string_view sql);
template <class... Args>
Query sql(std::string_view text, Args&&... args) {
  return q(test_statement(text), std::forward<Args>(args)...);
}

struct TestDatabase {
  std::string name;
  std::string owner_url;  // owner role: migrations, catalog reads
  std::string app_url;    // application role: no superuser, no BYPASSRLS
  std::string admin_url;  // superuser, on this database
};

// Creates an empty database (no migrations applied).
TestDatabase create_database(const std::string& prefix);
void drop_database(const TestDatabase& db);
// Runs SQL as the superuser against the database (setup that no role of the
// application may do).
void admin_exec(const TestDatabase& db, const std::string& sql);

// A new workshop (tenant, on `plan`) and its OWNER with `email`, as registration makes them:
// the id drawn with nextval and set as the current tenant, then inserted under RLS.
struct Workshop {
  TenantId tenant;
  UserId owner;
};
Workshop open_workshop(Database& db, const std::string& name, const std::string& email,
                       const std::string& plan = "BASIC");

}  // namespace mg::db::testing
