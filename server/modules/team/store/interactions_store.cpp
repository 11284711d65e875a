#include "modules/team/store/interactions_store.hpp"

#include "libs/db/constraints.hpp"
#include "libs/db/filter.hpp"

namespace mg::team::store {
namespace {

const std::string kColumns =
    "i.id, i.channel, i.direction, i.summary, i.details, i.customer_id, "
    "c.name as customer_name, i.related_order_id, o.number as related_order_number, "
    "i.staff_id, s.name as staff_name, iso_utc(i.occurred_at) as occurred_at, i.created_by, "
    "iso_utc(i.created_at) as created_at ";
const std::string kJoins =
    "left join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id "
    "left join service_orders o on o.tenant_id = i.tenant_id and o.id = i.related_order_id "
    "left join staff s on s.tenant_id = i.tenant_id and s.id = i.staff_id ";
const std::string kOrderBy = "order by i.occurred_at desc, i.id desc ";

// The page is picked from the interactions alone (an index walk that stops at `limit`), then
// joined for the names.
const std::string kList = "select " + kColumns + "from (select * from interactions i {where} " +
                          kOrderBy + "limit {1} offset {2}) i " + kJoins + kOrderBy;
const std::string kCount = "select count(*) as n from interactions i {where}";
const db::Statement kFind("interactions.find", "select " + kColumns + "from interactions i " +
                                                   kJoins + "where i.id = $1");
const db::Statement kInsert(
    "interactions.insert",
    "insert into interactions (tenant_id, channel, direction, summary, details, customer_id, "
    "related_order_id, staff_id, occurred_at, created_by) "
    "values ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::timestamptz, now()), $10) "
    "returning id");

const db::Statement kFuture("interactions.future",
                            "select $1::timestamptz > now() + interval '5 minutes' as future");

const db::Constraints kConstraints{
    {"interactions_customer_fk",
     fail::invalid("Cliente inválido.", {{"customer_id", "cliente não encontrado"}})},
    {"interactions_related_order_fk",
     fail::invalid("OS inválida.", {{"related_order_id", "OS não encontrada"}})},
    {"interactions_staff_fk", fail::invalid("Membro da equipe inválido.",
                                            {{"staff_id", "membro da equipe não encontrado"}})}};

}  // namespace

db::Page<InteractionRow> list_interactions(TenantId tenant, db::Database& db,
                                           const InteractionFilter& f, db::Paging page) {
  db::Filter filter;
  filter.where("customer", "i.customer_id = ?", f.customer_id);
  filter.where("order", "i.related_order_id = ?", f.related_order_id);
  filter.where("channel", "i.channel = ?", f.channel);
  filter.where("direction", "i.direction = ?", f.direction);
  filter.where("staff", "i.staff_id = ?", f.staff_id);
  filter.where("from", "i.occurred_at >= ?::timestamptz", f.from);
  filter.where("to", "i.occurred_at <= ?::timestamptz", f.to);
  auto r = db.read(tenant, {filter.query("interactions.list", kList,
                                         {db::val(page.limit), db::val(page.offset)}),
                            filter.query("interactions.count", kCount)});
  return {r[0].as<InteractionRow>(), r[1][0].i64("n")};
}

std::optional<InteractionRow> find_interaction(TenantId tenant, db::Database& db,
                                               InteractionId id) {
  return db.read(tenant, db::q(kFind, id)).first<InteractionRow>();
}

std::optional<InteractionRow> find_interaction(TenantId, db::Tx& tx, InteractionId id) {
  return tx.exec(kFind, id).first<InteractionRow>();
}

Result<InteractionId> insert_interaction(TenantId tenant, db::Tx& tx, const InteractionFields& f,
                                         std::optional<UserId> user) {
  if (f.occurred_at && tx.exec(kFuture, *f.occurred_at)[0].boolean("future"))
    return fail::invalid("A data da interação não pode estar no futuro.",
                         {{"occurred_at", "não pode estar no futuro"}});
  return kConstraints.guard([&] {
    return InteractionId{tx.exec(kInsert, tenant, f.channel, f.direction, f.summary, f.details,
                                 f.customer_id, f.related_order_id, f.staff_id, f.occurred_at,
                                 user)[0]
                             .i64("id")};
  });
}

}  // namespace mg::team::store
