#include "modules/messaging/providers/providers.hpp"

#include "modules/messaging/domain/json_path.hpp"

namespace mg::messaging::providers {
namespace {

constexpr std::string_view kWhatsAppKeys[] = {"phone_number_id", "access_token", "app_secret",
                                              "verify_token"};
constexpr std::string_view kEvolutionKeys[] = {"instance", "api_key"};
constexpr std::string_view kTelegramKeys[] = {"bot_token", "bot_username"};

std::string cred(const Channel& c, std::string_view key) {
  if (const auto* v = c.credentials.if_contains(key); v && v->is_string())
    return std::string(v->as_string());
  return {};
}

SendResult no_answer(const HttpAnswer& a, std::string_view who) {
  return {.outcome = Outcome::retry,
          .error = std::string(who) + " não respondeu: " + a.error,
          .channel_fault = true};
}

SendResult with_fault(SendResult r, bool fault) {
  r.channel_fault = fault;
  return r;
}

SendResult whatsapp_result(const HttpAnswer& a) {
  if (a.status == 0) return no_answer(a, "WhatsApp");
  const auto body = json::parse(a.body).value_or(json::value{});
  if (a.status >= 200 && a.status < 300) {
    const auto* messages = jpath::at(body, {"messages"});
    if (messages && messages->is_array() && !messages->as_array().empty()) {
      auto id = jpath::text(messages->as_array()[0], {"id"});
      if (!id.empty()) return {Outcome::sent, id, {}};
    }
    return {Outcome::retry, {}, "WhatsApp: resposta sem id de mensagem"};
  }
  const auto code = jpath::integer(body, {"error", "code"});
  const auto message = jpath::text(body, {"error", "message"});
  const std::string error = "WhatsApp " + std::to_string(code ? code : a.status) + ": " + message;
  // Branch on the code (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes).
  if (code == 130429 || code == 131056 || code == 4 || code == 80007 || a.status == 429)
    return {Outcome::throttled, {}, error};
  if (code == 131047) return {Outcome::outside_window, {}, error};
  // The token (190), the app's permissions (10, 200–299), the account (131031 locked,
  // 131042 payment, 133010 number not registered): the channel, not the recipient.
  // 100 with subcode 33: the phone number id names nothing.
  const bool account = a.status == 401 || a.status == 403 || code == 190 || code == 10 ||
                       (code >= 200 && code <= 299) || code == 131031 || code == 131042 ||
                       code == 133010 ||
                       (code == 100 && jpath::integer(body, {"error", "error_subcode"}) == 33);
  if (code == 1 || code == 2 || code == 131000 || code == 133004 || a.status >= 500)
    return with_fault({Outcome::retry, {}, error}, a.status >= 500);
  return with_fault({Outcome::failed, {}, error}, account);
}

SendResult evolution_result(const HttpAnswer& a) {
  if (a.status == 0) return no_answer(a, "Evolution API");
  const auto body = json::parse(a.body).value_or(json::value{});
  if (a.status >= 200 && a.status < 300) {
    auto id = jpath::text(body, {"key", "id"});
    if (!id.empty()) return {Outcome::sent, id, {}};
    return {Outcome::retry, {}, "Evolution API: resposta sem id de mensagem"};
  }
  auto detail = jpath::text(body, {"error"});
  if (const auto* r = jpath::at(body, {"response", "message"}); r)
    detail += " " + (r->is_string() ? std::string(r->as_string()) : json::dump(*r));
  const std::string error = "Evolution API " + std::to_string(a.status) + ": " + detail;
  if (a.status == 429) return {Outcome::throttled, {}, error};
  if (a.status >= 500) return with_fault({Outcome::retry, {}, error}, true);
  // The API key (401, 403) or the instance (404): the channel, not the number.
  return with_fault({Outcome::failed, {}, error},
                    a.status == 401 || a.status == 403 || a.status == 404);
}

SendResult telegram_result(const HttpAnswer& a) {
  if (a.status == 0) return no_answer(a, "Telegram");
  const auto body = json::parse(a.body).value_or(json::value{});
  const auto* ok = jpath::at(body, {"ok"});
  if (ok && ok->is_bool() && ok->as_bool()) {
    auto id = jpath::text(body, {"result", "message_id"});
    if (!id.empty()) return {Outcome::sent, id, {}};
    return {Outcome::retry, {}, "Telegram: resposta sem message_id"};
  }
  auto code = jpath::integer(body, {"error_code"});
  if (!code) code = a.status;
  const std::string error =
      "Telegram " + std::to_string(code) + ": " + jpath::text(body, {"description"});
  if (code == 429) {
    SendResult r{Outcome::throttled, {}, error};
    r.retry_after_seconds = static_cast<int>(jpath::integer(body, {"parameters", "retry_after"}));
    return r;
  }
  if (code >= 500) return with_fault({Outcome::retry, {}, error}, true);
  // The bot token (401 Unauthorized; 404 when the token names no bot): the channel. A
  // blocked bot or an unknown chat (403, 400) is the recipient's.
  return with_fault({Outcome::failed, {}, error}, code == 401 || code == 404);
}

}  // namespace

std::span<const std::string_view> credential_keys(std::string_view kind) {
  if (kind == "WHATSAPP_CLOUD") return kWhatsAppKeys;
  if (kind == "EVOLUTION") return kEvolutionKeys;
  if (kind == "TELEGRAM") return kTelegramKeys;
  return {};
}

std::string default_base_url(std::string_view kind) {
  if (kind == "WHATSAPP_CLOUD") return "https://graph.facebook.com/v21.0";
  if (kind == "TELEGRAM") return "https://api.telegram.org";
  return {};
}

HttpCall request_for(const Channel& c, const Outgoing& m, int timeout_ms) {
  HttpCall call;
  call.timeout_ms = timeout_ms;
  call.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
  if (c.kind == "WHATSAPP_CLOUD") {
    call.url = c.base_url + "/" + cred(c, "phone_number_id") + "/messages";
    call.headers.emplace_back("Authorization", "Bearer " + cred(c, "access_token"));
    json::object body{
        {"messaging_product", "whatsapp"}, {"recipient_type", "individual"}, {"to", m.to}};
    if (m.template_name) {
      json::array params;
      for (const auto& p : m.params) params.push_back(json::object{{"type", "text"}, {"text", p}});
      json::array components;
      if (!params.empty())
        components.push_back(json::object{{"type", "body"}, {"parameters", std::move(params)}});
      body["type"] = "template";
      body["template"] = json::object{{"name", *m.template_name},
                                      {"language", json::object{{"code", "pt_BR"}}},
                                      {"components", std::move(components)}};
    } else {
      body["type"] = "text";
      body["text"] = json::object{{"body", m.text}, {"preview_url", false}};
    }
    if (!m.callback.empty()) body["biz_opaque_callback_data"] = m.callback;
    call.body = json::dump(body);
  } else if (c.kind == "EVOLUTION") {
    call.url = c.base_url + "/message/sendText/" + cred(c, "instance");
    call.headers.emplace_back("apikey", cred(c, "api_key"));
    call.body = json::dump(json::object{{"number", m.to}, {"text", m.text}});
  } else {
    call.url = c.base_url + "/bot" + cred(c, "bot_token") + "/sendMessage";
    call.body = json::dump(json::object{{"chat_id", m.to}, {"text", m.text}});
  }
  return call;
}

SendResult result_of(std::string_view kind, const HttpAnswer& answer) {
  if (kind == "WHATSAPP_CLOUD") return whatsapp_result(answer);
  if (kind == "EVOLUTION") return evolution_result(answer);
  return telegram_result(answer);
}

SendResult send(const Channel& channel, const Outgoing& message, int timeout_ms) {
  return result_of(channel.kind, perform(request_for(channel, message, timeout_ms)));
}

std::optional<std::string> telegram_set_webhook(const Channel& c, const std::string& url,
                                                const std::string& secret, int timeout_ms) {
  HttpCall call;
  call.timeout_ms = timeout_ms;
  call.url = c.base_url + "/bot" + cred(c, "bot_token") + "/setWebhook";
  call.headers = {{"Content-Type", "application/json"}};
  call.body = json::dump(json::object{
      {"url", url}, {"secret_token", secret}, {"allowed_updates", json::array{"message"}}});
  const auto answer = perform(call);
  const auto body = json::parse(answer.body).value_or(json::value{});
  if (const auto* ok = jpath::at(body, {"ok"}); ok && ok->is_bool() && ok->as_bool())
    return std::nullopt;
  return telegram_result(answer).error;
}

std::optional<std::string> evolution_set_webhook(const Channel& c, const std::string& url,
                                                 int timeout_ms) {
  HttpCall call;
  call.timeout_ms = timeout_ms;
  call.url = c.base_url + "/webhook/set/" + cred(c, "instance");
  call.headers = {{"Content-Type", "application/json"}, {"apikey", cred(c, "api_key")}};
  call.body = json::dump(json::object{
      {"webhook", json::object{{"enabled", true},
                               {"url", url},
                               {"events", json::array{"MESSAGES_UPSERT", "MESSAGES_UPDATE"}},
                               {"byEvents", false},
                               {"base64", false}}}});
  const auto answer = perform(call);
  if (answer.status >= 200 && answer.status < 300) return std::nullopt;
  return evolution_result(answer).error;
}

}  // namespace mg::messaging::providers
