#pragma once
// SQL for messages: an outbound message is its own outbox row (queued in the
// transaction of its event, leased and recorded by the relay); an inbound one
// is stored once per provider message id.
#include <boost/describe/class.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "libs/db/database.hpp"
#include "modules/messaging/ids.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::messaging::store {

using workshop::CustomerId;
using workshop::OrderId;

struct MessageRow {
  MessageId id;
  std::string direction;
  std::optional<std::string> channel_kind;
  std::optional<ChannelId> channel_id;
  std::optional<CustomerId> customer_id;
  std::optional<OrderId> order_id;
  std::optional<std::string> event;
  std::string text, status;
  std::optional<std::string> error;
  std::int64_t attempts = 0;
  bool dead_letter = false;
  bool unconfirmed = false;  // sent when a relay died mid-call: the provider never confirmed it
  std::string created_at;
  std::optional<std::string> sent_at;
  std::optional<std::string> customer_name;
  std::optional<std::int64_t> order_number;
};
BOOST_DESCRIBE_STRUCT(MessageRow, (),
                      (id, direction, channel_kind, channel_id, customer_id, order_id, event, text,
                       status, error, attempts, dead_letter, unconfirmed, created_at, sent_at,
                       customer_name, order_number))

struct MessageFilter {
  std::optional<CustomerId> customer_id;
  std::optional<OrderId> order_id;
  std::optional<std::string> status;  // QUEUED, SENT, …, or DEAD (dead-lettered)
};

// Newest first.
db::Page<MessageRow> list_messages(TenantId tenant, db::Database& db, const MessageFilter& f,
                                   db::Paging page);
std::optional<MessageRow> find_message(TenantId tenant, db::Tx& tx, MessageId id);

// --- queueing

// Whether the workshop has an active channel: one probe of a partial index, so an
// event of a workshop that sends no messages costs little in its transaction.
bool has_active_channel(TenantId tenant, db::Tx& tx);

// What an event's message is made of, read in the event's transaction.
struct EventFacts {
  std::string workshop, plan;
  bool has_channel = false;
  std::optional<CustomerId> customer_id;
  std::optional<std::string> customer_name;
  bool opt_in = false;
  std::optional<std::string> body;  // the workshop's template; nullopt: the default
  bool enabled = true;
  std::optional<std::int64_t> number, total_amount;
  std::optional<std::string> model, brand, plate;
};
// The customer is `customer`, else the order's.
EventFacts event_facts(TenantId tenant, db::Tx& tx, const std::string& event,
                       std::optional<CustomerId> customer, std::optional<OrderId> order);

struct Outbound {
  // "{txid}" in the key reads as the transaction's id (an event without an id of its own).
  std::optional<std::string> event_key, event;
  std::optional<CustomerId> customer_id;
  std::optional<OrderId> order_id;
  std::string text;
  std::string template_params;  // JSON array of strings
  std::optional<UserId> created_by;
};
// nullopt when a message of the same event key exists (the event was queued before).
std::optional<MessageId> insert_outbound(TenantId tenant, db::Tx& tx, const Outbound& m);
// A dead-lettered message, or one whose delivery was interrupted and never confirmed by the
// provider (the user's call: it may arrive twice), goes back to the queue with fresh tries;
// false otherwise (or not the tenant's).
bool requeue(TenantId tenant, db::Tx& tx, MessageId id);

// --- the relay

std::vector<TenantId> due_tenants(db::Database& db, int limit);

struct Claimed {
  MessageId id;
  bool interrupted = false;  // its lease ran out while a relay was sending it
};
// Leases up to `batch` due messages (FOR UPDATE SKIP LOCKED, one claim per tenant at a
// time), no more than the day's cap leaves.
std::vector<Claimed> claim(TenantId tenant, db::Tx& tx, int batch, int daily_cap, int lease_seconds,
                           const std::string& owner);

// The tenant's day against its cap: what the cap counts today, and what waits to be sent.
struct Usage {
  std::int64_t sent_today = 0, queued = 0;
};
Usage usage(TenantId tenant, db::Database& db);

struct DeliveryRow {
  MessageId id;
  std::string text;
  std::optional<std::string> event;
  std::string template_params;
  std::int64_t attempts = 0;
  std::optional<CustomerId> customer_id;
  std::optional<std::string> phone, telegram_chat_id, whatsapp_template;
  bool opt_in = false;
  bool use_template = false;
};
BOOST_DESCRIBE_STRUCT(DeliveryRow, (),
                      (id, text, event, template_params, attempts, customer_id, phone,
                       telegram_chat_id, whatsapp_template, opt_in, use_template))
std::optional<DeliveryRow> delivery_row(TenantId tenant, db::Tx& tx, MessageId id);

// The outcome of a try, recorded only while `owner` still holds the lease.
struct Via {
  std::optional<ChannelId> channel;
  std::optional<std::string> kind;
};
bool record_sent(TenantId tenant, db::Tx& tx, MessageId id, const std::string& owner, Via via,
                 const std::string& provider_id, std::optional<std::string> note);
bool record_retry(TenantId tenant, db::Tx& tx, MessageId id, const std::string& owner, Via via,
                  std::int64_t delay_ms, const std::string& error);
bool record_dead(TenantId tenant, db::Tx& tx, MessageId id, const std::string& owner, Via via,
                 const std::string& error);

// --- inbound

std::optional<CustomerId> customer_by_phone(TenantId tenant, db::Tx& tx, const std::string& digits);
std::optional<CustomerId> customer_by_telegram_chat(TenantId tenant, db::Tx& tx,
                                                    const std::string& chat_id);
// nullopt when this provider message id of the channel was stored before.
std::optional<MessageId> insert_inbound(TenantId tenant, db::Tx& tx, ChannelId channel,
                                        const std::string& kind, const std::string& provider_id,
                                        std::optional<CustomerId> customer,
                                        const std::string& text);
// Moves a sent message's status forward (SENT → DELIVERED → READ; FAILED from any),
// found by the provider's id or, for a message whose answer was lost, by our own id
// echoed back (WhatsApp's biz_opaque_callback_data).
bool update_status(TenantId tenant, db::Tx& tx, ChannelId channel, const std::string& provider_id,
                   std::optional<MessageId> ours, const std::string& status,
                   std::optional<std::string> error);

// WhatsApp accepted a text, then reported 131047 (outside the 24 h window) in its status
// webhook: the message of an event goes back to the queue to be sent as the event's approved
// template, once. False when there is no such message, it has no event, or it fell back
// before (the caller then records the failure).
bool fall_back_to_template(TenantId tenant, db::Tx& tx, ChannelId channel,
                           const std::string& provider_id, std::optional<MessageId> ours,
                           const std::string& error);

}  // namespace mg::messaging::store
