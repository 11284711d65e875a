// The demo workshop's money over the past two months: the receivables of its
// completed orders (made by the orders' completion, as through the API) paid
// by every method — à vista, in card installments with the fee, split between
// PIX and cash, partly, or not yet —, a carnê and some fiado, the month's
// payables (rent, power, parts, payroll, taxes), a closed cash register for
// every day money moved, and today's register open. Everything goes through
// the store operations the API uses; only the dates are moved into the past.
#include <algorithm>
#include <map>

#include "libs/core/dates.hpp"
#include "modules/finance/finance_impl.hpp"
#include "modules/finance/store/demo_store.hpp"
#include "modules/finance/store/settings_store.hpp"
#include "modules/workshop/workshop.hpp"

namespace mg::finance {
namespace {

using store::Ledger;

struct Payment {
  int days_ago;
  Ledger ledger;
  std::int64_t id;
  store::NewPayment p;
};

store::NewPayment payment(Cents amount, Method method, int installments = 1,
                          std::int64_t fee_hundredths = 0) {
  store::NewPayment p;
  p.amount = amount;
  p.method = method;
  p.installments = installments;
  p.fee = fee_from_percent(amount, fee_hundredths);
  return p;
}

}  // namespace

void seed_demo_data(TenantId tenant, db::Tx& tx, const events::Bus& bus, UserId user) {
  const auto today = tx.today();
  const auto day = [&](int ago) { return dates::add_days(today, -ago); };

  store::save_settings(
      tenant, tx,
      {std::optional<std::string>("11222333000181"), std::optional<std::string>("CNPJ"),
       std::optional<std::string>("Oficina Demo"), std::optional<std::string>("São Paulo")},
      user);

  std::vector<Payment> payments;
  std::optional<workshop::CustomerId> first_customer;

  // The completed orders' receivables: due on the day the order closed.
  auto os = store::order_receivables(tenant, tx);
  for (std::size_t i = 0; i < os.size(); ++i) {
    const auto order = workshop::find_order_summary(tenant, tx, os[i].order);
    if (!order || !order->closed_on) continue;
    if (!first_customer) first_customer = order->customer_id;
    const auto closed = *order->closed_on;
    const int ago = dates::days_between(closed, today);
    store::backdate_receivable(tenant, tx, os[i].id, closed, closed);
    const auto id = os[i].id.value;
    const auto total = os[i].amount;
    switch (i % 8) {
      case 0:
        payments.push_back({ago, Ledger::receivables, id, payment(total, Method::pix)});
        break;
      case 1:  // 3x no cartão, 3,99% de taxa
        payments.push_back(
            {ago, Ledger::receivables, id, payment(total, Method::cartao_credito, 3, 399)});
        break;
      case 2:
        payments.push_back({ago, Ledger::receivables, id, payment(total, Method::dinheiro)});
        break;
      case 3:  // débito, 1,49%
        payments.push_back(
            {ago, Ledger::receivables, id, payment(total, Method::cartao_debito, 1, 149)});
        break;
      case 4: {  // metade no PIX, o resto em dinheiro
        const auto half = total / 2;
        payments.push_back({ago, Ledger::receivables, id, payment(half, Method::pix)});
        payments.push_back({ago, Ledger::receivables, id, payment(total - half, Method::dinheiro)});
        break;
      }
      case 5:  // pagou uma parte; o resto está em atraso
        payments.push_back({ago, Ledger::receivables, id, payment(total / 2, Method::pix)});
        break;
      case 6:  // nada pago ainda
        break;
      default:
        payments.push_back({ago, Ledger::receivables, id, payment(total, Method::transferencia)});
    }
  }

  // Manual receivables: a carnê in three, fiado, an old debt, one not due yet.
  auto receivable = [&](std::string name, std::string description, Cents amount, int issued_ago,
                        int due_ago, int installments = 1) {
    store::NewReceivable r;
    r.customer_name = std::move(name);
    r.description = std::move(description);
    r.issue_date = day(issued_ago);
    auto split = split_installments(amount, installments).value();
    r.amounts = split;
    for (auto& d : installment_due_dates(day(due_ago), installments, 30)) r.due_dates.push_back(d);
    if (first_customer && r.customer_name == "João da Silva") r.customer_id = first_customer;
    auto ids = store::insert_receivables(tenant, tx, r, user).value();
    for (std::size_t i = 0; i < ids.size(); ++i)
      store::backdate_receivable(tenant, tx, ReceivableId{ids[i]}, day(issued_ago),
                                 *r.due_dates[i]);
    return ids;
  };
  auto carne = receivable("João da Silva", "Capacete LS2 e jaqueta (carnê)", 89970, 50, 45, 3);
  payments.push_back({45, Ledger::receivables, carne[0], payment(29990, Method::pix)});
  receivable("Francisco Lima", "Troca de óleo (fiado)", 6890, 40, 40);
  receivable("Antônio Pereira", "Revisão (fiado antigo)", 24000, 95, 95);
  receivable("Luciana Gonçalves", "Serviço de guincho", 15000, 2, -10);

  // Payables: the month's bills.
  auto payable = [&](std::string supplier, std::string category, std::string description,
                     Cents amount, int issued_ago, int due_ago, int installments = 1) {
    store::NewPayable p;
    p.supplier_name = std::move(supplier);
    p.category = std::move(category);
    p.description = std::move(description);
    p.issue_date = day(issued_ago);
    p.amounts = split_installments(amount, installments).value();
    for (auto& d : installment_due_dates(day(due_ago), installments, 30)) p.due_dates.push_back(d);
    auto ids = store::insert_payables(tenant, tx, p, user).value();
    for (auto id : ids) store::backdate_payable(tenant, tx, PayableId{id}, day(issued_ago));
    return ids;
  };
  for (int month = 0; month < 3; ++month) {
    const int due = 57 - 30 * month;  // the 3rd … of each month, the last still ahead
    auto rent = payable("Imobiliária Paulista", "RENT", "Aluguel do galpão", 250000, due + 10, due);
    if (due >= 0)
      payments.push_back({due, Ledger::payables, rent[0],
                          payment(250000, month == 0 ? Method::transferencia : Method::pix)});
  }
  auto power = payable("Enel Distribuição", "UTILITIES", "Energia elétrica", 38945, 35, 25);
  payments.push_back({25, Ledger::payables, power[0], payment(38945, Method::boleto)});
  payable("Enel Distribuição", "UTILITIES", "Energia elétrica", 41210, 5, -5);
  auto water = payable("Sabesp", "UTILITIES", "Água e esgoto", 9630, 30, 22);
  payments.push_back({22, Ledger::payables, water[0], payment(9630, Method::dinheiro)});
  auto parts = payable("Distribuidora Moto Peças Ltda", "PARTS", "Reposição de estoque (NF 4821)",
                       348000, 22, 20, 2);
  payments.push_back({20, Ledger::payables, parts[0], payment(174000, Method::boleto)});
  auto payroll = payable("Carlos (mecânico)", "PAYROLL", "Salário", 220000, 8, 5);
  payments.push_back({5, Ledger::payables, payroll[0], payment(220000, Method::transferencia)});
  payable("Receita Federal", "TAXES", "DAS Simples Nacional", 31277, 20, 10);

  // Day by day, oldest first: each day money moved has its register, opened with
  // R$ 150,00 of change, cash above R$ 100,00 taken to the bank before closing.
  std::stable_sort(payments.begin(), payments.end(),
                   [](const Payment& a, const Payment& b) { return a.days_ago > b.days_ago; });
  std::map<int, std::vector<const Payment*>, std::greater<>> by_day;
  for (const auto& p : payments) by_day[p.days_ago].push_back(&p);
  int closed_days = 0;
  for (const auto& [ago, list] : by_day) {
    if (ago <= 0) continue;
    const auto reg = store::open_register(tenant, tx, 15000, std::nullopt, user).value();
    for (const auto* p : list) {
      auto q = p->p;
      q.paid_on = day(ago);
      auto settled = store::pay(tenant, tx, bus, p->ledger, p->id, q, user).value();
      store::backdate_payment(tenant, tx, settled.payment);
    }
    const auto detail = store::find_register(tenant, tx, reg).value();
    if (detail.totals.expected > 10000)
      store::add_movement(tenant, tx, reg, "SANGRIA", detail.totals.expected - 10000,
                          std::string("Depósito no banco"), user)
          .value();
    // One day the count came out R$ 2,00 short.
    const Cents counted = ++closed_days == 3 ? 10000 - 200 : 10000;
    store::close_register(tenant, tx, reg, std::min(counted, detail.totals.expected), std::nullopt,
                          user)
        .value();
    store::backdate_register(tenant, tx, reg, day(ago));
  }
  // Today's register, open with its change.
  store::open_register(tenant, tx, 20000, std::string("Troco do dia"), user).value();
}

}  // namespace mg::finance
