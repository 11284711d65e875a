// /financial/payments (every payment row), /financial/cashflow/summary and
// /financial/reports/summary: reads of the money that moved.
#include "modules/finance/finance_impl.hpp"
#include "modules/finance/store/reports_store.hpp"

namespace mg::finance {
namespace {

using auth::Action;

http::Response list_payments(api::Context& ctx) {
  store::PaymentFilter f;
  f.start = query_date(ctx, "start");
  f.end = query_date(ctx, "end");
  if (auto d = ctx.query("direction"); d && !d->empty()) {
    if (*d != "IN" && *d != "OUT")
      throw errors::bad_request("Parâmetro 'direction' deve ser IN ou OUT.");
    f.direction = *d;
  }
  if (auto m = ctx.query("method"); m && !m->empty()) {
    if (!parse_method(*m))
      throw errors::bad_request(
          "Parâmetro 'method' deve ser PIX, DINHEIRO, CARTAO_CREDITO, CARTAO_DEBITO, BOLETO ou "
          "TRANSFERENCIA.");
    f.method = *m;
  }
  f.cash_register_id = ctx.query_id<CashRegisterId>("cash_register_id");
  f.outside_register = ctx.query_flag("outside_register").value_or(false);
  f.include_cancelled = ctx.query_flag("include_cancelled").value_or(false);
  auto page = store::list_payments(ctx.tenant(), ctx.db(), f, ctx.page());
  return api::list(page, payment_json);
}

http::Response cashflow_summary(api::Context& ctx) {
  const auto [start, end] = query_range(ctx);
  const auto flow = store::cash_flow(ctx.tenant(), ctx.db(), start, end);
  money::Cents in = 0, out = 0, fees = 0;
  json::array daily;
  for (const auto& d : flow.daily) {
    in += d.in;
    out += d.out;
    fees += d.fees;
    daily.push_back(json::object{{"date", d.date},
                                 {"in", json::money(d.in)},
                                 {"out", json::money(d.out)},
                                 {"net", json::money(d.in - d.out)},
                                 {"card_fees", json::money(d.fees)}});
  }
  json::object by_in = methods_json(), by_out = methods_json();
  for (const auto& m : flow.by_method) {
    const std::string key = m.method.value_or("NAO_INFORMADO");
    by_in[key] = json::money(m.in);
    by_out[key] = json::money(m.out);
  }
  return api::ok(json::object{
      {"start", start},
      {"end", end},
      {"total_in", json::money(in)},
      {"total_out", json::money(out)},
      {"net", json::money(in - out)},
      {"total_card_fees", json::money(fees)},
      {"daily", std::move(daily)},
      {"by_method", json::object{{"in", std::move(by_in)}, {"out", std::move(by_out)}}}});
}

json::object bucket_json(const store::Bucket& b) {
  return json::object{{"count", b.count}, {"total", json::money(b.total)}};
}

http::Response report_summary(api::Context& ctx) {
  const auto [start, end] = query_range(ctx);
  const auto r = store::report(ctx.tenant(), ctx.db(), start, end);
  json::array by_day, by_month, top, due;
  for (const auto& d : r.revenue_by_day)
    by_day.push_back(json::object{{"date", d.date}, {"amount", json::money(d.in)}});
  for (const auto& [month, amount] : r.revenue_by_month)
    by_month.push_back(json::object{{"month", month}, {"amount", json::money(amount)}});
  for (const auto& c : r.top_customers) {
    json::object row{{"customer_name", c.customer_name},
                     {"amount", json::money(c.amount)},
                     {"payments", c.payments}};
    row["customer_id"] = c.customer_id ? json::value(*c.customer_id) : json::value(nullptr);
    top.push_back(std::move(row));
  }
  for (const auto& p : r.payables_due)
    due.push_back(json::object{{"id", p.id},
                               {"supplier_name", p.supplier_name},
                               {"category", p.category},
                               {"due_date", p.due_date},
                               {"open_amount", json::money(p.open_amount)}});
  const auto& o = r.orders;
  store::Bucket aging_total;
  for (const auto& b : r.aging) {
    aging_total.count += b.count;
    aging_total.total += b.total;
  }
  // Ticket médio: the completed orders' total over their count, rounded half up to the cent.
  const money::Cents ticket = o.count ? (o.total_amount * 2 + o.count) / (2 * o.count) : 0;
  return api::ok(json::object{
      {"start", start},
      {"end", end},
      {"revenue", json::object{{"total", json::money(r.revenue)},
                               {"payments", r.payments},
                               {"card_fees", json::money(r.fees)},
                               {"net_of_fees", json::money(r.revenue - r.fees)},
                               {"by_day", std::move(by_day)},
                               {"by_month", std::move(by_month)}}},
      {"orders", json::object{{"completed", o.count},
                              {"total_amount", json::money(o.total_amount)},
                              {"average_ticket", json::money(ticket)},
                              {"total_parts", json::money(o.total_parts)},
                              {"total_labor", json::money(o.total_labor)},
                              {"discount", json::money(o.discount)}}},
      {"receivables_aging", json::object{{"not_due", bucket_json(r.aging[0])},
                                         {"days_1_30", bucket_json(r.aging[1])},
                                         {"days_31_60", bucket_json(r.aging[2])},
                                         {"days_61_90", bucket_json(r.aging[3])},
                                         {"days_90_plus", bucket_json(r.aging[4])},
                                         {"total", bucket_json(aging_total)}}},
      {"payables", json::object{{"due_next_7_days",
                                 json::object{{"count", r.payables_due_7d.count},
                                              {"total", json::money(r.payables_due_7d.total)},
                                              {"items", std::move(due)}}},
                                {"overdue", bucket_json(r.payables_overdue)}}},
      {"top_customers", std::move(top)}});
}

}  // namespace

void register_payment_routes(api::Routes& routes) {
  api::Resource(routes, "finance", "/financial")
      .get("/payments", list_payments, Action::finance)
      .get("/cashflow/summary", cashflow_summary, Action::finance)
      .get("/reports/summary", report_summary, Action::finance);
}

}  // namespace mg::finance
