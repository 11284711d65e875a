// The relay's decisions: exponential backoff with jitter, the provider's hints, the dead
// letter after the last try, and what each provider's answer means.
#include <gtest/gtest.h>

#include "modules/messaging/domain/delivery.hpp"
#include "modules/messaging/providers/providers.hpp"

namespace mg::messaging {
namespace {

TEST(Backoff, DoublesWithJitterInTheUpperHalf) {
  EXPECT_EQ(retry_delay_ms(1, 1000, 0.0), 500);
  EXPECT_EQ(retry_delay_ms(1, 1000, 0.999999), 999);
  EXPECT_EQ(retry_delay_ms(2, 1000, 0.0), 1000);
  EXPECT_EQ(retry_delay_ms(3, 1000, 1.0), 4000);
  EXPECT_EQ(retry_delay_ms(4, 1000, 0.5), 6000);
  EXPECT_EQ(retry_delay_ms(100, 1000, 1.0), 6LL * 3600 * 1000);  // capped at 6 h
}

TEST(Backoff, ThrottlingWaitsLongerAndHonoursRetryAfter) {
  SendResult throttled{Outcome::throttled, {}, "WhatsApp 130429"};
  EXPECT_GE(next_delay_ms(throttled, 1, 1000, 0.0), 4000);
  throttled.retry_after_seconds = 30;
  EXPECT_EQ(next_delay_ms(throttled, 1, 1000, 0.0), 30000);
}

TEST(Backoff, DeadLetterAfterTheLastTryOrAFinalRefusal) {
  SendResult retry{Outcome::retry, {}, "500"};
  EXPECT_EQ(after_failure(retry, 1, 3), Next::retry_later);
  EXPECT_EQ(after_failure(retry, 3, 3), Next::dead_letter);
  EXPECT_EQ(after_failure({Outcome::failed, {}, "401"}, 1, 3), Next::dead_letter);
}

using providers::HttpAnswer;
using providers::result_of;

TEST(Providers, WhatsAppCodesDecide) {
  auto sent =
      result_of("WHATSAPP_CLOUD", {200,
                                   R"({"messaging_product":"whatsapp","contacts":[{"input":"5511",)"
                                   R"("wa_id":"5511"}],"messages":[{"id":"wamid.X"}]})",
                                   ""});
  EXPECT_EQ(sent.outcome, Outcome::sent);
  EXPECT_EQ(sent.provider_id, "wamid.X");
  auto error = [](int code) {
    return HttpAnswer{400,
                      R"({"error":{"message":"m","type":"OAuthException","code":)" +
                          std::to_string(code) + R"(,"fbtrace_id":"x"}})",
                      ""};
  };
  EXPECT_EQ(result_of("WHATSAPP_CLOUD", error(130429)).outcome, Outcome::throttled);
  EXPECT_EQ(result_of("WHATSAPP_CLOUD", error(131056)).outcome, Outcome::throttled);
  EXPECT_EQ(result_of("WHATSAPP_CLOUD", error(131047)).outcome, Outcome::outside_window);
  EXPECT_EQ(result_of("WHATSAPP_CLOUD", error(190)).outcome, Outcome::failed);
  EXPECT_EQ(result_of("WHATSAPP_CLOUD", {500, "oops", ""}).outcome, Outcome::retry);
  EXPECT_EQ(result_of("WHATSAPP_CLOUD", {0, "", "timeout"}).outcome, Outcome::retry);
}

TEST(Providers, TelegramAndEvolutionAnswers) {
  auto sent = result_of("TELEGRAM", {200, R"({"ok":true,"result":{"message_id":42}})", ""});
  EXPECT_EQ(sent.outcome, Outcome::sent);
  EXPECT_EQ(sent.provider_id, "42");
  auto slow = result_of("TELEGRAM", {429,
                                     R"({"ok":false,"error_code":429,"description":"Too Many)"
                                     R"( Requests","parameters":{"retry_after":7}})",
                                     ""});
  EXPECT_EQ(slow.outcome, Outcome::throttled);
  EXPECT_EQ(slow.retry_after_seconds, 7);
  EXPECT_EQ(result_of("TELEGRAM", {401, R"({"ok":false,"error_code":401})", ""}).outcome,
            Outcome::failed);
  auto evo = result_of("EVOLUTION", {201,
                                     R"({"key":{"remoteJid":"5511@s.whatsapp.net",)"
                                     R"("fromMe":true,"id":"BAE5"},"status":"PENDING"})",
                                     ""});
  EXPECT_EQ(evo.outcome, Outcome::sent);
  EXPECT_EQ(evo.provider_id, "BAE5");
  EXPECT_EQ(result_of("EVOLUTION", {401, R"({"status":401,"error":"Unauthorized"})", ""}).outcome,
            Outcome::failed);
  EXPECT_EQ(result_of("EVOLUTION", {502, "", ""}).outcome, Outcome::retry);
}

