// Reads the catalog and fails when a tenant table breaks the schema rules of
// ARCHITECTURE.md §3: forced row-level security with a policy, and tenant_id
// in every primary, unique and foreign key and every unique index.
#include <gtest/gtest.h>

#include <set>

#include "libs/db/database.hpp"
#include "libs/db/migrations.hpp"
#include "libs/db/testing/test_database.hpp"

namespace mg::db {
namespace {

// Keys that are global on purpose, with the reason.
const std::set<std::string> kGlobalKeys = {
    "users_email_key",  // login is by e-mail alone, across workshops
};

class SchemaRules : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    t_ = new testing::TestDatabase(testing::create_database("schema_rules"));
    migrate_up(t_->owner_url);
    db_ = new Database({.url = t_->owner_url, .size = 1});
  }
  static void TearDownTestSuite() {
    delete db_;
    testing::drop_database(*t_);
    delete t_;
  }
  static Result query(std::string_view sql) {
    return db_->global([&](Tx& tx) { return tx.exec(testing::sql(sql)); });
  }
  static testing::TestDatabase* t_;
  static Database* db_;
};
testing::TestDatabase* SchemaRules::t_ = nullptr;
Database* SchemaRules::db_ = nullptr;

TEST_F(SchemaRules, EveryTenantTableHasForcedRowLevelSecurityAndAPolicy) {
  auto r = query(
      "select c.relname, c.relrowsecurity, c.relforcerowsecurity, "
      "  (select count(*) from pg_policy p where p.polrelid = c.oid) as policies "
      "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
      "where n.nspname = 'public' and c.relkind = 'r' and (exists ("
      "  select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' "
      "  and not a.attisdropped) or c.relname = 'tenants')");
  ASSERT_GT(r.size(), 2);
  for (int i = 0; i < r.size(); ++i) {
    auto row = r[i];
    EXPECT_TRUE(row.boolean("relrowsecurity")) << row.str("relname") << " lacks RLS";
    EXPECT_TRUE(row.boolean("relforcerowsecurity")) << row.str("relname") << " lacks FORCE RLS";
    EXPECT_GT(row.i64("policies"), 0) << row.str("relname") << " has no policy";
  }
}

TEST_F(SchemaRules, EveryKeyOfATenantTableIncludesTenantId) {
  auto r = query(
      "select c.relname as table_name, k.conname as key_name, k.contype::text as kind "
      "from pg_constraint k join pg_class c on c.oid = k.conrelid "
      "join pg_namespace n on n.oid = c.relnamespace "
      "join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' "
      "where n.nspname = 'public' and k.contype in ('p', 'u', 'f') "
      "and not (a.attnum = any (k.conkey))");
  for (int i = 0; i < r.size(); ++i)
    ADD_FAILURE() << r[i].str("table_name") << "." << r[i].str("key_name") << " ("
                  << r[i].str("kind") << ") does not include tenant_id";

  auto idx = query(
      "select c.relname as table_name, ic.relname as index_name "
      "from pg_index x join pg_class c on c.oid = x.indrelid "
      "join pg_class ic on ic.oid = x.indexrelid "
      "join pg_namespace n on n.oid = c.relnamespace "
      "join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' "
      "where n.nspname = 'public' and x.indisunique "
      "and not (a.attnum = any (x.indkey::int2[]))");
  for (int i = 0; i < idx.size(); ++i) {
    if (kGlobalKeys.count(idx[i].str("index_name"))) continue;
    ADD_FAILURE() << idx[i].str("table_name") << "." << idx[i].str("index_name")
                  << " is a unique index without tenant_id";
  }
}

TEST_F(SchemaRules, ApplicationRoleOwnsNothingAndCannotBypassSecurity) {
  auto r = query(
      "select rolsuper, rolbypassrls, "
      "  (select count(*) from pg_class c where c.relowner = r.oid) as owned "
      "from pg_roles r where rolname = 'motogestor_app'");
  ASSERT_EQ(r.size(), 1);
  EXPECT_FALSE(r[0].boolean("rolsuper"));
  EXPECT_FALSE(r[0].boolean("rolbypassrls"));
  EXPECT_EQ(r[0].i64("owned"), 0);
}

TEST_F(SchemaRules, SecurityDefinerFunctionsPinTheirSearchPath) {
  auto r = query(
      "select p.proname, p.proconfig from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
      "where n.nspname = 'public' and p.prosecdef");
  ASSERT_GT(r.size(), 0);
  for (int i = 0; i < r.size(); ++i)
    EXPECT_NE(r[i].text("proconfig").find("search_path"), std::string_view::npos)
        << r[i].str("proname");
}

}  // namespace
}  // namespace mg::db
