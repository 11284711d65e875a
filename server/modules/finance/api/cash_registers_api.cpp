// /financial/cash-registers: the day's cash register (caixa): open with an
// opening balance, withdrawals (sangria) and supplies (suprimento), close with
// the counted amount → expected, counted, difference, totals per method.
#include "modules/finance/finance_impl.hpp"

namespace mg::finance {
namespace {

using auth::Action;

http::Response list_registers(api::Context& ctx) {
  store::RegisterFilter f;
  if (auto s = ctx.query("status"); s && !s->empty()) {
    if (*s != "OPEN" && *s != "CLOSED")
      throw errors::bad_request("Parâmetro 'status' deve ser OPEN ou CLOSED.");
    f.status = *s;
  }
  f.start = query_date(ctx, "start");
  f.end = query_date(ctx, "end");
  auto page = store::list_registers(ctx.tenant(), ctx.db(), f, ctx.page());
  return api::list(page, register_row_json);
}

http::Response get_register(api::Context& ctx) {
  auto d = store::find_register(ctx.tenant(), ctx.db(), ctx.path<CashRegisterId>());
  if (!d) throw errors::not_found("Caixa não encontrado.");
  return api::ok(register_json(*d));
}

http::Response current_register(api::Context& ctx) {
  auto d = store::find_open_register(ctx.tenant(), ctx.db());
  if (!d) throw errors::not_found("Nenhum caixa aberto.");
  return api::ok(register_json(*d));
}

http::Response open_register(api::Context& ctx) {
  auto in = ctx.input();
  auto opening = in.cents("opening_balance", {.required = true});
  auto notes = optional_text(in, "notes", 500);
  in.check();
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    auto id = store::open_register(ctx.tenant(), tx, *opening, notes, ctx.user());
    if (!id) return id.error();
    return register_json(*store::find_register(ctx.tenant(), tx, *id));
  });
  return api::created(body.value());
}

http::Response add_movement(api::Context& ctx) {
  const auto id = ctx.path<CashRegisterId>();
  auto in = ctx.input();
  auto kind = in.text("kind", {.required = true, .max_length = 20});
  if (kind && *kind != "SANGRIA" && *kind != "SUPRIMENTO")
    in.fail("kind", "use SANGRIA (retirada) ou SUPRIMENTO (reforço)");
  auto amount = in.cents("amount", {.required = true});
  if (amount && *amount == 0) in.fail("amount", "deve ser maior que zero");
  auto reason = optional_text(in, "reason", 500);
  in.check();
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    auto movement = store::add_movement(ctx.tenant(), tx, id, *kind, *amount, reason, ctx.user());
    if (!movement) return movement.error();
    auto reg = register_json(*store::find_register(ctx.tenant(), tx, id));
    return json::object{{"id", movement->value}, {"register", std::move(reg)}};
  });
  return api::created(body.value());
}

http::Response close_register(api::Context& ctx) {
  const auto id = ctx.path<CashRegisterId>();
  auto in = ctx.input();
  auto counted = in.cents("counted_amount", {.required = true});
  auto notes = optional_text(in, "notes", 500);
  in.check();
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    if (auto closed = store::close_register(ctx.tenant(), tx, id, *counted, notes, ctx.user());
        !closed)
      return closed.error();
    return register_json(*store::find_register(ctx.tenant(), tx, id));
  });
  return api::ok(body.value());
}

}  // namespace

void register_cash_register_routes(api::Routes& routes) {
  api::Resource(routes, "finance", "/financial/cash-registers")
      .get("", list_registers, Action::finance)
      .create("", open_register, Action::finance)
      .get("/current", current_register, Action::finance)
      .get("/{id}", get_register, Action::finance)
      .create("/{id}/movements", add_movement, Action::finance)
      .post("/{id}/close", close_register, Action::finance);
}

}  // namespace mg::finance
