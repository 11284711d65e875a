// /management/customers: list, detail (with motorcycles), create, update, deactivate.
#include "libs/br/contacts.hpp"
#include "libs/br/documents.hpp"
#include "modules/workshop/api/labels.hpp"
#include "modules/workshop/workshop_impl.hpp"

namespace mg::workshop {
namespace {

using auth::Action;

// A POST's or PATCH's body, read and checked once: what it sets. A PATCH
// changes only what the body names (a present null clears the field).
struct CustomerPatch {
  std::optional<std::string> name;
  std::optional<std::optional<std::string>> phone, email, document, notes;
  std::optional<bool> is_active;

  store::CustomerFields onto(store::CustomerFields f) const {
    if (name) f.name = *name;
    if (phone) f.phone = *phone;
    if (email) f.email = *email;
    if (document) f.document = *document;
    if (notes) f.notes = *notes;
    if (is_active) f.is_active = *is_active;
    return f;
  }
};

CustomerPatch read_customer(json::Input& in, bool create) {
  CustomerPatch p;
  if (create || in.has("name")) p.name = in.text("name", {.required = true, .max_length = 120});
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
  if (in.has("document")) {
    auto document = optional_text(in, "document", 30);
    if (document) {
      if (auto doc = br::parse_document(*document)) {
        document = doc->value;
      } else {
        in.fail("document", "CPF ou CNPJ inválido");
      }
    }
    p.document = document;
  }
  if (in.has("notes")) p.notes = optional_text(in, "notes", 2000);
  if (!create) p.is_active = in.boolean("is_active");
  return p;
}

api::ReadPlan list_customers(api::Context& ctx) {
  return api::plan(
      store::read_customers({ctx.query_text("q"), read_active_filter(ctx)}, ctx.page()),
      [role = ctx.role()](const db::Page<store::CustomerRow>& page) {
        return api::list_written(
            page, [&](std::string& out, const auto& c) { write_customer(out, c, role); });
      });
}

api::ReadPlan get_customer(api::Context& ctx) {
  return api::plan(store::read_customer(ctx.path<CustomerId>()),
                   [role = ctx.role()](const std::optional<store::CustomerDetail>& d) {
                     if (!d) throw errors::not_found("Cliente não encontrado.");
                     json::array motos;
                     for (const auto& m : d->motorcycles) motos.push_back(motorcycle_json(m, role));
                     std::string out;
                     write_customer(out, d->customer, role);
                     out.pop_back();  // the closing brace: one more member
                     json::write_member(out, "motorcycles", json::value(std::move(motos)));
                     out += '}';
                     return api::ok_written(std::move(out));
                   });
}

http::Response create_customer(api::Context& ctx) {
  auto in = ctx.input(kFieldLabels);
  const auto fields = read_customer(in, true).onto({});
  in.check();
  auto id =
      ctx.transaction([&](db::Tx& tx) { return store::insert_customer(ctx.tenant(), tx, fields); });
  return api::created(json::object{{"id", id.value().value}, {"name", fields.name}});
}

http::Response update_customer(api::Context& ctx) {
  const auto tenant = ctx.tenant();
  const auto id = ctx.path<CustomerId>();
  auto in = ctx.input(kFieldLabels);
  const auto patch = read_customer(in, false);
  in.check();
  // Deactivating (or reactivating) is its own right, whichever route does it.
  if (patch.is_active)
    ctx.require(Action::deactivate_customers,
                "Você não tem permissão para ativar ou desativar clientes.");
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<std::string> {
    auto current = store::find_customer(tenant, tx, id, true);
    if (!current) return fail::not_found("Cliente não encontrado.");
    const auto fields = patch.onto({current->name, current->phone, current->email,
                                    current->document, current->notes, current->is_active});
    if (auto updated = store::update_customer(tenant, tx, id, fields); !updated)
      return updated.error();
    std::string out;
    write_customer(out, *store::find_customer(tenant, tx, id), ctx.role());
    return out;
  });
  return api::ok_written(body.value());
}

http::Response deactivate_customer(api::Context& ctx) {
  const auto id = ctx.path<CustomerId>();
  if (!ctx.transaction(
          [&](db::Tx& tx) { return store::deactivate_customer(ctx.tenant(), tx, id); }))
    throw errors::not_found("Cliente não encontrado.");
  return api::ok(json::object{{"message", "Cliente desativado."}, {"id", id.value}});
}

}  // namespace

void write_customer(std::string& out, const store::CustomerRow& c, auth::Role role) {
  out += '{';
  json::write_members(out, c);
  out += ",\"can\":{";
  json::write_member(out, "edit", auth::allowed(role, Action::write_customers));
  json::write_member(out, "deactivate", auth::allowed(role, Action::deactivate_customers));
  out += "}}";
}

void register_customer_routes(api::Routes& routes) {
  api::Resource(routes, "workshop", "/management/customers")
      .read("", list_customers, Action::read_workshop)
      .read("/{id}", get_customer, Action::read_workshop)
      .create("", create_customer, Action::write_customers)
      .patch("/{id}", update_customer, Action::write_customers)
      .del("/{id}", deactivate_customer, Action::deactivate_customers);
}

}  // namespace mg::workshop
