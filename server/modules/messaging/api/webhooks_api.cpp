// /messaging/webhooks/{channel_id}: what the providers deliver (public, verified per
// channel: WhatsApp's X-Hub-Signature-256 and hub.challenge handshake, Telegram's
// X-Telegram-Bot-Api-Secret-Token, Evolution's secret path segment). A delivery that
// fails verification is 401 and stores nothing; one delivered twice is stored once.
#include "libs/core/text.hpp"
#include "modules/messaging/domain/crypto.hpp"
#include "modules/messaging/domain/json_path.hpp"
#include "modules/messaging/domain/templates.hpp"
#include "modules/messaging/messaging_impl.hpp"
#include "modules/messaging/store/contacts_store.hpp"
#include "modules/messaging/store/messages_store.hpp"
#include "modules/team/team.hpp"

namespace mg::messaging {
namespace {

using workshop::CustomerId;

struct Hooked {
  TenantId tenant;
  ChannelId id;
  std::string kind;
  json::object credentials;
};

Hooked channel_of(Messaging::Impl& impl, api::Context& ctx) {
  const auto id = ctx.path<ChannelId>("id");
  auto tenant = store::channel_tenant(ctx.db(), id);
  if (!tenant) throw errors::not_found("Canal não encontrado.");
  return ctx.db().transaction(*tenant, [&](db::Tx& tx) {
    auto row = store::find_channel(*tenant, tx, id);
    if (!row) throw errors::not_found("Canal não encontrado.");
    return Hooked{*tenant, id, row->kind, impl.open(*store::sealed_credentials(*tenant, tx, id))};
  });
}

std::string cred(const Hooked& h, std::string_view key) {
  if (const auto* v = h.credentials.if_contains(key); v && v->is_string())
    return std::string(v->as_string());
  return {};
}

json::value body_json(const api::Context& ctx) {
  auto parsed = json::parse(ctx.request().body);
  if (!parsed || !parsed->is_object()) throw errors::bad_request("Corpo inválido: JSON esperado.");
  return *parsed;
}

http::Response accepted() {
  return api::ok(json::object{{"status", "ok"}});
}

// One inbound message: stored once per provider id; a text becomes the customer's
// interaction; "SAIR" withdraws their consent; Telegram's "/start <payload>" links the chat.
struct Inbound {
  std::string provider_id;
  std::optional<std::string> phone;    // WhatsApp: the sender's number
  std::optional<std::string> chat_id;  // Telegram: the chat
  std::string text;
};

void take_inbound(db::Tx& tx, const Hooked& h, const Inbound& in) {
  std::optional<std::string> start_payload;
  std::string text = in.text;
  if (in.chat_id && text.starts_with("/start")) {
    auto rest = text.substr(6);
    while (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
    if (!rest.empty()) start_payload = rest;
    text = "/start";  // the payload is a one-time secret: not kept in the conversation
  }
  std::optional<CustomerId> customer;
  if (in.phone) customer = store::customer_by_phone(h.tenant, tx, *in.phone);
  if (in.chat_id && !customer)
    customer = store::customer_by_telegram_chat(h.tenant, tx, *in.chat_id);
  if (start_payload)
    if (auto linked = store::use_telegram_link(h.tenant, tx, *start_payload)) {
      customer = linked;
      store::link_telegram_chat(h.tenant, tx, *linked, *in.chat_id);
      // Opening the bot through the workshop's link is the customer's own request.
      store::set_consent(h.tenant, tx, *linked, true, "TELEGRAM");
    }
  auto id = store::insert_inbound(h.tenant, tx, h.id, h.kind, in.provider_id, customer, text);
  if (!id) return;  // delivered before: already taken
  if (!customer || start_payload) return;
  const std::string channel = h.kind == "TELEGRAM" ? "TELEGRAM" : "WHATSAPP";
  if (is_opt_out(text)) store::set_consent(h.tenant, tx, *customer, false, channel);
  // The summary is the text, cut at 200 bytes between characters; the whole text goes to
  // the details only when the summary had to cut it.
  const std::string summary(mg::text::utf8_prefix(text, 200));
  std::optional<std::string> details;
  if (summary.size() < text.size()) details = text;
  team::record_interaction(h.tenant, tx, channel, "IN", summary, details, customer).value();
}

// --- WhatsApp Cloud API

http::Response whatsapp_verify(Messaging::Impl& impl, api::Context& ctx) {
  auto h = channel_of(impl, ctx);
  const auto mode = ctx.query("hub.mode");
  const auto token = ctx.query("hub.verify_token");
  const auto challenge = ctx.query("hub.challenge");
  if (h.kind != "WHATSAPP_CLOUD" || mode != "subscribe" || !token || !challenge ||
      !crypto::equal_constant_time(*token, cred(h, "verify_token")))
    throw errors::forbidden("Token de verificação inválido.");
  http::Response res;
  res.content_type = "text/plain; charset=utf-8";
  res.body = *challenge;
  return res;
}

void whatsapp_delivery(db::Tx& tx, const Hooked& h, const json::value& body) {
  const auto phone_number_id = cred(h, "phone_number_id");
  for (const auto& entry : jpath::array(body, {"entry"}))
    for (const auto& change : jpath::array(entry, {"changes"})) {
      const auto* value = jpath::at(change, {"value"});
      // Only what reached this channel's number: another number's events are not ours.
      if (!value || jpath::text(*value, {"metadata", "phone_number_id"}) != phone_number_id)
        continue;
      for (const auto& m : jpath::array(*value, {"messages"})) {
        const auto type = jpath::text(m, {"type"});
        Inbound in{jpath::text(m, {"id"}), jpath::text(m, {"from"}), std::nullopt,
                   type == "text" ? jpath::text(m, {"text", "body"}) : "[" + type + "]"};
        if (!in.provider_id.empty()) take_inbound(tx, h, in);
      }
      for (const auto& s : jpath::array(*value, {"statuses"})) {
        const auto status = upper(jpath::text(s, {"status"}));
        if (status != "SENT" && status != "DELIVERED" && status != "READ" && status != "FAILED")
          continue;
        std::optional<MessageId> ours;
        if (auto cb = jpath::text(s, {"biz_opaque_callback_data"}); cb.starts_with("mg:"))
          ours = MessageId{std::atoll(cb.c_str() + 3)};
        std::optional<std::string> error;
        std::string code;
        if (const auto& errs = jpath::array(s, {"errors"}); !errs.empty()) {
          code = jpath::text(errs[0], {"code"});
          error = "WhatsApp " + code + ": " + jpath::text(errs[0], {"title"});
        }
        const auto id = jpath::text(s, {"id"});
        // Outside the 24 h window, reported after the fact: the approved template goes instead.
        if (status == "FAILED" && code == "131047" &&
            store::fall_back_to_template(h.tenant, tx, h.id, id, ours, *error))
          continue;
        store::update_status(h.tenant, tx, h.id, id, ours, status, error);
      }
    }
}

// --- Telegram Bot API

void telegram_delivery(db::Tx& tx, const Hooked& h, const json::value& update) {
  const auto* message = jpath::at(update, {"message"});
  if (!message) return;  // edits, callbacks…: not asked for (allowed_updates)
  Inbound in{jpath::text(update, {"update_id"}), std::nullopt,
             jpath::text(*message, {"chat", "id"}), jpath::text(*message, {"text"})};
  if (in.text.empty()) in.text = "[mensagem sem texto]";
  if (!in.provider_id.empty() && in.chat_id && !in.chat_id->empty()) take_inbound(tx, h, in);
}

// --- Evolution API

std::string evolution_status(std::string s) {
  s = upper(std::move(s));
  if (s == "SERVER_ACK" || s == "PENDING") return "SENT";
  if (s == "DELIVERY_ACK") return "DELIVERED";
  if (s == "READ" || s == "PLAYED") return "READ";
  if (s == "ERROR") return "FAILED";
  return {};
}

void evolution_delivery(db::Tx& tx, const Hooked& h, const json::value& body) {
  std::string event = jpath::text(body, {"event"});
  for (auto& c : event) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::replace(event.begin(), event.end(), '_', '.');
  const auto* data = jpath::at(body, {"data"});
  if (!data) return;
  if (event == "messages.upsert") {
    if (jpath::text(*data, {"key", "fromMe"}) == "true") return;  // our own, echoed
    auto jid = jpath::text(*data, {"key", "remoteJid"});
    auto number = jid.substr(0, jid.find('@'));
    auto text = jpath::text(*data, {"message", "conversation"});
    if (text.empty()) text = jpath::text(*data, {"message", "extendedTextMessage", "text"});
    if (text.empty()) text = "[" + jpath::text(*data, {"messageType"}) + "]";
    Inbound in{jpath::text(*data, {"key", "id"}), number, std::nullopt, text};
    if (!in.provider_id.empty() && !number.empty()) take_inbound(tx, h, in);
  } else if (event == "messages.update") {
    auto id = jpath::text(*data, {"keyId"});
    if (id.empty()) id = jpath::text(*data, {"key", "id"});
    auto status = evolution_status(jpath::text(*data, {"status"}));
    if (!id.empty() && !status.empty())
      store::update_status(h.tenant, tx, h.id, id, std::nullopt, status, std::nullopt);
  }
}

// Verifies the delivery with the channel's own secret, then takes it in one transaction.
http::Response take(const Hooked& h, api::Context& ctx) {
  const auto& raw = ctx.request().body;
  if (h.kind == "WHATSAPP_CLOUD") {
    if (!crypto::valid_hub_signature(cred(h, "app_secret"), raw,
                                     ctx.request().header("x-hub-signature-256")))
      throw errors::unauthorized("Assinatura do webhook inválida.");
  } else if (h.kind == "TELEGRAM") {
    const auto secret = cred(h, "webhook_secret");
    if (secret.empty() || !crypto::equal_constant_time(
                              ctx.request().header("x-telegram-bot-api-secret-token"), secret))
      throw errors::unauthorized("Token secreto do webhook inválido.");
  } else {
    // Evolution signs nothing: the secret path segment is the proof.
    const auto secret = cred(h, "webhook_secret");
    const auto given = ctx.path_text("secret");
    if (secret.empty() || given.empty() || !crypto::equal_constant_time(given, secret))
      throw errors::unauthorized("Segredo do webhook inválido.");
  }
  const auto body = body_json(ctx);
  ctx.db().transaction(h.tenant, [&](db::Tx& tx) {
    if (h.kind == "WHATSAPP_CLOUD")
      whatsapp_delivery(tx, h, body);
    else if (h.kind == "TELEGRAM")
      telegram_delivery(tx, h, body);
    else
      evolution_delivery(tx, h, body);
  });
  return accepted();
}

http::Response receive(Messaging::Impl& impl, api::Context& ctx) {
  return take(channel_of(impl, ctx), ctx);
}

http::Response receive_unsigned(Messaging::Impl& impl, api::Context& ctx) {
  auto h = channel_of(impl, ctx);
  if (h.kind == "EVOLUTION") throw errors::unauthorized("Segredo do webhook ausente.");
  return take(h, ctx);
}

}  // namespace

void register_webhook_routes(Messaging::Impl& impl, api::Routes& routes) {
  api::Resource(routes, "messaging", "/messaging/webhooks")
      .open()
      .get("/{id}", api::bind(impl, whatsapp_verify))
      .post("/{id}", api::bind(impl, receive_unsigned))
      .post("/{id}/{secret:str}", api::bind(impl, receive));
}

}  // namespace mg::messaging
