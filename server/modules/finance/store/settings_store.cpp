#include "modules/finance/store/settings_store.hpp"

namespace mg::finance::store {
namespace {

const db::Statement kFind("finance_settings.find",
                          "select pix_key, pix_key_type, merchant_name, merchant_city, "
                          "iso_utc(updated_at) as updated_at, updated_by from finance_settings");
const db::Statement kSave(
    "finance_settings.save",
    "insert into finance_settings (tenant_id, pix_key, pix_key_type, merchant_name, "
    "merchant_city, updated_by) values ($1, case when $2 then $3 end, case when $2 then $4 end, "
    "case when $5 then $6 end, case when $7 then $8 end, $9) "
    "on conflict (tenant_id) do update set "
    "pix_key = case when $2 then $3 else finance_settings.pix_key end, "
    "pix_key_type = case when $2 then $4 else finance_settings.pix_key_type end, "
    "merchant_name = case when $5 then $6 else finance_settings.merchant_name end, "
    "merchant_city = case when $7 then $8 else finance_settings.merchant_city end, "
    "updated_at = now(), updated_by = $9");

SettingsRow from(const db::Result& r) {
  return r.first<SettingsRow>().value_or(SettingsRow{});
}

}  // namespace

SettingsRow find_settings(TenantId tenant, db::Database& db) {
  return from(db.read(tenant, db::q(kFind)));
}

SettingsRow find_settings(TenantId, db::Tx& tx) {
  return from(tx.exec(kFind));
}

db::Query settings_query() {
  return db::q(kFind);
}

SettingsRow settings_from(const db::Result& r) {
  return from(r);
}

void save_settings(TenantId tenant, db::Tx& tx, const SettingsPatch& p, UserId user) {
  auto value = [](const std::optional<std::optional<std::string>>& f) {
    return f ? *f : std::nullopt;
  };
  tx.exec(kSave, tenant, p.pix_key.has_value(), value(p.pix_key), value(p.pix_key_type),
          p.merchant_name.has_value(), value(p.merchant_name), p.merchant_city.has_value(),
          value(p.merchant_city), user);
}

}  // namespace mg::finance::store
