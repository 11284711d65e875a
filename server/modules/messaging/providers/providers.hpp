#pragma once
// The three providers a channel speaks (INTEGRATIONS.md): the request each
// expects and what its answer means. Building and reading are pure (unit
// tested); send() performs the call.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "libs/json/json.hpp"
#include "modules/messaging/domain/delivery.hpp"
#include "modules/messaging/providers/http.hpp"

namespace mg::messaging::providers {

inline constexpr std::string_view kKinds[] = {"WHATSAPP_CLOUD", "EVOLUTION", "TELEGRAM"};

// The credentials' fields each kind needs (API.md §7), all text.
std::span<const std::string_view> credential_keys(std::string_view kind);
// Where the provider lives when the channel names no base URL; empty for Evolution (a
// self-hosted gateway: the base URL is required).
std::string default_base_url(std::string_view kind);

struct Channel {
  std::string kind;
  std::string base_url;  // no trailing slash
  json::object credentials;
};

struct Outgoing {
  std::string to;  // 55DDDNUMBER (WhatsApp, Evolution) or the chat id (Telegram)
  std::string text;
  // WhatsApp only: send this approved template (pt_BR) with `params` as its body instead.
  std::optional<std::string> template_name;
  std::vector<std::string> params;
  std::string callback;  // WhatsApp biz_opaque_callback_data: echoed in status webhooks
};

HttpCall request_for(const Channel& channel, const Outgoing& message, int timeout_ms);
SendResult result_of(std::string_view kind, const HttpAnswer& answer);
SendResult send(const Channel& channel, const Outgoing& message, int timeout_ms);

// Telegram's setWebhook: deliveries to `url` carrying `secret` in
// X-Telegram-Bot-Api-Secret-Token. Answers the error, or nullopt when set.
std::optional<std::string> telegram_set_webhook(const Channel& channel, const std::string& url,
                                                const std::string& secret, int timeout_ms);

// Evolution's webhook/set: MESSAGES_UPSERT and MESSAGES_UPDATE delivered to `url` (which
// carries the channel's secret segment). Answers the error, or nullopt when set.
std::optional<std::string> evolution_set_webhook(const Channel& channel, const std::string& url,
                                                 int timeout_ms);

}  // namespace mg::messaging::providers
