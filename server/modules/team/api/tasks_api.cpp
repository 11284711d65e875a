// /teamcrm/tasks: list, detail, create, update. Anyone of the workshop creates tasks and
// moves their status; the title, the assignment and the rest of a task are the OWNER's and
// the MANAGER's (API.md §2), who may also assign a task to anyone: the others create tasks
// for nobody or for themselves.
#include "modules/team/api/labels.hpp"
#include "modules/team/store/references.hpp"
#include "modules/team/team_impl.hpp"

namespace mg::team {
namespace {

using auth::Action;
using workshop::CustomerId;
using workshop::OrderId;

// A POST's or PATCH's body, read and checked once: what it sets. A PATCH changes only what
// the body names (a present null clears the field).
struct TaskPatch {
  std::optional<std::string> title;
  std::optional<std::optional<std::string>> description, due_date;
  std::optional<std::string> priority, status;
  std::optional<std::optional<StaffId>> assigned_to_id;
  std::optional<std::optional<OrderId>> related_order_id;
  std::optional<std::optional<CustomerId>> customer_id;

  store::TaskFields onto(store::TaskFields f) const {
    if (title) f.title = *title;
    if (description) f.description = *description;
    if (due_date) f.due_date = *due_date;
    if (priority) f.priority = *priority;
    if (status) f.status = *status;
    if (assigned_to_id) f.assigned_to_id = *assigned_to_id;
    if (related_order_id) f.related_order_id = *related_order_id;
    if (customer_id) f.customer_id = *customer_id;
    return f;
  }
  // What the body changes besides the status (a PATCH of those is the managers').
  std::vector<std::string> beyond_status() const {
    std::vector<std::string> out;
    if (title) out.emplace_back("title");
    if (description) out.emplace_back("description");
    if (due_date) out.emplace_back("due_date");
    if (priority) out.emplace_back("priority");
    if (assigned_to_id) out.emplace_back("assigned_to_id");
    if (related_order_id) out.emplace_back("related_order_id");
    if (customer_id) out.emplace_back("customer_id");
    return out;
  }
};

TaskPatch read_task(json::Input& in, bool create) {
  TaskPatch p;
  if (create || in.has("title")) p.title = in.text("title", {.required = true, .max_length = 200});
  if (in.has("description")) p.description = optional_text(in, "description", 4000);
  if (in.has("due_date")) p.due_date = read_date(in, "due_date");
  if (in.has("priority")) p.priority = read_word(in, "priority", kPriorities);
  if (in.has("status")) p.status = read_word(in, "status", kTaskStatuses);
  if (in.has("assigned_to_id")) p.assigned_to_id = read_id<StaffId>(in, "assigned_to_id");
  if (in.has("related_order_id")) p.related_order_id = read_id<OrderId>(in, "related_order_id");
  if (in.has("customer_id")) p.customer_id = read_id<CustomerId>(in, "customer_id");
  return p;
}

json::object task_json(const store::TaskRow& t, auth::Role role) {
  auto out = json::to_object(t);
  out["can"] = json::object{{"edit", auth::allowed(role, Action::manage_staff)},
                            {"change_status", auth::allowed(role, Action::work_tasks)}};
  return out;
}

// The references of the body, the staff member checked when the body names one.
Result<void> check(TenantId tenant, db::Tx& tx, store::TaskFields& f, bool names_staff) {
  store::References refs{f.assigned_to_id, "assigned_to_id", names_staff, f.customer_id,
                         f.related_order_id};
  if (auto ok = store::check_references(tenant, tx, refs); !ok) return ok.error();
  f.customer_id = refs.customer;
  return {};
}

http::Response list_tasks(api::Context& ctx) {
  store::TaskFilter f;
  f.status = query_word(ctx, "status", kTaskStatuses);
  f.assigned_to_id = ctx.query_id<StaffId>("assigned_to_id");
  f.related_order_id = ctx.query_id<OrderId>("related_order_id");
  f.customer_id = ctx.query_id<CustomerId>("customer_id");
  f.due_from = query_date(ctx, "due_from");
  f.due_until = query_date(ctx, "due_until");
  f.only_open = ctx.query_flag("only_open").value_or(false);
  f.late = ctx.query_flag("late").value_or(false);
  if (ctx.query_flag("mine").value_or(false)) f.mine = ctx.user();
  auto page = store::list_tasks(ctx.tenant(), ctx.db(), f, ctx.page());
  return api::list(page, [&](const auto& t) { return task_json(t, ctx.role()); });
}

http::Response get_task(api::Context& ctx) {
  auto t = store::find_task(ctx.tenant(), ctx.db(), ctx.path<TaskId>());
  if (!t) throw errors::not_found("Tarefa não encontrada.");
  return api::ok(task_json(*t, ctx.role()));
}

http::Response create_task(api::Context& ctx) {
  auto in = ctx.input(kFieldLabels);
  const auto patch = read_task(in, true);
  in.check();
  auto fields = patch.onto({});
  const bool manager = ctx.may(Action::manage_staff);
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    if (!manager && fields.assigned_to_id &&
        store::staff_id_of_user(ctx.tenant(), tx, ctx.user()) != fields.assigned_to_id)
      return fail::forbidden(
          "Somente o dono ou a gerência atribui uma tarefa a outra pessoa: deixe sem "
          "responsável ou atribua a você.");
    if (auto ok = check(ctx.tenant(), tx, fields, true); !ok) return ok.error();
    auto id = store::insert_task(ctx.tenant(), tx, fields, ctx.user());
    if (!id) return id.error();
    return task_json(*store::find_task(ctx.tenant(), tx, *id), ctx.role());
  });
  return api::created(body.value());
}

http::Response update_task(api::Context& ctx) {
  const auto tenant = ctx.tenant();
  const auto id = ctx.path<TaskId>();
  auto in = ctx.input(kFieldLabels);
  const auto patch = read_task(in, false);
  in.check();
  if (!ctx.may(Action::manage_staff))
    if (auto fields = patch.beyond_status(); !fields.empty()) {
      std::string names;
      for (const auto& f : fields) names += (names.empty() ? "" : ", ") + f;
      throw errors::forbidden(
          "Você pode mudar o status da tarefa; o título, o responsável e os demais campos "
          "são do dono ou da gerência (" +
          names + ").");
    }
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    auto current = store::find_task(tenant, tx, id, true);
    if (!current) return fail::not_found("Tarefa não encontrada.");
    auto fields = patch.onto({current->title, current->description, current->priority,
                              current->status, current->assigned_to_id, current->related_order_id,
                              current->customer_id, current->due_date});
    if (auto ok = check(tenant, tx, fields, patch.assigned_to_id.has_value()); !ok)
      return ok.error();
    if (auto updated = store::update_task(tenant, tx, id, fields); !updated) return updated.error();
    return task_json(*store::find_task(tenant, tx, id), ctx.role());
  });
  return api::ok(body.value());
}

}  // namespace

void register_task_routes(api::Routes& routes) {
  api::Resource(routes, "team", "/teamcrm/tasks")
      .get("", list_tasks, Action::read_workshop)
      .get("/{id}", get_task, Action::read_workshop)
      .create("", create_task, Action::work_tasks)
      .patch("/{id}", update_task, Action::work_tasks);
}

}  // namespace mg::team
