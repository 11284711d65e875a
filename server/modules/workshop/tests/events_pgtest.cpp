// Events inside the transaction (ARCHITECTURE.md §2): the workshop publishes
// them from its stores, subscribers run on the same transaction, and a
// subscriber's failure rolls the publisher's change back.
#include <gtest/gtest.h>

#include "libs/db/migrations.hpp"
#include "libs/db/testing/test_database.hpp"
#include "modules/workshop/events.hpp"
#include "modules/workshop/store/customers_store.hpp"
#include "modules/workshop/store/motorcycles_store.hpp"
#include "modules/workshop/store/orders_store.hpp"

namespace mg::workshop {
namespace {

using db::testing::sql;

class WorkshopEvents : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    t_ = new db::testing::TestDatabase(db::testing::create_database("events"));
    db::migrate_up(t_->owner_url);
    db_ = new db::Database({.url = t_->app_url, .size = 1});
    auto w = db::testing::open_workshop(*db_, "Oficina Eventos", "eventos@example.com");
    tenant_ = w.tenant;
    user_ = w.owner;
  }
  static void TearDownTestSuite() {
    delete db_;
    db::testing::drop_database(*t_);
    delete t_;
  }

  // A fresh OPEN order (its customer and motorcycle too).
  store::CreatedOrder new_order(const events::Bus& bus) {
    return db_
        ->transaction(tenant_,
                      [&](db::Tx& tx) -> Result<store::CreatedOrder> {
                        auto c = store::insert_customer(tenant_, tx, {.name = "Ana"}).value();
                        auto m = store::insert_motorcycle(tenant_, tx,
                                                          {.customer_id = c, .plate_key = ""})
                                     .value();
                        return store::create_order(tenant_, tx, bus, {c, m}, user_);
                      })
        .value();
  }

  std::string status_of(OrderId id) {
    return db_->read(tenant_, sql("select status from service_orders where id = $1", id))[0].str(
        "status");
  }

  static db::testing::TestDatabase* t_;
  static db::Database* db_;
  static TenantId tenant_;
  static UserId user_;
};
db::testing::TestDatabase* WorkshopEvents::t_ = nullptr;
db::Database* WorkshopEvents::db_ = nullptr;
TenantId WorkshopEvents::tenant_;
UserId WorkshopEvents::user_;

TEST_F(WorkshopEvents, SubscribersRunInThePublishersTransaction) {
  events::Bus bus;
  std::vector<std::string> seen;
  bus.subscribe<OrderCreated>("test", [&](db::Tx& tx, const OrderCreated& e) -> Result<void> {
    // The order is visible here: same transaction, not yet committed.
    auto r = tx.exec(sql("select number from service_orders where id = $1", e.order));
    EXPECT_EQ(r.size(), 1);
    seen.push_back("created #" + std::to_string(e.number));
    return {};
  });
  bus.subscribe<OrderStatusChanged>("test", [&](db::Tx&, const OrderStatusChanged& e) {
    seen.push_back(e.from + "->" + e.to);
    return Result<void>{};
  });
  bus.subscribe<OrderCompleted>("test", [&](db::Tx&, const OrderCompleted& e) {
    EXPECT_EQ(e.customer_name, "Ana");
    seen.push_back("completed");
    return Result<void>{};
  });
  auto order = new_order(bus);
  db_->transaction(tenant_,
                   [&](db::Tx& tx) {
                     return store::change_status(tenant_, tx, bus, order.id, OrderStatus::completed,
                                                 auth::Role::owner, user_);
                   })
      .value();
  EXPECT_EQ(seen, (std::vector<std::string>{"created #" + std::to_string(order.number),
                                            "OPEN->COMPLETED", "completed"}));
  EXPECT_EQ(status_of(order.id), "COMPLETED");
}

TEST_F(WorkshopEvents, ASubscribersFailureRollsThePublishersChangeBack) {
  events::Bus quiet;
  auto order = new_order(quiet);
  events::Bus bus;
  bus.subscribe<OrderCompleted>("finance", [](db::Tx& tx, const OrderCompleted& e) -> Result<void> {
    // The subscriber writes too, then refuses: neither its write nor the move stays.
    tx.exec(sql("update service_orders set description = 'escrito pelo assinante' where id = $1",
                e.order));
    return fail::conflict("O assinante recusou.");
  });
  auto moved = db_->transaction(tenant_, [&](db::Tx& tx) {
    return store::change_status(tenant_, tx, bus, order.id, OrderStatus::completed,
                                auth::Role::owner, user_);
  });
  ASSERT_FALSE(moved);
  EXPECT_EQ(moved.error().kind, FailureKind::conflict);
  EXPECT_EQ(moved.error().message, "O assinante recusou.");
  EXPECT_EQ(status_of(order.id), "OPEN");
  auto detail = db_->run(tenant_, store::read_order(order.id));
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->history.size(), 1u) << "no COMPLETED history row";
  EXPECT_NE(detail->order.description, std::optional<std::string>("escrito pelo assinante"));
  EXPECT_EQ(bus.subscribers<OrderCompleted>(), (std::vector<std::string>{"finance"}));
}

TEST_F(WorkshopEvents, ACancellationPublishesAfterTheStockIsBack) {
  events::Bus quiet;
  auto order = new_order(quiet);
  events::Bus bus;
  int cancelled = 0;
  bus.subscribe<OrderCancelled>("test", [&](db::Tx&, const OrderCancelled& e) {
    EXPECT_EQ(e.order, order.id);
    ++cancelled;
    return Result<void>{};
  });
  db_->transaction(tenant_,
                   [&](db::Tx& tx) {
                     return store::change_status(tenant_, tx, bus, order.id, OrderStatus::cancelled,
                                                 auth::Role::manager, user_);
                   })
      .value();
  EXPECT_EQ(cancelled, 1);
  EXPECT_EQ(status_of(order.id), "CANCELLED");
}

}  // namespace
}  // namespace mg::workshop
