#pragma once
// What the messaging module's handlers, event subscribers and relay share.
// Private to the module.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "libs/api/context.hpp"
#include "libs/api/routes.hpp"
#include "modules/messaging/messaging.hpp"
#include "modules/messaging/providers/providers.hpp"
#include "modules/messaging/store/channels_store.hpp"
#include "modules/messaging/store/messages_store.hpp"

namespace mg::messaging {

// Queues the event's message for its customer when the tenant's plan has messaging, a
// channel is active, the customer opted in and the event's template is on; nothing
// otherwise. Once per `event_key`.
struct EventMessage {
  std::string event, event_key;
  std::optional<workshop::CustomerId> customer;
  std::optional<workshop::OrderId> order;
  std::string link;                    // {link}
  std::optional<std::int64_t> amount;  // {valor}, cents
};
Result<void> enqueue_event(db::Tx& tx, TenantId tenant, const EventMessage& m);

// POST /messaging/messages: a text, or an event's template rendered for the customer (and
// order); invalid when the customer gave no consent or no channel is active.
struct ManualMessage {
  workshop::CustomerId customer;
  std::optional<workshop::OrderId> order;
  std::optional<std::string> text, template_event, link;
  UserId by;
};
Result<MessageId> enqueue_manual(db::Tx& tx, TenantId tenant, const ManualMessage& m);

// The tenant's due service reminders (REMINDER_DUE) into the outbox, in its transaction:
// nothing on a plan without messaging, with the reminder off, or while another relay sweeps
// the tenant. How many were due (the outbox keeps one per visit).
int queue_due_reminders(db::Tx& tx, TenantId tenant);

struct Messaging::Impl {
  Impl(db::Database& db, Settings settings);

  db::Database& db;
  Settings settings;
  std::optional<std::string> key;  // 32 bytes; nullopt: MESSAGING_SECRET_KEY missing

  // The credentials sealed and opened with the key (503 without one).
  std::string seal(const json::object& credentials) const;
  json::object open(const std::string& sealed) const;
  providers::Channel provider_channel(const store::SealedChannel& c) const;
  // <public base>/messaging/webhooks/<id>[/<secret>] (Evolution's carries its secret).
  std::string webhook_url(ChannelId id, const std::string& kind,
                          const json::object& credentials) const;

  // The relay (relay.cpp).
  void run_relay();
  void relay_once();
  void deliver(TenantId tenant, const store::Claimed& claimed);
  // The reminders' sweep (reminders.cpp): every tenant with a channel, in its hours.
  void sweep_reminders();
  std::string owner;  // this relay's lease name: host, pid, random
  std::thread relay;
  std::mutex mutex;
  std::condition_variable wake;
  bool stopping = false;
};

// Route registration, one function per resource file.
void register_channel_routes(Messaging::Impl& impl, api::Routes& routes);
void register_template_routes(Messaging::Impl& impl, api::Routes& routes);
void register_customer_routes(Messaging::Impl& impl, api::Routes& routes);
void register_message_routes(Messaging::Impl& impl, api::Routes& routes);
void register_webhook_routes(Messaging::Impl& impl, api::Routes& routes);

}  // namespace mg::messaging
