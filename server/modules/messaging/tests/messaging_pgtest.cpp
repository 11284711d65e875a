// The outbox against a real PostgreSQL: the portal's QUOTE_SENT hook queues one message per
// quote version (and nothing on a plan without messaging), two relays claiming at once
// lease disjoint messages, never more than the day's cap, and the service reminders' sweep
// queues one reminder per visit, only when it is due.
#include <gtest/gtest.h>

#include <future>
#include <set>

#include "libs/db/migrations.hpp"
#include "libs/db/testing/test_database.hpp"
#include "modules/messaging/messaging.hpp"
#include "modules/messaging/messaging_impl.hpp"
#include "modules/messaging/store/messages_store.hpp"
#include "modules/messaging/store/reminders_store.hpp"

namespace mg::messaging {
namespace {

using db::testing::sql;

struct Shop {
  TenantId tenant;
  workshop::OrderId order;
};

class Outbox : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    t_ = new db::testing::TestDatabase(db::testing::create_database("messaging"));
    db::migrate_up(t_->owner_url);
    db_ = new db::Database({.url = t_->app_url, .size = 4});
  }
  static void TearDownTestSuite() {
    delete db_;
    db::testing::drop_database(*t_);
    delete t_;
  }

  // A workshop on `plan` with an active channel, an opted-in customer and an order.
  static Shop open_shop(const std::string& plan) {
    return db_->global([&](db::Tx& tx) {
      TenantId tenant{
          tx.exec(sql("select set_config('app.current_tenant', "
                      "nextval('tenants_id_seq')::text, true)::bigint as id"))[0]
              .i64("id")};
      tx.exec(sql("insert into tenants (id, name, plan) values ($1, 'Oficina', $2)", tenant, plan));
      auto customer =
          tx.exec(sql("insert into customers (tenant_id, name, phone) "
                      "values ($1, 'Ana', '11999998888') returning id",
                      tenant))[0]
              .i64("id");
      auto moto =
          tx.exec(sql("insert into motorcycles (tenant_id, customer_id, brand, model, "
                      "plate) values ($1, $2, 'Honda', 'CG 160', 'ABC1D23') returning id",
                      tenant, customer))[0]
              .i64("id");
      tx.exec(sql("insert into order_counters (tenant_id, last_number) values ($1, 7)", tenant));
      auto order =
          tx.exec(sql("insert into service_orders (tenant_id, number, customer_id, "
                      "motorcycle_id, total_amount) values ($1, 7, $2, $3, 45000) "
                      "returning id",
                      tenant, customer, moto))[0]
              .i64("id");
      tx.exec(
          sql("insert into messaging_channels (tenant_id, kind, name, api_base_url, "
              "credentials) values ($1, 'TELEGRAM', 'Bot', 'http://x', '\\x00')",
              tenant));
      tx.exec(
          sql("insert into messaging_contacts (tenant_id, customer_id, opt_in, "
              "opt_in_source, opt_in_at) values ($1, $2, true, 'FORM', now())",
              tenant, customer));
      return Shop{tenant, workshop::OrderId{order}};
    });
  }

  // Closes the order `days` ago (the sweep reads closed_at).
  static void complete(const Shop& s, workshop::OrderId order, int days) {
    db_->transaction(s.tenant, [&](db::Tx& tx) {
      tx.exec(
          sql("update service_orders set status = 'COMPLETED', "
              "closed_at = now() - make_interval(days => $2::int) where id = $1",
              order, days));
    });
  }
  static workshop::OrderId another_order(const Shop& s, int number) {
    return db_->transaction(s.tenant, [&](db::Tx& tx) {
      return workshop::OrderId{
          tx.exec(sql("insert into service_orders (tenant_id, number, customer_id, "
                      "motorcycle_id) select tenant_id, $2, customer_id, motorcycle_id "
                      "from service_orders where id = $1 returning id",
                      s.order, number))[0]
              .i64("id")};
    });
  }
  static void run(const Shop& s, const std::string& statement) {
    db_->transaction(s.tenant, [&](db::Tx& tx) { tx.exec(sql(statement)); });
  }
  static int sweep(const Shop& s) {
    return db_->transaction(s.tenant,
                            [&](db::Tx& tx) { return queue_due_reminders(tx, s.tenant); });
  }
  static std::vector<store::MessageRow> reminders(const Shop& s) {
    std::vector<store::MessageRow> out;
    for (auto& m : messages(s))
      if (m.event == "REMINDER_DUE") out.push_back(m);
    return out;
  }

  static std::vector<store::MessageRow> messages(const Shop& s) {
    return store::list_messages(s.tenant, *db_, {}, {.limit = 100}).items;
  }

  static db::testing::TestDatabase* t_;
  static db::Database* db_;
};
db::testing::TestDatabase* Outbox::t_ = nullptr;
db::Database* Outbox::db_ = nullptr;

