#pragma once
// SQL for the stock ledger: every change of a part's quantity_in_stock writes a
// stock_movements row in the same transaction, so the stock always equals the
// sum of its movements.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/workshop/store/common.hpp"

namespace mg::workshop::store {

enum class MovementType { in, out, adjust };
std::optional<MovementType> parse_movement_type(std::string_view text);
std::string_view to_string(MovementType t);

struct Movement {
  std::int64_t part_id = 0;
  MovementType type = MovementType::in;
  std::int64_t quantity = 0;  // in/out: > 0; adjust: the new count
  std::optional<std::string> reason;
  std::optional<std::int64_t> related_order_id, user_id;
};

struct MovementRow {
  std::int64_t id = 0, part_id = 0;
  std::string movement_type;
  std::int64_t quantity = 0, delta = 0, stock_after = 0;
  std::optional<std::string> reason;
  std::optional<std::int64_t> related_order_id, user_id;
  std::string created_at;
};

struct AppliedMovement {
  std::int64_t movement_id = 0, stock = 0;
};

// Changes the stock and writes the ledger row together. `out` is one conditional
// update (never below zero under any concurrency): 422 insufficient_stock when short;
// `adjust` locks the row to compute its delta. 404 when the part does not exist;
// 422 on related_order_id when that order does not exist.
AppliedMovement apply_movement(db::Tx& tx, const Movement& m);

// nullopt when the part does not exist.
std::optional<std::vector<MovementRow>> list_movements(db::Database& db, std::int64_t tenant,
                                                       std::int64_t part_id, Page page,
                                                       std::int64_t& total);

}  // namespace mg::workshop::store
