#pragma once
// SQL for tasks. DONE stamps completed_at, leaving DONE clears it (the table
// checks it too); `late` is an open task (not DONE nor CANCELLED) whose due
// date is before the database's current date.
#include <optional>
#include <string>

#include <boost/describe/class.hpp>

#include "libs/core/failure.hpp"
#include "libs/db/database.hpp"
#include "modules/team/ids.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::team::store {

struct TaskRow {
  TaskId id;
  std::string title;
  std::optional<std::string> description;
  std::string priority, status;
  std::optional<StaffId> assigned_to_id;
  std::optional<std::string> assigned_to_name;
  std::optional<workshop::OrderId> related_order_id;
  std::optional<std::int64_t> related_order_number;
  std::optional<workshop::CustomerId> customer_id;
  std::optional<std::string> customer_name;
  std::optional<std::string> due_date;  // YYYY-MM-DD
  bool late = false;
  std::optional<UserId> created_by;
  std::optional<std::string> created_by_name;
  std::string created_at, updated_at;
  std::optional<std::string> completed_at;
};
BOOST_DESCRIBE_STRUCT(TaskRow, (),
                      (id, title, description, priority, status, assigned_to_id, assigned_to_name,
                       related_order_id, related_order_number, customer_id, customer_name, due_date,
                       late, created_by, created_by_name, created_at, updated_at, completed_at))

// Everything a POST or PATCH sets (a PATCH merges the body into the current row).
struct TaskFields {
  std::string title;
  std::optional<std::string> description;
  std::string priority = "NORMAL", status = "OPEN";
  std::optional<StaffId> assigned_to_id;
  std::optional<workshop::OrderId> related_order_id;
  std::optional<workshop::CustomerId> customer_id;
  std::optional<std::string> due_date;
};

struct TaskFilter {
  std::optional<std::string> status;
  std::optional<StaffId> assigned_to_id;
  std::optional<workshop::OrderId> related_order_id;
  std::optional<workshop::CustomerId> customer_id;
  std::optional<std::string> due_from, due_until;  // YYYY-MM-DD, inclusive
  bool only_open = false;
  bool late = false;
  std::optional<UserId> mine;  // tasks of this user's staff record (none without one)
};

// Open tasks first, then by due date (undated last), priority (URGENT first), newest.
db::Page<TaskRow> list_tasks(TenantId tenant, db::Database& db, const TaskFilter& f,
                             db::Paging page);
std::optional<TaskRow> find_task(TenantId tenant, db::Database& db, TaskId id);
std::optional<TaskRow> find_task(TenantId tenant, db::Tx& tx, TaskId id, bool for_update = false);

// The references must be the tenant's (store::check_references, done by the caller); the
// foreign keys are the backstop (invalid on the field).
Result<TaskId> insert_task(TenantId tenant, db::Tx& tx, const TaskFields& f, UserId user);
Result<void> update_task(TenantId tenant, db::Tx& tx, TaskId id, const TaskFields& f);

}  // namespace mg::team::store
