// Migrations apply, roll back completely, and apply again.
#include <gtest/gtest.h>

#include "libs/db/database.hpp"
#include "libs/db/embedded_files.hpp"
#include "libs/db/migrations.hpp"
#include "libs/db/testing/test_database.hpp"

namespace mg::db {
namespace {

std::int64_t count_tables(const std::string& url) {
  Database db({.url = url, .size = 1});
  return db.global([](Tx& tx) {
    return tx
        .exec(testing::sql("select count(*) as n from pg_tables where schemaname = 'public' "
                           "and tablename <> 'schema_migrations'"))[0]
        .i64("n");
  });
}

TEST(Migrations, UpDownUp) {
  auto t = testing::create_database("migrations");
  const auto total = embedded::migrations().size();
  ASSERT_GT(total, 0u);

  EXPECT_EQ(migrate_up(t.owner_url).size(), total);
  EXPECT_TRUE(migrate_up(t.owner_url).empty()) << "a second run applies nothing";
  for (const auto& s : migration_status(t.owner_url)) EXPECT_TRUE(s.applied) << s.name;
  EXPECT_GT(count_tables(t.owner_url), 0);

  EXPECT_EQ(migrate_down(t.owner_url, 1 << 20).size(), total);
  EXPECT_EQ(count_tables(t.owner_url), 0) << "down files leave no table behind";
  for (const auto& s : migration_status(t.owner_url)) EXPECT_FALSE(s.applied) << s.name;

  EXPECT_EQ(migrate_up(t.owner_url).size(), total);
  testing::drop_database(t);
}

TEST(Migrations, DownOneStepRollsBackTheNewest) {
  auto t = testing::create_database("migrations_step");
  migrate_up(t.owner_url);
  auto rolled = migrate_down(t.owner_url, 1);
  ASSERT_EQ(rolled.size(), 1u);
  EXPECT_EQ(rolled.front(), std::string(embedded::migrations().back().name));
  migrate_up(t.owner_url);
  testing::drop_database(t);
}

}  // namespace
}  // namespace mg::db
