#include "modules/workshop/store/motorcycles_store.hpp"

#include "libs/br/plates.hpp"
#include "libs/core/api_error.hpp"

namespace mg::workshop::store {
namespace {

#define MOTORCYCLE_COLUMNS                                                            \
  "m.id, m.customer_id, c.name as customer_name, m.brand, m.model, m.plate, m.year, " \
  "m.vin, m.km_current, m.is_active, iso_utc(m.created_at) as created_at, "           \
  "iso_utc(m.updated_at) as updated_at "

#define MOTORCYCLE_FROM "from motorcycles m join customers c on c.id = m.customer_id "

// $1 customer, $2 plate key (exact), $3 search text (escaped), $4 its plate key, $5 active.
#define MOTORCYCLE_FILTER \
  "where ($1::bigint is null or m.customer_id = $1) "                           \
  "and ($2::text is null or m.plate_key = $2) "                                 \
  "and ($3::text is null or m.search like " SEARCH_PATTERN("$3") " " \
  "     or ($4::text <> '' and m.plate_key like '%' || $4 || '%')) "            \
  "and ($5::boolean is null or m.is_active = $5) "

constexpr std::string_view kList = "select " MOTORCYCLE_COLUMNS MOTORCYCLE_FROM MOTORCYCLE_FILTER
                                   "order by m.id desc limit $6 offset $7";
constexpr std::string_view kCount = "select count(*) as n from motorcycles m " MOTORCYCLE_FILTER;
constexpr std::string_view kFind = "select " MOTORCYCLE_COLUMNS MOTORCYCLE_FROM "where m.id = $1";
constexpr std::string_view kFindForUpdate =
    "select " MOTORCYCLE_COLUMNS MOTORCYCLE_FROM "where m.id = $1 for update of m";
constexpr std::string_view kOfCustomer = "select " MOTORCYCLE_COLUMNS MOTORCYCLE_FROM
                                         "where m.customer_id = $1 "
                                         "order by m.is_active desc, m.id";
constexpr std::string_view kOrdersOf =
    "select id, number, status, km_at_entry, iso_utc(created_at) as created_at, total_amount, "
    "description from service_orders where motorcycle_id = $1 "
    "order by created_at desc, id desc";

MotorcycleRow motorcycle_from(const db::Row& r) {
  return MotorcycleRow{
      r.i64("id"),         r.i64("customer_id"),   r.str("customer_name"), r.opt_str("brand"),
      r.opt_str("model"),  r.opt_str("plate"),     r.opt_str("vin"),       r.opt_i64("year"),
      r.i64("km_current"), r.boolean("is_active"), r.str("created_at"),    r.str("updated_at")};
}

[[noreturn]] void rethrow(const db::Error& e) {
  if (e.unique_violation() && e.constraint() == "motorcycles_plate_key")
    throw errors::conflict("Já existe uma moto ativa com esta placa.",
                           {{"plate", "já cadastrada"}});
  throw;
}

}  // namespace

db::Query customer_motorcycles_query(std::int64_t customer_id) {
  return db::q(kOfCustomer, customer_id);
}

std::vector<MotorcycleRow> motorcycles_from(const db::Result& r) {
  std::vector<MotorcycleRow> out;
  out.reserve(r.size());
  for (int i = 0; i < r.size(); ++i) out.push_back(motorcycle_from(r[i]));
  return out;
}

std::vector<MotorcycleRow> list_motorcycles(db::Database& db, std::int64_t tenant,
                                            const MotorcycleFilter& f, Page page,
                                            std::int64_t& total) {
  auto q = like_text(f.q);
  // "ABC1234" also finds ABC1C34: plates compare by their key.
  std::string q_key = f.q ? br::plate_key(*f.q) : std::string();
  auto r = db.read(tenant, {db::q(kList, f.customer_id, f.plate_key, q, q_key, f.active, page.limit,
                                  page.offset),
                            db::q(kCount, f.customer_id, f.plate_key, q, q_key, f.active)});
  total = r[1][0].i64("n");
  return motorcycles_from(r[0]);
}

std::optional<MotorcycleDetail> find_motorcycle_detail(db::Database& db, std::int64_t tenant,
                                                       std::int64_t id) {
  auto r = db.read(tenant, {db::q(kFind, id), db::q(kOrdersOf, id)});
  if (r[0].empty()) return std::nullopt;
  MotorcycleDetail d{motorcycle_from(r[0][0]), {}};
  for (int i = 0; i < r[1].size(); ++i) {
    auto row = r[1][i];
    d.service_orders.push_back(OrderSummary{row.i64("id"), row.i64("number"), row.str("status"),
                                            row.opt_i64("km_at_entry"), row.str("created_at"),
                                            row.i64("total_amount"), row.opt_str("description")});
  }
  return d;
}

std::optional<MotorcycleRow> find_motorcycle(db::Tx& tx, std::int64_t id, bool for_update) {
  auto r = tx.exec(for_update ? kFindForUpdate : kFind, id);
  if (r.empty()) return std::nullopt;
  return motorcycle_from(r[0]);
}

std::int64_t insert_motorcycle(db::Tx& tx, const MotorcycleFields& f) {
  try {
    return tx
        .exec(
            "insert into motorcycles (tenant_id, customer_id, brand, model, plate, plate_key, "
            "year, vin, km_current, is_active) "
            "values (current_tenant(), $1, $2, $3, $4, $5, $6, $7, $8, $9) returning id",
            f.customer_id, f.brand, f.model, f.plate, f.plate_key, f.year, f.vin, f.km_current,
            f.is_active)[0]
        .i64("id");
  } catch (const db::Error& e) {
    rethrow(e);
  }
}

void update_motorcycle(db::Tx& tx, std::int64_t id, const MotorcycleFields& f) {
  try {
    tx.exec(
        "update motorcycles set customer_id = $2, brand = $3, model = $4, plate = $5, "
        "plate_key = $6, year = $7, vin = $8, km_current = $9, is_active = $10, "
        "updated_at = now() where id = $1",
        id, f.customer_id, f.brand, f.model, f.plate, f.plate_key, f.year, f.vin, f.km_current,
        f.is_active);
  } catch (const db::Error& e) {
    rethrow(e);
  }
}

bool deactivate_motorcycle(db::Tx& tx, std::int64_t id) {
  return tx.exec("update motorcycles set is_active = false, updated_at = now() where id = $1", id)
             .affected() > 0;
}

void raise_km(db::Tx& tx, std::int64_t id, std::int64_t km) {
  tx.exec(
      "update motorcycles set km_current = $2, updated_at = now() "
      "where id = $1 and km_current < $2",
      id, km);
}

}  // namespace mg::workshop::store
