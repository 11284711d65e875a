#include "modules/workshop/store/parts_store.hpp"

#include "libs/core/api_error.hpp"

namespace mg::workshop::store {
namespace {

#define PART_COLUMNS                                                                    \
  "p.id, p.sku, p.name, p.unit_price, p.cost_price, p.quantity_in_stock, p.min_stock, " \
  "p.location, p.is_active, iso_utc(p.created_at) as created_at, "                      \
  "iso_utc(p.updated_at) as updated_at "

// $1 search text (escaped), $2 low stock only, $3 active.
#define PART_FILTER \
  "where ($1::text is null or p.search like " SEARCH_PATTERN("$1") ") " \
  "and (not $2::boolean or p.quantity_in_stock <= p.min_stock) "                   \
  "and ($3::boolean is null or p.is_active = $3) "

constexpr std::string_view kList = "select " PART_COLUMNS "from parts p " PART_FILTER
                                   "order by lower(p.name), p.id limit $4 offset $5";
constexpr std::string_view kCount = "select count(*) as n from parts p " PART_FILTER;
constexpr std::string_view kFind = "select " PART_COLUMNS "from parts p where p.id = $1";
constexpr std::string_view kFindForUpdate =
    "select " PART_COLUMNS "from parts p where p.id = $1 for update";

PartRow part_from(const db::Row& r) {
  return PartRow{r.i64("id"),         r.str("sku"),          r.str("name"),
                 r.i64("unit_price"), r.i64("cost_price"),   r.i64("quantity_in_stock"),
                 r.i64("min_stock"),  r.opt_str("location"), r.boolean("is_active"),
                 r.str("created_at"), r.str("updated_at")};
}

[[noreturn]] void rethrow(const db::Error& e) {
  if (e.unique_violation() && e.constraint() == "parts_sku_key")
    throw errors::conflict("Já existe uma peça com este SKU.", {{"sku", "já cadastrado"}});
  throw;
}

}  // namespace

std::vector<PartRow> list_parts(db::Database& db, std::int64_t tenant, const PartFilter& f,
                                Page page, std::int64_t& total) {
  auto q = like_text(f.q);
  auto r = db.read(tenant, {db::q(kList, q, f.low_stock, f.active, page.limit, page.offset),
                            db::q(kCount, q, f.low_stock, f.active)});
  total = r[1][0].i64("n");
  std::vector<PartRow> out;
  out.reserve(r[0].size());
  for (int i = 0; i < r[0].size(); ++i) out.push_back(part_from(r[0][i]));
  return out;
}

std::optional<PartRow> find_part(db::Database& db, std::int64_t tenant, std::int64_t id) {
  auto r = db.read(tenant, db::q(kFind, id));
  if (r.empty()) return std::nullopt;
  return part_from(r[0]);
}

std::optional<PartRow> find_part(db::Tx& tx, std::int64_t id, bool for_update) {
  auto r = tx.exec(for_update ? kFindForUpdate : kFind, id);
  if (r.empty()) return std::nullopt;
  return part_from(r[0]);
}

std::int64_t insert_part(db::Tx& tx, const PartFields& f) {
  try {
    return tx
        .exec(
            "insert into parts (tenant_id, sku, name, unit_price, cost_price, min_stock, "
            "location, is_active) values (current_tenant(), $1, $2, $3, $4, $5, $6, $7) "
            "returning id",
            f.sku, f.name, f.unit_price, f.cost_price, f.min_stock, f.location, f.is_active)[0]
        .i64("id");
  } catch (const db::Error& e) {
    rethrow(e);
  }
}

void update_part(db::Tx& tx, std::int64_t id, const PartFields& f) {
  try {
    tx.exec(
        "update parts set sku = $2, name = $3, unit_price = $4, cost_price = $5, "
        "min_stock = $6, location = $7, is_active = $8, updated_at = now() where id = $1",
        id, f.sku, f.name, f.unit_price, f.cost_price, f.min_stock, f.location, f.is_active);
  } catch (const db::Error& e) {
    rethrow(e);
  }
}

bool deactivate_part(db::Tx& tx, std::int64_t id) {
  return tx.exec("update parts set is_active = false, updated_at = now() where id = $1", id)
             .affected() > 0;
}

}  // namespace mg::workshop::store
