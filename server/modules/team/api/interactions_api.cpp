// /teamcrm/interactions: list, detail, record. Anyone of the workshop records what was said
// to or heard from a customer (API.md §2); the record is a log, not edited afterwards.
#include "libs/core/dates.hpp"
#include "modules/team/api/labels.hpp"
#include "modules/team/store/references.hpp"
#include "modules/team/team_impl.hpp"

namespace mg::team {
namespace {

using auth::Action;
using workshop::CustomerId;
using workshop::OrderId;

json::object interaction_json(const store::InteractionRow& i) {
  return json::to_object(i);
}

http::Response list_interactions(api::Context& ctx) {
  store::InteractionFilter f;
  f.customer_id = ctx.query_id<CustomerId>("customer_id");
  f.related_order_id = ctx.query_id<OrderId>("related_order_id");
  f.channel = query_word(ctx, "channel", kChannels);
  f.direction = query_word(ctx, "direction", kDirections);
  f.staff_id = ctx.query_id<StaffId>("staff_id");
  f.from = query_time_bound(ctx, "from", false);
  f.to = query_time_bound(ctx, "to", true);
  auto page = store::list_interactions(ctx.tenant(), ctx.db(), f, ctx.page(50));
  return api::list(page, interaction_json);
}

http::Response get_interaction(api::Context& ctx) {
  auto i = store::find_interaction(ctx.tenant(), ctx.db(), ctx.path<InteractionId>());
  if (!i) throw errors::not_found("Interação não encontrada.");
  return api::ok(interaction_json(*i));
}

http::Response create_interaction(api::Context& ctx) {
  auto in = ctx.input(kFieldLabels);
  store::InteractionFields f;
  f.channel = read_word(in, "channel", kChannels, true).value_or("");
  f.direction = read_word(in, "direction", kDirections, false).value_or("OUT");
  f.summary = optional_text(in, "summary", 500);
  f.details = optional_text(in, "details", 4000);
  f.customer_id = read_id<CustomerId>(in, "customer_id");
  f.related_order_id = read_id<OrderId>(in, "related_order_id");
  f.staff_id = read_id<StaffId>(in, "staff_id");
  const bool staff_given = f.staff_id.has_value();
  if (auto at = optional_text(in, "occurred_at", 40)) {
    f.occurred_at = dates::time_bound(*at, false);
    if (!f.occurred_at)
      in.fail("occurred_at", "data e hora inválidas (ISO 8601: 2026-11-24T13:05:00Z)");
  }
  in.check();
  auto body = ctx.transaction([&](db::Tx& tx) -> Result<json::object> {
    // Who spoke: the caller, when their login is on the staff and the body names nobody.
    if (!staff_given) f.staff_id = store::staff_id_of_user(ctx.tenant(), tx, ctx.user());
    store::References refs{f.staff_id, "staff_id", staff_given, f.customer_id, f.related_order_id};
    if (auto ok = store::check_references(ctx.tenant(), tx, refs); !ok) return ok.error();
    f.customer_id = refs.customer;
    auto id = store::insert_interaction(ctx.tenant(), tx, f, ctx.user());
    if (!id) return id.error();
    return interaction_json(*store::find_interaction(ctx.tenant(), tx, *id));
  });
  return api::created(body.value());
}

}  // namespace

void register_interaction_routes(api::Routes& routes) {
  api::Resource(routes, "team", "/teamcrm/interactions")
      .get("", list_interactions, Action::read_workshop)
      .get("/{id}", get_interaction, Action::read_workshop)
      .create("", create_interaction, Action::work_tasks);
}

}  // namespace mg::team
