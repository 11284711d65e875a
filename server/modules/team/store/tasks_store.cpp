#include "modules/team/store/tasks_store.hpp"

#include "libs/db/constraints.hpp"
#include "libs/db/filter.hpp"

namespace mg::team::store {
namespace {

const std::string kOpen = "t.status not in ('DONE', 'CANCELLED')";
// Names from staff, the workshop's orders and customers, and identity's users (reads across
// modules).
const std::string kColumns =
    "t.id, t.title, t.description, t.priority, t.status, t.assigned_to_id, "
    "s.name as assigned_to_name, t.related_order_id, o.number as related_order_number, "
    "t.customer_id, c.name as customer_name, to_char(t.due_date, 'YYYY-MM-DD') as due_date, "
    "(" +
    kOpen +
    " and t.due_date < current_date) as late, t.created_by, "
    "u.name as created_by_name, iso_utc(t.created_at) as created_at, "
    "iso_utc(t.updated_at) as updated_at, iso_utc(t.completed_at) as completed_at ";
const std::string kJoins =
    "left join staff s on s.tenant_id = t.tenant_id and s.id = t.assigned_to_id "
    "left join service_orders o on o.tenant_id = t.tenant_id and o.id = t.related_order_id "
    "left join customers c on c.tenant_id = t.tenant_id and c.id = t.customer_id "
    "left join users u on u.tenant_id = t.tenant_id and u.id = t.created_by ";
const std::string kOrderBy =
    "order by (t.status in ('DONE', 'CANCELLED')), t.due_date nulls last, "
    "case t.priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end, "
    "t.id desc ";

const std::string kList = "select " + kColumns + "from tasks t " + kJoins + "{where} " + kOrderBy +
                          "limit {1} offset {2}";
const std::string kCount = "select count(*) as n from tasks t {where}";
const db::Statement kFind("tasks.find",
                          "select " + kColumns + "from tasks t " + kJoins + "where t.id = $1");
const db::Statement kLock("tasks.lock", "select " + kColumns + "from tasks t " + kJoins +
                                            "where t.id = $1 for update of t");
const db::Statement kInsert(
    "tasks.insert",
    "insert into tasks (tenant_id, title, description, priority, status, assigned_to_id, "
    "related_order_id, customer_id, due_date, created_by, completed_at) "
    "values ($1, $2, $3, $4, $5, $6, $7, $8, $9::date, $10, "
    "        case when $5 = 'DONE' then now() end) returning id");
// Entering DONE stamps completed_at, staying keeps it, leaving clears it.
const db::Statement kUpdate(
    "tasks.update",
    "update tasks set title = $2, description = $3, priority = $4, status = $5, "
    "assigned_to_id = $6, related_order_id = $7, customer_id = $8, due_date = $9::date, "
    "completed_at = case when $5 = 'DONE' then coalesce(completed_at, now()) end, "
    "updated_at = now() where id = $1");

const db::Constraints kConstraints{
    {"tasks_assigned_to_fk",
     fail::invalid("Responsável inválido.",
                   {{"assigned_to_id", "membro da equipe não encontrado"}})},
    {"tasks_related_order_fk",
     fail::invalid("OS inválida.", {{"related_order_id", "OS não encontrada"}})},
    {"tasks_customer_fk",
     fail::invalid("Cliente inválido.", {{"customer_id", "cliente não encontrado"}})}};

}  // namespace

db::Page<TaskRow> list_tasks(TenantId tenant, db::Database& db, const TaskFilter& f,
                             db::Paging page) {
  db::Filter filter;
  filter.where("status", "t.status = ?", f.status);
  filter.where("assigned", "t.assigned_to_id = ?", f.assigned_to_id);
  filter.where("order", "t.related_order_id = ?", f.related_order_id);
  filter.where("customer", "t.customer_id = ?", f.customer_id);
  filter.where("due_from", "t.due_date >= ?::date", f.due_from);
  filter.where("due_until", "t.due_date <= ?::date", f.due_until);
  filter.where_if(f.only_open, "open", kOpen);
  filter.where_if(f.late, "late", kOpen + " and t.due_date < current_date");
  // A user with no staff record has no tasks of their own (the subquery is null).
  filter.where("mine", "t.assigned_to_id = (select m.id from staff m where m.user_id = ?)", f.mine);
  auto r = db.read(tenant,
                   {filter.query("tasks.list", kList, {db::val(page.limit), db::val(page.offset)}),
                    filter.query("tasks.count", kCount)});
  return {r[0].as<TaskRow>(), r[1][0].i64("n")};
}

std::optional<TaskRow> find_task(TenantId tenant, db::Database& db, TaskId id) {
  return db.read(tenant, db::q(kFind, id)).first<TaskRow>();
}

std::optional<TaskRow> find_task(TenantId, db::Tx& tx, TaskId id, bool for_update) {
  return tx.exec(for_update ? kLock : kFind, id).first<TaskRow>();
}

Result<TaskId> insert_task(TenantId tenant, db::Tx& tx, const TaskFields& f, UserId user) {
  return kConstraints.guard([&] {
    return TaskId{tx.exec(kInsert, tenant, f.title, f.description, f.priority, f.status,
                          f.assigned_to_id, f.related_order_id, f.customer_id, f.due_date, user)[0]
                      .i64("id")};
  });
}

Result<void> update_task(TenantId, db::Tx& tx, TaskId id, const TaskFields& f) {
  return kConstraints.guard([&] {
    tx.exec(kUpdate, id, f.title, f.description, f.priority, f.status, f.assigned_to_id,
            f.related_order_id, f.customer_id, f.due_date);
  });
}

}  // namespace mg::team::store
