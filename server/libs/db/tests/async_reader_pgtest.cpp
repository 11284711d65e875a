// The event-loop reader against a real PostgreSQL as the application role:
// answers in order, the tenant's rows only, read-only, one failed read not
// poisoning the next, and a connection killed under it.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include "libs/db/async_reader.hpp"
#include "libs/db/migrations.hpp"
#include "libs/db/testing/test_database.hpp"

namespace mg::db {
namespace {

using testing::sql;

class AsyncReaderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    t_ = new testing::TestDatabase(testing::create_database("async_reader"));
    migrate_up(t_->owner_url);
    Database db({.url = t_->app_url, .size = 1});
    a_ = make_tenant(db, "Oficina A", "a@example.com");
    b_ = make_tenant(db, "Oficina B", "b@example.com");
  }
  static void TearDownTestSuite() {
    testing::drop_database(*t_);
    delete t_;
  }

  static TenantId make_tenant(Database& db, const std::string& name, const std::string& email) {
    return db.global([&](Tx& tx) {
      TenantId id{tx.exec(sql("select nextval('tenants_id_seq') as id"))[0].i64("id")};
      tx.exec(sql("select set_config('app.current_tenant', $1, true)", std::to_string(id.value)));
      tx.exec(sql("insert into tenants (id, name) values ($1, $2)", id, name));
      tx.exec(
          sql("insert into users (tenant_id, name, email, password_hash, role) "
              "values ($1, $2, $3, 'x', 'OWNER')",
              id, name, email));
      return id;
    });
  }

  // Sends the reads, then runs the loop until every answer came.
  std::vector<ReadOutcome> run(AsyncReader& reader,
                               std::vector<std::pair<TenantId, std::vector<Query>>> reads) {
    std::vector<ReadOutcome> out(reads.size());
    for (std::size_t i = 0; i < reads.size(); ++i)
      reader.read(reads[i].first, reads[i].second, [&out, i](ReadOutcome o) { out[i] = o; });
    ioc_.restart();
    ioc_.run();
    return out;
  }

  boost::asio::io_context ioc_;
  static testing::TestDatabase* t_;
  static TenantId a_, b_;
};
testing::TestDatabase* AsyncReaderTest::t_ = nullptr;
TenantId AsyncReaderTest::a_;
TenantId AsyncReaderTest::b_;

TEST_F(AsyncReaderTest, ManyReadsOnOneConnectionAnswerInOrderEachForItsTenant) {
  AsyncReader reader(ioc_, {.url = t_->app_url, .slow_query = std::chrono::milliseconds(0)}, 1);
  const Query names = sql("select name from tenants");
  const Query users = sql("select count(*) as n from users");
  std::vector<std::pair<TenantId, std::vector<Query>>> reads;
  for (int i = 0; i < 50; ++i) reads.push_back({i % 2 ? b_ : a_, {names, users}});
  auto out = run(reader, reads);
  for (int i = 0; i < 50; ++i) {
    ASSERT_FALSE(out[i].lost) << i;
    ASSERT_FALSE(out[i].failure) << i;
    ASSERT_EQ(out[i].results.size(), 2u) << i;
    ASSERT_EQ(out[i].results[0].size(), 1) << i;
    EXPECT_EQ(out[i].results[0][0].text("name"), i % 2 ? "Oficina B" : "Oficina A") << i;
    EXPECT_EQ(out[i].results[1][0].i64("n"), 1) << i;
  }
}

TEST_F(AsyncReaderTest, AReadCannotWrite) {
  AsyncReader reader(ioc_, {.url = t_->app_url, .slow_query = std::chrono::milliseconds(0)}, 1);
  auto out = run(reader, {{a_, {sql("update tenants set name = 'x'")}}});
  ASSERT_TRUE(out[0].failure);
  EXPECT_EQ(out[0].failure->sqlstate(), "25006");  // read_only_sql_transaction
  Database db({.url = t_->app_url, .size = 1});
  EXPECT_EQ(db.read(a_, sql("select name from tenants"))[0].text("name"), "Oficina A");
}

TEST_F(AsyncReaderTest, AFailedReadLeavesTheNextOnesTheirAnswers) {
  AsyncReader reader(ioc_, {.url = t_->app_url, .slow_query = std::chrono::milliseconds(0)}, 1);
  const Query ok = sql("select name from tenants");
  auto out = run(reader, {{a_, {ok}}, {a_, {sql("select 1/0 as x"), ok}}, {b_, {ok}}, {a_, {ok}}});
  EXPECT_FALSE(out[0].failure);
  ASSERT_TRUE(out[1].failure);
  EXPECT_EQ(out[1].failure->sqlstate(), "22012");  // division_by_zero
  ASSERT_FALSE(out[2].failure);
  EXPECT_EQ(out[2].results[0][0].text("name"), "Oficina B");
  ASSERT_FALSE(out[3].failure);
  EXPECT_EQ(out[3].results[0][0].text("name"), "Oficina A");
}

TEST_F(AsyncReaderTest, AStatementThatFailedToPrepareIsPreparedAgainNextTime) {
  AsyncReader reader(ioc_, {.url = t_->app_url, .slow_query = std::chrono::milliseconds(0)}, 1);
  const Query later = sql("select label from created_later");
  auto before = run(reader, {{a_, {later}}});
  ASSERT_TRUE(before[0].failure);
  EXPECT_EQ(before[0].failure->sqlstate(), "42P01");  // undefined_table
  testing::admin_exec(*t_,
                      "create table created_later (label text); "
                      "insert into created_later values ('agora existe'); "
                      "grant select on created_later to public");
  auto after = run(reader, {{a_, {later}}});
  ASSERT_FALSE(after[0].failure) << after[0].failure->what();
  EXPECT_EQ(after[0].results[0][0].text("label"), "agora existe");
  testing::admin_exec(*t_, "drop table created_later");
}

TEST_F(AsyncReaderTest, AConnectionKilledUnderItIsLostThenMadeAgain) {
  AsyncReader reader(ioc_, {.url = t_->app_url, .slow_query = std::chrono::milliseconds(0)}, 1);
  const Query names = sql("select name from tenants");
  auto first = run(reader, {{a_, {sql("select pg_backend_pid() as pid")}}});
  ASSERT_FALSE(first[0].failure);
  const auto pid = first[0].results[0][0].i64("pid");
  testing::admin_exec(*t_, "select pg_terminate_backend(" + std::to_string(pid) + ")");
  auto lost = run(reader, {{a_, {names}}});
  EXPECT_TRUE(lost[0].lost);
  EXPECT_TRUE(lost[0].results.empty());
  auto again = run(reader, {{a_, {names}}});
  ASSERT_FALSE(again[0].lost);
  ASSERT_FALSE(again[0].failure);
  EXPECT_EQ(again[0].results[0][0].text("name"), "Oficina A");
}

}  // namespace
}  // namespace mg::db
