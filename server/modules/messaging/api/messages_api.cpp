// /messaging/messages: the conversation with a customer (what went out, what came in) and
// a message sent by hand; a dead-lettered message can be queued again.
#include "modules/messaging/domain/json_path.hpp"
#include "modules/messaging/domain/templates.hpp"
#include "modules/messaging/messaging_impl.hpp"
#include "modules/messaging/store/messages_store.hpp"

namespace mg::messaging {
namespace {

using auth::Action;
using workshop::CustomerId;
using workshop::OrderId;

constexpr std::string_view kStatuses[] = {"QUEUED", "SENT", "DELIVERED", "READ", "FAILED", "DEAD"};

json::object message_json(const store::MessageRow& m) {
  return json::to_object(m);
}

http::Response list_messages(api::Context& ctx) {
  store::MessageFilter f;
  f.customer_id = ctx.query_id<CustomerId>("customer_id");
  f.order_id = ctx.query_id<OrderId>("order_id");
  if (auto s = ctx.query_text("status", 20)) {
    *s = upper(*s);
    if (std::find(std::begin(kStatuses), std::end(kStatuses), *s) == std::end(kStatuses))
      throw errors::bad_request(
          "Parâmetro 'status' deve ser QUEUED, SENT, DELIVERED, READ, FAILED ou DEAD.");
    f.status = *s;
  }
  return api::list(store::list_messages(ctx.tenant(), ctx.db(), f, ctx.page()), message_json);
}

http::Response create_message(api::Context& ctx) {
  auto in = ctx.input();
  auto customer = in.integer("customer_id", {.required = true, .min = 1});
  auto order = in.integer("order_id", {.min = 1});
  auto text = in.text("text", {.max_length = 4096});
  auto event = in.text("template", {.max_length = 40});
  if (text && text->empty()) text.reset();
  if (event) {
    *event = upper(*event);
    if (event->empty())
      event.reset();
    else if (!is_event(*event))
      in.fail("template",
              "use um evento: ORDER_OPENED, QUOTE_SENT, WAITING_PARTS, "
              "ORDER_COMPLETED, PAYMENT_RECEIVED ou REMINDER_DUE");
  }
  if (!text && !event && in.ok()) in.fail("text", "informe o texto ou o modelo (template)");
  if (text && event) in.fail("template", "informe o texto ou o modelo, não os dois");
  in.check();
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    ManualMessage m{
        .customer = CustomerId{*customer}, .text = text, .template_event = event, .by = ctx.user()};
    if (order) m.order = OrderId{*order};
    auto id = enqueue_manual(tx, ctx.tenant(), m);
    if (!id) return id.error();
    return json::object{{"id", id->value}, {"status", "QUEUED"}};
  });
  http::Response res = api::created(body.value());
  res.status = 202;  // accepted: the relay sends it
  return res;
}

http::Response retry_message(api::Context& ctx) {
  const auto id = ctx.path<MessageId>();
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    auto m = store::find_message(ctx.tenant(), tx, id);
    if (!m) return fail::not_found("Mensagem não encontrada.");
    if (!store::requeue(ctx.tenant(), tx, id))
      return fail::conflict(
          "Só volta à fila uma mensagem descartada (após a última tentativa) ou com envio "
          "interrompido e sem confirmação do provedor.",
          {{"status", "nem descartada nem interrompida"}});
    return message_json(*store::find_message(ctx.tenant(), tx, id));
  });
  return api::ok(body.value());
}

// The day against the cap, so the outbox can say why messages wait (they leave the next day).
http::Response usage(Messaging::Impl& impl, api::Context& ctx) {
  const auto u = store::usage(ctx.tenant(), ctx.db());
  const std::int64_t cap = impl.settings.daily_cap;
  return api::ok(json::object{{"daily_cap", cap},
                              {"sent_today", u.sent_today},
                              {"queued", u.queued},
                              {"cap_reached", u.sent_today >= cap}});
}

}  // namespace

void register_message_routes(Messaging::Impl& impl, api::Routes& routes) {
  api::Resource(routes, "messaging", "/messaging/messages")
      .needs(auth::Feature::messaging)
      .get("", list_messages, Action::write_customers)
      .create("", create_message, Action::write_customers)
      .post("/{id}/retry", retry_message, Action::write_customers);
  api::Resource(routes, "messaging", "/messaging/usage")
      .needs(auth::Feature::messaging)
      .get("", api::bind(impl, usage), Action::write_customers);
}

}  // namespace mg::messaging
