// The team's stores against a real PostgreSQL: the dashboard's period, the foreign keys that
// carry tenant_id as the backstop of the reference checks, and the completed_at rule of the
// table itself.
#include <gtest/gtest.h>

#include "libs/db/errors.hpp"
#include "libs/db/migrations.hpp"
#include "libs/db/testing/test_database.hpp"
#include "modules/team/store/interactions_store.hpp"
#include "modules/team/store/reports_store.hpp"
#include "modules/team/store/staff_store.hpp"
#include "modules/team/store/tasks_store.hpp"

namespace mg::team {
namespace {

using db::testing::sql;

struct Workshop {
  TenantId tenant;
  UserId user;
};

class TeamStores : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    t_ = new db::testing::TestDatabase(db::testing::create_database("team"));
    db::migrate_up(t_->owner_url);
    db_ = new db::Database({.url = t_->app_url, .size = 1});
    a_ = new Workshop(open_workshop("a"));
    b_ = new Workshop(open_workshop("b"));
  }
  static void TearDownTestSuite() {
    delete a_;
    delete b_;
    delete db_;
    db::testing::drop_database(*t_);
    delete t_;
  }

  static Workshop open_workshop(const std::string& name) {
    auto w = db::testing::open_workshop(*db_, name, "team-" + name + "@example.com");
    return Workshop{w.tenant, w.owner};
  }

  static StaffId new_staff(const Workshop& w, const std::string& name) {
    return db_
        ->transaction(w.tenant,
                      [&](db::Tx& tx) { return store::insert_staff(w.tenant, tx, {.name = name}); })
        .value();
  }

  static TaskId new_task(const Workshop& w, store::TaskFields f) {
    return db_
        ->transaction(w.tenant,
                      [&](db::Tx& tx) { return store::insert_task(w.tenant, tx, f, w.user); })
        .value();
  }

  static void exec(const Workshop& w, const db::Query& q) {
    db_->transaction(w.tenant, [&](db::Tx& tx) { tx.exec(q); });
  }

  static db::testing::TestDatabase* t_;
  static db::Database* db_;
  static Workshop* a_;
  static Workshop* b_;
};
db::testing::TestDatabase* TeamStores::t_ = nullptr;
db::Database* TeamStores::db_ = nullptr;
Workshop* TeamStores::a_ = nullptr;
Workshop* TeamStores::b_ = nullptr;

TEST_F(TeamStores, TheSummarysPeriodIsTheLastDaysByCompletionAndOccurrence) {
  const Workshop w = open_workshop("periodo");
  const auto recent = new_task(w, {.title = "Feita há 6 dias", .status = "DONE"});
  const auto old = new_task(w, {.title = "Feita há 8 dias", .status = "DONE"});
  new_task(w, {.title = "Atrasada", .due_date = "2020-01-01"});
  new_task(w, {.title = "Cancelada atrasada", .status = "CANCELLED", .due_date = "2020-01-01"});
  exec(w, sql("update tasks set completed_at = now() - interval '6 days' where id = $1", recent));
  exec(w, sql("update tasks set completed_at = now() - interval '8 days' where id = $1", old));
  for (const char* at : {"1 hour", "6 days 23 hours", "7 days 1 hour"})
    db_->transaction(
           w.tenant,
           [&](db::Tx& tx) {
             auto when = tx.exec(sql("select iso_utc(now() - $1::interval) as t", at))[0].str("t");
             return store::insert_interaction(w.tenant, tx,
                                              {.channel = "WHATSAPP", .occurred_at = when}, w.user);
           })
        .value();

  auto week = store::dashboard_summary(w.tenant, *db_, 7);
  EXPECT_EQ(week.open, 1);
  EXPECT_EQ(week.late, 1);
  EXPECT_EQ(week.done_in_period, 1);
  EXPECT_EQ(week.total_in_period, 2);
  EXPECT_EQ(week.whatsapp_in_period, 2);
  auto fortnight = store::dashboard_summary(w.tenant, *db_, 14);
  EXPECT_EQ(fortnight.done_in_period, 2);
  EXPECT_EQ(fortnight.total_in_period, 3);
  // Another workshop counts nothing of it.
  auto other = store::dashboard_summary(a_->tenant, *db_, 14);
  EXPECT_EQ(other.total_in_period, 0);
}

