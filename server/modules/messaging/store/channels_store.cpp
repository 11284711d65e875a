#include "modules/messaging/store/channels_store.hpp"

#include "modules/messaging/domain/crypto.hpp"

namespace mg::messaging::store {
namespace {

const std::string kColumns =
    "id, kind, name, api_base_url, is_active, iso_utc(created_at) as created_at, "
    "iso_utc(updated_at) as updated_at, iso_utc(last_sent_at) as last_sent_at, last_error, "
    "iso_utc(last_error_at) as last_error_at ";
const db::Statement kList("messaging_channels.list", "select " + kColumns +
                                                         "from messaging_channels "
                                                         "order by is_active desc, id");
const db::Statement kFind("messaging_channels.find",
                          "select " + kColumns + "from messaging_channels where id = $1");
const db::Statement kSealed("messaging_channels.sealed",
                            "select encode(credentials, 'hex') as c from messaging_channels "
                            "where id = $1");
const db::Statement kInsert(
    "messaging_channels.insert",
    "insert into messaging_channels (tenant_id, kind, name, api_base_url, credentials) "
    "values ($1, $2, $3, $4, decode($5, 'hex')) returning id");
const db::Statement kUpdate(
    "messaging_channels.update",
    "update messaging_channels set name = coalesce($2, name), "
    "api_base_url = coalesce($3, api_base_url), "
    "credentials = coalesce(decode($4, 'hex'), credentials), "
    "is_active = coalesce($5::boolean, is_active), updated_at = now(), "
    // New credentials are the usual cure for a failing channel: its next try says.
    "last_error = case when $4::text is null then last_error end, "
    "last_error_at = case when $4::text is null then last_error_at end where id = $1");
// At most one write a minute while the channel is healthy: deliveries in a burst would
// otherwise queue on the channel's row.
const db::Statement kDelivered("messaging_channels.delivered",
                               "update messaging_channels set last_sent_at = now(), "
                               "last_error = null, last_error_at = null where id = $1 "
                               "and (last_error is not null or last_sent_at is null "
                               "or last_sent_at < now() - interval '1 minute')");
const db::Statement kFailed("messaging_channels.failed",
                            "update messaging_channels set last_error = left($2, 500), "
                            "last_error_at = now() where id = $1");
const db::Statement kTenant("messaging_channels.tenant",
                            "select messaging_channel_tenant($1) as tenant_id");
const db::Statement kActive("messaging_channels.active",
                            "select id, kind, api_base_url, encode(credentials, 'hex') as c "
                            "from messaging_channels where is_active order by id");

std::string unhex(std::string_view hex) {
  return crypto::from_hex(hex).value_or(std::string());
}

}  // namespace

std::vector<ChannelRow> list_channels(TenantId tenant, db::Database& db) {
  return db.read(tenant, db::q(kList)).as<ChannelRow>();
}

std::optional<ChannelRow> find_channel(TenantId, db::Tx& tx, ChannelId id) {
  return tx.exec(kFind, id).first<ChannelRow>();
}

std::optional<std::string> sealed_credentials(TenantId, db::Tx& tx, ChannelId id) {
  auto r = tx.exec(kSealed, id);
  if (r.empty()) return std::nullopt;
  return unhex(r[0].text("c"));
}

ChannelId insert_channel(TenantId tenant, db::Tx& tx, const ChannelFields& f) {
  return ChannelId{tx.exec(kInsert, tenant, f.kind, f.name, f.api_base_url,
                           crypto::to_hex(f.sealed_credentials))[0]
                       .i64("id")};
}

bool update_channel(TenantId, db::Tx& tx, ChannelId id, std::optional<std::string> name,
                    std::optional<std::string> api_base_url, std::optional<std::string> sealed,
                    std::optional<bool> is_active) {
  std::optional<std::string> hex;
  if (sealed) hex = crypto::to_hex(*sealed);
  return tx.exec(kUpdate, id, name, api_base_url, hex, is_active).affected() == 1;
}

std::optional<TenantId> channel_tenant(db::Database& db, ChannelId id) {
  return db.global([&](db::Tx& tx) -> std::optional<TenantId> {
    auto r = tx.exec(kTenant, id);
    if (r.empty() || r[0].is_null("tenant_id")) return std::nullopt;
    return TenantId{r[0].i64("tenant_id")};
  });
}

std::vector<SealedChannel> active_channels(TenantId, db::Tx& tx) {
  std::vector<SealedChannel> out;
  auto r = tx.exec(kActive);
  for (int i = 0; i < r.size(); ++i)
    out.push_back({ChannelId{r[i].i64("id")}, r[i].str("kind"), r[i].str("api_base_url"),
                   unhex(r[i].text("c"))});
  return out;
}

void channel_delivered(TenantId, db::Tx& tx, ChannelId id) {
  tx.exec(kDelivered, id);
}

void channel_failed(TenantId, db::Tx& tx, ChannelId id, const std::string& error) {
  tx.exec(kFailed, id, error);
}

}  // namespace mg::messaging::store
