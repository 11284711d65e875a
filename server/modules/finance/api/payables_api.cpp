// /financial/payables: the same shape as receivables, for what the workshop
// owes (supplier_name, category; paid_amount, paid_at).
#include "modules/finance/finance_impl.hpp"

namespace mg::finance {
namespace {

using auth::Action;
using store::Ledger;

const char* const kCategories = "use PARTS, RENT, UTILITIES, PAYROLL, TAXES ou OTHER";

bool valid_category(std::string_view c) {
  return c == "PARTS" || c == "RENT" || c == "UTILITIES" || c == "PAYROLL" || c == "TAXES" ||
         c == "OTHER";
}

json::object detail_json(const store::AccountDetail<store::PayableRow>& d) {
  auto body = payable_json(d.account);
  json::array payments;
  for (const auto& p : d.payments) payments.push_back(payment_json(p));
  body["payments"] = std::move(payments);
  return body;
}

http::Response list_payables(api::Context& ctx) {
  store::AccountFilter f;
  f.statuses = read_statuses(ctx);
  f.party = ctx.query_text("supplier");
  if (auto c = ctx.query("category"); c && !c->empty()) {
    if (!valid_category(*c))
      throw errors::bad_request("Parâmetro 'category' inválido: " + std::string(kCategories) + ".");
    f.category = *c;
  }
  f.from_due = query_date(ctx, "from_due");
  f.to_due = query_date(ctx, "to_due");
  f.overdue = ctx.query_flag("overdue").value_or(false);
  f.installment_group = ctx.query_int("installment_group");
  auto page = store::list_payables(ctx.tenant(), ctx.db(), f, ctx.page());
  return api::list(page, payable_json);
}

http::Response get_payable(api::Context& ctx) {
  auto d = store::find_payable(ctx.tenant(), ctx.db(), ctx.path<PayableId>());
  if (!d) throw errors::not_found("Conta a pagar não encontrada.");
  return api::ok(detail_json(*d));
}

std::optional<std::string> read_category(json::Input& in) {
  auto c = optional_text(in, "category", 20);
  if (c && !valid_category(*c)) {
    in.fail("category", kCategories);
    return std::nullopt;
  }
  return c;
}

http::Response create_payable(api::Context& ctx) {
  auto in = ctx.input();
  store::NewPayable p;
  auto supplier = in.text("supplier_name", {.required = true, .max_length = 120});
  p.category = read_category(in).value_or("OTHER");
  auto amount = in.cents("amount", {.required = true});
  if (amount && *amount == 0) in.fail("amount", "deve ser maior que zero");
  auto due = read_date(in, "due_date", true);
  p.description = optional_text(in, "description", 500);
  p.issue_date = read_date(in, "issue_date");
  p.notes = optional_text(in, "notes", 2000);
  auto schedule = read_schedule(in, amount, due);
  in.check();
  p.supplier_name = *supplier;
  p.amounts = schedule->amounts;
  p.due_dates = schedule->due_dates;
  auto ids = ctx.transaction([&](db::Tx& tx) {
                  return store::insert_payables(ctx.tenant(), tx, p, ctx.user());
                })
                 .value();
  json::array parts;
  for (std::size_t i = 0; i < ids.size(); ++i)
    parts.push_back(json::object{{"id", ids[i]},
                                 {"installment_number", static_cast<std::int64_t>(i + 1)},
                                 {"amount", json::money(p.amounts[i])},
                                 {"due_date", *p.due_dates[i]}});
  json::object body{{"id", ids.front()}, {"installments", std::move(parts)}};
  body["installment_group"] = ids.size() > 1 ? json::value(ids.front()) : json::value(nullptr);
  return api::created(body);
}

http::Response update_payable(api::Context& ctx) {
  const auto id = ctx.path<PayableId>();
  auto in = ctx.input();
  store::AccountPatch p;
  if (in.has("supplier_name"))
    p.party_name = in.text("supplier_name", {.required = true, .max_length = 120});
  if (in.has("category")) {
    p.category = read_category(in);
    if (!p.category && in.ok()) in.fail("category", kCategories);
  }
  if (in.has("description")) p.description = optional_text(in, "description", 500);
  if (in.has("notes")) p.notes = optional_text(in, "notes", 2000);
  if (in.has("issue_date")) p.issue_date = read_date(in, "issue_date", true);
  if (in.has("due_date")) p.due_date = read_date(in, "due_date", true);
  if (in.has("amount")) {
    p.amount = in.cents("amount", {.required = true});
    if (p.amount && *p.amount == 0) in.fail("amount", "deve ser maior que zero");
  }
  in.check();
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    if (auto updated = store::update_account(ctx.tenant(), tx, Ledger::payables, id.value, p);
        !updated)
      return updated.error();
    return detail_json(*store::find_payable(ctx.tenant(), tx, id));
  });
  return api::ok(body.value());
}

http::Response cancel_payable(api::Context& ctx) {
  const auto id = ctx.path<PayableId>();
  ctx.transaction([&](db::Tx& tx) {
       return store::cancel_account(ctx.tenant(), tx, Ledger::payables, id.value, ctx.user());
     })
      .value();
  return api::ok(json::object{
      {"message", "Conta a pagar cancelada."}, {"id", id.value}, {"status", "CANCELLED"}});
}

http::Response pay_payable(api::Context& ctx) {
  const auto id = ctx.path<PayableId>();
  auto in = ctx.input();
  const auto payment = read_payment(in, false);
  in.check();
  auto settled = ctx.transaction([&](db::Tx& tx) {
                      return store::pay(ctx.tenant(), tx, ctx.events(), Ledger::payables, id.value,
                                        payment, ctx.user());
                    })
                     .value();
  return api::ok(settled_json(settled, false,
                              settled.status == "PAID" ? "Pagamento registrado: conta quitada."
                                                       : "Pagamento parcial registrado."));
}

http::Response refund_payment(api::Context& ctx) {
  const auto id = ctx.path<PayableId>();
  const auto payment = ctx.path<PaymentId>("payment_id");
  auto settled = ctx.transaction([&](db::Tx& tx) {
                      return store::cancel_payment(ctx.tenant(), tx, Ledger::payables, id.value,
                                                   payment, ctx.user());
                    })
                     .value();
  return api::ok(settled_json(settled, false, "Pagamento estornado."));
}

}  // namespace

void register_payable_routes(api::Routes& routes) {
  api::Resource(routes, "finance", "/financial/payables")
      .get("", list_payables, Action::finance)
      .create("", create_payable, Action::finance)
      .get("/{id}", get_payable, Action::finance)
      .patch("/{id}", update_payable, Action::finance)
      .del("/{id}", cancel_payable, Action::finance)
      .patch("/{id}/pay", pay_payable, Action::finance)
      .create("/{id}/pay", pay_payable, Action::finance)
      .del("/{id}/payments/{payment_id}", refund_payment, Action::finance);
}

}  // namespace mg::finance