TEST_F(TeamStores, ForeignKeysStopAReferenceIntoAnotherWorkshop) {
  // The stores' callers check references first; the keys, which carry tenant_id, are the
  // backstop, mapped to the field: here the check is skipped on purpose.
  const auto theirs = new_staff(*a_, "Mecânico de A");
  auto task = db_->transaction(b_->tenant, [&](db::Tx& tx) {
    return store::insert_task(b_->tenant, tx, {.title = "X", .assigned_to_id = theirs}, b_->user);
  });
  ASSERT_FALSE(task);
  EXPECT_EQ(task.error().code, "validation_error");
  ASSERT_EQ(task.error().details.size(), 1u);
  EXPECT_EQ(task.error().details[0].first, "assigned_to_id");

  auto interaction = db_->transaction(b_->tenant, [&](db::Tx& tx) {
    return store::insert_interaction(b_->tenant, tx, {.channel = "PHONE", .staff_id = theirs},
                                     b_->user);
  });
  ASSERT_FALSE(interaction);
  EXPECT_EQ(interaction.error().details[0].first, "staff_id");

  const auto mine = new_staff(*b_, "Mecânico de B");
  const auto own_task = new_task(*b_, {.title = "Minha", .assigned_to_id = mine});
  auto moved = db_->transaction(b_->tenant, [&](db::Tx& tx) {
    return store::update_task(b_->tenant, tx, own_task,
                              {.title = "Minha", .assigned_to_id = theirs});
  });
  ASSERT_FALSE(moved);
  EXPECT_EQ(moved.error().details[0].first, "assigned_to_id");
  EXPECT_EQ(store::find_task(b_->tenant, *db_, own_task)->assigned_to_id, mine);
  // And A's row is invisible to B.
  EXPECT_FALSE(store::find_staff(b_->tenant, *db_, theirs));
}

TEST_F(TeamStores, TheTableKeepsCompletedAtWithDone) {
  const auto id = new_task(*a_, {.title = "Regra"});
  EXPECT_THROW(exec(*a_, sql("update tasks set status = 'DONE' where id = $1", id)), db::Error);
  EXPECT_THROW(exec(*a_, sql("update tasks set completed_at = now() where id = $1", id)),
               db::Error);
  db_->transaction(a_->tenant,
                   [&](db::Tx& tx) {
                     return store::update_task(a_->tenant, tx, id,
                                               {.title = "Regra", .status = "DONE"});
                   })
      .value();
  auto done = store::find_task(a_->tenant, *db_, id);
  ASSERT_TRUE(done);
  ASSERT_TRUE(done->completed_at);
  db_->transaction(a_->tenant,
                   [&](db::Tx& tx) {
                     return store::update_task(a_->tenant, tx, id,
                                               {.title = "Regra", .status = "OPEN"});
                   })
      .value();
  EXPECT_FALSE(store::find_task(a_->tenant, *db_, id)->completed_at);
}

TEST_F(TeamStores, OneStaffRecordPerLogin) {
  auto first = db_->transaction(a_->tenant, [&](db::Tx& tx) {
    return store::insert_staff(a_->tenant, tx, {.name = "Um", .user_id = a_->user});
  });
  ASSERT_TRUE(first);
  auto second = db_->transaction(a_->tenant, [&](db::Tx& tx) {
    return store::insert_staff(a_->tenant, tx, {.name = "Dois", .user_id = a_->user});
  });
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().kind, FailureKind::conflict);
  EXPECT_EQ(second.error().details[0].first, "user_id");
  // Another workshop's login reads as missing.
  auto foreign = db_->transaction(b_->tenant, [&](db::Tx& tx) {
    return store::insert_staff(b_->tenant, tx, {.name = "Três", .user_id = a_->user});
  });
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().kind, FailureKind::invalid);
}

}  // namespace
}  // namespace mg::team
