#include "modules/messaging/messaging.hpp"

#include <unistd.h>

#include "libs/observability/log.hpp"
#include "modules/finance/events.hpp"
#include "modules/messaging/domain/crypto.hpp"
#include "modules/messaging/messaging_impl.hpp"
#include "modules/portal/events.hpp"
#include "modules/workshop/events.hpp"

namespace mg::messaging {

Messaging::Impl::Impl(db::Database& database, Settings s)
    : db(database), settings(std::move(s)), key(crypto::key_from_hex(settings.secret_key_hex)) {
  char host[128] = {};
  gethostname(host, sizeof host - 1);
  owner = std::string(host) + ":" + std::to_string(getpid()) + ":" + crypto::random_token(6);
}

std::string Messaging::Impl::seal(const json::object& credentials) const {
  if (!key) throw errors::unavailable("Mensagens indisponíveis: chave de criptografia ausente.");
  return crypto::seal(*key, json::dump(credentials));
}

json::object Messaging::Impl::open(const std::string& sealed) const {
  if (!key) throw errors::unavailable("Mensagens indisponíveis: chave de criptografia ausente.");
  auto text = crypto::open(*key, sealed);
  auto parsed = text ? json::parse(*text) : std::nullopt;
  if (!parsed || !parsed->is_object())
    throw std::runtime_error("channel credentials do not open with MESSAGING_SECRET_KEY");
  return parsed->as_object();
}

providers::Channel Messaging::Impl::provider_channel(const store::SealedChannel& c) const {
  return {c.kind, c.api_base_url, open(c.credentials)};
}

std::string Messaging::Impl::webhook_url(ChannelId id, const std::string& kind,
                                         const json::object& credentials) const {
  std::string url = settings.public_base_url + "/messaging/webhooks/" + std::to_string(id.value);
  if (kind == "EVOLUTION")
    if (const auto* s = credentials.if_contains("webhook_secret"); s && s->is_string())
      url += "/" + std::string(s->as_string());
  return url;
}

Messaging::Messaging(db::Database& db, Settings settings)
    : impl_(std::make_unique<Impl>(db, std::move(settings))) {}

Messaging::~Messaging() {
  stop_background();
}

void Messaging::routes(api::Routes& routes) {
  register_channel_routes(*impl_, routes);
  register_template_routes(*impl_, routes);
  register_customer_routes(*impl_, routes);
  register_message_routes(*impl_, routes);
  register_webhook_routes(*impl_, routes);
}

void Messaging::subscribe(events::Bus& bus) {
  bus.subscribe<workshop::OrderCreated>(
      "messaging.outbox", [](db::Tx& tx, const workshop::OrderCreated& e) {
        return enqueue_event(tx, e.tenant,
                             {.event = "ORDER_OPENED",
                              .event_key = "ORDER_OPENED:order:" + std::to_string(e.order.value),
                              .customer = e.customer,
                              .order = e.order});
      });
  bus.subscribe<workshop::OrderStatusChanged>(
      "messaging.outbox", [](db::Tx& tx, const workshop::OrderStatusChanged& e) -> Result<void> {
        if (e.to != "WAITING_PARTS") return {};
        // Each wait for parts is its own event: the transaction that made it names it.
        return enqueue_event(
            tx, e.tenant,
            {.event = "WAITING_PARTS",
             .event_key = "WAITING_PARTS:order:" + std::to_string(e.order.value) + ":tx:{txid}",
             .order = e.order});
      });
  bus.subscribe<workshop::OrderCompleted>(
      "messaging.outbox", [](db::Tx& tx, const workshop::OrderCompleted& e) {
        // Ready for pickup once: a reopened and completed again order does not repeat it.
        return enqueue_event(tx, e.tenant,
                             {.event = "ORDER_COMPLETED",
                              .event_key = "ORDER_COMPLETED:order:" + std::to_string(e.order.value),
                              .customer = e.customer,
                              .order = e.order});
      });
  bus.subscribe<portal::QuoteSent>("messaging.outbox", [](db::Tx& tx, const portal::QuoteSent& e) {
    return enqueue_quote_sent(tx, e.tenant, e.order_id, static_cast<int>(e.version), e.url);
  });
  bus.subscribe<finance::PaymentReceived>(
      "messaging.outbox", [](db::Tx& tx, const finance::PaymentReceived& e) {
        return enqueue_event(
            tx, e.tenant,
            {.event = "PAYMENT_RECEIVED",
             .event_key = "PAYMENT_RECEIVED:payment:" + std::to_string(e.payment.value),
             .customer = e.customer,
             .order = e.order,
             .amount = e.amount});
      });
}

void Messaging::start_background() {
  if (impl_->relay.joinable() || impl_->settings.relay_interval_ms == 0) return;
  if (!impl_->key) {
    log::warn("messaging relay not started: MESSAGING_SECRET_KEY is missing");
    return;
  }
  impl_->stopping = false;
  impl_->relay = std::thread([impl = impl_.get()] { impl->run_relay(); });
}

void Messaging::stop_background() {
  if (!impl_ || !impl_->relay.joinable()) return;
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->wake.notify_all();
  impl_->relay.join();
}

}  // namespace mg::messaging
