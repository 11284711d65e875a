// /management/customers: list, detail (with motorcycles), create, update, deactivate.
#include "libs/br/contacts.hpp"
#include "libs/br/documents.hpp"
#include "libs/http/paging.hpp"
#include "modules/workshop/workshop_impl.hpp"

namespace mg::workshop {
namespace {

// The fields of a POST, or of a PATCH merged into the current row: only what the
// body names changes.
store::CustomerFields read_customer(json::Input& in, store::CustomerFields f, bool create) {
  if (create || in.has("name")) {
    auto name = in.text("name", {.required = true, .max_length = 120});
    if (name) f.name = *name;
  }
  if (in.has("phone")) {
    f.phone = optional_text(in, "phone", 30);
    if (f.phone) {
      *f.phone = br::phone_digits(*f.phone);
      if (!br::is_valid_phone(*f.phone)) in.fail("phone", "telefone inválido (8 a 13 dígitos)");
    }
  }
  if (in.has("email")) {
    f.email = optional_text(in, "email", 254);
    if (f.email) {
      *f.email = br::normalize_email(*f.email);
      if (!br::is_valid_email(*f.email)) in.fail("email", "e-mail inválido");
    }
  }
  if (in.has("document")) {
    f.document = optional_text(in, "document", 30);
    if (f.document) {
      auto doc = br::parse_document(*f.document);
      if (doc) {
        f.document = doc->value;
      } else {
        in.fail("document", "CPF ou CNPJ inválido");
      }
    }
  }
  if (in.has("notes")) f.notes = optional_text(in, "notes", 2000);
  return f;
}

http::Response list_customers(Workshop::Impl& impl, http::Request& req) {
  auto page = http::read_page(req);
  store::CustomerFilter filter{read_search(req), read_active_filter(req)};
  std::int64_t total = 0;
  json::array out;
  for (const auto& c : store::list_customers(impl.db, req.who().tenant_id, filter,
                                             {page.limit, page.offset}, total))
    out.push_back(customer_json(c, req.who().role));
  return http::list_response(std::move(out), total);
}

http::Response get_customer(Workshop::Impl& impl, http::Request& req) {
  auto d = store::find_customer_detail(impl.db, req.who().tenant_id, req.path_id("id"));
  if (!d) throw errors::not_found("Cliente não encontrado.");
  auto body = customer_json(d->customer, req.who().role);
  json::array motos;
  for (const auto& m : d->motorcycles) motos.push_back(motorcycle_json(m, req.who().role));
  body["motorcycles"] = std::move(motos);
  return http::json_response(body);
}

http::Response create_customer(Workshop::Impl& impl, http::Request& req) {
  json::Input in(req.json());
  auto fields = read_customer(in, {}, true);
  in.check();
  auto id = impl.db.transaction(req.who().tenant_id,
                                [&](db::Tx& tx) { return store::insert_customer(tx, fields); });
  return http::json_response(json::object{{"id", id}, {"name", fields.name}}, 201);
}

http::Response update_customer(Workshop::Impl& impl, http::Request& req) {
  const auto& who = req.who();
  const auto id = req.path_id("id");
  json::Input in(req.json());
  auto is_active = in.boolean("is_active");
  read_customer(in, {}, false);  // every problem of the body before the database
  in.check();
  // Deactivating (or reactivating) is its own right, whichever route does it.
  if (is_active && !auth::allowed(who.role, auth::Action::deactivate_customers))
    throw errors::forbidden("Você não tem permissão para ativar ou desativar clientes.");
  auto body = impl.db.transaction(who.tenant_id, [&](db::Tx& tx) {
    auto current = store::find_customer(tx, id, true);
    if (!current) throw errors::not_found("Cliente não encontrado.");
    store::CustomerFields base{current->name,     current->phone, current->email,
                               current->document, current->notes, current->is_active};
    auto fields = read_customer(in, base, false);
    if (is_active) fields.is_active = *is_active;
    store::update_customer(tx, id, fields);
    return customer_json(*store::find_customer(tx, id), who.role);
  });
  return http::json_response(body);
}

http::Response deactivate_customer(Workshop::Impl& impl, http::Request& req) {
  const auto id = req.path_id("id");
  bool found = impl.db.transaction(req.who().tenant_id,
                                   [&](db::Tx& tx) { return store::deactivate_customer(tx, id); });
  if (!found) throw errors::not_found("Cliente não encontrado.");
  return http::json_response(json::object{{"message", "Cliente desativado."}, {"id", id}});
}

}  // namespace

json::object customer_json(const store::CustomerRow& c, auth::Role role) {
  return json::object{
      {"id", c.id},
      {"name", c.name},
      {"phone", json::nullable(c.phone)},
      {"email", json::nullable(c.email)},
      {"document", json::nullable(c.document)},
      {"notes", json::nullable(c.notes)},
      {"is_active", c.is_active},
      {"created_at", c.created_at},
      {"updated_at", c.updated_at},
      {"can",
       json::object{{"edit", auth::allowed(role, auth::Action::write_customers)},
                    {"deactivate", auth::allowed(role, auth::Action::deactivate_customers)}}}};
}

void register_customer_routes(Workshop::Impl& impl, http::Router& router) {
  router.add({.method = "GET",
              .pattern = "/management/customers",
              .handler = http::bind(impl, list_customers),
              .module = "workshop",
              .action = auth::Action::read_workshop});
  router.add({.method = "GET",
              .pattern = "/management/customers/{id}",
              .handler = http::bind(impl, get_customer),
              .module = "workshop",
              .action = auth::Action::read_workshop});
  router.add({.method = "POST",
              .pattern = "/management/customers",
              .handler = http::bind(impl, create_customer),
              .module = "workshop",
              .action = auth::Action::write_customers});
  router.add({.method = "PATCH",
              .pattern = "/management/customers/{id}",
              .handler = http::bind(impl, update_customer),
              .module = "workshop",
              .action = auth::Action::write_customers});
  router.add({.method = "DELETE",
              .pattern = "/management/customers/{id}",
              .handler = http::bind(impl, deactivate_customer),
              .module = "workshop",
              .action = auth::Action::deactivate_customers});
}

}  // namespace mg::workshop
