#include "modules/workshop/store/parts_store.hpp"

#include "libs/db/constraints.hpp"
#include "libs/db/filter.hpp"
#include "modules/workshop/store/search.hpp"

namespace mg::workshop::store {
namespace {

const std::string kColumns =
    "p.id, p.sku, p.name, p.unit_price, p.cost_price, p.quantity_in_stock, p.min_stock, "
    "p.location, p.is_active, iso_utc(p.created_at) as created_at, "
    "iso_utc(p.updated_at) as updated_at ";

const std::string kList =
    "select " + kColumns + "from parts p {where} order by lower(p.name), p.id limit {1} offset {2}";
const std::string kCount = "select count(*) as n from parts p {where}";
const db::Statement kFind("parts.find", "select " + kColumns + "from parts p where p.id = $1");
const db::Statement kLock("parts.lock",
                          "select " + kColumns + "from parts p where p.id = $1 for update");
const db::Statement kInsert(
    "parts.insert",
    "insert into parts (tenant_id, sku, name, unit_price, cost_price, min_stock, location, "
    "is_active) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id");
const db::Statement kUpdate(
    "parts.update",
    "update parts set sku = $2, name = $3, unit_price = $4, cost_price = $5, min_stock = $6, "
    "location = $7, is_active = $8, updated_at = now() where id = $1");
const db::Statement kDeactivate(
    "parts.deactivate", "update parts set is_active = false, updated_at = now() where id = $1");

const db::Constraints kConstraints{
    {"parts_sku_key",
     fail::conflict("Já existe uma peça com este SKU.", {{"sku", "já cadastrado"}})}};

}  // namespace

db::Read<db::Page<PartRow>> read_parts(const PartFilter& f, db::Paging page) {
  static const std::string kWord = matches("p.search");
  db::Filter filter;
  if (f.q)
    for (const auto& word : search_words(*f.q)) filter.where("q", kWord, db::val(word));
  filter.where_if(f.low_stock, "low", "p.quantity_in_stock <= p.min_stock");
  filter.where("active", "p.is_active = ?", f.active);
  return db::page_read<PartRow>(
      filter.query("parts.list", kList, {db::val(page.limit), db::val(page.offset)}),
      filter.query("parts.count", kCount));
}

db::Read<std::optional<PartRow>> read_part(PartId id) {
  return {{db::q(kFind, id)},
          [](const std::vector<db::Result>& r) { return r[0].first<PartRow>(); }};
}

std::optional<PartRow> find_part(TenantId, db::Tx& tx, PartId id, bool for_update) {
  return tx.exec(for_update ? kLock : kFind, id).first<PartRow>();
}

Result<PartId> insert_part(TenantId tenant, db::Tx& tx, const PartFields& f) {
  return kConstraints.guard([&] {
    return PartId{tx.exec(kInsert, tenant, f.sku, f.name, f.unit_price, f.cost_price, f.min_stock,
                          f.location, f.is_active)[0]
                      .i64("id")};
  });
}

Result<void> update_part(TenantId, db::Tx& tx, PartId id, const PartFields& f) {
  return kConstraints.guard([&] {
    tx.exec(kUpdate, id, f.sku, f.name, f.unit_price, f.cost_price, f.min_stock, f.location,
            f.is_active);
  });
}

bool deactivate_part(TenantId, db::Tx& tx, PartId id) {
  return tx.exec(kDeactivate, id).affected() > 0;
}

}  // namespace mg::workshop::store
