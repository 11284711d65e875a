// /messaging/channels: the workshop's WhatsApp and Telegram channels (OWNER). Credentials
// go in, sealed, and never come out; the answer carries the webhook URL to paste at the
// provider.
#include "modules/messaging/domain/crypto.hpp"
#include "modules/messaging/domain/json_path.hpp"
#include "modules/messaging/messaging_impl.hpp"

namespace mg::messaging {
namespace {

using auth::Action;

bool is_kind(std::string_view kind) {
  for (auto k : providers::kKinds)
    if (k == kind) return true;
  return false;
}

json::object channel_json(const Messaging::Impl& impl, const store::ChannelRow& c,
                          const json::object& credentials) {
  auto out = json::to_object(c);
  out["webhook_url"] = impl.webhook_url(c.id, c.kind, credentials);
  // Never the credentials themselves: which ones are set, and the non-secret bot name.
  json::array set;
  for (auto k : providers::credential_keys(c.kind)) set.emplace_back(k);
  out["credentials_set"] = std::move(set);
  // A delivery clears the last failure, so one kept means the channel fails since.
  out["failing"] = c.last_error.has_value();
  return out;
}

std::optional<std::string> read_url(json::Input& in, std::string_view key) {
  auto url = in.text(key, {.max_length = 300});
  if (!url || url->empty()) return std::nullopt;
  while (url->size() > 1 && url->back() == '/') url->pop_back();
  if (!url->starts_with("http://") && !url->starts_with("https://")) {
    in.fail(std::string(key), "use uma URL http:// ou https://");
    return std::nullopt;
  }
  return url;
}

// The credentials of `kind`, every field required text; problems go on
// credentials.<field>.
json::object read_credentials(json::Input& in, const std::string& kind, const json::object& body) {
  json::object out;
  const auto* given = body.if_contains("credentials");
  if (!given || !given->is_object()) {
    in.fail("credentials", "obrigatório (objeto com as credenciais do canal)");
    return out;
  }
  const auto& c = given->as_object();
  for (auto key : providers::credential_keys(kind)) {
    const auto* v = c.if_contains(key);
    if (!v || !v->is_string() || v->as_string().empty() || v->as_string().size() > 1000) {
      in.fail("credentials." + std::string(key), "obrigatório");
      continue;
    }
    out[key] = v->as_string();
  }
  if (kind == "TELEGRAM")
    if (auto* u = out.if_contains("bot_username"); u && u->is_string()) {
      std::string name(u->as_string());
      if (name.starts_with("@")) name.erase(0, 1);
      *u = name;
    }
  return out;
}

// The secret our webhook checks: Telegram's secret_token, Evolution's path segment.
void add_webhook_secret(json::object& credentials, const std::string& kind) {
  if (kind == "TELEGRAM" || kind == "EVOLUTION")
    credentials["webhook_secret"] = crypto::random_token(32);
}

http::Response list_channels(Messaging::Impl& impl, api::Context& ctx) {
  const auto rows = store::list_channels(ctx.tenant(), ctx.db());
  json::array out;
  auto sealed = ctx.transaction([&](db::Tx& tx) {
    std::vector<std::string> s;
    for (const auto& r : rows) s.push_back(*store::sealed_credentials(ctx.tenant(), tx, r.id));
    return s;
  });
  for (std::size_t i = 0; i < rows.size(); ++i)
    out.push_back(channel_json(impl, rows[i], impl.open(sealed[i])));
  return api::list(std::move(out), static_cast<std::int64_t>(rows.size()));
}

http::Response get_channel(Messaging::Impl& impl, api::Context& ctx) {
  const auto id = ctx.path<ChannelId>();
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    auto row = store::find_channel(ctx.tenant(), tx, id);
    if (!row) return fail::not_found("Canal não encontrado.");
    return channel_json(impl, *row, impl.open(*store::sealed_credentials(ctx.tenant(), tx, id)));
  });
  return api::ok(body.value());
}

// Telegram and Evolution are told where to deliver (Telegram also the secret it must carry),
// at creation and again with new credentials (a new bot or instance has no webhook); the
// channel stands either way, and `out` says whether the provider took it. WhatsApp's
// webhook is set in Meta's app dashboard, with the verify token.
void register_webhook(const Messaging::Impl& impl, const store::ChannelRow& row,
                      const json::object& credentials, json::object& out) {
  const providers::Channel provider{row.kind, row.api_base_url, credentials};
  const std::string url(out["webhook_url"].as_string());
  std::optional<std::optional<std::string>> error;
  if (row.kind == "TELEGRAM")
    error = providers::telegram_set_webhook(
        provider, url, std::string(credentials.at("webhook_secret").as_string()),
        impl.settings.http_timeout_ms);
  else if (row.kind == "EVOLUTION")
    error = providers::evolution_set_webhook(provider, url, impl.settings.http_timeout_ms);
  if (error) {
    out["webhook_registered"] = !*error;
    if (*error) out["webhook_error"] = **error;
  }
}

