// /messaging/customers/{id}: a customer's consent to messages (LGPD: when and how it was
// given or withdrawn) and the Telegram deep link that ties their chat to them.
#include "modules/messaging/domain/crypto.hpp"
#include "modules/messaging/domain/json_path.hpp"
#include "modules/messaging/messaging_impl.hpp"
#include "modules/messaging/store/contacts_store.hpp"

namespace mg::messaging {
namespace {

using auth::Action;
using workshop::CustomerId;

constexpr std::string_view kSources[] = {"IN_PERSON", "FORM",     "PHONE",
                                         "WHATSAPP",  "TELEGRAM", "OTHER"};

http::Response get_contact(api::Context& ctx) {
  const auto id = ctx.path<CustomerId>();
  auto row = ctx.transaction([&](db::Tx& tx) { return store::find_contact(ctx.tenant(), tx, id); });
  if (!row) throw errors::not_found("Cliente não encontrado.");
  return api::ok(json::to_object(*row));
}

http::Response set_consent(api::Context& ctx) {
  const auto id = ctx.path<CustomerId>();
  auto in = ctx.input();
  auto opt_in = in.boolean("messaging_opt_in");
  if (!opt_in) in.fail("messaging_opt_in", "obrigatório (true ou false)");
  auto source = in.text("source", {.max_length = 20});
  if (source) source = upper(*source);
  if (source && !source->empty() &&
      std::find(std::begin(kSources), std::end(kSources), *source) == std::end(kSources))
    in.fail("source", "use IN_PERSON, FORM, PHONE, WHATSAPP, TELEGRAM ou OTHER");
  if (opt_in.value_or(false) && (!source || source->empty()))
    in.fail("source", "obrigatório ao registrar o consentimento (como foi dado)");
  in.check();
  auto row = ctx.transaction([&](db::Tx& tx) -> Result<store::ContactRow> {
    if (!store::find_contact(ctx.tenant(), tx, id))
      return fail::not_found("Cliente não encontrado.");
    store::set_consent(ctx.tenant(), tx, id, *opt_in,
                       source && !source->empty() ? *source : "OTHER");
    return *store::find_contact(ctx.tenant(), tx, id);
  });
  return api::ok(json::to_object(row.value()));
}

http::Response telegram_link(Messaging::Impl& impl, api::Context& ctx) {
  const auto id = ctx.path<CustomerId>();
  auto url = ctx.transaction([&](db::Tx& tx) -> Result<std::string> {
    if (!store::find_contact(ctx.tenant(), tx, id))
      return fail::not_found("Cliente não encontrado.");
    std::optional<std::string> bot;
    for (const auto& c : store::active_channels(ctx.tenant(), tx))
      if (c.kind == "TELEGRAM") {
        auto creds = impl.open(c.credentials);
        if (const auto* b = creds.if_contains("bot_username"); b && b->is_string())
          bot = std::string(b->as_string());
        break;
      }
    if (!bot)
      return fail::invalid(
          "Nenhum canal do Telegram ativo.",
          {{"channel", "cadastre o bot do Telegram em Configurações → Mensagens"}});
    const auto payload = crypto::random_token(24);  // 32 characters of [A-Za-z0-9_-]
    store::insert_telegram_link(ctx.tenant(), tx, id, payload);
    return "https://t.me/" + *bot + "?start=" + payload;
  });
  return api::created(json::object{{"url", url.value()}});
}

}  // namespace

void register_customer_routes(Messaging::Impl& impl, api::Routes& routes) {
  api::Resource(routes, "messaging", "/messaging/customers")
      .needs(auth::Feature::messaging)
      .get("/{id}", get_contact, Action::write_customers)
      .patch("/{id}", set_consent, Action::write_customers)
      .create("/{id}/telegram-link", api::bind(impl, telegram_link), Action::write_customers);
}

}  // namespace mg::messaging
