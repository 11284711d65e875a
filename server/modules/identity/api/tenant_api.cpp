// /tenant/theme and the demo tenant (POST /users/seed-demo).
#include <regex>

#include "libs/auth/password.hpp"
#include "modules/identity/identity_impl.hpp"
#include "modules/identity/store/accounts_store.hpp"

namespace mg::identity {
namespace {

constexpr const char* kDemoEmail = "demo@motogestor.com";
constexpr const char* kDemoPassword = "demo123";
constexpr std::array<const char*, 5> kPaletteKeys = {"primary", "secondary", "accent", "background",
                                                     "surface"};

json::object theme_json(const auth::Theme& t) {
  return json::object{{"id", t.id},           {"name", t.name},
                      {"primary", t.primary}, {"secondary", t.secondary},
                      {"accent", t.accent},   {"background", t.background},
                      {"surface", t.surface}};
}

json::object theme_body(const store::TenantRow& tenant) {
  auto plan = auth::parse_plan(tenant.plan).value_or(auth::Plan::basic);
  json::array themes;
  for (const auto& t : auth::themes_for(plan)) themes.push_back(theme_json(t));
  json::value palette = nullptr;
  if (tenant.custom_palette) palette = json::parse(*tenant.custom_palette);
  return json::object{
      {"tenant", json::object{{"id", tenant.id}, {"name", tenant.name}, {"plan", tenant.plan}}},
      {"themes", std::move(themes)},
      {"current_theme", tenant.theme},
      {"custom_palette", std::move(palette)},
      {"custom_allowed", auth::has_feature(plan, auth::Feature::custom_theme)},
      {"custom_only_enterprise", true}};
}

http::Response get_theme(Identity::Impl& impl, http::Request& req) {
  auto body = impl.db.transaction(req.who().tenant_id, [&](db::Tx& tx) {
    auto tenant = store::find_tenant(tx);
    if (!tenant) throw errors::not_found();
    return theme_body(*tenant);
  });
  return http::json_response(body);
}

// Chooses a theme of the plan, or (ENTERPRISE) a custom palette.
http::Response set_theme(Identity::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  json::Input in(req.json());
  auto theme = in.text("theme", {.max_length = 40});
  std::optional<std::string> palette;
  const json::value& body = req.json();
  if (const auto* p = body.as_object().if_contains("custom_palette"); p && !p->is_null()) {
    auth::require_feature(who.plan, auth::Feature::custom_theme);
    static const std::regex kColor("^#[0-9a-fA-F]{6}$");
    json::object clean;
    if (!p->is_object()) {
      in.fail("custom_palette", "deve ser um objeto de cores");
    } else {
      for (const char* key : kPaletteKeys) {
        const auto* c = p->as_object().if_contains(key);
        if (!c || !c->is_string() || !std::regex_match(std::string(c->get_string()), kColor))
          in.fail(std::string("custom_palette.") + key, "cor no formato #RRGGBB");
        else
          clean[key] = *c;
      }
    }
    palette = json::dump(clean);
  }
  if (!theme && !palette) in.fail("theme", "obrigatório");
  if (theme && !auth::theme_allowed(who.plan, *theme))
    in.fail("theme", "tema indisponível no plano atual");
  in.check();
  auto out = impl.db.transaction(who.tenant_id, [&](db::Tx& tx) {
    auto tenant = store::find_tenant(tx);
    if (!tenant) throw errors::not_found();
    store::update_theme(tx, palette ? "custom" : *theme, palette);
    return theme_body(*store::find_tenant(tx));
  });
  return http::json_response(out);
}

http::Response seed_demo(Identity::Impl& impl, http::Request&) {
  auto [created, tenant_id] = seed_demo_tenant(impl);
  return http::json_response(
      json::object{{"message", created ? "Oficina demo criada." : "Oficina demo já existe."},
                   {"tenant_id", tenant_id},
                   {"email", kDemoEmail}},
      201);  // the contract answers 201 either way: the demo exists afterwards
}

}  // namespace

std::pair<bool, std::int64_t> seed_demo_tenant(Identity::Impl& impl) {
  auto existing = impl.db.global([&](db::Tx& tx) { return store::find_login(tx, kDemoEmail); });
  if (existing) return {false, existing->tenant_id};
  const std::string hash = auth::hash_password(kDemoPassword);
  try {
    auto tenant_id = impl.db.global([&](db::Tx& tx) {
      auto id = store::next_tenant_id(tx);
      store::set_tenant(tx, id);
      store::insert_tenant(tx, id, "Oficina Demo", "PREMIUM");
      auto user_id = store::insert_user(tx, "Demo", kDemoEmail, hash, "OWNER");
      for (const auto& seed : impl.demo_seeders) seed(tx, id, user_id);
      return id;
    });
    return {true, tenant_id};
  } catch (const db::Error& e) {
    if (!e.unique_violation()) throw;
    // Another request created it at the same moment.
    auto again = impl.db.global([&](db::Tx& tx) { return store::find_login(tx, kDemoEmail); });
    return {false, again ? again->tenant_id : 0};
  }
}

void register_tenant_routes(Identity::Impl& impl, http::Router& router) {
  router.add({.method = "GET",
              .pattern = "/tenant/theme",
              .handler = http::bind(impl, get_theme),
              .module = "identity"});
  router.add({.method = "PATCH",
              .pattern = "/tenant/theme",
              .handler = http::bind(impl, set_theme),
              .module = "identity",
              .action = auth::Action::manage_users});
  if (impl.settings.demo_routes)
    router.add({.method = "POST",
                .pattern = "/users/seed-demo",
                .handler = http::bind(impl, seed_demo),
                .module = "identity",
                .is_public = true});
}

}  // namespace mg::identity
