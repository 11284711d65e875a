// The demo tenant's workshop data: customers with valid CPFs, their motorcycles
// (plates in both formats), parts with a stock ledger, and service orders in every
// status. Everything goes through the same store operations as the API, so the
// data obeys the same rules (stock equals movements, totals equal items).
#include <array>
#include <string>
#include <vector>

#include "libs/br/plates.hpp"
#include "modules/workshop/store/customers_store.hpp"
#include "modules/workshop/store/demo_store.hpp"
#include "modules/workshop/store/orders_store.hpp"
#include "modules/workshop/store/parts_store.hpp"
#include "modules/workshop/store/stock_store.hpp"
#include "modules/workshop/workshop_impl.hpp"

namespace mg::workshop {
namespace {

// A valid CPF from its first nine digits (the two check digits computed).
std::string cpf(std::string nine) {
  for (int round = 0; round < 2; ++round) {
    int sum = 0;
    const int n = static_cast<int>(nine.size());
    for (int i = 0; i < n; ++i) sum += (nine[i] - '0') * (n + 1 - i);
    const int rest = sum % 11;
    nine.push_back(static_cast<char>('0' + (rest < 2 ? 0 : 11 - rest)));
  }
  return nine;
}

struct DemoCustomer {
  const char* name;
  const char* phone;
  const char* email;
  const char* cpf9;
  const char* notes;
};

constexpr std::array<DemoCustomer, 12> kCustomers{{
    {"João da Silva", "11987654321", "joao.silva@email.com.br", "123456789", nullptr},
    {"Maria Aparecida Souza", "11976543210", "maria.souza@email.com.br", "234567891",
     "Prefere contato por WhatsApp."},
    {"José Carlos Oliveira", "21998765432", nullptr, "345678912", nullptr},
    {"Ana Paula Ferreira", "31987651234", "anapaula@email.com.br", "456789123", nullptr},
    {"Francisco Lima", "85991234567", nullptr, "567891234", "Motoboy, usa a moto todo dia."},
    {"Antônio Pereira", "11955554444", "antonio.pereira@email.com.br", "678912345", nullptr},
    {"Luciana Gonçalves", "41988887777", "luciana.g@email.com.br", "789123456", nullptr},
    {"Carlos Eduardo Rocha", "51999998888", nullptr, "891234567", nullptr},
    {"Fernanda Ribeiro", "61977776666", "fernanda.ribeiro@email.com.br", "912345678", nullptr},
    {"Paulo Henrique Costa", "71966665555", nullptr, "135792468", "Cliente desde 2019."},
    {"Juliana Araújo", "81955556666", "juliana.araujo@email.com.br", "246813579", nullptr},
    {"Marcos Vinícius Almeida", "11944443333", "marcos.va@email.com.br", "975318642", nullptr},
}};

struct DemoMoto {
  int customer;  // index in kCustomers
  const char* brand;
  const char* model;
  const char* plate;
  int year;
  int km;
};

constexpr std::array<DemoMoto, 14> kMotos{{
    {0, "Honda", "CG 160 Titan", "FJX3A21", 2021, 18450},
    {1, "Yamaha", "Fazer 250", "ABC1234", 2018, 42300},
    {2, "Honda", "Biz 125", "KLM2B45", 2022, 9800},
    {3, "Yamaha", "YBR 150 Factor", "GHT5678", 2017, 51200},
    {4, "Honda", "Pop 110i", "RTE4C12", 2023, 32100},
    {4, "Honda", "CG 160 Fan", "PQR9087", 2019, 88750},
    {5, "Honda", "CB 300F Twister", "BRA2E19", 2024, 6400},
    {6, "Yamaha", "Lander 250", "MNO4321", 2020, 27600},
    {7, "Honda", "XRE 300", "QWE7F88", 2021, 35900},
    {8, "Suzuki", "Yes 125", "JKL8765", 2012, 64300},
    {9, "Yamaha", "NMax 160", "SDF1G23", 2022, 15200},
    {10, "Honda", "CG 160 Start", "ZXC5H67", 2023, 11050},
    {11, "Yamaha", "Factor 150", "HGF3344", 2016, 47800},
    {11, "Honda", "PCX 160", "TYU6J90", 2023, 8900},
}};

struct DemoPart {
  const char* sku;
  const char* name;
  std::int64_t price, cost;  // cents
  int stock, min_stock;
  const char* location;
};

constexpr std::array<DemoPart, 30> kParts{{
    {"OLE-10W30-1L", "Óleo 10W30 1L", 3890, 2450, 48, 20, "Prateleira A1"},
    {"OLE-20W50-1L", "Óleo 20W50 1L", 3290, 2010, 30, 15, "Prateleira A1"},
    {"KIT-REL-CG160", "Kit relação CG 160", 18990, 12400, 6, 3, "Prateleira B2"},
    {"KIT-REL-FAZ250", "Kit relação Fazer 250", 24990, 16800, 2, 3, "Prateleira B2"},
    {"PAS-DIA-CG", "Pastilha de freio dianteira", 4590, 2600, 14, 6, "Gaveta C1"},
    {"PAS-TRA-CG", "Pastilha de freio traseira", 3990, 2200, 9, 6, "Gaveta C1"},
    {"LON-TRA-BIZ", "Lona de freio traseira Biz", 3490, 1900, 4, 5, "Gaveta C2"},
    {"FIL-OLE-HON", "Filtro de óleo Honda", 2890, 1500, 22, 10, "Gaveta C3"},
    {"FIL-OLE-YAM", "Filtro de óleo Yamaha", 3190, 1700, 12, 8, "Gaveta C3"},
    {"FIL-AR-CG160", "Filtro de ar CG 160", 3990, 2100, 7, 4, "Gaveta C4"},
    {"VEL-NGK-CPR8", "Vela de ignição NGK CPR8EA-9", 2990, 1650, 25, 10, "Gaveta D1"},
    {"VEL-NGK-DPR8", "Vela de ignição NGK DPR8EA-9", 2790, 1500, 3, 8, "Gaveta D1"},
    {"CAM-AR-18", "Câmara de ar aro 18", 3590, 1900, 10, 5, "Prateleira E1"},
    {"CAM-AR-17", "Câmara de ar aro 17", 3390, 1800, 8, 5, "Prateleira E1"},
    {"PNE-TRA-9090-18", "Pneu traseiro 90/90-18", 28990, 19500, 5, 3, "Prateleira E2"},
    {"PNE-DIA-275-18", "Pneu dianteiro 2.75-18", 21990, 14800, 4, 3, "Prateleira E2"},
    {"PNE-TRA-8090-14", "Pneu traseiro 80/90-14", 19990, 13200, 1, 2, "Prateleira E3"},
    {"CAB-EMB-CG", "Cabo de embreagem CG", 3290, 1700, 11, 4, "Gaveta F1"},
    {"CAB-ACE-CG", "Cabo do acelerador CG", 2990, 1550, 9, 4, "Gaveta F1"},
    {"LAM-H4-12V", "Lâmpada farol H4 12V", 2490, 1200, 16, 6, "Gaveta F2"},
    {"LAM-PIS-12V", "Lâmpada pisca 12V", 590, 250, 40, 20, "Gaveta F2"},
    {"BAT-5AH", "Bateria 5Ah", 18990, 12900, 5, 3, "Prateleira G1"},
    {"BAT-6AH", "Bateria 6Ah", 21990, 14900, 2, 2, "Prateleira G1"},
    {"COR-TRA-428", "Corrente 428H", 8990, 5600, 6, 3, "Prateleira B3"},
    {"ROL-DIR-CG", "Rolamento da direção CG", 6990, 4100, 4, 2, "Gaveta H1"},
    {"RET-BEN-CG", "Retentor de bengala (par)", 3990, 2100, 8, 4, "Gaveta H2"},
    {"FLU-FRE-DOT4", "Fluido de freio DOT 4 200ml", 2490, 1300, 12, 6, "Prateleira A2"},
    {"DIS-EMB-CG", "Disco de embreagem CG 160 (jogo)", 9990, 6300, 3, 2, "Gaveta H3"},
    {"MAN-ESQ-CG", "Manete de embreagem CG", 2590, 1300, 7, 3, "Gaveta F3"},
    {"ESP-RET-UNI", "Espelho retrovisor universal", 2190, 1100, 10, 4, "Prateleira G2"},
}};

struct DemoItem {
  int part;  // index in kParts, -1 for labor
  int quantity;
  const char* labor;
  std::int64_t labor_price;  // cents
};

struct DemoOrder {
  int moto;  // index in kMotos
  const char* description;
  int days_ago;
  std::vector<OrderStatus> moves;  // after OPEN
  std::vector<DemoItem> items;
  std::int64_t discount;
  int km_extra;
};

std::vector<DemoOrder> demo_orders() {
  using S = OrderStatus;
  return {
      {0,
       "Troca de óleo e filtro",
       58,
       {S::in_progress, S::completed},
       {{0, 1, nullptr, 0}, {7, 1, nullptr, 0}, {-1, 1, "Troca de óleo", 3000}},
       0,
       1200},
      {1,
       "Revisão completa dos 40 mil km",
       51,
       {S::in_progress, S::completed},
       {{1, 2, nullptr, 0},
        {8, 1, nullptr, 0},
        {10, 1, nullptr, 0},
        {-1, 1, "Revisão completa", 18000}},
       1500,
       2100},
      {2,
       "Freio traseiro fraco",
       45,
       {S::in_progress, S::completed},
       {{6, 1, nullptr, 0}, {-1, 1, "Regulagem de freio", 4000}},
       0,
       900},
      {3,
       "Barulho na corrente, trocar kit relação",
       39,
       {S::waiting_parts, S::in_progress, S::completed},
       {{2, 1, nullptr, 0}, {-1, 1, "Troca do kit relação", 6000}},
       0,
       1500},
      {4,
       "Troca de óleo",
       33,
       {S::in_progress, S::completed},
       {{0, 1, nullptr, 0}, {-1, 1, "Troca de óleo", 3000}},
       0,
       3100},
      {5,
       "Moto não pega de manhã",
       27,
       {S::cancelled},
       {{21, 1, nullptr, 0}, {-1, 1, "Diagnóstico elétrico", 5000}},
       0,
       700},
      {6,
       "Primeira revisão",
       22,
       {S::in_progress, S::completed},
       {{0, 2, nullptr, 0}, {7, 1, nullptr, 0}, {-1, 1, "Revisão de 6 mil km", 12000}},
       0,
       400},
      {7,
       "Pneu traseiro careca",
       18,
       {S::completed},
       {{14, 1, nullptr, 0}, {12, 1, nullptr, 0}, {-1, 1, "Troca de pneu", 3500}},
       0,
       1800},
      {8,
       "Embreagem patinando",
       14,
       {S::in_progress, S::waiting_parts},
       {{27, 1, nullptr, 0}, {17, 1, nullptr, 0}, {-1, 1, "Troca de embreagem", 9000}},
       0,
       2500},
      {9,
       "Farol queimado e pisca",
       10,
       {S::in_progress, S::completed},
       {{19, 1, nullptr, 0}, {20, 2, nullptr, 0}, {-1, 1, "Parte elétrica", 2500}},
       500,
       600},
      {10,
       "Troca de pastilhas dianteiras",
       7,
       {S::in_progress},
       {{4, 1, nullptr, 0}, {26, 1, nullptr, 0}, {-1, 1, "Regulagem de freio", 4000}},
       0,
       1300},
      {11,
       "Revisão geral e lubrificação da corrente",
       5,
       {S::in_progress},
       {{-1, 1, "Revisão completa", 15000}, {-1, 1, "Lubrificação da corrente", 1500}},
       0,
       1000},
      {12,
       "Vazamento na bengala",
       3,
       {S::waiting_parts},
       {{25, 1, nullptr, 0}, {-1, 1, "Troca de retentores", 8000}},
       0,
       2200},
      {13, "Orçamento: troca de pneus", 2, {S::cancelled}, {}, 0, 300},
      {0, "Regulagem de freio e corrente", 1, {}, {{-1, 1, "Regulagem de freio", 4000}}, 0, 1500},
      {3, "Troca de vela", 0, {}, {{10, 1, nullptr, 0}}, 0, 600},
  };
}

}  // namespace

void seed_demo_data(TenantId tenant, db::Tx& tx, const events::Bus& bus, UserId user) {
  // A failure here is a bug in the demo data: .value() lets it surface.
  std::vector<CustomerId> customers;
  for (const auto& c : kCustomers) {
    store::CustomerFields f;
    f.name = c.name;
    f.phone = c.phone;
    if (c.email) f.email = c.email;
    f.document = cpf(c.cpf9);
    if (c.notes) f.notes = c.notes;
    customers.push_back(store::insert_customer(tenant, tx, f).value());
  }

  std::vector<MotorcycleId> motos;
  std::vector<int> km;
  for (const auto& m : kMotos) {
    store::MotorcycleFields f;
    f.customer_id = customers[m.customer];
    f.brand = m.brand;
    f.model = m.model;
    f.plate = br::normalize_plate(m.plate);
    f.plate_key = br::plate_key(m.plate);
    f.year = m.year;
    f.km_current = m.km;
    motos.push_back(store::insert_motorcycle(tenant, tx, f).value());
    km.push_back(m.km);
  }

  std::vector<PartId> parts;
  for (const auto& p : kParts) {
    store::PartFields f{p.sku, p.name, p.price, p.cost, p.min_stock, p.location, true};
    auto id = store::insert_part(tenant, tx, f).value();
    // Initial stock is a movement, as through the API; the orders below take from it.
    store::apply_movement(tenant, tx,
                          store::Movement{id, store::MovementType::in, p.stock, "Estoque inicial",
                                          std::nullopt, user})
        .value();
    parts.push_back(id);
  }
  store::backdate_unrelated_movements(tenant, tx, 60);

  for (const auto& o : demo_orders()) {
    store::NewOrder n;
    n.customer_id = customers[kMotos[o.moto].customer];
    n.motorcycle_id = motos[o.moto];
    n.description = o.description;
    km[o.moto] += o.km_extra;
    n.km_at_entry = km[o.moto];
    auto created = store::create_order(tenant, tx, bus, n, user).value();
    for (const auto& i : o.items) {
      store::NewItem item;
      item.quantity = Centi{i.quantity} * 100;
      if (i.part >= 0) {
        item.item_type = "part";
        item.part_id = parts[i.part];
      } else {
        item.item_type = "labor";
        item.description = i.labor;
        item.unit_price = i.labor_price;
      }
      store::add_item(tenant, tx, created.id, item, user).value();
    }
    if (o.discount > 0) {
      store::OrderChange c;
      c.discount = o.discount;
      store::update_order(tenant, tx, created.id, c, user).value();
    }
    for (auto to : o.moves)
      store::change_status(tenant, tx, bus, created.id, to, auth::Role::owner, user).value();
    store::backdate_order(tenant, tx, created.id, o.days_ago);
  }
}

}  // namespace mg::workshop
