#include "modules/messaging/store/contacts_store.hpp"

namespace mg::messaging::store {
namespace {

const db::Statement kFind(
    "messaging_contacts.find",
    "select c.id as customer_id, coalesce(mc.opt_in, false) as messaging_opt_in, "
    "mc.opt_in_source, iso_utc(mc.opt_in_at) as opt_in_at, "
    "iso_utc(mc.opted_out_at) as opted_out_at, mc.opt_out_source, "
    "(mc.telegram_chat_id is not null) as telegram_linked "
    "from customers c left join messaging_contacts mc "
    "on mc.tenant_id = c.tenant_id and mc.customer_id = c.id where c.id = $1");
// Consent keeps when and how it was given; withdrawing it keeps that and adds when and how.
const db::Statement kConsent(
    "messaging_contacts.consent",
    "insert into messaging_contacts (tenant_id, customer_id, opt_in, opt_in_source, opt_in_at, "
    "opted_out_at, opt_out_source) "
    "values ($1, $2, $3::boolean, case when $3 then $4::text end, case when $3 then now() end, "
    "case when not $3 then now() end, case when not $3 then $4 end) "
    "on conflict (tenant_id, customer_id) do update set opt_in = $3, "
    "opt_in_source = case when $3 then $4 else messaging_contacts.opt_in_source end, "
    "opt_in_at = case when $3 then now() else messaging_contacts.opt_in_at end, "
    "opted_out_at = case when $3 then null else now() end, "
    "opt_out_source = case when $3 then null else $4 end, updated_at = now()");
const db::Statement kLinkChat(
    "messaging_contacts.link_chat",
    "insert into messaging_contacts (tenant_id, customer_id, telegram_chat_id) "
    "values ($1, $2, $3) on conflict (tenant_id, customer_id) "
    "do update set telegram_chat_id = $3, updated_at = now()");
const db::Statement kInsertLink("messaging_telegram_links.insert",
                                "insert into messaging_telegram_links "
                                "(tenant_id, payload, customer_id) values ($1, $2, $3)");
const db::Statement kUseLink("messaging_telegram_links.use",
                             "update messaging_telegram_links set used_at = now() "
                             "where payload = $1 and used_at is null returning customer_id");
const db::Statement kTemplates("messaging_templates.changed",
                               "select event, body, enabled, whatsapp_template, "
                               "reminder_after_days::bigint as reminder_after_days, "
                               "iso_utc(updated_at) as updated_at from messaging_templates");
const db::Statement kSaveTemplate(
    "messaging_templates.save",
    "insert into messaging_templates (tenant_id, event, body, enabled, whatsapp_template, "
    "reminder_after_days) values ($1, $2, $3, $4, $5, $6::int) "
    "on conflict (tenant_id, event) do update set body = $3, enabled = $4, "
    "whatsapp_template = $5, reminder_after_days = $6::int, updated_at = now()");

}  // namespace

std::optional<ContactRow> find_contact(TenantId, db::Tx& tx, workshop::CustomerId id) {
  return tx.exec(kFind, id).first<ContactRow>();
}

void set_consent(TenantId tenant, db::Tx& tx, workshop::CustomerId id, bool opt_in,
                 const std::string& source) {
  tx.exec(kConsent, tenant, id, opt_in, source);
}

void link_telegram_chat(TenantId tenant, db::Tx& tx, workshop::CustomerId id,
                        const std::string& chat_id) {
  tx.exec(kLinkChat, tenant, id, chat_id);
}

void insert_telegram_link(TenantId tenant, db::Tx& tx, workshop::CustomerId id,
                          const std::string& payload) {
  tx.exec(kInsertLink, tenant, payload, id);
}

std::optional<workshop::CustomerId> use_telegram_link(TenantId, db::Tx& tx,
                                                      const std::string& payload) {
  auto r = tx.exec(kUseLink, payload);
  if (r.empty()) return std::nullopt;
  return workshop::CustomerId{r[0].i64("customer_id")};
}

std::vector<TemplateRow> changed_templates(TenantId, db::Tx& tx) {
  return tx.exec(kTemplates).as<TemplateRow>();
}

void save_template(TenantId tenant, db::Tx& tx, const TemplateRow& row) {
  tx.exec(kSaveTemplate, tenant, row.event, row.body, row.enabled, row.whatsapp_template,
          row.reminder_after_days);
}

}  // namespace mg::messaging::store
