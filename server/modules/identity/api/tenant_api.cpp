// /tenant/theme and the demo tenant (POST /users/seed-demo).
#include <array>
#include <regex>

#include "libs/auth/password.hpp"
#include "modules/identity/api/labels.hpp"
#include "modules/identity/domain/themes.hpp"
#include "modules/identity/identity_impl.hpp"
#include "modules/identity/store/accounts_store.hpp"

namespace mg::identity {
namespace {

constexpr const char* kDemoEmail = "demo@motogestor.com";
constexpr const char* kDemoPassword = "demo123";
// The demo workshop's other logins (same password): two mechanics and the front desk, so
// each role can be tried; the team module links them to its staff records by e-mail.
struct DemoUser {
  const char* name;
  const char* email;
  const char* role;
};
constexpr std::array<DemoUser, 3> kDemoUsers{{
    {"Carlos Mendes", "mecanico1@motogestor.com", "MECHANIC"},
    {"Rafael Teixeira", "mecanico2@motogestor.com", "MECHANIC"},
    {"Patrícia Nogueira", "atendente@motogestor.com", "ATTENDANT"},
}};
constexpr std::array<const char*, 5> kPaletteKeys = {"primary", "secondary", "accent", "background",
                                                     "surface"};

json::object theme_json(const Theme& t) {
  return json::object{{"id", t.id},           {"name", t.name},
                      {"primary", t.primary}, {"secondary", t.secondary},
                      {"accent", t.accent},   {"background", t.background},
                      {"surface", t.surface}};
}

json::object theme_body(const store::TenantRow& tenant) {
  auto plan = auth::parse_plan(tenant.plan).value_or(auth::Plan::basic);
  json::array themes;
  for (const auto& t : themes_for(plan)) themes.push_back(theme_json(t));
  json::value palette = nullptr;
  if (tenant.custom_palette)
    if (auto p = json::parse(*tenant.custom_palette)) palette = std::move(*p);
  return json::object{
      {"tenant",
       json::object{{"id", tenant.id.value}, {"name", tenant.name}, {"plan", tenant.plan}}},
      {"themes", std::move(themes)},
      {"current_theme", tenant.theme},
      {"custom_palette", std::move(palette)},
      {"custom_allowed", auth::has_feature(plan, auth::Feature::custom_theme)},
      {"custom_only_enterprise", true}};
}

http::Response get_theme(Identity::Impl&, api::Context& ctx) {
  auto body = ctx.transaction([&](db::Tx& tx) {
    auto tenant = store::find_tenant(ctx.tenant(), tx);
    if (!tenant) throw errors::not_found();
    return theme_body(*tenant);
  });
  return api::ok(body);
}

// Chooses a theme of the plan, or (ENTERPRISE) a custom palette.
http::Response set_theme(Identity::Impl&, api::Context& ctx) {
  const auto& who = ctx.who();
  auto in = ctx.input(kFieldLabels);
  auto theme = in.text("theme", {.max_length = 40});
  std::optional<std::string> palette;
  if (const auto* p = ctx.object().if_contains("custom_palette"); p && !p->is_null()) {
    if (!auth::has_feature(who.plan, auth::Feature::custom_theme))
      throw errors::plan_required("Paleta personalizada requer o plano Enterprise.");
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
  if (theme && !theme_allowed(who.plan, *theme))
    in.fail("theme", "tema indisponível no plano atual");
  in.check();
  auto out = ctx.transaction([&](db::Tx& tx) {
    store::update_theme(who.tenant, tx, palette ? "custom" : *theme, palette);
    auto tenant = store::find_tenant(who.tenant, tx);
    if (!tenant) throw errors::not_found();
    return theme_body(*tenant);
  });
  return api::ok(out);
}

// The caller's plan (the token's: what the plan gate reads) and what each plan includes, so the
// web app shows them without a copy of the table.
http::Response get_plan(Identity::Impl&, api::Context& ctx) {
  const auto plan = ctx.who().plan;
  json::array plans;
  for (auto p : auth::kAllPlans) {
    json::array features;
    for (auto f : auth::kAllFeatures)
      if (auth::has_feature(p, f)) features.emplace_back(auth::to_string(f));
    plans.emplace_back(json::object{{"plan", auth::to_string(p)},
                                    {"label", auth::label_pt(p)},
                                    {"current", p == plan},
                                    {"features", std::move(features)}});
  }
  json::array features;
  for (auto f : auth::kAllFeatures)
    features.emplace_back(json::object{{"feature", auth::to_string(f)},
                                       {"label", auth::label_pt(f)},
                                       {"minimum_plan", auth::to_string(auth::minimum_plan(f))},
                                       {"included", auth::has_feature(plan, f)}});
  return api::ok(json::object{{"plan", auth::to_string(plan)},
                              {"label", auth::label_pt(plan)},
                              {"plans", std::move(plans)},
                              {"features", std::move(features)}});
}

http::Response seed_demo(Identity::Impl& impl, api::Context&) {
  auto [created, tenant_id] = seed_demo_tenant(impl);
  // The contract answers 201 either way: the demo exists afterwards.
  return api::created(
      json::object{{"message", created ? "Oficina demo criada." : "Oficina demo já existe."},
                   {"tenant_id", tenant_id.value},
                   {"email", kDemoEmail}});
}

}  // namespace

std::pair<bool, TenantId> seed_demo_tenant(Identity::Impl& impl) {
  auto existing = impl.db.global([&](db::Tx& tx) { return store::find_login(tx, kDemoEmail); });
  if (existing) return {false, existing->tenant_id};
  const std::string hash = auth::hash_password(kDemoPassword);
  auto created = impl.db.global([&](db::Tx& tx) -> Result<TenantId> {
    const auto tenant = store::open_tenant(tx);
    store::insert_tenant(tenant, tx, "Oficina Demo", "PREMIUM");
    auto user = store::insert_user(tenant, tx, "Demo", kDemoEmail, hash, "OWNER");
    if (!user) return user.error();
    for (const auto& u : kDemoUsers)
      if (auto other = store::insert_user(tenant, tx, u.name, u.email, hash, u.role); !other)
        return other.error();
    if (impl.demo_seeder) impl.demo_seeder(tx, tenant, *user);
    return tenant;
  });
  if (created) return {true, *created};
  // Another request created it at the same moment (the e-mail clashed).
  auto again = impl.db.global([&](db::Tx& tx) { return store::find_login(tx, kDemoEmail); });
  return {false, again ? again->tenant_id : TenantId{}};
}

void register_tenant_routes(Identity::Impl& impl, api::Routes& routes) {
  api::Resource(routes, "identity", "/tenant")
      .get("/theme", api::bind(impl, get_theme))
      .get("/plan", api::bind(impl, get_plan))
      .patch("/theme", api::bind(impl, set_theme), auth::Action::manage_users);
  if (impl.settings.demo_routes)
    api::Resource(routes, "identity", "/users")
        .open()
        .heavy()
        .post("/seed-demo", api::bind(impl, seed_demo));
}

}  // namespace mg::identity
