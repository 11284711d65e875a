#pragma once
// The workshop's finance settings: its PIX key, and the merchant name and city
// its BR Codes carry. One row per tenant.
#include <boost/describe/class.hpp>
#include <optional>
#include <string>

#include "libs/db/database.hpp"

namespace mg::finance::store {

struct SettingsRow {
  std::optional<std::string> pix_key, pix_key_type, merchant_name, merchant_city;
  std::optional<std::string> updated_at;
  std::optional<UserId> updated_by;
};
BOOST_DESCRIBE_STRUCT(SettingsRow, (),
                      (pix_key, pix_key_type, merchant_name, merchant_city, updated_at, updated_by))

// All empty when never set.
SettingsRow find_settings(TenantId tenant, db::Database& db);
SettingsRow find_settings(TenantId tenant, db::Tx& tx);
// As a query to send with others in one read, and its answer.
db::Query settings_query();
SettingsRow settings_from(const db::Result& r);

// What a PATCH names (a present null clears it); the key and its type go together.
struct SettingsPatch {
  std::optional<std::optional<std::string>> pix_key, pix_key_type, merchant_name, merchant_city;
};
void save_settings(TenantId tenant, db::Tx& tx, const SettingsPatch& p, UserId user);

}  // namespace mg::finance::store
