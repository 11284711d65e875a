// /financial/receivables: list, detail (with payments), create (also in
// installments), from an order, edit, cancel, pay, refund a payment, PIX code.
#include "modules/finance/domain/pix.hpp"
#include "modules/finance/domain/qr_svg.hpp"
#include "modules/finance/finance_impl.hpp"
#include "modules/finance/store/settings_store.hpp"
#include "modules/workshop/workshop.hpp"

namespace mg::finance {
namespace {

using auth::Action;
using store::Ledger;

// status=PENDING,PARTIAL: any of them.
store::AccountFilter read_filter(const api::Context& ctx) {
  store::AccountFilter f;
  f.statuses = read_statuses(ctx);
  f.party = ctx.query_text("customer");
  f.customer_id = ctx.query_id<workshop::CustomerId>("customer_id");
  if (auto t = ctx.query("source_type"); t && !t->empty()) {
    if (*t != "MANUAL" && *t != "OS")
      throw errors::bad_request("Parâmetro 'source_type' deve ser MANUAL ou OS.");
    f.source_type = *t;
  }
  f.source_id = ctx.query_id<workshop::OrderId>("source_id");
  f.from_due = query_date(ctx, "from_due");
  f.to_due = query_date(ctx, "to_due");
  f.overdue = ctx.query_flag("overdue").value_or(false);
  f.installment_group = ctx.query_int("installment_group");
  return f;
}

json::object detail_json(const store::AccountDetail<store::ReceivableRow>& d) {
  auto body = receivable_json(d.account);
  json::array payments;
  for (const auto& p : d.payments) payments.push_back(payment_json(p));
  body["payments"] = std::move(payments);
  return body;
}

http::Response list_receivables(api::Context& ctx) {
  auto page = store::list_receivables(ctx.tenant(), ctx.db(), read_filter(ctx), ctx.page());
  return api::list(page, receivable_json);
}

http::Response get_receivable(api::Context& ctx) {
  auto d = store::find_receivable(ctx.tenant(), ctx.db(), ctx.path<ReceivableId>());
  if (!d) throw errors::not_found("Conta a receber não encontrada.");
  return api::ok(detail_json(*d));
}

// 201 {id, installment_group, installments: [{id, installment_number, amount, due_date}]}.
http::Response created_answer(const std::vector<std::int64_t>& ids, const store::NewReceivable& r) {
  json::array parts;
  for (std::size_t i = 0; i < ids.size(); ++i)
    parts.push_back(json::object{
        {"id", ids[i]},
        {"installment_number", static_cast<std::int64_t>(i + 1)},
        {"amount", json::money(r.amounts[i])},
        {"due_date", r.due_dates[i] ? json::value(*r.due_dates[i]) : json::value(nullptr)}});
  json::object body{{"id", ids.front()}, {"installments", std::move(parts)}};
  body["installment_group"] = ids.size() > 1 ? json::value(ids.front()) : json::value(nullptr);
  return api::created(body);
}

// The customer named by customer_id: an active customer of this tenant (422 otherwise).
Result<workshop::CustomerSummary> customer_of(db::Tx& tx, TenantId tenant,
                                              workshop::CustomerId id) {
  auto c = workshop::find_customer_summary(tenant, tx, id);
  if (!c || !c->is_active)
    return fail::invalid("Cliente não encontrado ou inativo.",
                         {{"customer_id", "cliente não encontrado ou inativo"}});
  return *c;
}

// An order's receivable (POST /from-os, and POST with source_type OS).
http::Response create_for_order(api::Context& ctx, json::Input& in, std::string_view order_key) {
  auto order_id = in.integer(order_key, {.required = true, .min = 1});
  auto due = read_date(in, "due_date", true);
  auto amount = in.cents("amount");
  if (amount && *amount == 0) in.fail("amount", "deve ser maior que zero");
  store::NewReceivable r;
  r.source_type = "OS";
  r.customer_name = optional_text(in, "customer_name", 120);
  r.description = optional_text(in, "description", 500);
  r.issue_date = read_date(in, "issue_date");
  r.notes = optional_text(in, "notes", 2000);
  in.integer("installments", {.min = 1, .max = kMaxInstallments});
  in.integer("interval_days", {.min = 1, .max = kMaxIntervalDays});
  in.check();
  const auto tenant = ctx.tenant();
  auto ids = ctx.transaction([&](db::Tx& tx) -> Result<std::vector<std::int64_t>> {
    auto order = workshop::find_order_summary(tenant, tx, workshop::OrderId{*order_id});
    if (!order)
      return fail::invalid("OS não encontrada.", {{std::string(order_key), "OS não encontrada"}});
    if (order->status == "CANCELLED")
      return fail::conflict("OS cancelada não gera conta a receber.",
                            {{std::string(order_key), "OS cancelada"}});
    const auto total = amount.value_or(order->total_amount);
    if (total <= 0)
      return fail::invalid("A OS não tem valor a receber: informe o valor.",
                           {{"amount", "a OS está sem valor"}});
    auto schedule = read_schedule(in, total, due);
    if (!schedule) return *in.failure();
    r.source_id = order->id;
    r.customer_id = order->customer_id;
    if (!r.customer_name) r.customer_name = order->customer_name;
    if (!r.description) r.description = "OS #" + std::to_string(order->number);
    r.amounts = schedule->amounts;
    r.due_dates = schedule->due_dates;
    return store::insert_receivables(tenant, tx, r, ctx.user());
  });
  return created_answer(ids.value(), r);
}

http::Response create_receivable(api::Context& ctx) {
  auto in = ctx.input();
  auto source_type = optional_text(in, "source_type", 10).value_or("MANUAL");
  if (source_type != "MANUAL" && source_type != "OS") in.fail("source_type", "use MANUAL ou OS");
  if (source_type == "OS") return create_for_order(ctx, in, "source_id");
  auto amount = in.cents("amount", {.required = true});
  if (amount && *amount == 0) in.fail("amount", "deve ser maior que zero");
  auto due = read_date(in, "due_date", true);
  store::NewReceivable r;
  r.customer_name = optional_text(in, "customer_name", 120);
  auto customer_id = in.integer("customer_id", {.min = 1});
  r.description = optional_text(in, "description", 500);
  r.issue_date = read_date(in, "issue_date");
  r.notes = optional_text(in, "notes", 2000);
  auto schedule = read_schedule(in, amount, due);
  if (!customer_id && !r.customer_name)
    in.fail("customer_name", "informe o cliente (customer_name ou customer_id)");
  in.check();
  r.amounts = schedule->amounts;
  r.due_dates = schedule->due_dates;
  const auto tenant = ctx.tenant();
  auto ids = ctx.transaction([&](db::Tx& tx) -> Result<std::vector<std::int64_t>> {
    if (customer_id) {
      auto c = customer_of(tx, tenant, workshop::CustomerId{*customer_id});
      if (!c) return c.error();
      r.customer_id = c->id;
      if (!r.customer_name) r.customer_name = c->name;
    }
    return store::insert_receivables(tenant, tx, r, ctx.user());
  });
  return created_answer(ids.value(), r);
}

http::Response create_from_order(api::Context& ctx) {
  auto in = ctx.input();
  return create_for_order(ctx, in, "service_order_id");
}

http::Response update_receivable(api::Context& ctx) {
  const auto id = ctx.path<ReceivableId>();
  auto in = ctx.input();
  store::AccountPatch p;
  if (in.has("customer_name")) p.party_name = optional_text(in, "customer_name", 120);
  std::optional<std::optional<std::int64_t>> customer_id;
  if (in.has("customer_id")) customer_id = in.integer("customer_id", {.min = 1});
  if (in.has("description")) p.description = optional_text(in, "description", 500);
  if (in.has("notes")) p.notes = optional_text(in, "notes", 2000);
  if (in.has("issue_date")) p.issue_date = read_date(in, "issue_date", true);
  if (in.has("due_date")) p.due_date = read_date(in, "due_date", true);
  if (in.has("amount")) {
    p.amount = in.cents("amount", {.required = true});
    if (p.amount && *p.amount == 0) in.fail("amount", "deve ser maior que zero");
  }
  in.check();
  const auto tenant = ctx.tenant();
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    if (customer_id) {
      p.customer_id = std::optional<workshop::CustomerId>{};
      if (*customer_id) {
        auto c = customer_of(tx, tenant, workshop::CustomerId{**customer_id});
        if (!c) return c.error();
        p.customer_id = std::optional<workshop::CustomerId>(c->id);
      }
    }
    if (auto updated = store::update_account(tenant, tx, Ledger::receivables, id.value, p);
        !updated)
      return updated.error();
    return detail_json(*store::find_receivable(tenant, tx, id));
  });
  return api::ok(body.value());
}

