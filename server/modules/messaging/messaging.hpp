#pragma once
// The messaging module (issue 11): the workshop's WhatsApp (Cloud API or
// Evolution) and Telegram channels, templates per event, the customers'
// consent, automatic messages from order and payment events through a
// transactional outbox and its relay, and the providers' inbound webhooks.
// Other modules reach it only through this header (and ids.hpp).
#include <memory>
#include <optional>
#include <string>

#include "libs/api/module.hpp"
#include "libs/core/failure.hpp"
#include "modules/messaging/ids.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::messaging {

struct Settings {
  std::string secret_key_hex;    // 64 hex digits: the credentials' secretbox key
  std::string public_base_url;   // webhook links: <base>/messaging/webhooks/<id>
  int daily_cap = 1000;          // messages per tenant and day
  int relay_interval_ms = 1000;  // 0: no relay in this process
  int max_attempts = 6;
  int retry_base_ms = 30000;
  int lease_seconds = 60;
  int http_timeout_ms = 10000;
  // The relay's sweep for service reminders, at most this often (0: none in this process),
  // queuing only between these hours of TIME_ZONE ([from, until)).
  int reminder_sweep_seconds = 3600;
  int reminder_from_hour = 8;
  int reminder_until_hour = 20;
};

class Messaging final : public api::Module {
 public:
  Messaging(db::Database& db, Settings settings);
  ~Messaging() override;

  std::string_view name() const override { return "messaging"; }
  std::string_view service_name() const override { return "messaging-service"; }
  std::string_view upstream_variable() const override { return "MESSAGING_SERVICE_URL"; }
  std::vector<api::Prefix> prefixes() const override { return {{"messaging", false}}; }
  void routes(api::Routes& routes) override;
  // ORDER_OPENED, WAITING_PARTS, ORDER_COMPLETED and PAYMENT_RECEIVED: the outbox row is
  // written in the event's transaction.
  void subscribe(events::Bus& bus) override;
  // The relay: delivers the outbox (a thread; every process serving the module runs one,
  // and their leases in PostgreSQL keep them from sending a message twice), and sweeps for
  // due service reminders (REMINDER_DUE).
  void start_background() override;
  void stop_background() override;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// QUOTE_SENT: queues the quote's message (with its link) for an opted-in customer, in the
// caller's transaction; once per order and quote version. For the portal's QuoteSent event.
Result<void> enqueue_quote_sent(db::Tx& tx, TenantId tenant, workshop::OrderId order, int version,
                                const std::string& link);

}  // namespace mg::messaging
