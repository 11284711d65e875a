#pragma once
// SQL for the workshop's channels. Credentials arrive and leave sealed
// (domain/crypto.hpp): this store never sees them in the clear.
#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <vector>

#include "libs/db/database.hpp"
#include "modules/messaging/ids.hpp"

namespace mg::messaging::store {

struct ChannelRow {
  ChannelId id;
  std::string kind, name, api_base_url;
  bool is_active = true;
  std::string created_at, updated_at;
  // Its health: the last delivery, and the last failure of the channel itself since.
  std::optional<std::string> last_sent_at, last_error, last_error_at;
};
BOOST_DESCRIBE_STRUCT(ChannelRow, (),
                      (id, kind, name, api_base_url, is_active, created_at, updated_at,
                       last_sent_at, last_error, last_error_at))

struct ChannelFields {
  std::string kind, name, api_base_url;
  std::string sealed_credentials;  // nonce || box
};

// Active ones first, then by id.
std::vector<ChannelRow> list_channels(TenantId tenant, db::Database& db);
std::optional<ChannelRow> find_channel(TenantId tenant, db::Tx& tx, ChannelId id);
// The sealed credentials of the channel (active or not); nullopt when it is not the tenant's.
std::optional<std::string> sealed_credentials(TenantId tenant, db::Tx& tx, ChannelId id);
ChannelId insert_channel(TenantId tenant, db::Tx& tx, const ChannelFields& f);
// Fields left nullopt stay as they are; false when the channel is not the tenant's.
bool update_channel(TenantId tenant, db::Tx& tx, ChannelId id, std::optional<std::string> name,
                    std::optional<std::string> api_base_url,
                    std::optional<std::string> sealed_credentials, std::optional<bool> is_active);

// The tenant of an active channel, before a tenant is known (a webhook names only the
// channel): the narrow SECURITY DEFINER lookup of 0012.
std::optional<TenantId> channel_tenant(db::Database& db, ChannelId id);

// The tenant's active channels with their sealed credentials, for the relay.
struct SealedChannel {
  ChannelId id;
  std::string kind, api_base_url, credentials;
};
std::vector<SealedChannel> active_channels(TenantId tenant, db::Tx& tx);

// The relay's record of the channel's health: a delivery clears the last failure (and dates
// `last_sent_at`, to the minute); a failure of the channel itself (SendResult::channel_fault)
// is kept until the next delivery or new credentials.
void channel_delivered(TenantId tenant, db::Tx& tx, ChannelId id);
void channel_failed(TenantId tenant, db::Tx& tx, ChannelId id, const std::string& error);

}  // namespace mg::messaging::store