http::Response cancel_receivable(api::Context& ctx) {
  const auto id = ctx.path<ReceivableId>();
  ctx.transaction([&](db::Tx& tx) {
       return store::cancel_account(ctx.tenant(), tx, Ledger::receivables, id.value, ctx.user());
     })
      .value();
  return api::ok(json::object{
      {"message", "Conta a receber cancelada."}, {"id", id.value}, {"status", "CANCELLED"}});
}

http::Response pay_receivable(api::Context& ctx) {
  const auto id = ctx.path<ReceivableId>();
  auto in = ctx.input();
  const auto payment = read_payment(in, true);
  in.check();
  auto settled = ctx.transaction([&](db::Tx& tx) {
                      return store::pay(ctx.tenant(), tx, ctx.events(), Ledger::receivables,
                                        id.value, payment, ctx.user());
                    })
                     .value();
  return api::ok(settled_json(settled, true,
                              settled.status == "PAID" ? "Pagamento registrado: conta quitada."
                                                       : "Pagamento parcial registrado."));
}

http::Response refund_payment(api::Context& ctx) {
  const auto id = ctx.path<ReceivableId>();
  const auto payment = ctx.path<PaymentId>("payment_id");
  auto settled = ctx.transaction([&](db::Tx& tx) {
                      return store::cancel_payment(ctx.tenant(), tx, Ledger::receivables, id.value,
                                                   payment, ctx.user());
                    })
                     .value();
  return api::ok(settled_json(settled, true, "Pagamento estornado."));
}

