// Finance against a real PostgreSQL: an order's receivable is made in the
// publisher's transaction (and goes with it), exactly once; the database keeps
// the money invariants whatever the caller does. The orders are written here
// as rows and their events published as the workshop's store does (its own
// pgtest covers that side), so this module reaches the workshop only through
// its public headers.
#include <gtest/gtest.h>

#include "libs/db/errors.hpp"
#include "libs/db/migrations.hpp"
#include "libs/db/testing/test_database.hpp"
#include "modules/finance/finance.hpp"
#include "modules/finance/store/accounts_store.hpp"
#include "modules/workshop/workshop.hpp"

namespace mg::finance {
namespace {

using db::testing::sql;

class FinancePg : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    t_ = new db::testing::TestDatabase(db::testing::create_database("finance"));
    db::migrate_up(t_->owner_url);
    db_ = new db::Database({.url = t_->app_url, .size = 2});
    auto w = db::testing::open_workshop(*db_, "Oficina Financeira", "financeiro@example.com");
    tenant_ = w.tenant;
    user_ = w.owner;
    bus_ = new events::Bus;
    finance_ = new Finance(*db_, *bus_);
    finance_->subscribe(*bus_);
  }
  static void TearDownTestSuite() {
    delete finance_;
    delete bus_;
    delete db_;
    db::testing::drop_database(*t_);
    delete t_;
  }

  // An order row of `cents` (its customer and motorcycle too).
  workshop::OrderId new_order(money::Cents cents) {
    return db_->transaction(tenant_, [&](db::Tx& tx) {
      auto c =
          tx.exec(sql("insert into customers (tenant_id, name) values ($1, 'Ana') "
                      "returning id",
                      tenant_))[0]
              .i64("id");
      auto m =
          tx.exec(sql("insert into motorcycles (tenant_id, customer_id) values ($1, $2) "
                      "returning id",
                      tenant_, c))[0]
              .i64("id");
      auto n =
          tx.exec(sql("insert into order_counters (tenant_id, last_number) values ($1, 1) "
                      "on conflict (tenant_id) do update set last_number = "
                      "order_counters.last_number + 1 returning last_number",
                      tenant_))[0]
              .i64("last_number");
      return workshop::OrderId{
          tx.exec(sql("insert into service_orders (tenant_id, number, customer_id, motorcycle_id, "
                      "total_labor, total_amount) values ($1, $2, $3, $4, $5, $5) returning id",
                      tenant_, n, c, m, cents))[0]
              .i64("id")};
    });
  }

  // The status move and its event in one transaction, as the workshop's store does.
  Result<void> move(workshop::OrderId id, std::string_view to) {
    return db_->transaction(tenant_, [&](db::Tx& tx) -> Result<void> {
      auto o =
          tx.exec(sql("update service_orders set status = $2 where id = $1 "
                      "returning number, customer_id, total_amount",
                      id, to));
      const auto number = o[0].i64("number");
      if (to == "COMPLETED")
        return bus_->publish(
            tx, workshop::OrderCompleted{tenant_, id, number,
                                         workshop::CustomerId{o[0].i64("customer_id")}, "Ana",
                                         o[0].i64("total_amount"), user_});
      if (to == "CANCELLED")
        return bus_->publish(tx, workshop::OrderCancelled{tenant_, id, number, user_});
      return {};
    });
  }

  std::string status_of(workshop::OrderId id) {
    return db_->read(tenant_, sql("select status from service_orders where id = $1", id))[0].str(
        "status");
  }

  std::vector<store::ReceivableRow> receivables_of(workshop::OrderId id) {
    store::AccountFilter f;
    f.source_type = "OS";
    f.source_id = id;
    return store::list_receivables(tenant_, *db_, f, {}).items;
  }

  static db::testing::TestDatabase* t_;
  static db::Database* db_;
  static events::Bus* bus_;
  static Finance* finance_;
  static TenantId tenant_;
  static UserId user_;
};
db::testing::TestDatabase* FinancePg::t_ = nullptr;
db::Database* FinancePg::db_ = nullptr;
events::Bus* FinancePg::bus_ = nullptr;
Finance* FinancePg::finance_ = nullptr;
TenantId FinancePg::tenant_;
UserId FinancePg::user_;

