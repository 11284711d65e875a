// The relay: delivers the outbox. Every process serving messaging runs one;
// they share the work through leases in PostgreSQL (claim with FOR UPDATE SKIP
// LOCKED, a lease that expires, results recorded only by the lease's holder),
// so a message goes out once however many relays run or crash.
#include <chrono>
#include <random>

#include "libs/observability/log.hpp"
#include "modules/messaging/domain/delivery.hpp"
#include "modules/messaging/domain/templates.hpp"
#include "modules/messaging/messaging_impl.hpp"
#include "modules/messaging/store/messages_store.hpp"

namespace mg::messaging {
namespace {

constexpr int kTenantsPerTurn = 100;
constexpr int kBatch = 20;

double unit_random() {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(gen);
}

std::vector<std::string> params_of(const std::string& text) {
  std::vector<std::string> out;
  auto parsed = json::parse(text);
  if (parsed && parsed->is_array())
    for (const auto& p : parsed->as_array())
      if (p.is_string()) out.emplace_back(p.as_string());
  return out;
}

// The channel for this customer: their linked Telegram chat first (they asked for it
// there), else WhatsApp (Cloud API, then Evolution) by phone.
struct Route {
  const store::SealedChannel* channel = nullptr;
  std::string to;
};
Route route_for(const std::vector<store::SealedChannel>& channels, const store::DeliveryRow& d) {
  auto find = [&](std::string_view kind) -> const store::SealedChannel* {
    for (const auto& c : channels)
      if (c.kind == kind) return &c;
    return nullptr;
  };
  if (d.telegram_chat_id)
    if (const auto* c = find("TELEGRAM")) return {c, *d.telegram_chat_id};
  if (auto number = d.phone ? whatsapp_number(*d.phone) : std::nullopt) {
    if (const auto* c = find("WHATSAPP_CLOUD")) return {c, *number};
    if (const auto* c = find("EVOLUTION")) return {c, *number};
  }
  return {};
}

}  // namespace

void Messaging::Impl::run_relay() {
  log::info("messaging relay started", {{"owner", owner}});
  std::optional<std::chrono::steady_clock::time_point> swept;
  const std::chrono::seconds sweep_every(settings.reminder_sweep_seconds);
  std::unique_lock lock(mutex);
  while (!stopping) {
    lock.unlock();
    try {
      const auto now = std::chrono::steady_clock::now();
      if (sweep_every.count() > 0 && (!swept || now - *swept >= sweep_every)) {
        swept = now;
        sweep_reminders();
      }
      relay_once();
    } catch (const std::exception& e) {
      log::error("messaging relay turn failed", {{"error", e.what()}});
    }
    lock.lock();
    wake.wait_for(lock, std::chrono::milliseconds(settings.relay_interval_ms),
                  [this] { return stopping; });
  }
  log::info("messaging relay stopped");
}

void Messaging::Impl::relay_once() {
  for (const auto tenant : store::due_tenants(db, kTenantsPerTurn)) {
    auto claimed = db.transaction(tenant, [&](db::Tx& tx) {
      return store::claim(tenant, tx, kBatch, settings.daily_cap, settings.lease_seconds, owner);
    });
    for (const auto& c : claimed) {
      {
        std::lock_guard lock(mutex);
        if (stopping) return;  // the leases run out and another turn sends them
      }
      try {
        deliver(tenant, c);
      } catch (const std::exception& e) {
        log::error("messaging delivery failed",
                   {{"tenant_id", tenant.value}, {"message_id", c.id.value}, {"error", e.what()}});
      }
    }
  }
}

void Messaging::Impl::deliver(TenantId tenant, const store::Claimed& c) {
  // A lease that ran out while a relay was sending: the provider may have the message
  // (the relay died between the call and its record). Sending again could repeat it, so
  // it is recorded as sent, unconfirmed; WhatsApp's status webhook confirms it by our id.
  if (c.interrupted) {
    db.transaction(tenant, [&](db::Tx& tx) {
      store::record_sent(tenant, tx, c.id, owner, {}, "",
                         "Envio interrompido; confirmação do provedor pendente.");
    });
    log::warn("messaging delivery interrupted earlier; not repeated",
              {{"tenant_id", tenant.value}, {"message_id", c.id.value}});
    return;
  }
  struct Work {
    std::optional<store::DeliveryRow> row;
    std::vector<store::SealedChannel> channels;
  };
  auto work = db.transaction(tenant, [&](db::Tx& tx) {
    return Work{store::delivery_row(tenant, tx, c.id), store::active_channels(tenant, tx)};
  });
  if (!work.row) return;
  const auto& d = *work.row;
  auto dead = [&](store::Via via, const std::string& error) {
    db.transaction(tenant,
                   [&](db::Tx& tx) { store::record_dead(tenant, tx, c.id, owner, via, error); });
  };
  if (!d.opt_in) return dead({}, "O cliente retirou o consentimento para mensagens.");
  const auto route = route_for(work.channels, d);
  if (!route.channel)
    return dead({}, "Nenhum canal ativo alcança o cliente (sem telefone ou chat vinculado).");
  const store::Via via{route.channel->id, route.channel->kind};

  const auto channel = provider_channel(*route.channel);
  providers::Outgoing out{
      .to = route.to, .text = d.text, .callback = "mg:" + std::to_string(c.id.value)};
  // Outside WhatsApp's 24 h window only an approved template goes: the event's.
  auto use_template = [&] {
    out.template_name = d.whatsapp_template.value_or(default_whatsapp_template(*d.event));
    out.params = params_of(d.template_params);
  };
  if (d.use_template && d.event && route.channel->kind == "WHATSAPP_CLOUD") use_template();
  auto result = providers::send(channel, out, settings.http_timeout_ms);
  if (result.outcome == Outcome::outside_window && d.event && !out.template_name) {
    use_template();
    result = providers::send(channel, out, settings.http_timeout_ms);
  }

  db.transaction(tenant, [&](db::Tx& tx) {
    if (result.outcome == Outcome::sent) {
      std::optional<std::string> note;
      if (out.template_name) note = "Enviada pelo modelo aprovado " + *out.template_name + ".";
      store::record_sent(tenant, tx, c.id, owner, via, result.provider_id, note);
      store::channel_delivered(tenant, tx, route.channel->id);
      return;
    }
    if (result.channel_fault) store::channel_failed(tenant, tx, route.channel->id, result.error);
    const int attempt = static_cast<int>(d.attempts);
    if (after_failure(result, attempt, settings.max_attempts) == Next::dead_letter) {
      store::record_dead(tenant, tx, c.id, owner, via, result.error);
      log::warn("messaging message dead-lettered",
                {{"tenant_id", tenant.value}, {"message_id", c.id.value}, {"error", result.error}});
    } else {
      store::record_retry(tenant, tx, c.id, owner, via,
                          next_delay_ms(result, attempt, settings.retry_base_ms, unit_random()),
                          result.error);
    }
  });
}

}  // namespace mg::messaging