TEST_F(Outbox, AQuoteIsMessagedOncePerVersionWithItsLink) {
  const auto s = open_shop("PREMIUM");
  for (int i = 0; i < 2; ++i)
    db_->transaction(s.tenant,
                     [&](db::Tx& tx) {
                       return enqueue_quote_sent(tx, s.tenant, s.order, 1,
                                                 "https://o.example/portal/v1");
                     })
        .value();
  db_->transaction(s.tenant,
                   [&](db::Tx& tx) {
                     return enqueue_quote_sent(tx, s.tenant, s.order, 2,
                                               "https://o.example/portal/v2");
                   })
      .value();
  auto rows = messages(s);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].event, "QUOTE_SENT");
  EXPECT_NE(rows[0].text.find("https://o.example/portal/v2"), std::string::npos) << rows[0].text;
  EXPECT_NE(rows[1].text.find("https://o.example/portal/v1"), std::string::npos) << rows[1].text;
  EXPECT_NE(rows[1].text.find("R$ 450,00"), std::string::npos) << rows[1].text;
  EXPECT_NE(rows[1].text.find("nº 7"), std::string::npos) << rows[1].text;
  EXPECT_EQ(rows[1].status, "QUEUED");
}

TEST_F(Outbox, ABasicPlanQueuesNothing) {
  const auto s = open_shop("BASIC");
  db_->transaction(s.tenant,
                   [&](db::Tx& tx) {
                     return enqueue_quote_sent(tx, s.tenant, s.order, 1, "https://o.example/p");
                   })
      .value();
  EXPECT_TRUE(messages(s).empty());
}

TEST_F(Outbox, TwoRelaysLeaseDisjointMessagesWithinTheCap) {
  const auto s = open_shop("PREMIUM");
  for (int v = 1; v <= 10; ++v)
    db_->transaction(s.tenant,
                     [&](db::Tx& tx) {
                       return enqueue_quote_sent(tx, s.tenant, s.order, v, "https://o.example/p");
                     })
        .value();
  auto claim = [&](const std::string& owner) {
    return db_->transaction(s.tenant, [&](db::Tx& tx) {
      return store::claim(s.tenant, tx, 4, /*daily_cap=*/7, 60, owner);
    });
  };
  auto a = std::async(std::launch::async, claim, "relay-a");
  auto b = std::async(std::launch::async, claim, "relay-b");
  auto ca = a.get(), cb = b.get();
  std::set<std::int64_t> ids;
  for (const auto& c : ca) ids.insert(c.id.value);
  for (const auto& c : cb) ids.insert(c.id.value);
  EXPECT_EQ(ids.size(), ca.size() + cb.size());  // no message leased twice
  EXPECT_EQ(ids.size(), 7u);                     // 4 + 3: the cap counts what is being sent
  EXPECT_TRUE(claim("relay-c").empty());         // held by their leases (and the cap)
  // A result is recorded only by the lease's holder.
  const auto first = ca.front().id;
  EXPECT_FALSE(db_->transaction(s.tenant, [&](db::Tx& tx) {
    return store::record_sent(s.tenant, tx, first, "relay-b", {}, "x", std::nullopt);
  }));
  EXPECT_TRUE(db_->transaction(s.tenant, [&](db::Tx& tx) {
    return store::record_sent(s.tenant, tx, first, "relay-a", {}, "wamid.1", std::nullopt);
  }));
}

TEST_F(Outbox, ADueReminderIsQueuedOncePerVisit) {
  const auto s = open_shop("PREMIUM");
  complete(s, s.order, 200);
  EXPECT_EQ(sweep(s), 1);
  EXPECT_EQ(sweep(s), 0);  // queued: the next sweep finds nothing due
  auto rows = reminders(s);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].order_id, s.order);
  EXPECT_EQ(rows[0].text,
            "Olá, Ana! Está na hora da revisão da sua moto Honda CG 160 (ABC1D23). "
            "Agende com a Oficina.");
  // A new visit, itself due by now, re-arms it.
  const auto next = another_order(s, 8);
  complete(s, next, 185);
  EXPECT_EQ(sweep(s), 1);
  rows = reminders(s);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].order_id, next);
}

TEST_F(Outbox, TwoSweepsAtOnceQueueOneReminder) {
  const auto s = open_shop("PREMIUM");
  complete(s, s.order, 200);
  auto a = std::async(std::launch::async, [&] { return sweep(s); });
  auto b = std::async(std::launch::async, [&] { return sweep(s); });
  a.get();
  b.get();
  EXPECT_EQ(reminders(s).size(), 1u);
}

