// Sending a quote on a real PostgreSQL: QuoteSent is published in the sending transaction
// (what messaging will send), a subscriber's refusal leaves no version behind, and only the
// token's hash is stored.
#include <gtest/gtest.h>

#include "libs/db/migrations.hpp"
#include "libs/db/testing/test_database.hpp"
#include "modules/portal/events.hpp"
#include "modules/portal/store/quotes_store.hpp"

namespace mg::portal {
namespace {

using db::testing::sql;

class PortalQuotes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    t_ = new db::testing::TestDatabase(db::testing::create_database("portal"));
    db::migrate_up(t_->owner_url);
    db_ = new db::Database({.url = t_->app_url, .size = 1});
    auto w = db::testing::open_workshop(*db_, "Oficina Portal", "portal@example.com", "PREMIUM");
    tenant_ = w.tenant;
    user_ = w.owner;
  }
  static void TearDownTestSuite() {
    delete db_;
    db::testing::drop_database(*t_);
    delete t_;
  }

  // An open order with one labor line (written as the workshop would, by SQL here: the portal
  // reaches the workshop only through its public header).
  workshop::OrderId new_order() {
    return db_->transaction(tenant_, [&](db::Tx& tx) {
      auto c =
          tx.exec(sql("insert into customers (tenant_id, name) values ($1, 'Ana') "
                      "returning id",
                      tenant_))[0]
              .i64("id");
      auto m =
          tx.exec(sql("insert into motorcycles (tenant_id, customer_id, model, plate) "
                      "values ($1, $2, 'CG 160', 'ABC1D23') returning id",
                      tenant_, c))[0]
              .i64("id");
      auto o =
          tx.exec(sql("insert into service_orders (tenant_id, number, customer_id, "
                      "motorcycle_id, total_labor, total_amount) values ($1, "
                      "(select coalesce(max(number), 0) + 1 from service_orders), $2, $3, "
                      "8000, 8000) returning id",
                      tenant_, c, m))[0]
              .i64("id");
      tx.exec(
          sql("insert into service_order_items (tenant_id, order_id, item_type, description, "
              "quantity, unit_price, total) values ($1, $2, 'labor', 'Revisão', 1, 8000, 8000)",
              tenant_, o));
      return workshop::OrderId{o};
    });
  }

  store::NewQuote quote_of(workshop::OrderId order) {
    return {order, 10, std::nullopt, user_, "https://oficina.example.com"};
  }

  static db::testing::TestDatabase* t_;
  static db::Database* db_;
  static TenantId tenant_;
  static UserId user_;
};
db::testing::TestDatabase* PortalQuotes::t_ = nullptr;
db::Database* PortalQuotes::db_ = nullptr;
TenantId PortalQuotes::tenant_;
UserId PortalQuotes::user_;

TEST_F(PortalQuotes, QuoteSentIsPublishedInTheSendingTransaction) {
  const auto order = new_order();
  events::Bus bus;
  std::vector<QuoteSent> seen;
  bus.subscribe<QuoteSent>("test", [&](db::Tx& tx, const QuoteSent& e) -> Result<void> {
    // The version is visible here: same transaction, not yet committed.
    auto r = tx.exec(sql("select version from quotes where order_id = $1", e.order_id));
    EXPECT_EQ(r.size(), 1);
    seen.push_back(e);
    return {};
  });
  auto sent = db_->transaction(tenant_,
                               [&](db::Tx& tx) {
                                 return store::send_quote(tenant_, tx, bus, quote_of(order));
                               })
                  .value();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].tenant, tenant_);
  EXPECT_EQ(seen[0].order_id, order);
  EXPECT_EQ(seen[0].version, 1);
  EXPECT_EQ(seen[0].url, "https://oficina.example.com/portal/" + sent.token);
  EXPECT_EQ(seen[0].expires_at, sent.expires_at);
  // Only the token's hash is stored, with the snapshot's.
  auto rows = db_->read(tenant_, sql("select token_hash, snapshot, snapshot_sha256 from quotes "
                                     "where order_id = $1",
                                     order));
  const auto& row = rows[0];
  EXPECT_EQ(row.str("token_hash"), token_hash(sent.token));
  EXPECT_EQ(row.str("snapshot").find(sent.token), std::string::npos);
  EXPECT_EQ(row.str("snapshot_sha256"), sha256_hex(row.str("snapshot")));
}

TEST_F(PortalQuotes, ASubscribersRefusalLeavesNoVersion) {
  const auto order = new_order();
  events::Bus bus;
  bus.subscribe<QuoteSent>("refuses", [](db::Tx&, const QuoteSent&) -> Result<void> {
    return fail::conflict("Recusado pelo assinante.");
  });
  auto sent = db_->transaction(
      tenant_, [&](db::Tx& tx) { return store::send_quote(tenant_, tx, bus, quote_of(order)); });
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().message, "Recusado pelo assinante.");
  EXPECT_EQ(
      db_->read(tenant_, sql("select count(*) as n from quotes where order_id = $1", order))[0].i64(
          "n"),
      0);
}

TEST_F(PortalQuotes, TheTokenFindsItsQuoteBeforeATenantIsKnown) {
  const auto order = new_order();
  events::Bus bus;
  auto sent = db_->transaction(tenant_,
                               [&](db::Tx& tx) {
                                 return store::send_quote(tenant_, tx, bus, quote_of(order));
                               })
                  .value();
  auto found = store::find_by_token(*db_, sent.token);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->tenant, tenant_);
  EXPECT_FALSE(store::find_by_token(*db_, new_token()));
  EXPECT_FALSE(store::find_by_token(*db_, "not-a-token"));
}

}  // namespace
}  // namespace mg::portal