TEST(Providers, TheChannelsOwnFailuresAreToldFromARecipients) {
  auto graph = [](int status, int code, std::string_view subcode = "") {
    std::string body =
        R"({"error":{"message":"m","type":"OAuthException","code":)" + std::to_string(code);
    if (!subcode.empty()) body += R"(,"error_subcode":)" + std::string(subcode);
    return HttpAnswer{status, body + R"(,"fbtrace_id":"x"}})", ""};
  };
  // The token, the phone number id, the provider down or out of reach: the channel.
  EXPECT_TRUE(result_of("WHATSAPP_CLOUD", graph(401, 190)).channel_fault);
  EXPECT_TRUE(result_of("WHATSAPP_CLOUD", graph(400, 100, "33")).channel_fault);
  EXPECT_TRUE(result_of("WHATSAPP_CLOUD", graph(403, 200)).channel_fault);
  EXPECT_TRUE(result_of("WHATSAPP_CLOUD", {500, "oops", ""}).channel_fault);
  EXPECT_TRUE(result_of("WHATSAPP_CLOUD", {0, "", "timeout"}).channel_fault);
  EXPECT_TRUE(result_of("TELEGRAM", {401, R"({"ok":false,"error_code":401})", ""}).channel_fault);
  EXPECT_TRUE(
      result_of("EVOLUTION", {404, R"({"status":404,"error":"Not Found"})", ""}).channel_fault);
  // One recipient's problem, the window, a throttle: not the channel's.
  EXPECT_FALSE(result_of("WHATSAPP_CLOUD", graph(400, 100)).channel_fault);
  EXPECT_FALSE(result_of("WHATSAPP_CLOUD", graph(400, 131026)).channel_fault);
  EXPECT_FALSE(result_of("WHATSAPP_CLOUD", graph(400, 131047)).channel_fault);
  EXPECT_FALSE(result_of("WHATSAPP_CLOUD", graph(429, 130429)).channel_fault);
  EXPECT_FALSE(
      result_of("TELEGRAM", {403,
                             R"({"ok":false,"error_code":403,"description":"Forbidden: bot )"
                             R"(was blocked by the user"})",
                             ""})
          .channel_fault);
  EXPECT_FALSE(
      result_of("EVOLUTION", {400, R"({"status":400,"error":"Bad Request"})", ""}).channel_fault);
}

TEST(Providers, RequestsSpeakEachProvidersApi) {
  providers::Channel wa{"WHATSAPP_CLOUD", "http://fake/v21.0",
                        json::object{{"phone_number_id", "123"}, {"access_token", "tok"}}};
  auto call = providers::request_for(wa, {.to = "5511999998888", .text = "Olá"}, 1000);
  EXPECT_EQ(call.url, "http://fake/v21.0/123/messages");
  bool bearer = false;
  for (const auto& [k, v] : call.headers) bearer |= k == "Authorization" && v == "Bearer tok";
  EXPECT_TRUE(bearer);
  auto body = json::parse(call.body)->as_object();
  EXPECT_EQ(body.at("type"), "text");
  EXPECT_EQ(body.at("text").at("body"), "Olá");
  auto templ = providers::request_for(
      wa, {.to = "55", .text = "x", .template_name = "motogestor_order_opened", .params = {"Ana"}},
      1000);
  auto t = json::parse(templ.body)->as_object();
  EXPECT_EQ(t.at("type"), "template");
  EXPECT_EQ(t.at("template").at("language").at("code"), "pt_BR");
  EXPECT_EQ(t.at("template").at("components").at(0).at("parameters").at(0).at("text"), "Ana");

  providers::Channel tg{"TELEGRAM", "http://fake", json::object{{"bot_token", "1:AA"}}};
  EXPECT_EQ(providers::request_for(tg, {.to = "99", .text = "x"}, 1000).url,
            "http://fake/bot1:AA/sendMessage");
  providers::Channel evo{"EVOLUTION", "http://fake",
                         json::object{{"instance", "oficina"}, {"api_key", "k"}}};
  auto e = providers::request_for(evo, {.to = "5511", .text = "x"}, 1000);
  EXPECT_EQ(e.url, "http://fake/message/sendText/oficina");
  bool apikey = false;
  for (const auto& [k, v] : e.headers) apikey |= k == "apikey" && v == "k";
  EXPECT_TRUE(apikey);
}

}  // namespace
}  // namespace mg::messaging