TEST_F(Outbox, NothingIsDueBeforeTheIntervalOrWithAnOpenOrder) {
  const auto recent = open_shop("PREMIUM");
  complete(recent, recent.order, 100);
  EXPECT_EQ(sweep(recent), 0);
  // Too late: more than kReminderLateDays past its due date.
  const auto stale = open_shop("PREMIUM");
  complete(stale, stale.order, 180 + 31);
  EXPECT_EQ(sweep(stale), 0);
  const auto open = open_shop("PREMIUM");
  complete(open, open.order, 200);
  another_order(open, 8);  // the motorcycle is in the shop again
  EXPECT_EQ(sweep(open), 0);
  const auto inactive = open_shop("PREMIUM");
  complete(inactive, inactive.order, 200);
  run(inactive, "update motorcycles set is_active = false");
  EXPECT_EQ(sweep(inactive), 0);
  const auto basic = open_shop("BASIC");
  complete(basic, basic.order, 200);
  EXPECT_EQ(sweep(basic), 0);
  const auto off = open_shop("PREMIUM");
  complete(off, off.order, 200);
  run(off,
      "insert into messaging_templates (tenant_id, event, body, enabled) "
      "values (current_tenant(), 'REMINDER_DUE', 'x', false)");
  EXPECT_EQ(sweep(off), 0);
  for (const auto* s : {&recent, &stale, &open, &inactive, &basic, &off})
    EXPECT_TRUE(reminders(*s).empty());
  // Reminded by hand on that order: the sweep does not repeat it.
  const auto by_hand = open_shop("PREMIUM");
  complete(by_hand, by_hand.order, 200);
  run(by_hand,
      "insert into messaging_messages (tenant_id, direction, customer_id, order_id, event, "
      "text, status) select tenant_id, 'OUT', customer_id, id, 'REMINDER_DUE', 'Revisão?', "
      "'SENT' from service_orders");
  EXPECT_EQ(sweep(by_hand), 0);
}

TEST_F(Outbox, TheWorkshopsIntervalDecides) {
  const auto s = open_shop("PREMIUM");
  complete(s, s.order, 45);
  EXPECT_EQ(sweep(s), 0);
  run(s,
      "insert into messaging_templates (tenant_id, event, body, reminder_after_days) "
      "values (current_tenant(), 'REMINDER_DUE', "
      "'Revisão da {moto} ({placa}), {cliente}! Última visita: OS nº {os}.', 30)");
  EXPECT_EQ(sweep(s), 1);
  EXPECT_EQ(reminders(s).at(0).text,
            "Revisão da Honda CG 160 (ABC1D23), Ana! Última visita: OS nº 7.");
}

TEST_F(Outbox, TheSweepListsWorkshopsWithAChannelInItsHoursOnly) {
  const auto s = open_shop("PREMIUM");
  const int hour = db_->global([](db::Tx& tx) {
    return tx.exec(sql("select extract(hour from localtimestamp)::int as h"))[0].i64("h");
  });
  auto listed = [&](int from, int until) {
    auto all = store::reminder_tenants(*db_, TenantId{s.tenant.value - 1}, 1, from, until);
    return !all.empty() && all[0] == s.tenant;
  };
  EXPECT_TRUE(listed(hour, hour + 1));
  EXPECT_FALSE(hour > 0 ? listed(0, hour) : listed(1, 24));
  run(s, "update messaging_channels set is_active = false");
  EXPECT_FALSE(listed(0, 24));
}

// A relay that finds another's lease run out while sending records the message sent but
// unconfirmed, as the relay does; only the user's retry sends it again.
TEST_F(Outbox, AnInterruptedDeliveryStaysUnconfirmedUntilTheUserSendsItAgain) {
  const auto s = open_shop("PREMIUM");
  db_->transaction(s.tenant,
                   [&](db::Tx& tx) {
                     return enqueue_quote_sent(tx, s.tenant, s.order, 1, "https://o.example/p");
                   })
      .value();
  auto claim = [&](const std::string& owner, int lease_seconds) {
    return db_->transaction(s.tenant, [&](db::Tx& tx) {
      return store::claim(s.tenant, tx, 5, 100, lease_seconds, owner);
    });
  };
  ASSERT_EQ(claim("relay-a", 0).size(), 1u);  // relay-a dies: its lease runs out at once
  const auto taken = claim("relay-b", 60);
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_TRUE(taken[0].interrupted);
  const auto id = taken[0].id;
  auto requeue = [&] {
    return db_->transaction(s.tenant, [&](db::Tx& tx) { return store::requeue(s.tenant, tx, id); });
  };
  EXPECT_FALSE(requeue());  // being sent: not the user's to retry
  ASSERT_TRUE(db_->transaction(s.tenant, [&](db::Tx& tx) {
    return store::record_sent(s.tenant, tx, id, "relay-b", {}, "", "Envio interrompido");
  }));
  auto row = messages(s).front();
  EXPECT_EQ(row.status, "SENT");
  EXPECT_TRUE(row.unconfirmed);
  EXPECT_FALSE(row.dead_letter);
  EXPECT_TRUE(requeue());
  row = messages(s).front();
  EXPECT_EQ(row.status, "QUEUED");
  EXPECT_FALSE(row.unconfirmed);
  EXPECT_FALSE(requeue());  // queued already
  // Sent again, with the provider's id: confirmed, and no longer retried.
  const auto again = claim("relay-c", 60);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_FALSE(again[0].interrupted);
  ASSERT_TRUE(db_->transaction(s.tenant, [&](db::Tx& tx) {
    return store::record_sent(s.tenant, tx, id, "relay-c", {}, "wamid.2", std::nullopt);
  }));
  EXPECT_FALSE(messages(s).front().unconfirmed);
  EXPECT_FALSE(requeue());
}

}  // namespace
}  // namespace mg::messaging
