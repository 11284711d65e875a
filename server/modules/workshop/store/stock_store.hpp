#pragma once
// SQL for the stock ledger: every change of a part's quantity_in_stock writes a
// stock_movements row in the same transaction, so the stock always equals the
// sum of its movements.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>

#include "libs/core/failure.hpp"
#include "libs/db/database.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::workshop::store {

enum class MovementType { in, out, adjust };
std::optional<MovementType> parse_movement_type(std::string_view text);
std::string_view to_string(MovementType t);

struct Movement {
  PartId part_id;
  MovementType type = MovementType::in;
  std::int64_t quantity = 0;  // in/out: > 0; adjust: the new count
  std::optional<std::string> reason;
  std::optional<OrderId> related_order_id;
  std::optional<UserId> user_id;
};

struct MovementRow {
  MovementId id;
  PartId part_id;
  std::string movement_type;
  std::int64_t quantity = 0, delta = 0, stock_after = 0;
  std::optional<std::string> reason;
  std::optional<OrderId> related_order_id;
  std::optional<UserId> user_id;
  std::string created_at;
};
BOOST_DESCRIBE_STRUCT(MovementRow, (),
                      (id, part_id, movement_type, quantity, delta, stock_after, reason,
                       related_order_id, user_id, created_at))

struct AppliedMovement {
  MovementId movement_id;
  std::int64_t stock = 0;
};

// Changes the stock and writes the ledger row together. `out` is one conditional
// update (never below zero under any concurrency): the rule insufficient_stock when
// short; `adjust` locks the row to compute its delta. Not found when the part does not
// exist; invalid on related_order_id when that order does not exist.
Result<AppliedMovement> apply_movement(TenantId tenant, db::Tx& tx, const Movement& m);

// nullopt when the part does not exist.
std::optional<db::Page<MovementRow>> list_movements(TenantId tenant, db::Database& db, PartId part,
                                                    db::Paging page);

}  // namespace mg::workshop::store