http::Response create_channel(Messaging::Impl& impl, api::Context& ctx) {
  auto in = ctx.input();
  store::ChannelFields f;
  f.kind = upper(in.text("kind", {.required = true, .max_length = 20}).value_or(""));
  if (!f.kind.empty() && !is_kind(f.kind))
    in.fail("kind", "use WHATSAPP_CLOUD, EVOLUTION ou TELEGRAM");
  f.name = in.text("name", {.max_length = 120}).value_or("");
  auto base = read_url(in, "api_base_url");
  json::object credentials;
  if (is_kind(f.kind)) {
    credentials = read_credentials(in, f.kind, ctx.object());
    f.api_base_url = base.value_or(providers::default_base_url(f.kind));
    if (f.api_base_url.empty() && in.ok())
      in.fail("api_base_url", "obrigatório para a Evolution API (o endereço do seu servidor)");
  }
  in.check();
  if (f.name.empty())
    f.name = f.kind == "TELEGRAM"    ? "Telegram"
             : f.kind == "EVOLUTION" ? "WhatsApp (Evolution)"
                                     : "WhatsApp";
  add_webhook_secret(credentials, f.kind);
  f.sealed_credentials = impl.seal(credentials);
  auto row = ctx.transaction([&](db::Tx& tx) {
    const auto id = store::insert_channel(ctx.tenant(), tx, f);
    return *store::find_channel(ctx.tenant(), tx, id);
  });
  auto out = channel_json(impl, row, credentials);
  register_webhook(impl, row, credentials, out);
  return api::created(out);
}

http::Response update_channel(Messaging::Impl& impl, api::Context& ctx) {
  const auto id = ctx.path<ChannelId>();
  auto in = ctx.input();
  auto name = in.text("name", {.max_length = 120});
  if (name && name->empty()) in.fail("name", "não pode ficar em branco");
  auto base = read_url(in, "api_base_url");
  auto active = in.boolean("is_active");
  in.check();
  struct Updated {
    store::ChannelRow row;
    json::object credentials;
    bool new_credentials = false;
  };
  auto updated = ctx.transaction([&](db::Tx& tx) -> Result<Updated> {
    auto row = store::find_channel(ctx.tenant(), tx, id);
    if (!row) return fail::not_found("Canal não encontrado.");
    auto credentials = impl.open(*store::sealed_credentials(ctx.tenant(), tx, id));
    std::optional<std::string> sealed;
    if (ctx.object().contains("credentials")) {
      json::Input again(ctx.object());
      auto fresh = read_credentials(again, row->kind, ctx.object());
      if (auto f = again.failure()) return *f;
      // The webhook keeps its secret: the URL pasted at the provider stays valid.
      if (auto* s = credentials.if_contains("webhook_secret")) fresh["webhook_secret"] = *s;
      credentials = fresh;
      sealed = impl.seal(credentials);
    }
    store::update_channel(ctx.tenant(), tx, id, name, base, sealed, active);
    return Updated{*store::find_channel(ctx.tenant(), tx, id), credentials, sealed.has_value()};
  });
  const auto& u = updated.value();
  auto out = channel_json(impl, u.row, u.credentials);
  // Outside the transaction: the provider's call holds no row lock.
  if (u.new_credentials && u.row.is_active) register_webhook(impl, u.row, u.credentials, out);
  return api::ok(out);
}

http::Response delete_channel(Messaging::Impl&, api::Context& ctx) {
  const auto id = ctx.path<ChannelId>();
  if (!ctx.transaction([&](db::Tx& tx) {
        return store::update_channel(ctx.tenant(), tx, id, {}, {}, {}, false);
      }))
    throw errors::not_found("Canal não encontrado.");
  return api::ok(json::object{{"message", "Canal desativado."}, {"id", id.value}});
}

}  // namespace

void register_channel_routes(Messaging::Impl& impl, api::Routes& routes) {
  api::Resource(routes, "messaging", "/messaging/channels")
      .needs(auth::Feature::messaging)
      .get("", api::bind(impl, list_channels), Action::manage_users)
      .get("/{id}", api::bind(impl, get_channel), Action::manage_users)
      .create("", api::bind(impl, create_channel), Action::manage_users)
      .patch("/{id}", api::bind(impl, update_channel), Action::manage_users)
      .del("/{id}", api::bind(impl, delete_channel), Action::manage_users);
}

}  // namespace mg::messaging
