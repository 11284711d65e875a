#include "modules/workshop/store/stock_store.hpp"

#include "libs/core/api_error.hpp"

namespace mg::workshop::store {
namespace {

constexpr std::string_view kPartExists = "select 1 from parts where id = $1";
constexpr std::string_view kMovements =
    "select id, part_id, movement_type, quantity, delta, stock_after, reason, related_order_id, "
    "user_id, iso_utc(created_at) as created_at from stock_movements where part_id = $1 "
    "order by id desc limit $2 offset $3";
constexpr std::string_view kCount = "select count(*) as n from stock_movements where part_id = $1";

ApiError part_not_found() {
  return errors::not_found("Peça não encontrada.");
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

AppliedMovement apply_movement(db::Tx& tx, const Movement& m) {
  std::int64_t stock = 0, delta = 0;
  switch (m.type) {
    case MovementType::in: {
      auto r = tx.exec(
          "update parts set quantity_in_stock = quantity_in_stock + $2, updated_at = now() "
          "where id = $1 returning quantity_in_stock",
          m.part_id, m.quantity);
      if (r.empty()) throw part_not_found();
      stock = r[0].i64("quantity_in_stock");
      delta = m.quantity;
      break;
    }
    case MovementType::out: {
      // One statement decides: two concurrent outs can never both take the last unit.
      auto r = tx.exec(
          "update parts set quantity_in_stock = quantity_in_stock - $2, updated_at = now() "
          "where id = $1 and quantity_in_stock >= $2 returning quantity_in_stock",
          m.part_id, m.quantity);
      if (r.empty()) {
        auto part = tx.exec("select name, quantity_in_stock from parts where id = $1", m.part_id);
        if (part.empty()) throw part_not_found();
        const auto available = part[0].i64("quantity_in_stock");
        throw errors::unprocessable("insufficient_stock",
                                    "Estoque insuficiente de " + part[0].str("name") +
                                        ": disponível " + std::to_string(available) + ", pedido " +
                                        std::to_string(m.quantity) + ".",
                                    {{"quantity", "disponível: " + std::to_string(available)}});
      }
      stock = r[0].i64("quantity_in_stock");
      delta = -m.quantity;
      break;
    }
    case MovementType::adjust: {
      // The delta depends on the current count: hold the row while it is computed.
      auto r = tx.exec("select quantity_in_stock from parts where id = $1 for update", m.part_id);
      if (r.empty()) throw part_not_found();
      delta = m.quantity - r[0].i64("quantity_in_stock");
      tx.exec("update parts set quantity_in_stock = $2, updated_at = now() where id = $1",
              m.part_id, m.quantity);
      stock = m.quantity;
      break;
    }
  }
  try {
    auto id = tx.exec(
                    "insert into stock_movements (tenant_id, part_id, movement_type, quantity, "
                    "delta, stock_after, reason, related_order_id, user_id) "
                    "values (current_tenant(), $1, $2, $3, $4, $5, $6, $7, $8) returning id",
                    m.part_id, to_string(m.type), m.quantity, delta, stock, m.reason,
                    m.related_order_id, m.user_id)[0]
                  .i64("id");
    return {id, stock};
  } catch (const db::Error& e) {
    // The only reference a caller chooses; ids of other tenants do not exist here.
    if (e.foreign_key_violation() && m.related_order_id)
      throw errors::validation("OS relacionada não encontrada.",
                               {{"related_order_id", "OS não encontrada"}});
    throw;
  }
}

std::optional<std::vector<MovementRow>> list_movements(db::Database& db, std::int64_t tenant,
                                                       std::int64_t part_id, Page page,
                                                       std::int64_t& total) {
  auto r = db.read(
      tenant, {db::q(kPartExists, part_id), db::q(kMovements, part_id, page.limit, page.offset),
               db::q(kCount, part_id)});
  if (r[0].empty()) return std::nullopt;
  total = r[2][0].i64("n");
  std::vector<MovementRow> out;
  out.reserve(r[1].size());
  for (int i = 0; i < r[1].size(); ++i) {
    auto row = r[1][i];
    out.push_back(MovementRow{row.i64("id"), row.i64("part_id"), row.str("movement_type"),
                              row.i64("quantity"), row.i64("delta"), row.i64("stock_after"),
                              row.opt_str("reason"), row.opt_i64("related_order_id"),
                              row.opt_i64("user_id"), row.str("created_at")});
  }
  return out;
}

}  // namespace mg::workshop::store
