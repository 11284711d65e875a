#include "modules/portal/store/quotes_store.hpp"

#include <algorithm>

#include "libs/json/json.hpp"
#include "modules/portal/events.hpp"
#include "modules/workshop/workshop.hpp"

namespace mg::portal::store {
namespace {

const db::Statement kNextVersion(
    "quotes.next_version",
    "select coalesce(max(version), 0) + 1 as version from quotes where order_id = $1");
const db::Statement kSupersede(
    "quotes.supersede",
    "update quotes set superseded_at = now() where order_id = $1 and superseded_at is null");
// Whole seconds, as the snapshot and the answer write them.
const db::Statement kClock("quotes.clock",
                           "select iso_utc(now()) as sent_at, "
                           "iso_utc(now() + make_interval(days => $1::int)) as expires_at");
const db::Statement kInsert(
    "quotes.insert",
    "insert into quotes (tenant_id, order_id, version, token_hash, snapshot, snapshot_sha256, "
    "order_fingerprint, message, sent_at, sent_by, expires_at) "
    "values ($1, $2, $3, $4, $5, $6, order_quote_fingerprint($2), $7, $8::timestamptz, $9, "
    "$10::timestamptz) returning id");
const db::Statement kFind("quotes.find_by_token",
                          "select tenant_id, quote_id from portal_find_quote($1)");
// The workshop's name, the order's number and status: reads across modules (tenants is
// identity's, service_orders the workshop's), in the quote's one round trip.
const db::Statement kView(
    "quotes.view",
    "select t.name as workshop_name, ps.phone as workshop_phone, o.number as order_number, "
    "o.status as order_status, q.version, q.state, iso_utc(q.expires_at) as expires_at, "
    "q.snapshot, iso_utc(q.decided_at) as decided_at, q.decided_by_name, "
    "q.expires_at <= now() as expired, q.superseded_at is not null as superseded, "
    "q.order_fingerprint <> order_quote_fingerprint(q.order_id) as outdated "
    "from quotes q join service_orders o on o.tenant_id = q.tenant_id and o.id = q.order_id "
    "join tenants t on t.id = q.tenant_id "
    "left join portal_settings ps on ps.tenant_id = q.tenant_id where q.id = $1");
const db::Statement kOrderOf("quotes.order_of", "select order_id from quotes where id = $1");
const db::Statement kLock("quotes.lock",
                          "select version, state, snapshot, expires_at <= now() as expired, "
                          "superseded_at is not null as superseded, "
                          "order_fingerprint <> order_quote_fingerprint(order_id) as outdated "
                          "from quotes where id = $1 for update");
const db::Statement kDecline(
    "quotes.decline_item",
    "insert into declined_items (tenant_id, motorcycle_id, order_id, quote_id, item_type, "
    "part_id, description, quantity, unit_price, total) "
    "values ($1, $2, $3, $4, $5, $6, $7, $8::numeric / 100, $9, $10)");
// The fingerprint again: the order now holds what was approved.
const db::Statement kDecide(
    "quotes.decide",
    "update quotes set state = $2, decided_at = now(), decided_by_name = $3, "
    "decision_address = $4, decision_user_agent = $5, approved_item_ids = $6::bigint[], "
    "declined_item_ids = $7::bigint[], order_fingerprint = order_quote_fingerprint(order_id) "
    "where id = $1 and state = 'PENDING'");
const db::Statement kPhone("portal_settings.phone", "select phone from portal_settings");
const db::Statement kSavePhone(
    "portal_settings.save_phone",
    "insert into portal_settings (tenant_id, phone) values ($1, $2) "
    "on conflict (tenant_id) do update set phone = excluded.phone, updated_at = now()");

std::string array_of(const std::vector<std::int64_t>& ids) {
  std::string out = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return out + "}";
}

// The ids of the snapshot's items, in its order.
std::vector<std::int64_t> snapshot_ids(const std::string& snapshot) {
  std::vector<std::int64_t> ids;
  auto doc = json::parse(snapshot);
  if (!doc || !doc->is_object()) return ids;
  if (const auto* items = doc->as_object().if_contains("items"); items && items->is_array())
    for (const auto& item : items->as_array())
      if (const auto* id = item.as_object().if_contains("id"))
        if (auto n = json::as_int64(*id)) ids.push_back(*n);
  return ids;
}

Snapshot snapshot_of(const workshop::QuoteSource& src, std::int64_t version, std::string sent_at,
                     std::string expires_at) {
  Snapshot s;
  s.order_id = src.id.value;
  s.order_number = src.number;
  s.version = version;
  s.motorcycle_brand = src.motorcycle_brand;
  s.motorcycle_model = src.motorcycle_model;
  s.motorcycle_plate = src.motorcycle_plate;
  for (const auto& i : src.items)
    s.items.push_back(SnapshotItem{i.id.value, i.item_type, i.description, i.quantity_centi,
                                   i.unit_price, i.total});
  s.total_parts = src.total_parts;
  s.total_labor = src.total_labor;
  s.discount = src.discount;
  s.total_amount = src.total_amount;
  s.sent_at = std::move(sent_at);
  s.expires_at = std::move(expires_at);
  return s;
}

std::string link_text(const std::optional<std::string>& message, std::int64_t number,
                      const std::string& url) {
  std::string text = message ? *message + "\n\n"
                             : "Olá! Segue o orçamento da OS #" + std::to_string(number) +
                                   ". Confira e aprove pelo link: ";
  return text + url;
}

}  // namespace

Result<SentQuote> send_quote(TenantId tenant, db::Tx& tx, const events::Bus& bus,
                             const NewQuote& q) {
  auto src = workshop::lock_order_for_quote(tenant, tx, q.order);
  if (!src) return fail::not_found("OS não encontrada.");
  if (src->items_locked)
    return fail::conflict("Não é possível enviar orçamento de OS concluída ou cancelada.",
                          {{"status", src->status}});
  if (src->items.empty())
    return fail::invalid("A OS não tem itens para orçar.", {{"items", "nenhum item"}});
  const auto version = tx.exec(kNextVersion, q.order)[0].i64("version");
  tx.exec(kSupersede, q.order);
  auto clock = tx.exec(kClock, q.expires_in_days);
  const auto sent_at = clock[0].str("sent_at");
  const auto expires_at = clock[0].str("expires_at");
  const auto snapshot = snapshot_text(snapshot_of(*src, version, sent_at, expires_at));
  SentQuote sent;
  sent.version = version;
  sent.token = new_token();
  sent.url = q.public_base_url + "/portal/" + sent.token;
  sent.expires_at = expires_at;
  sent.whatsapp_url =
      whatsapp_url(src->customer_phone, link_text(q.message, src->number, sent.url));
  tx.exec(kInsert, tenant, q.order, version, token_hash(sent.token), snapshot, sha256_hex(snapshot),
          q.message, sent_at, q.user, expires_at);
  if (auto ok = bus.publish(
          tx, QuoteSent{tenant, q.order, src->customer_id, version, sent.url, expires_at});
      !ok)
    return ok.error();
  return sent;
}

std::optional<Found> find_by_token(db::Database& db, std::string_view token) {
  if (!looks_like_token(token)) return std::nullopt;
  const auto hash = token_hash(token);
  return db.global([&](db::Tx& tx) -> std::optional<Found> {
    auto r = tx.exec(kFind, hash);
    if (r.empty()) return std::nullopt;
    return Found{TenantId{r[0].i64("tenant_id")}, QuoteId{r[0].i64("quote_id")}};
  });
}

std::optional<PortalView> read_view(TenantId tenant, db::Database& db, QuoteId quote) {
  auto r = db.read(tenant, db::q(kView, quote));
  if (r.empty()) return std::nullopt;
  const auto& row = r[0];
  PortalView v;
  v.workshop_name = row.str("workshop_name");
  v.workshop_phone = row.opt_str("workshop_phone");
  v.order_number = row.i64("order_number");
  v.order_status = row.str("order_status");
  v.version = row.i64("version");
  v.state = row.str("state");
  v.expires_at = row.str("expires_at");
  v.snapshot = row.str("snapshot");
  v.decided_at = row.opt_str("decided_at");
  v.decided_by_name = row.opt_str("decided_by_name");
  v.expired = row.boolean("expired");
  v.superseded = row.boolean("superseded");
  v.outdated = row.boolean("outdated");
  return v;
}

Result<DecisionState> decide(TenantId tenant, db::Tx& tx, QuoteId quote, const Decision& d) {
  auto of = tx.exec(kOrderOf, quote);
  if (of.empty()) return fail::not_found("Orçamento não encontrado.");
  const workshop::OrderId order{of[0].i64("order_id")};
  // The order's lock first, as every change of its items takes it; then the quote, read again.
  auto src = workshop::lock_order_for_quote(tenant, tx, order);
  if (!src) return fail::not_found("Orçamento não encontrado.");
  auto r = tx.exec(kLock, quote);
  if (r.empty()) return fail::not_found("Orçamento não encontrado.");
  const auto& q = r[0];
  if (q.boolean("superseded"))
    return fail::not_found("Este link foi substituído por uma versão mais nova do orçamento.");
  if (q.str("state") != "PENDING")
    return fail::conflict("Este orçamento já foi respondido.", {{"state", q.str("state")}});
  if (q.boolean("expired"))
    return fail::not_found("Este orçamento expirou. Peça um novo à oficina.");
  if (q.boolean("outdated"))
    return fail::conflict(
        "A oficina alterou a OS depois de enviar este orçamento. "
        "Aguarde a nova versão.");
  const auto version = q.i64("version");
  const auto ids = snapshot_ids(q.str("snapshot"));
  auto declined = declined_ids(ids, d.approved_item_ids);
  if (!declined)
    return fail::invalid("Item que não pertence a este orçamento.",
                         {{"approved_item_ids", "item não pertence ao orçamento"}});
  const std::string why = " (recusado no orçamento v" + std::to_string(version) + ")";
  for (auto id : *declined) {
    auto item = std::find_if(src->items.begin(), src->items.end(),
                             [id](const auto& i) { return i.id.value == id; });
    if (item == src->items.end()) return fail::conflict("A OS mudou; aguarde a nova versão.");
    tx.exec(kDecline, tenant, src->motorcycle_id, order, quote, item->item_type, item->part_id,
            item->description, item->quantity_centi, item->unit_price, item->total);
    if (auto removed = workshop::remove_item(tenant, tx, order, item->id, std::nullopt, why);
        !removed)
      return removed.error();
  }
  const auto state = decision_state(d.approved_item_ids.size(), ids.size());
  const std::vector<std::int64_t> approved(d.approved_item_ids.begin(), d.approved_item_ids.end());
  tx.exec(kDecide, quote, to_string(state), d.name, d.address, d.user_agent, array_of(approved),
          array_of(*declined));
  return state;
}

std::optional<std::string> read_phone(TenantId tenant, db::Database& db) {
  auto r = db.read(tenant, db::q(kPhone));
  if (r.empty()) return std::nullopt;
  return r[0].opt_str("phone");
}

void save_phone(TenantId tenant, db::Tx& tx, const std::optional<std::string>& phone) {
  tx.exec(kSavePhone, tenant, phone);
}

}  // namespace mg::portal::store