// GET /{id}/pix → {brcode, qr_svg, amount, txid, …}: a static BR Code of the open amount.
http::Response receivable_pix(api::Context& ctx) {
  const auto id = ctx.path<ReceivableId>();
  auto r = ctx.read({store::receivable_query(id), store::settings_query()});
  auto receivable = store::receivable_from(r[0]);
  if (!receivable) throw errors::not_found("Conta a receber não encontrada.");
  if (receivable->status != "PENDING" && receivable->status != "PARTIAL")
    throw errors::conflict(
        receivable->status == "PAID" ? "Esta conta já está paga." : "Esta conta está cancelada.",
        {{"status", receivable->status}});
  const auto settings = store::settings_from(r[1]);
  if (!settings.pix_key || !settings.merchant_name || !settings.merchant_city)
    throw errors::conflict(
        "Configure a chave PIX, o nome e a cidade do recebedor nas configurações financeiras.",
        {{"pix_key", "não configurada"}});
  pix::StaticCode code;
  code.key = *settings.pix_key;
  code.amount = receivable->open_amount.cents;
  code.merchant_name = *settings.merchant_name;
  code.merchant_city = *settings.merchant_city;
  code.txid = pix::txid_for_receivable(id.value);
  const auto brcode = pix::brcode(code);
  return api::ok(json::object{{"receivable_id", id.value},
                              {"brcode", brcode},
                              {"qr_svg", qr_svg(brcode)},
                              {"amount", json::money(receivable->open_amount.cents)},
                              {"txid", code.txid},
                              {"pix_key", code.key},
                              {"pix_key_type", *settings.pix_key_type},
                              {"merchant_name", pix::ascii(code.merchant_name)},
                              {"merchant_city", pix::ascii(code.merchant_city)}});
}

}  // namespace

void register_receivable_routes(api::Routes& routes) {
  api::Resource(routes, "finance", "/financial/receivables")
      .get("", list_receivables, Action::finance)
      .create("", create_receivable, Action::finance)
      .create("/from-os", create_from_order, Action::finance)
      .get("/{id}", get_receivable, Action::finance)
      .patch("/{id}", update_receivable, Action::finance)
      .del("/{id}", cancel_receivable, Action::finance)
      .patch("/{id}/pay", pay_receivable, Action::finance)
      .create("/{id}/pay", pay_receivable, Action::finance)
      .del("/{id}/payments/{payment_id}", refund_payment, Action::finance)
      .get("/{id}/pix", receivable_pix, Action::finance);
}

}  // namespace mg::finance
