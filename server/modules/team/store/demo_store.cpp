#include "modules/team/store/demo_store.hpp"

namespace mg::team::store {
namespace {

const db::Statement kLogins("team_demo.logins", "select id, email from users order by id");
const db::Statement kOrders("team_demo.orders",
                            "select id, number, status, customer_id from service_orders "
                            "order by number");
const db::Statement kTask(
    "team_demo.backdate_task",
    "update tasks set created_at = now() - make_interval(days => $2::int), "
    "updated_at = now() - make_interval(days => case when status = 'DONE' then $3::int "
    "                                                else $2::int end), "
    "completed_at = case when status = 'DONE' then now() - make_interval(days => $3::int) end "
    "where id = $1");
const db::Statement kInteraction("team_demo.backdate_interaction",
                                 "update interactions set created_at = occurred_at where id = $1");

}  // namespace

std::vector<DemoLogin> demo_logins(TenantId, db::Tx& tx) {
  auto r = tx.exec(kLogins);
  std::vector<DemoLogin> out;
  for (int i = 0; i < r.size(); ++i) out.push_back({UserId{r[i].i64("id")}, r[i].str("email")});
  return out;
}

std::vector<DemoOrder> demo_orders(TenantId, db::Tx& tx) {
  auto r = tx.exec(kOrders);
  std::vector<DemoOrder> out;
  for (int i = 0; i < r.size(); ++i)
    out.push_back({workshop::OrderId{r[i].i64("id")}, r[i].i64("number"), r[i].str("status"),
                   workshop::CustomerId{r[i].i64("customer_id")}});
  return out;
}

void backdate_task(TenantId, db::Tx& tx, TaskId id, int created_days_ago, int done_days_ago) {
  tx.exec(kTask, id, created_days_ago, done_days_ago);
}

void backdate_interaction(TenantId, db::Tx& tx, InteractionId id) {
  tx.exec(kInteraction, id);
}

}  // namespace mg::team::store
