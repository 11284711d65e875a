// /teamcrm/staff: list, detail, the caller's own record, create, update (deactivate with
// is_active: false; rows are never deleted, orders and tasks keep naming them).
#include "libs/br/contacts.hpp"
#include "modules/team/api/labels.hpp"
#include "modules/team/team_impl.hpp"

namespace mg::team {
namespace {

using auth::Action;

// A POST's or PATCH's body, read and checked once: what it sets. A PATCH changes only what
// the body names (a present null clears the field).
struct StaffPatch {
  std::optional<std::string> name;
  std::optional<std::optional<std::string>> role, phone, email;
  std::optional<std::optional<UserId>> user_id;
  std::optional<bool> is_active;
  std::optional<Percent> labor_commission, parts_commission;

  store::StaffFields onto(store::StaffFields f) const {
    if (name) f.name = *name;
    if (role) f.role = *role;
    if (phone) f.phone = *phone;
    if (email) f.email = *email;
    if (user_id) f.user_id = *user_id;
    if (is_active) f.is_active = *is_active;
    if (labor_commission) f.labor_commission = *labor_commission;
    if (parts_commission) f.parts_commission = *parts_commission;
    return f;
  }
};

// 0 to 100 with up to two decimals (10.5).
std::optional<Percent> read_percent(json::Input& in, std::string_view key) {
  auto hundredths = in.cents(key);
  if (!hundredths) return std::nullopt;
  if (*hundredths > kMaxPercent) {
    in.fail(std::string(key), "deve ser no máximo 100");
    return std::nullopt;
  }
  return Percent{static_cast<int>(*hundredths)};
}

StaffPatch read_staff(json::Input& in, bool create) {
  StaffPatch p;
  if (create || in.has("name")) p.name = in.text("name", {.required = true, .max_length = 120});
  if (in.has("role")) p.role = optional_text(in, "role", 60);
  if (in.has("phone")) {
    auto phone = optional_text(in, "phone", 30);
    if (phone) {
      *phone = br::phone_digits(*phone);
      if (!br::is_valid_phone(*phone)) in.fail("phone", "telefone inválido (8 a 13 dígitos)");
    }
    p.phone = phone;
  }
  if (in.has("email")) {
    auto email = optional_text(in, "email", 254);
    if (email) {
      *email = br::normalize_email(*email);
      if (!br::is_valid_email(*email)) in.fail("email", "e-mail inválido");
    }
    p.email = email;
  }
  if (in.has("user_id")) p.user_id = read_id<UserId>(in, "user_id");
  p.is_active = in.boolean("is_active");
  if (in.has("labor_commission_percent"))
    p.labor_commission = read_percent(in, "labor_commission_percent").value_or(Percent{});
  if (in.has("parts_commission_percent"))
    p.parts_commission = read_percent(in, "parts_commission_percent").value_or(Percent{});
  return p;
}

// `active=1|0` (API.md §5); absent or `all`: everyone.
std::optional<bool> read_active(const api::Context& ctx) {
  auto v = ctx.query("active");
  if (!v || v->empty() || *v == "all") return std::nullopt;
  if (*v == "1" || *v == "true") return true;
  if (*v == "0" || *v == "false") return false;
  throw errors::bad_request("Parâmetro 'active' deve ser 1, 0 ou all.");
}

json::object staff_json(const store::StaffRow& s, auth::Role role) {
  auto out = json::to_object(s);
  const bool manager = auth::allowed(role, Action::manage_staff);
  // A colleague's commission is the managers' business.
  if (!manager) {
    out["labor_commission_percent"] = nullptr;
    out["parts_commission_percent"] = nullptr;
  }
  // Logins' e-mails are for those who read the users (GET /users).
  if (!auth::allowed(role, Action::read_users)) out["user_email"] = nullptr;
  out["can"] = json::object{{"edit", manager}};
  return out;
}

http::Response list_staff(api::Context& ctx) {
  auto page = store::list_staff(ctx.tenant(), ctx.db(), {read_active(ctx)}, ctx.page());
  return api::list(page, [&](const auto& s) { return staff_json(s, ctx.role()); });
}

http::Response get_staff(api::Context& ctx) {
  auto s = store::find_staff(ctx.tenant(), ctx.db(), ctx.path<StaffId>());
  if (!s) throw errors::not_found("Membro da equipe não encontrado.");
  return api::ok(staff_json(*s, ctx.role()));
}

http::Response my_staff(api::Context& ctx) {
  auto s = store::find_staff_of_user(ctx.tenant(), ctx.db(), ctx.user());
  if (!s) throw errors::not_found("Seu login não está ligado a um membro da equipe.");
  return api::ok(staff_json(*s, ctx.role()));
}

http::Response create_staff(api::Context& ctx) {
  auto in = ctx.input(kFieldLabels);
  const auto fields = read_staff(in, true).onto({});
  in.check();
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    auto id = store::insert_staff(ctx.tenant(), tx, fields);
    if (!id) return id.error();
    return staff_json(*store::find_staff(ctx.tenant(), tx, *id), ctx.role());
  });
  return api::created(body.value());
}

http::Response update_staff(api::Context& ctx) {
  const auto tenant = ctx.tenant();
  const auto id = ctx.path<StaffId>();
  auto in = ctx.input(kFieldLabels);
  const auto patch = read_staff(in, false);
  in.check();
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    auto current = store::find_staff(tenant, tx, id, true);
    if (!current) return fail::not_found("Membro da equipe não encontrado.");
    const auto fields = patch.onto(
        {current->name, current->role, current->phone, current->email, current->user_id,
         current->is_active, current->labor_commission_percent, current->parts_commission_percent});
    if (auto updated = store::update_staff(tenant, tx, id, fields); !updated)
      return updated.error();
    return staff_json(*store::find_staff(tenant, tx, id), ctx.role());
  });
  return api::ok(body.value());
}

}  // namespace

void register_staff_routes(api::Routes& routes) {
  api::Resource(routes, "team", "/teamcrm/staff")
      .get("", list_staff, Action::read_workshop)
      .get("/me", my_staff, Action::read_workshop)
      .get("/{id}", get_staff, Action::read_workshop)
      .create("", create_staff, Action::manage_staff)
      .patch("/{id}", update_staff, Action::manage_staff);
}

}  // namespace mg::team
