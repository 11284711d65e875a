#include "modules/workshop/store/motorcycles_store.hpp"

#include "libs/br/plates.hpp"
#include "libs/db/constraints.hpp"
#include "libs/db/filter.hpp"
#include "modules/workshop/store/search.hpp"

namespace mg::workshop::store {
namespace {

const std::string kColumns =
    "m.id, m.customer_id, c.name as customer_name, m.brand, m.model, m.plate, m.year, "
    "m.vin, m.km_current, m.is_active, iso_utc(m.created_at) as created_at, "
    "iso_utc(m.updated_at) as updated_at ";
const std::string kFrom = "from motorcycles m join customers c on c.id = m.customer_id ";

const std::string kList =
    "select " + kColumns + kFrom + "{where} order by m.id desc limit {1} offset {2}";
const std::string kCount = "select count(*) as n from motorcycles m {where}";
const db::Statement kFind("motorcycles.find", "select " + kColumns + kFrom + "where m.id = $1");
const db::Statement kLock("motorcycles.lock",
                          "select " + kColumns + kFrom + "where m.id = $1 for update of m");
const db::Statement kOfCustomer("motorcycles.of_customer",
                                "select " + kColumns + kFrom +
                                    "where m.customer_id = $1 order by m.is_active desc, m.id");
const db::Statement kOrdersOf(
    "motorcycles.orders",
    "select id, number, status, km_at_entry, iso_utc(created_at) as created_at, total_amount, "
    "description from service_orders where motorcycle_id = $1 order by created_at desc, id desc");
const db::Statement kDeclined(
    "motorcycles.declined_items",
    "select d.id, d.order_id, o.number as order_number, q.version as quote_version, d.item_type, "
    "d.part_id, d.description, (d.quantity * 100)::bigint as quantity, d.unit_price, d.total, "
    "iso_utc(d.declined_at) as declined_at from declined_items d "
    "join service_orders o on o.tenant_id = d.tenant_id and o.id = d.order_id "
    "join quotes q on q.tenant_id = d.tenant_id and q.id = d.quote_id "
    "where d.motorcycle_id = $1 order by d.declined_at desc, d.id desc limit 100");
const db::Statement kInsert(
    "motorcycles.insert",
    "insert into motorcycles (tenant_id, customer_id, brand, model, plate, plate_key, year, vin, "
    "km_current, is_active) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id");
const db::Statement kUpdate(
    "motorcycles.update",
    "update motorcycles set customer_id = $2, brand = $3, model = $4, plate = $5, "
    "plate_key = $6, year = $7, vin = $8, km_current = $9, is_active = $10, "
    "updated_at = now() where id = $1");
const db::Statement kDeactivate(
    "motorcycles.deactivate",
    "update motorcycles set is_active = false, updated_at = now() where id = $1");
const db::Statement kRaiseKm("motorcycles.raise_km",
                             "update motorcycles set km_current = $2, updated_at = now() "
                             "where id = $1 and km_current < $2");

const db::Constraints kConstraints{
    {"motorcycles_plate_key",
     fail::conflict("Já existe uma moto ativa com esta placa.", {{"plate", "já cadastrada"}})}};

}  // namespace

db::Query customer_motorcycles_query(CustomerId customer) {
  return db::q(kOfCustomer, customer);
}

db::Read<db::Page<MotorcycleRow>> read_motorcycles(const MotorcycleFilter& f, db::Paging page) {
  // "ABC1234" also finds ABC1C34: plates compare by their key.
  static const std::string kWord =
      "(" + matches("m.search") + " or (?2 <> '' and m.plate_key like '%' || ?2 || '%'))";
  db::Filter filter;
  filter.where("customer", "m.customer_id = ?", f.customer_id);
  filter.where("plate", "m.plate_key = ?", f.plate_key);
  if (f.q)
    for (const auto& word : search_words(*f.q))
      filter.where("q", kWord, db::val(word), db::val(plate_word(word)));
  filter.where("active", "m.is_active = ?", f.active);
  return db::page_read<MotorcycleRow>(
      filter.query("motorcycles.list", kList, {db::val(page.limit), db::val(page.offset)}),
      filter.query("motorcycles.count", kCount));
}

db::Read<std::optional<MotorcycleDetail>> read_motorcycle(MotorcycleId id) {
  return {{db::q(kFind, id), db::q(kOrdersOf, id), db::q(kDeclined, id)},
          [](const std::vector<db::Result>& r) -> std::optional<MotorcycleDetail> {
            auto moto = r[0].first<MotorcycleRow>();
            if (!moto) return std::nullopt;
            return MotorcycleDetail{std::move(*moto), r[1].as<OrderSummaryRow>(),
                                    r[2].as<DeclinedItemRow>()};
          }};
}

std::optional<MotorcycleRow> find_motorcycle(TenantId, db::Tx& tx, MotorcycleId id,
                                             bool for_update) {
  return tx.exec(for_update ? kLock : kFind, id).first<MotorcycleRow>();
}

Result<MotorcycleId> insert_motorcycle(TenantId tenant, db::Tx& tx, const MotorcycleFields& f) {
  return kConstraints.guard([&] {
    return MotorcycleId{tx.exec(kInsert, tenant, f.customer_id, f.brand, f.model, f.plate,
                                f.plate_key, f.year, f.vin, f.km_current, f.is_active)[0]
                            .i64("id")};
  });
}

Result<void> update_motorcycle(TenantId, db::Tx& tx, MotorcycleId id, const MotorcycleFields& f) {
  return kConstraints.guard([&] {
    tx.exec(kUpdate, id, f.customer_id, f.brand, f.model, f.plate, f.plate_key, f.year, f.vin,
            f.km_current, f.is_active);
  });
}

bool deactivate_motorcycle(TenantId, db::Tx& tx, MotorcycleId id) {
  return tx.exec(kDeactivate, id).affected() > 0;
}

void raise_km(TenantId, db::Tx& tx, MotorcycleId id, std::int64_t km) {
  tx.exec(kRaiseKm, id, km);
}

}  // namespace mg::workshop::store
