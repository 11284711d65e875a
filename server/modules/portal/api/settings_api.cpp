// /management/portal-settings: what the customer's page shows of the workshop (its phone).
#include "libs/br/contacts.hpp"
#include "modules/portal/api/labels.hpp"
#include "modules/portal/portal_impl.hpp"
#include "modules/portal/store/quotes_store.hpp"

namespace mg::portal {
namespace {

using auth::Action;

json::object settings_json(const std::optional<std::string>& phone) {
  return json::object{{"phone", boost::json::value_from(phone)}};
}

http::Response get_settings(Portal::State&, api::Context& ctx) {
  return api::ok(settings_json(store::read_phone(ctx.tenant(), ctx.db())));
}

http::Response update_settings(Portal::State&, api::Context& ctx) {
  auto in = ctx.input(kFieldLabels);
  std::optional<std::string> phone;
  if (auto text = in.text("phone", {.max_length = 30}); text && !text->empty()) {
    phone = br::phone_digits(*text);
    if (!br::is_valid_phone(*phone)) in.fail("phone", "telefone inválido");
  }
  in.check();
  ctx.transaction([&](db::Tx& tx) { store::save_phone(ctx.tenant(), tx, phone); });
  return api::ok(settings_json(phone));
}

}  // namespace

void register_settings_routes(api::Routes& routes, Portal::State& state) {
  api::Resource(routes, "portal", "/management/portal-settings")
      .needs(auth::Feature::quotes)
      .get("", api::bind(state, get_settings), Action::read_workshop)
      .patch("", api::bind(state, update_settings), Action::manage_users);
}

}  // namespace mg::portal
