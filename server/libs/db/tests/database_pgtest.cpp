// The database layer against a real PostgreSQL as the application role:
// tenant isolation by RLS, transactions, pipelined reads, reconnection.
#include <gtest/gtest.h>

#include "libs/db/database.hpp"
#include "libs/db/migrations.hpp"
#include "libs/db/testing/test_database.hpp"

namespace mg::db {
namespace {

using testing::sql;

class DatabaseTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    t_ = new testing::TestDatabase(testing::create_database("database"));
    migrate_up(t_->owner_url);
    db_ = new Database({.url = t_->app_url, .size = 1});
    a_ = make_tenant("Oficina A", "a@example.com");
    b_ = make_tenant("Oficina B", "b@example.com");
  }
  static void TearDownTestSuite() {
    delete db_;
    testing::drop_database(*t_);
    delete t_;
  }

  struct Tenant {
    TenantId id;
    std::int64_t user_id = 0;
  };
  static Tenant make_tenant(const std::string& name, const std::string& email) {
    return db_->global([&](Tx& tx) {
      Tenant t;
      t.id = TenantId{tx.exec(sql("select nextval('tenants_id_seq') as id"))[0].i64("id")};
      tx.exec(sql("select set_config('app.current_tenant', $1, true)", std::to_string(t.id.value)));
      tx.exec(sql("insert into tenants (id, name) values ($1, $2)", t.id, name));
      t.user_id =
          tx.exec(sql("insert into users (tenant_id, name, email, password_hash, role) "
                      "values ($1, $2, $3, 'x', 'OWNER') returning id",
                      t.id, name, email))[0]
              .i64("id");
      return t;
    });
  }

  static testing::TestDatabase* t_;
  static Database* db_;
  static Tenant a_, b_;
};
testing::TestDatabase* DatabaseTest::t_ = nullptr;
Database* DatabaseTest::db_ = nullptr;
DatabaseTest::Tenant DatabaseTest::a_;
DatabaseTest::Tenant DatabaseTest::b_;

TEST_F(DatabaseTest, WithNoTenantSetNothingIsVisible) {
  auto n = db_->global(
      [](Tx& tx) { return tx.exec(sql("select count(*) as n from users"))[0].i64("n"); });
  EXPECT_EQ(n, 0);
  EXPECT_THROW(db_->global([](Tx& tx) {
    tx.exec(
        sql("insert into users (tenant_id, name, email, password_hash, role) "
            "values (1, 'x', 'x@example.com', 'x', 'OWNER')"));
  }),
               Error);
}

TEST_F(DatabaseTest, ATenantSeesOnlyItsOwnRows) {
  auto r = db_->read(a_.id, sql("select id, tenant_id from users"));
  ASSERT_EQ(r.size(), 1);
  EXPECT_EQ(r[0].i64("id"), a_.user_id);
  EXPECT_TRUE(db_->read(a_.id, sql("select 1 from users where id = $1", b_.user_id)).empty());
}

TEST_F(DatabaseTest, ATenantCannotChangeAnotherTenantsRows) {
  auto changed = db_->transaction(a_.id, [&](Tx& tx) {
    auto u =
        tx.exec(sql("update users set name = 'invadido' where id = $1", b_.user_id)).affected();
    auto d = tx.exec(sql("delete from sessions where tenant_id = $1", b_.id)).affected();
    return u + d;
  });
  EXPECT_EQ(changed, 0);
  auto name = db_->read(b_.id, sql("select name from users where id = $1", b_.user_id));
  EXPECT_EQ(name[0].str("name"), "Oficina B");
}

TEST_F(DatabaseTest, ATenantCannotInsertIntoAnotherTenant) {
  try {
    db_->transaction(a_.id, [&](Tx& tx) {
      tx.exec(
          sql("insert into users (tenant_id, name, email, password_hash, role) "
              "values ($1, 'intruso', 'intruso@example.com', 'x', 'OWNER')",
              b_.id));
    });
    FAIL() << "insert into another tenant succeeded";
  } catch (const Error& e) {
    EXPECT_EQ(e.sqlstate(), "42501");  // row-level security violation
  }
  EXPECT_TRUE(
      db_->read(b_.id, sql("select 1 from users where email = 'intruso@example.com'")).empty());
}

TEST_F(DatabaseTest, SeveralReadsGoTogetherAndKeepTheirOrder) {
  auto results = db_->read(a_.id, {sql("select $1::int as n", 1), sql("select $1::int as n", 2),
                                   sql("select count(*) as n from users")});
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0][0].i64("n"), 1);
  EXPECT_EQ(results[1][0].i64("n"), 2);
  EXPECT_EQ(results[2][0].i64("n"), 1);
}

