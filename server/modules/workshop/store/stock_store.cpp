#include "modules/workshop/store/stock_store.hpp"

#include "libs/db/constraints.hpp"

namespace mg::workshop::store {
namespace {

const db::Statement kIn("stock.in",
                        "update parts set quantity_in_stock = quantity_in_stock + $2, "
                        "updated_at = now() where id = $1 returning quantity_in_stock");
// One statement decides: two concurrent outs can never both take the last unit.
const db::Statement kOut("stock.out",
                         "update parts set quantity_in_stock = quantity_in_stock - $2, "
                         "updated_at = now() where id = $1 and quantity_in_stock >= $2 "
                         "returning quantity_in_stock");
const db::Statement kAvailable("stock.available",
                               "select name, quantity_in_stock from parts where id = $1");
const db::Statement kLockCount("stock.lock_count",
                               "select quantity_in_stock from parts where id = $1 for update");
const db::Statement kSet("stock.set",
                         "update parts set quantity_in_stock = $2, updated_at = now() "
                         "where id = $1");
const db::Statement kRecord(
    "stock.record",
    "insert into stock_movements (tenant_id, part_id, movement_type, quantity, delta, "
    "stock_after, reason, related_order_id, user_id) "
    "values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id");
const db::Statement kPartExists("stock.part_exists", "select 1 from parts where id = $1");
const db::Statement kMovements(
    "stock.movements",
    "select id, part_id, movement_type, quantity, delta, stock_after, reason, related_order_id, "
    "user_id, iso_utc(created_at) as created_at from stock_movements where part_id = $1 "
    "order by id desc limit $2 offset $3");
const db::Statement kCount("stock.count_movements",
                           "select count(*) as n from stock_movements where part_id = $1");

// The only reference a caller chooses; ids of other tenants do not exist here.
const db::Constraints kConstraints{
    {"stock_movements_tenant_id_related_order_id_fkey",
     fail::invalid("OS relacionada não encontrada.", {{"related_order_id", "OS não encontrada"}})}};

Failure part_not_found() {
  return fail::not_found("Peça não encontrada.");
}

}  // namespace

std::optional<MovementType> parse_movement_type(std::string_view text) {
  if (text == "in" || text == "IN") return MovementType::in;
  if (text == "out" || text == "OUT") return MovementType::out;
  if (text == "adjust" || text == "ADJUST") return MovementType::adjust;
  return std::nullopt;
}

std::string_view to_string(MovementType t) {
  switch (t) {
    case MovementType::in:
      return "in";
    case MovementType::out:
      return "out";
    case MovementType::adjust:
      return "adjust";
  }
  return "in";
}

Result<AppliedMovement> apply_movement(TenantId tenant, db::Tx& tx, const Movement& m) {
  std::int64_t stock = 0, delta = 0;
  switch (m.type) {
    case MovementType::in: {
      auto r = tx.exec(kIn, m.part_id, m.quantity);
      if (r.empty()) return part_not_found();
      stock = r[0].i64("quantity_in_stock");
      delta = m.quantity;
      break;
    }
    case MovementType::out: {
      auto r = tx.exec(kOut, m.part_id, m.quantity);
      if (r.empty()) {
        auto part = tx.exec(kAvailable, m.part_id);
        if (part.empty()) return part_not_found();
        const auto available = part[0].i64("quantity_in_stock");
        return fail::rule("insufficient_stock",
                          "Estoque insuficiente de " + part[0].str("name") + ": disponível " +
                              std::to_string(available) + ", pedido " + std::to_string(m.quantity) +
                              ".",
                          {{"quantity", "disponível: " + std::to_string(available)}});
      }
      stock = r[0].i64("quantity_in_stock");
      delta = -m.quantity;
      break;
    }
    case MovementType::adjust: {
      // The delta depends on the current count: hold the row while it is computed.
      auto r = tx.exec(kLockCount, m.part_id);
      if (r.empty()) return part_not_found();
      delta = m.quantity - r[0].i64("quantity_in_stock");
      tx.exec(kSet, m.part_id, m.quantity);
      stock = m.quantity;
      break;
    }
  }
  return kConstraints.guard([&] {
    auto id = tx.exec(kRecord, tenant, m.part_id, to_string(m.type), m.quantity, delta, stock,
                      m.reason, m.related_order_id, m.user_id)[0]
                  .i64("id");
    return AppliedMovement{MovementId{id}, stock};
  });
}

std::optional<db::Page<MovementRow>> list_movements(TenantId tenant, db::Database& db, PartId part,
                                                    db::Paging page) {
  auto r = db.read(tenant, {db::q(kPartExists, part),
                            db::q(kMovements, part, page.limit, page.offset), db::q(kCount, part)});
  if (r[0].empty()) return std::nullopt;
  return db::Page<MovementRow>{r[1].as<MovementRow>(), r[2][0].i64("n")};
}

}  // namespace mg::workshop::store
