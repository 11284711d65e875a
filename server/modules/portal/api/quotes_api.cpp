// POST /management/os/{id}/quote: send the order's quote (a new version and its link).
#include "modules/portal/api/labels.hpp"
#include "modules/portal/portal_impl.hpp"
#include "modules/portal/store/quotes_store.hpp"

namespace mg::portal {
namespace {

using auth::Action;

// CDC art. 40: a quote is valid for 10 days unless it says otherwise.
constexpr int kDefaultValidityDays = 10;
constexpr int kMaxValidityDays = 60;

http::Response send_quote(Portal::State& st, api::Context& ctx) {
  const auto order = ctx.path<workshop::OrderId>();
  std::optional<std::int64_t> days;
  std::optional<std::string> message;
  if (ctx.has_body()) {
    auto in = ctx.input(kFieldLabels);
    days = in.integer("expires_in_days", {.min = 1, .max = kMaxValidityDays});
    message = in.text("message", {.max_length = 1000});
    if (message && message->empty()) message.reset();
    in.check();
  }
  store::NewQuote q{order, static_cast<int>(days.value_or(kDefaultValidityDays)), message,
                    ctx.user(), st.settings.public_base_url};
  auto sent = ctx.transaction([&](db::Tx& tx) {
                   return store::send_quote(ctx.tenant(), tx, ctx.events(), q);
                 })
                  .value();
  return api::created(json::object{{"version", sent.version},
                                   {"token", sent.token},
                                   {"url", sent.url},
                                   {"expires_at", sent.expires_at},
                                   {"whatsapp_url", boost::json::value_from(sent.whatsapp_url)}});
}

}  // namespace

void register_quote_routes(api::Routes& routes, Portal::State& state) {
  // A POST, not a create route: an Idempotency-Key would store the answer, and with it the
  // link's token, in clear; a repeated send only makes the next version.
  api::Resource(routes, "portal", "/management/os/{id}/quote")
      .needs(auth::Feature::quotes)
      .post("", api::bind(state, send_quote), Action::write_orders);
}

}  // namespace mg::portal
