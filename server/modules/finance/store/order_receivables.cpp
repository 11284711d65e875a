#include "modules/finance/store/order_receivables.hpp"

#include "modules/finance/domain/rules.hpp"
#include "modules/finance/store/accounts_store.hpp"

namespace mg::finance::store {
namespace {

const db::Statement kGroup("receivables.order_group",
                           "select id, amount, paid_amount from receivables "
                           "where source_type = 'OS' and source_id = $1 and cancelled_at is null "
                           "order by installment_number for update");
const db::Statement kSetAmount("receivables.follow_order",
                               "update receivables set amount = $2, updated_at = now() "
                               "where id = $1 and amount <> $2");
const db::Statement kCancelGroup(
    "receivables.cancel_order_group",
    "update receivables set cancelled_at = now(), cancelled_by = $2, updated_at = now() "
    "where source_type = 'OS' and source_id = $1 and cancelled_at is null");

struct Group {
  std::vector<std::int64_t> ids;
  std::vector<Installment> installments;
  Cents paid = 0;
};

Group lock_group(db::Tx& tx, workshop::OrderId order) {
  auto r = tx.exec(kGroup, order);
  Group g;
  for (int i = 0; i < r.size(); ++i) {
    g.ids.push_back(r[i].i64("id"));
    g.installments.push_back({r[i].i64("amount"), r[i].i64("paid_amount")});
    g.paid += r[i].i64("paid_amount");
  }
  return g;
}

}  // namespace

Result<void> on_order_completed(db::Tx& tx, const workshop::OrderCompleted& e) {
  auto group = lock_group(tx, e.order);
  if (group.ids.empty()) {
    if (e.total_amount <= 0) return {};  // nothing to receive
    NewReceivable r;
    r.source_type = "OS";
    r.source_id = e.order;
    r.customer_id = e.customer;
    if (!e.customer_name.empty()) r.customer_name = e.customer_name;
    r.description = "OS #" + std::to_string(e.number);
    r.amounts = {e.total_amount};
    r.due_dates = {std::nullopt};  // today, as the issue date
    auto created = insert_receivables(e.tenant, tx, r, e.by);
    if (!created) return created.error();
    return {};
  }
  auto follow = follow_order_total(group.installments, e.total_amount);
  if (!follow) {
    auto f = follow.error();
    f.message = "OS #" + std::to_string(e.number) + ": " + f.message;
    return f;
  }
  if (follow->cancel_all) {
    tx.exec(kCancelGroup, e.order, e.by);
    return {};
  }
  std::vector<db::Query> updates;
  for (std::size_t i = 0; i < group.ids.size(); ++i)
    updates.push_back(db::q(kSetAmount, group.ids[i], follow->amounts[i]));
  tx.exec_batch(updates);
  return {};
}

Result<void> on_order_cancelled(db::Tx& tx, const workshop::OrderCancelled& e) {
  auto group = lock_group(tx, e.order);
  if (group.paid > 0)
    return fail::conflict("A OS #" + std::to_string(e.number) + " tem " + brl(group.paid) +
                              " recebidos: estorne os pagamentos antes de cancelar a OS.",
                          {{"receivable", "tem pagamentos"}});
  if (!group.ids.empty()) tx.exec(kCancelGroup, e.order, e.by);
  return {};
}

}  // namespace mg::finance::store
