// The demo tenant's team: staff linked to the demo logins (two mechanics and the front desk)
// with their commission rules, mechanics on the demo orders, tasks in every status (some
// late, some due today) and interactions on every channel. Everything goes through the same
// store operations as the API (the mechanics through the workshop's public interface), so
// the data obeys the same rules.
#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <string>

#include "libs/core/dates.hpp"
#include "modules/team/store/demo_store.hpp"
#include "modules/team/store/references.hpp"
#include "modules/team/team_impl.hpp"
#include "modules/workshop/workshop.hpp"

namespace mg::team {
namespace {

struct DemoStaff {
  const char* name;
  const char* role;
  const char* phone;
  const char* email;  // also the login's, when `login`
  bool login;
  bool active;
  int labor, parts;  // hundredths of a percent
};

constexpr std::array<DemoStaff, 5> kStaff{{
    {"Carlos Mendes", "Mecânico chefe", "11991230001", "mecanico1@motogestor.com", true, true, 1000,
     300},
    {"Rafael Teixeira", "Mecânico", "11991230002", "mecanico2@motogestor.com", true, true, 850, 0},
    {"Patrícia Nogueira", "Atendente", "11991230003", "atendente@motogestor.com", true, true, 0, 0},
    {"Diego Ferreira", "Auxiliar de mecânico", "11991230004", nullptr, false, true, 500, 0},
    {"Sérgio Nunes", "Mecânico", "11991230005", nullptr, false, false, 800, 0},
}};

// Order number → index in kStaff: the mechanic of each demo order (the cancelled ones and
// the newest stay without one).
const std::map<std::int64_t, int> kMechanics{{1, 0},  {2, 1},  {3, 0}, {4, 1},  {5, 0},
                                             {7, 1},  {8, 0},  {9, 1}, {10, 0}, {11, 1},
                                             {12, 0}, {13, 1}, {15, 3}};

struct DemoTask {
  const char* title;
  const char* description;
  const char* priority;
  const char* status;
  int staff;        // index in kStaff, -1: nobody
  int order;        // order number, 0: none
  int customer_of;  // the customer of this order number, 0: the order's (or none)
  int due_in_days;  // from today (negative: past); kNoDue: none
  int created_days_ago;
  int done_days_ago;  // DONE only
};
constexpr int kNoDue = 1000;

constexpr std::array<DemoTask, 11> kTasks{{
    {"Ligar para o cliente sobre a embreagem", "Confirmar se aprova a troca do cabo também.",
     "HIGH", "OPEN", 2, 9, 0, -1, 4, 0},
    {"Cobrar fornecedor do disco de embreagem", "Pedido feito na distribuidora, prazo vencido.",
     "URGENT", "WAITING", 1, 9, 0, 0, 12, 0},
    {"Encomendar retentores de bengala", nullptr, "HIGH", "IN_PROGRESS", 1, 13, 0, 1, 3, 0},
    {"Testar a moto depois da troca de pastilhas", "Volta no quarteirão e conferir o disco.",
     "HIGH", "OPEN", 1, 11, 0, 0, 5, 0},
    {"Revisar o estoque de pastilhas e lonas", nullptr, "NORMAL", "OPEN", 0, 0, 0, 3, 2, 0},
    {"Agendar a revisão dos 10 mil km", "Cliente pediu horário pelo Telegram.", "NORMAL", "OPEN",
     -1, 0, 1, 7, 2, 0},
    {"Conferir a garantia da bateria", "Bateria trocada há 8 meses, cliente reclama.", "LOW",
     "WAITING", 0, 0, 6, -3, 20, 0},
    {"Avisar que a moto está pronta", nullptr, "NORMAL", "DONE", 2, 10, 0, -9, 10, 9},
    {"Organizar a bancada 2", nullptr, "LOW", "DONE", 3, 0, 0, kNoDue, 6, 2},
    {"Trocar a lâmpada do elevador", nullptr, "NORMAL", "DONE", 3, 0, 0, -20, 25, 21},
    {"Retornar sobre o orçamento de pneus", "Cliente desistiu do orçamento.", "NORMAL", "CANCELLED",
     2, 14, 0, -1, 2, 0},
}};

struct DemoInteraction {
  const char* channel;
  const char* direction;
  const char* summary;
  const char* details;
  int staff;        // index in kStaff, -1: nobody
  int order;        // order number, 0: none
  int customer_of;  // the customer of this order number, when there is no order
  int days_ago, hours_ago;
};

constexpr std::array<DemoInteraction, 12> kInteractions{{
    {"IN_PERSON", "IN", "Cliente trouxe a moto para troca de óleo", nullptr, 0, 1, 0, 58, 0},
    {"IN_PERSON", "OUT", "Entrega da moto com explicação do serviço", nullptr, 0, 1, 0, 57, 2},
    {"EMAIL", "OUT", "Enviado o resumo da revisão dos 40 mil km", nullptr, 2, 2, 0, 50, 4},
    {"IN_PERSON", "IN", "Cliente reclamou de barulho na corrente", "Pediu para trocar o kit.", 1, 4,
     0, 39, 1},
    {"OTHER", "OUT", "Pesquisa de satisfação enviada", nullptr, 2, 8, 0, 17, 3},
    {"WHATSAPP", "OUT", "Orçamento da troca de embreagem enviado", "Total de R$ 179,80.", 2, 9, 0,
     13, 5},
    {"PHONE", "OUT", "Avisado que a moto está pronta para retirada", nullptr, 2, 10, 0, 9, 6},
    {"WHATSAPP", "IN", "Cliente aprovou a troca dos retentores", nullptr, 1, 13, 0, 3, 2},
    {"PHONE", "IN", "Cliente perguntou o valor de um par de pneus", nullptr, 2, 14, 0, 2, 7},
    {"TELEGRAM", "IN", "Cliente pediu horário para a revisão", "Prefere sábado de manhã.", -1, 0, 1,
     2, 3},
    {"WHATSAPP", "IN", "Cliente perguntou se a peça da embreagem chegou", nullptr, 2, 9, 0, 1, 1},
    {"WHATSAPP", "OUT", "Lembrete da revisão dos 10 mil km", nullptr, 2, 0, 1, 0, 1},
}};

// Now minus `days` and `hours`, as an ISO 8601 UTC timestamp.
std::string time_ago(int days, int hours) {
  using namespace std::chrono;
  const auto t = system_clock::to_time_t(system_clock::now() - std::chrono::days(days) -
                                         std::chrono::hours(hours));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[21];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

}  // namespace

void seed_demo_data(TenantId tenant, db::Tx& tx, UserId owner) {
  // A failure here is a bug in the demo data: .value() lets it surface.
  std::map<std::string, UserId> logins;
  for (const auto& l : store::demo_logins(tenant, tx)) logins[l.email] = l.id;

  std::vector<StaffId> staff;
  for (const auto& s : kStaff) {
    store::StaffFields f;
    f.name = s.name;
    f.role = s.role;
    f.phone = s.phone;
    if (s.email) f.email = s.email;
    if (s.login && logins.contains(s.email)) f.user_id = logins[s.email];
    f.is_active = s.active;
    f.labor_commission = Percent{s.labor};
    f.parts_commission = Percent{s.parts};
    staff.push_back(store::insert_staff(tenant, tx, f).value());
  }

  std::map<std::int64_t, store::DemoOrder> orders;
  for (const auto& o : store::demo_orders(tenant, tx)) orders[o.number] = o;
  for (const auto& [number, who] : kMechanics)
    if (auto o = orders.find(number); o != orders.end() && o->second.status != "CANCELLED")
      workshop::assign_mechanic(tenant, tx, o->second.id, staff[who], owner).value();

  auto order_of = [&](int number) -> std::optional<workshop::OrderId> {
    auto o = orders.find(number);
    return number && o != orders.end() ? std::optional(o->second.id) : std::nullopt;
  };
  auto customer_of = [&](int number) -> std::optional<workshop::CustomerId> {
    auto o = orders.find(number);
    return number && o != orders.end() ? std::optional(o->second.customer_id) : std::nullopt;
  };

  const auto today = tx.today();  // the workshops' day, not UTC's
  for (const auto& t : kTasks) {
    store::TaskFields f;
    f.title = t.title;
    if (t.description) f.description = t.description;
    f.priority = t.priority;
    f.status = t.status;
    if (t.staff >= 0) f.assigned_to_id = staff[t.staff];
    f.related_order_id = order_of(t.order);
    f.customer_id = customer_of(t.customer_of);
    if (t.due_in_days != kNoDue) f.due_date = dates::add_days(today, t.due_in_days);
    store::References refs{f.assigned_to_id, "assigned_to_id", true, f.customer_id,
                           f.related_order_id};
    store::check_references(tenant, tx, refs).value();
    f.customer_id = refs.customer;
    const auto id = store::insert_task(tenant, tx, f, owner).value();
    store::backdate_task(tenant, tx, id, t.created_days_ago, t.done_days_ago);
  }

  for (const auto& i : kInteractions) {
    store::InteractionFields f;
    f.channel = i.channel;
    f.direction = i.direction;
    f.summary = i.summary;
    if (i.details) f.details = i.details;
    if (i.staff >= 0) f.staff_id = staff[i.staff];
    f.related_order_id = order_of(i.order);
    f.customer_id = customer_of(i.customer_of);
    f.occurred_at = time_ago(i.days_ago, i.hours_ago);
    store::References refs{f.staff_id, "staff_id", true, f.customer_id, f.related_order_id};
    store::check_references(tenant, tx, refs).value();
    f.customer_id = refs.customer;
    const auto id = store::insert_interaction(tenant, tx, f, owner).value();
    store::backdate_interaction(tenant, tx, id);
  }
}

}  // namespace mg::team
