#include "modules/messaging/store/messages_store.hpp"

#include "libs/db/filter.hpp"

namespace mg::messaging::store {
namespace {

// Recorded sent by a relay that found another's delivery interrupted: no provider id, so the
// provider may or may not have it.
const std::string kUnconfirmed =
    "(m.direction = 'OUT' and m.outbox_state = 'DONE' and m.status = 'SENT' "
    "and coalesce(m.provider_message_id, '') = '')";
const std::string kColumns =
    "m.id, m.direction, m.channel_kind, m.channel_id, m.customer_id, m.order_id, m.event, "
    "m.text, m.status, m.error, m.attempts, (m.outbox_state = 'DEAD') as dead_letter, " +
    kUnconfirmed +
    " as unconfirmed, "
    "iso_utc(m.created_at) as created_at, iso_utc(m.sent_at) as sent_at, "
    "c.name as customer_name, o.number as order_number ";
// Whom and which OS, for the outbox; both by primary key, in the tenant like the message.
const std::string kFrom =
    "from messaging_messages m left join customers c on c.id = m.customer_id "
    "left join service_orders o on o.id = m.order_id ";
const std::string kList =
    "select " + kColumns + kFrom + "{where} order by m.id desc limit {1} offset {2}";
const std::string kCount = "select count(*) as n from messaging_messages m {where}";
const db::Statement kFind("messaging_messages.find",
                          "select " + kColumns + kFrom + "where m.id = $1");

const db::Statement kFacts(
    "messaging_messages.event_facts",
    "select t.name as workshop, t.plan, "
    "exists (select 1 from messaging_channels ch where ch.is_active) as has_channel, "
    "c.id as customer_id, c.name as customer_name, coalesce(mc.opt_in, false) as opt_in, "
    "tp.body, coalesce(tp.enabled, true) as enabled, o.number, o.total_amount, "
    "mo.model, mo.brand, mo.plate "
    "from tenants t "
    "left join service_orders o on o.tenant_id = t.id and o.id = $3 "
    "left join motorcycles mo on mo.tenant_id = t.id and mo.id = o.motorcycle_id "
    "left join customers c on c.tenant_id = t.id and c.id = coalesce($2, o.customer_id) "
    "left join messaging_contacts mc on mc.tenant_id = t.id and mc.customer_id = c.id "
    "left join messaging_templates tp on tp.tenant_id = t.id and tp.event = $1 "
    "where t.id = current_tenant()");

const db::Statement kHasChannel("messaging_channels.any_active",
                                "select exists (select 1 from messaging_channels "
                                "where is_active) as any");

const db::Statement kInsertOutbound(
    "messaging_messages.insert_outbound",
    "insert into messaging_messages (tenant_id, direction, customer_id, order_id, event_key, "
    "event, text, template_params, status, outbox_state, next_attempt_at, created_by) "
    "values ($1, 'OUT', $2, $3, replace($4, '{txid}', txid_current()::text), $5, $6, $7::jsonb, "
    "'QUEUED', 'PENDING', now(), $8) "
    "on conflict (tenant_id, event_key) where event_key is not null do nothing returning id");
const db::Statement kRequeue(
    "messaging_messages.requeue",
    "update messaging_messages m set outbox_state = 'PENDING', status = 'QUEUED', attempts = 0, "
    "next_attempt_at = now(), error = null, updated_at = now() "
    "where m.id = $1 and (m.outbox_state = 'DEAD' or " +
        kUnconfirmed + ")");

const db::Statement kDueTenants("messaging_messages.due_tenants",
                                "select tenant_id from messaging_due_tenants($1)");
// One claim per tenant at a time (the advisory lock), so the day's count holds across
// relays; SKIP LOCKED leaves rows another relay is recording.
const db::Statement kClaimLock("messaging_messages.claim_lock",
                               "select pg_advisory_xact_lock(hashtext('messaging.claim'), "
                               "current_tenant()::int)");
// What the day's cap counts: sent since midnight (the transaction's TimeZone, TIME_ZONE) or
// being sent now.
const std::string kCountedToday =
    "direction = 'OUT' and (sent_at >= date_trunc('day', now()) or outbox_state = 'SENDING')";
const db::Statement kUsage(
    "messaging_messages.usage",
    "select (select count(*) from messaging_messages where " + kCountedToday +
        ") as sent_today, (select count(*) from messaging_messages where direction = 'OUT' "
        "and outbox_state = 'PENDING') as queued");
const db::Statement kClaim(
    "messaging_messages.claim",
    "with used as (select count(*) as n from messaging_messages where " + kCountedToday +
        "), "
        "due as (select id, outbox_state as was from messaging_messages "
        "where direction = 'OUT' and ((outbox_state = 'PENDING' and next_attempt_at <= now()) "
        "or (outbox_state = 'SENDING' and lease_until <= now())) "
        "order by next_attempt_at, id "
        "limit greatest(0, least($1::bigint, $2::bigint - (select n from used))) "
        "for update skip locked) "
        "update messaging_messages m set outbox_state = 'SENDING', "
        "lease_until = now() + make_interval(secs => $3::int), lease_owner = $4, "
        "attempts = m.attempts + case when due.was = 'PENDING' then 1 else 0 end, "
        "updated_at = now() from due where m.tenant_id = current_tenant() and m.id = due.id "
        "returning m.id, due.was");
const db::Statement kDelivery(
    "messaging_messages.delivery",
    "select m.id, m.text, m.event, coalesce(m.template_params::text, '[]') as template_params, "
    "m.attempts, m.customer_id, regexp_replace(c.phone, '\\D', '', 'g') as phone, "
    "mc.telegram_chat_id, tp.whatsapp_template, coalesce(mc.opt_in, false) as opt_in, "
    "m.use_template "
    "from messaging_messages m "
    "left join customers c on c.tenant_id = m.tenant_id and c.id = m.customer_id "
    "left join messaging_contacts mc on mc.tenant_id = m.tenant_id "
    "and mc.customer_id = m.customer_id "
    "left join messaging_templates tp on tp.tenant_id = m.tenant_id and tp.event = m.event "
    "where m.id = $1");
const std::string kLeased = " where id = $1 and lease_owner = $2 and outbox_state = 'SENDING'";
const db::Statement kSent("messaging_messages.sent",
                          "update messaging_messages set outbox_state = 'DONE', status = 'SENT', "
                          "channel_id = $3, channel_kind = $4, provider_message_id = $5, "
                          "error = $6, sent_at = now(), lease_until = null, updated_at = now()" +
                              kLeased);
const db::Statement kRetry(
    "messaging_messages.retry",
    "update messaging_messages set outbox_state = 'PENDING', "
    "channel_id = coalesce($3, channel_id), channel_kind = coalesce($4, channel_kind), "
    "next_attempt_at = now() + make_interval(secs => $5::double precision / 1000), "
    "error = $6, lease_until = null, lease_owner = null, updated_at = now()" +
        kLeased);
const db::Statement kDead("messaging_messages.dead",
                          "update messaging_messages set outbox_state = 'DEAD', status = 'FAILED', "
                          "channel_id = coalesce($3, channel_id), "
                          "channel_kind = coalesce($4, channel_kind), error = $5, "
                          "lease_until = null, updated_at = now()" +
                              kLeased);

const db::Statement kByPhone(
    "messaging_messages.customer_by_phone",
    "select id from customers where is_active and phone is not null "
    "and (regexp_replace(phone, '\\D', '', 'g') = $1 "
    "or '55' || regexp_replace(phone, '\\D', '', 'g') = $1) order by id limit 1");
const db::Statement kByChat("messaging_messages.customer_by_chat",
                            "select customer_id as id from messaging_contacts "
                            "where telegram_chat_id = $1 order by customer_id limit 1");
const db::Statement kInsertInbound(
    "messaging_messages.insert_inbound",
    "insert into messaging_messages (tenant_id, direction, channel_id, channel_kind, "
    "provider_message_id, customer_id, text, status) "
    "values ($1, 'IN', $2, $3, $4, $5, $6, 'DELIVERED') "
    "on conflict (tenant_id, channel_id, provider_message_id) where direction = 'IN' "
    "do nothing returning id");
// Statuses only move forward; FAILED may follow any of them.
const db::Statement kStatus(
    "messaging_messages.status",
    "update messaging_messages set status = $4, error = coalesce($5, error), "
    "provider_message_id = coalesce(provider_message_id, $2), updated_at = now() "
    "where direction = 'OUT' and (channel_id = $1 or channel_id is null) "
    "and (provider_message_id = $2 or (provider_message_id is null and id = $3)) "
    "and ($4 = 'FAILED' or array_position(array['QUEUED','SENT','DELIVERED','READ'], status) < "
    "array_position(array['QUEUED','SENT','DELIVERED','READ'], $4::text))");

const db::Statement kFallBack(
    "messaging_messages.fall_back_to_template",
    "update messaging_messages set use_template = true, outbox_state = 'PENDING', "
    "status = 'QUEUED', next_attempt_at = now(), provider_message_id = null, error = $4, "
    "sent_at = null, updated_at = now() "
    "where direction = 'OUT' and event is not null and not use_template "
    "and outbox_state = 'DONE' and (channel_id = $1 or channel_id is null) "
    "and (provider_message_id = $2 or (provider_message_id is null and id = $3))");

}  // namespace

db::Page<MessageRow> list_messages(TenantId tenant, db::Database& db, const MessageFilter& f,
                                   db::Paging page) {
  db::Filter filter;
  filter.where("customer", "m.customer_id = ?", f.customer_id);
  filter.where("order", "m.order_id = ?", f.order_id);
  if (f.status == "DEAD")
    filter.where_if(true, "dead", "m.outbox_state = 'DEAD'");
  else
    filter.where("status", "m.status = ?", f.status);
  auto r = db.read(tenant, {filter.query("messaging_messages.list", kList,
                                         {db::val(page.limit), db::val(page.offset)}),
                            filter.query("messaging_messages.count", kCount)});
  return {r[0].as<MessageRow>(), r[1][0].i64("n")};
}

std::optional<MessageRow> find_message(TenantId, db::Tx& tx, MessageId id) {
  return tx.exec(kFind, id).first<MessageRow>();
}

bool has_active_channel(TenantId, db::Tx& tx) {
  return tx.exec(kHasChannel)[0].boolean("any");
}

EventFacts event_facts(TenantId, db::Tx& tx, const std::string& event,
                       std::optional<CustomerId> customer, std::optional<OrderId> order) {
  auto r = tx.exec(kFacts, event, customer, order);
  EventFacts f;
  if (r.empty()) return f;
  const auto row = r[0];
  f.workshop = row.str("workshop");
  f.plan = row.str("plan");
  f.has_channel = row.boolean("has_channel");
  if (auto id = row.opt_i64("customer_id")) f.customer_id = CustomerId{*id};
  f.customer_name = row.opt_str("customer_name");
  f.opt_in = row.boolean("opt_in");
  f.body = row.opt_str("body");
  f.enabled = row.boolean("enabled");
  f.number = row.opt_i64("number");
  f.total_amount = row.opt_i64("total_amount");
  f.model = row.opt_str("model");
  f.brand = row.opt_str("brand");
  f.plate = row.opt_str("plate");
  return f;
}

std::optional<MessageId> insert_outbound(TenantId tenant, db::Tx& tx, const Outbound& m) {
  auto r = tx.exec(kInsertOutbound, tenant, m.customer_id, m.order_id, m.event_key, m.event, m.text,
                   m.template_params, m.created_by);
  if (r.empty()) return std::nullopt;
  return MessageId{r[0].i64("id")};
}

bool requeue(TenantId, db::Tx& tx, MessageId id) {
  return tx.exec(kRequeue, id).affected() == 1;
}

std::vector<TenantId> due_tenants(db::Database& db, int limit) {
  return db.global([&](db::Tx& tx) {
    std::vector<TenantId> out;
    auto r = tx.exec(kDueTenants, limit);
    for (int i = 0; i < r.size(); ++i) out.emplace_back(r[i].i64("tenant_id"));
    return out;
  });
}

Usage usage(TenantId tenant, db::Database& db) {
  const auto r = db.read(tenant, db::q(kUsage));
  return {r[0].i64("sent_today"), r[0].i64("queued")};
}

std::vector<Claimed> claim(TenantId, db::Tx& tx, int batch, int daily_cap, int lease_seconds,
                           const std::string& owner) {
  tx.exec(kClaimLock);
  auto r = tx.exec(kClaim, batch, daily_cap, lease_seconds, owner);
  std::vector<Claimed> out;
  for (int i = 0; i < r.size(); ++i)
    out.push_back({MessageId{r[i].i64("id")}, r[i].text("was") == "SENDING"});
  return out;
}

std::optional<DeliveryRow> delivery_row(TenantId, db::Tx& tx, MessageId id) {
  return tx.exec(kDelivery, id).first<DeliveryRow>();
}

bool record_sent(TenantId, db::Tx& tx, MessageId id, const std::string& owner, Via via,
                 const std::string& provider_id, std::optional<std::string> note) {
  std::optional<std::string> pid;
  if (!provider_id.empty()) pid = provider_id;
  return tx.exec(kSent, id, owner, via.channel, via.kind, pid, note).affected() == 1;
}

bool record_retry(TenantId, db::Tx& tx, MessageId id, const std::string& owner, Via via,
                  std::int64_t delay_ms, const std::string& error) {
  return tx.exec(kRetry, id, owner, via.channel, via.kind, delay_ms, error).affected() == 1;
}

bool record_dead(TenantId, db::Tx& tx, MessageId id, const std::string& owner, Via via,
                 const std::string& error) {
  return tx.exec(kDead, id, owner, via.channel, via.kind, error).affected() == 1;
}

std::optional<CustomerId> customer_by_phone(TenantId, db::Tx& tx, const std::string& digits) {
  auto r = tx.exec(kByPhone, digits);
  if (r.empty()) return std::nullopt;
  return CustomerId{r[0].i64("id")};
}

std::optional<CustomerId> customer_by_telegram_chat(TenantId, db::Tx& tx,
                                                    const std::string& chat_id) {
  auto r = tx.exec(kByChat, chat_id);
  if (r.empty()) return std::nullopt;
  return CustomerId{r[0].i64("id")};
}

std::optional<MessageId> insert_inbound(TenantId tenant, db::Tx& tx, ChannelId channel,
                                        const std::string& kind, const std::string& provider_id,
                                        std::optional<CustomerId> customer,
                                        const std::string& text) {
  auto r = tx.exec(kInsertInbound, tenant, channel, kind, provider_id, customer, text);
  if (r.empty()) return std::nullopt;
  return MessageId{r[0].i64("id")};
}

bool update_status(TenantId, db::Tx& tx, ChannelId channel, const std::string& provider_id,
                   std::optional<MessageId> ours, const std::string& status,
                   std::optional<std::string> error) {
  return tx.exec(kStatus, channel, provider_id, ours, status, error).affected() > 0;
}

bool fall_back_to_template(TenantId, db::Tx& tx, ChannelId channel, const std::string& provider_id,
                           std::optional<MessageId> ours, const std::string& error) {
  return tx.exec(kFallBack, channel, provider_id, ours, error).affected() > 0;
}

}  // namespace mg::messaging::store