TEST_F(DatabaseTest, AReadIsOneReadOnlyTransaction) {
  try {
    db_->read(a_.id, sql("update users set name = 'escrita' where id = $1", a_.user_id));
    FAIL() << "a read wrote";
  } catch (const Error& e) {
    EXPECT_EQ(e.sqlstate(), "25006");  // read_only_sql_transaction
  }
  // The tenant and read-only mode hold for every statement of the read.
  auto r = db_->read(a_.id, {sql("select current_setting('app.current_tenant') as t"),
                             sql("select current_setting('transaction_read_only') as ro")});
  EXPECT_EQ(r[0][0].str("t"), std::to_string(a_.id.value));
  EXPECT_EQ(r[1][0].str("ro"), "on");
  // And nothing of it outlives the read.
  auto after = db_->global([](Tx& tx) {
    return tx.exec(sql("select coalesce(current_setting('app.current_tenant', true), '') as t"))[0]
        .str("t");
  });
  EXPECT_EQ(after, "");
}

TEST_F(DatabaseTest, AFailedStatementRollsBackAndLeavesTheConnectionUsable) {
  EXPECT_THROW(
      db_->transaction(a_.id,
                       [&](Tx& tx) {
                         tx.exec(sql("update users set name = 'antes do erro' where id = $1",
                                     a_.user_id));
                         tx.exec(sql("select 1/0"));
                       }),
      Error);
  auto name = db_->read(a_.id, sql("select name from users where id = $1", a_.user_id));
  EXPECT_EQ(name[0].str("name"), "Oficina A");
  // A failed read too.
  EXPECT_THROW(db_->read(a_.id, sql("select nope from users")), Error);
  EXPECT_EQ(db_->read(a_.id, sql("select 1 as one"))[0].i64("one"), 1);
}

TEST_F(DatabaseTest, ABatchRunsInTheTransactionAndStopsAtTheFirstFailure) {
  auto results = db_->transaction(a_.id, [&](Tx& tx) {
    return tx.exec_batch({sql("update users set name = 'lote' where id = $1", a_.user_id),
                          sql("select name from users where id = $1", a_.user_id)});
  });
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[1][0].str("name"), "lote");
  EXPECT_THROW(
      db_->transaction(a_.id,
                       [&](Tx& tx) {
                         tx.exec_batch(
                             {sql("update users set name = 'perdido' where id = $1", a_.user_id),
                              sql("select 1/0")});
                       }),
      Error);
  auto name = db_->read(a_.id, sql("select name from users where id = $1", a_.user_id));
  EXPECT_EQ(name[0].str("name"), "lote");
  db_->transaction(a_.id, [&](Tx& tx) {
    tx.exec(sql("update users set name = 'Oficina A' where id = $1", a_.user_id));
  });
}

TEST_F(DatabaseTest, AnExceptionInTheWorkRollsBack) {
  EXPECT_THROW(db_->transaction(a_.id,
                                [&](Tx& tx) {
                                  tx.exec(sql("update users set name = 'nao fica' where id = $1",
                                              a_.user_id));
                                  throw std::runtime_error("handler failed");
                                }),
               std::runtime_error);
  auto name = db_->read(a_.id, sql("select name from users where id = $1", a_.user_id));
  EXPECT_EQ(name[0].str("name"), "Oficina A");
}

TEST_F(DatabaseTest, UniqueViolationsAreTyped) {
  try {
    make_tenant("Outra", "A@example.com");
    FAIL();
  } catch (const Error& e) {
    EXPECT_TRUE(e.unique_violation());
    EXPECT_EQ(e.constraint(), "users_email_key");
  }
}

TEST_F(DatabaseTest, ReconnectsAfterTheServerDropsTheConnection) {
  ASSERT_EQ(db_->read(a_.id, sql("select 1 as one"))[0].i64("one"), 1);
  testing::admin_exec(*t_,
                      "select pg_terminate_backend(pid) from pg_stat_activity "
                      "where usename = 'motogestor_app' and datname = current_database()");
  // The pooled connection is dead; the next transaction connects again.
  auto n =
      db_->transaction(a_.id, [](Tx& tx) { return tx.exec(sql("select 2 as n"))[0].i64("n"); });
  EXPECT_EQ(n, 2);
  EXPECT_TRUE(db_->ping());
}

TEST_F(DatabaseTest, TheLoginLookupSeesAcrossTenantsButOnlyWhatItNeeds) {
  auto r = db_->global(
      [](Tx& tx) { return tx.exec(sql("select * from auth_find_login($1)", "B@EXAMPLE.COM")); });
  ASSERT_EQ(r.size(), 1);
  EXPECT_EQ(r[0].i64("tenant_id"), b_.id.value);
  EXPECT_EQ(r[0].i64("user_id"), b_.user_id);
  EXPECT_THROW(r[0].text("name"), std::logic_error) << "returns no more than a login needs";
}

}  // namespace
}  // namespace mg::db
