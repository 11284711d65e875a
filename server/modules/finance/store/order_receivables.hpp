#pragma once
// A service order's receivable, kept by the order's events inside the
// workshop's transaction (so the move and its receivable commit together):
// created at the first completion, following the order's total at every
// completion after a reopen, cancelled with the order.
#include "libs/core/failure.hpp"
#include "libs/db/database.hpp"
#include "modules/workshop/events.hpp"

namespace mg::finance::store {

// Creates the receivable (due today) when the order has none; otherwise the live one
// (or its installments) takes the new total (domain follow_order_total): conflict when
// the payments already made do not fit it. An order whose total is zero has none.
Result<void> on_order_completed(db::Tx& tx, const workshop::OrderCompleted& e);
// Cancels the order's receivable: conflict when it has payments (refund them first).
Result<void> on_order_cancelled(db::Tx& tx, const workshop::OrderCancelled& e);

}  // namespace mg::finance::store
