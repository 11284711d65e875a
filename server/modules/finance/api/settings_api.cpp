// /financial/settings: the PIX key, merchant name and city of the workshop's
// BR Codes. Read by OWNER and MANAGER (who show the codes); changed by the OWNER.
#include "modules/finance/domain/pix.hpp"
#include "modules/finance/finance_impl.hpp"
#include "modules/finance/store/settings_store.hpp"

namespace mg::finance {
namespace {

using auth::Action;

json::object settings_json(const store::SettingsRow& s, auth::Role role) {
  auto out = json::to_object(s);
  out["configured"] = s.pix_key && s.merchant_name && s.merchant_city;
  out["can"] = json::object{{"edit", auth::allowed(role, Action::manage_users)}};
  return out;
}

http::Response get_settings(api::Context& ctx) {
  return api::ok(settings_json(store::find_settings(ctx.tenant(), ctx.db()), ctx.role()));
}

// EMV "ans" text: what ascii() keeps must still be there, and fit.
std::optional<std::string> read_ans(json::Input& in, std::string_view key, std::size_t max) {
  auto text = optional_text(in, key, 120);
  if (!text) return std::nullopt;
  const auto plain = pix::ascii(*text);
  if (plain.empty()) {
    in.fail(std::string(key), "use letras e números");
    return std::nullopt;
  }
  if (plain.size() > max) {
    in.fail(std::string(key),
            "máximo de " + std::to_string(max) + " caracteres (limite do PIX); abrevie");
    return std::nullopt;
  }
  return text;
}

http::Response update_settings(api::Context& ctx) {
  auto in = ctx.input();
  store::SettingsPatch p;
  if (in.has("pix_key")) {
    std::optional<pix::KeyType> type;
    if (auto t = optional_text(in, "pix_key_type", 10)) {
      type = pix::parse_key_type(*t);
      if (!type) in.fail("pix_key_type", "use CPF, CNPJ, EMAIL, PHONE ou EVP");
    }
    auto text = optional_text(in, "pix_key", 100);
    p.pix_key = std::optional<std::string>{};
    p.pix_key_type = std::optional<std::string>{};
    if (text && in.ok()) {
      if (auto key = pix::parse_key(*text, type)) {
        p.pix_key = key->value;
        p.pix_key_type = std::string(pix::to_string(key->type));
      } else {
        in.fail("pix_key", type ? "chave inválida para o tipo informado"
                                : "chave PIX inválida (CPF, CNPJ, e-mail, +55 e o telefone, "
                                  "ou chave aleatória)");
      }
    }
  }
  if (in.has("merchant_name")) p.merchant_name = read_ans(in, "merchant_name", 25);
  if (in.has("merchant_city")) p.merchant_city = read_ans(in, "merchant_city", 15);
  in.check();
  auto row = ctx.transaction([&](db::Tx& tx) {
    store::save_settings(ctx.tenant(), tx, p, ctx.user());
    return store::find_settings(ctx.tenant(), tx);
  });
  return api::ok(settings_json(row, ctx.role()));
}

}  // namespace

void register_settings_routes(api::Routes& routes) {
  api::Resource(routes, "finance", "/financial/settings")
      .get("", get_settings, Action::finance)
      .patch("", update_settings, Action::manage_users);
}

}  // namespace mg::finance
