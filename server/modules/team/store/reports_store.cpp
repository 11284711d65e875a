#include "modules/team/store/reports_store.hpp"

namespace mg::team::store {
namespace {

const db::Statement kSummary(
    "team.summary",
    "select "
    "(select count(*) from tasks where status not in ('DONE', 'CANCELLED')) as open, "
    "(select count(*) from tasks where status not in ('DONE', 'CANCELLED') "
    "   and due_date < current_date) as late, "
    "(select count(*) from tasks where status = 'DONE' "
    "   and completed_at >= now() - make_interval(days => $1::int)) as done_in_period, "
    "(select count(*) from interactions "
    "   where occurred_at >= now() - make_interval(days => $1::int)) as total_in_period, "
    "(select count(*) from interactions where channel = 'WHATSAPP' "
    "   and occurred_at >= now() - make_interval(days => $1::int)) as whatsapp_in_period");

// Orders and their items are the workshop's (a read across modules). An item row meets the
// order's mechanic and the line's doer; each base counts only its own lines.
const db::Statement kCommissions(
    "team.commissions",
    "select * from ("
    "  select s.id as staff_id, s.name as staff_name, s.labor_commission_bp as labor_rate, "
    "    s.parts_commission_bp as parts_rate, o.id as order_id, o.number, "
    "    iso_utc(o.closed_at) as closed_at, c.name as customer_name, "
    "    coalesce(sum(i.total) filter (where i.item_type = 'labor' "
    "      and coalesce(i.staff_id, o.assigned_staff_id) = s.id), 0) as labor_base, "
    "    coalesce(sum(i.total) filter (where i.item_type = 'part' "
    "      and o.assigned_staff_id = s.id), 0) as parts_base, "
    "    lower(s.name) as sort_name, o.closed_at as sort_closed "
    "  from service_orders o "
    "  join service_order_items i on i.tenant_id = o.tenant_id and i.order_id = o.id "
    "  join staff s on s.tenant_id = o.tenant_id and s.id in (o.assigned_staff_id, i.staff_id) "
    "  join customers c on c.tenant_id = o.tenant_id and c.id = o.customer_id "
    "  where o.status = 'COMPLETED' and o.closed_at >= $1::timestamptz "
    "    and o.closed_at <= $2::timestamptz "
    "  group by s.id, s.name, s.labor_commission_bp, s.parts_commission_bp, o.id, o.number, "
    "    o.closed_at, c.name"
    ") b where labor_base > 0 or parts_base > 0 "
    "order by sort_name, staff_id, sort_closed, order_id");

const db::Statement kCustomerExists("team.timeline_customer",
                                    "select id from customers where id = $1");
const db::Statement kTimeline(
    "team.timeline",
    "select kind, id, iso_utc(sort_at) as at, channel, direction, summary, details, staff_id, "
    "  staff_name, order_id, order_number, status, from_status, user_id, user_name, "
    "  description, motorcycle_plate, motorcycle_model, event "
    "from ("
    "  select 'interaction' as kind, i.id, i.occurred_at as sort_at, i.channel, i.direction, "
    "    i.summary, i.details, i.staff_id, s.name as staff_name, i.related_order_id as order_id, "
    "    o.number as order_number, null::text as status, null::text as from_status, "
    "    null::bigint as user_id, null::text as user_name, null::text as description, "
    "    null::text as motorcycle_plate, null::text as motorcycle_model, null::text as event "
    "  from interactions i "
    "  left join staff s on s.tenant_id = i.tenant_id and s.id = i.staff_id "
    "  left join service_orders o on o.tenant_id = i.tenant_id and o.id = i.related_order_id "
    "  where i.customer_id = $1 "
    "  union all "
    "  select 'order_status', h.id, h.at, null, null, null, null, null, null, o.id, o.number, "
    "    h.status, lag(h.status) over (partition by h.order_id order by h.at, h.id), h.user_id, "
    "    u.name, o.description, m.plate, m.model, null "
    "  from service_order_history h "
    "  join service_orders o on o.tenant_id = h.tenant_id and o.id = h.order_id "
    "  join motorcycles m on m.tenant_id = o.tenant_id and m.id = o.motorcycle_id "
    "  left join users u on u.tenant_id = h.tenant_id and u.id = h.user_id "
    "  where o.customer_id = $1"
    // The messages the workshop sent (messaging's rows: a read across modules; the ones
    // received are interactions already), for whom may read messages.
    "  union all "
    "  select 'message', mm.id, mm.created_at, "
    "    case when mm.channel_kind = 'TELEGRAM' then 'TELEGRAM' "
    "         when mm.channel_kind is not null then 'WHATSAPP' end, 'OUT', "
    "    null, mm.text, null, null, mm.order_id, o.number, mm.status, null, "
    "    mm.created_by, u.name, null, null, null, mm.event "
    "  from messaging_messages mm "
    "  left join service_orders o on o.tenant_id = mm.tenant_id and o.id = mm.order_id "
    "  left join users u on u.tenant_id = mm.tenant_id and u.id = mm.created_by "
    "  where $4 and mm.customer_id = $1 and mm.direction = 'OUT'"
    ") t order by sort_at desc, kind, id desc limit $2 offset $3");
const db::Statement kTimelineCount(
    "team.timeline_count",
    "select (select count(*) from interactions where customer_id = $1) + "
    "(select count(*) from service_order_history h join service_orders o "
    "   on o.tenant_id = h.tenant_id and o.id = h.order_id where o.customer_id = $1) + "
    "(select count(*) from messaging_messages "
    "   where $2 and customer_id = $1 and direction = 'OUT') as n");

const db::Statement kOverview("team.overview",
                              "select count(*) as open_count, "
                              "count(*) filter (where due_date < current_date) as late_count, "
                              "count(*) filter (where due_date = current_date) as due_today "
                              "from tasks where status not in ('DONE', 'CANCELLED')");

}  // namespace

DashboardSummary dashboard_summary(TenantId tenant, db::Database& db, int days) {
  return *db.read(tenant, db::q(kSummary, days)).first<DashboardSummary>();
}

std::vector<CommissionBase> commission_bases(TenantId tenant, db::Database& db,
                                             const std::string& from, const std::string& to) {
  return db.read(tenant, db::q(kCommissions, from, to)).as<CommissionBase>();
}

std::optional<db::Page<TimelineRow>> customer_timeline(TenantId tenant, db::Database& db,
                                                       workshop::CustomerId customer,
                                                       db::Paging page, bool with_messages) {
  auto r = db.read(tenant, {db::q(kCustomerExists, customer),
                            db::q(kTimeline, customer, page.limit, page.offset, with_messages),
                            db::q(kTimelineCount, customer, with_messages)});
  if (r[0].empty()) return std::nullopt;
  return db::Page<TimelineRow>{r[1].as<TimelineRow>(), r[2][0].i64("n")};
}

db::Query overview_query() {
  return db::q(kOverview);
}

}  // namespace mg::team::store