TEST_F(FinancePg, TheReceivableIsMadeInTheCompletionsTransaction) {
  const auto order = new_order(12345);
  // Completed, then the transaction fails for another reason: neither stays.
  EXPECT_THROW(db_->transaction(
                   tenant_,
                   [&](db::Tx& tx) {
                     auto o =
                         tx.exec(sql("update service_orders set status = "
                                     "'COMPLETED' where id = $1 returning "
                                     "number, customer_id",
                                     order));
                     bus_->publish(
                             tx,
                             workshop::OrderCompleted{tenant_, order, o[0].i64("number"),
                                                      workshop::CustomerId{o[0].i64("customer_id")},
                                                      "Ana", 12345, user_})
                         .value();
                     auto inside =
                         tx.exec(sql("select amount from receivables where source_id = $1", order));
                     EXPECT_EQ(inside.size(), 1);
                     EXPECT_EQ(inside[0].i64("amount"), 12345);
                     throw std::runtime_error("later failure");
                   }),
               std::runtime_error);
  EXPECT_TRUE(receivables_of(order).empty());
  EXPECT_EQ(status_of(order), "OPEN");
  ASSERT_TRUE(move(order, "COMPLETED"));
  auto rows = receivables_of(order);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].amount.cents, 12345);
  EXPECT_EQ(bus_->subscribers<workshop::OrderCompleted>(),
            (std::vector<std::string>{"finance.receivable"}));
  EXPECT_EQ(bus_->subscribers<workshop::OrderCancelled>(),
            (std::vector<std::string>{"finance.receivable"}));
}

TEST_F(FinancePg, ARefusedCompletionLeavesTheOrderAndTheReceivableAsTheyWere) {
  const auto order = new_order(10000);
  ASSERT_TRUE(move(order, "COMPLETED"));
  const auto id = receivables_of(order).at(0).id;
  store::NewPayment p;
  p.amount = 9000;
  p.method = Method::pix;
  db_->transaction(tenant_,
                   [&](db::Tx& tx) {
                     return store::pay(tenant_, tx, *bus_, store::Ledger::receivables, id.value, p,
                                       user_);
                   })
      .value();
  ASSERT_TRUE(move(order, "IN_PROGRESS"));
  db_->transaction(tenant_, [&](db::Tx& tx) {
    tx.exec(
        sql("update service_orders set discount = 2000, total_amount = 8000 where id = $1", order));
  });
  auto refused = move(order, "COMPLETED");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, FailureKind::conflict);
  EXPECT_EQ(status_of(order), "IN_PROGRESS");
  auto rows = receivables_of(order);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].amount.cents, 10000);
  EXPECT_EQ(rows[0].received_amount.cents, 9000);
  // Nor may the order be cancelled while it has payments.
  auto cancelled = move(order, "CANCELLED");
  ASSERT_FALSE(cancelled);
  EXPECT_EQ(cancelled.error().kind, FailureKind::conflict);
  EXPECT_EQ(status_of(order), "IN_PROGRESS");
  EXPECT_EQ(receivables_of(order).at(0).status, "PARTIAL");
}

TEST_F(FinancePg, TheUniqueIndexIsTheBackstopOfOneReceivablePerOrder) {
  const auto order = new_order(5000);
  ASSERT_TRUE(move(order, "COMPLETED"));
  store::NewReceivable r;
  r.source_type = "OS";
  r.source_id = order;
  r.customer_name = "Ana";
  r.amounts = {5000};
  r.due_dates = {std::nullopt};
  auto second = db_->transaction(
      tenant_, [&](db::Tx& tx) { return store::insert_receivables(tenant_, tx, r, user_); });
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().kind, FailureKind::conflict);
  EXPECT_EQ(second.error().details.front().first, "service_order_id");
  EXPECT_EQ(receivables_of(order).size(), 1u);
}

TEST_F(FinancePg, TheDatabaseRefusesAnOverpaidAccount) {
  store::NewReceivable r;
  r.customer_name = "Bruno";
  r.amounts = {1000};
  r.due_dates = {std::nullopt};
  const auto id =
      db_->transaction(tenant_,
                       [&](db::Tx& tx) { return store::insert_receivables(tenant_, tx, r, user_); })
          .value()
          .front();
  try {
    db_->transaction(tenant_, [&](db::Tx& tx) {
      tx.exec(sql("update receivables set paid_amount = 1001 where id = $1", id));
    });
    FAIL() << "paid_amount above amount was accepted";
  } catch (const db::Error& e) {
    EXPECT_TRUE(e.check_violation()) << e.what();
  }
  auto status =
      db_->read(tenant_, sql("select status, paid_amount from receivables where id = $1", id));
  EXPECT_EQ(status[0].str("status"), "PENDING");
  EXPECT_EQ(status[0].i64("paid_amount"), 0);
}

TEST_F(FinancePg, OneOpenRegisterPerTenantIsTheDatabasesRule) {
  db_->transaction(tenant_, [&](db::Tx& tx) {
    tx.exec(
        sql("update cash_registers set status = 'CLOSED', closed_at = now(), "
            "counted_amount = 0 where status = 'OPEN'"));
    tx.exec(sql("insert into cash_registers (tenant_id, opening_balance) values ($1, 0)", tenant_));
  });
  try {
    db_->transaction(tenant_, [&](db::Tx& tx) {
      tx.exec(
          sql("insert into cash_registers (tenant_id, opening_balance) values ($1, 0)", tenant_));
    });
    FAIL() << "a second open register was accepted";
  } catch (const db::Error& e) {
    EXPECT_TRUE(e.unique_violation()) << e.what();
    EXPECT_EQ(e.constraint(), "cash_registers_one_open");
  }
}

}  // namespace
}  // namespace mg::finance
