#pragma once
// SQL for the customers' side of messaging: consent (when and how it was
// given or withdrawn, LGPD), the Telegram chat and its deep-link payloads,
// and the templates the workshop changed.
#include <boost/describe/class.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "libs/core/failure.hpp"
#include "libs/db/database.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::messaging::store {

struct ContactRow {
  workshop::CustomerId customer_id;
  bool messaging_opt_in = false;
  std::optional<std::string> opt_in_source, opt_in_at, opted_out_at, opt_out_source;
  bool telegram_linked = false;
};
BOOST_DESCRIBE_STRUCT(ContactRow, (),
                      (customer_id, messaging_opt_in, opt_in_source, opt_in_at, opted_out_at,
                       opt_out_source, telegram_linked))

// nullopt when the customer is not the tenant's; a customer never asked reads opt-in false.
std::optional<ContactRow> find_contact(TenantId tenant, db::Tx& tx, workshop::CustomerId id);
// Consent given (source required) or withdrawn.
void set_consent(TenantId tenant, db::Tx& tx, workshop::CustomerId id, bool opt_in,
                 const std::string& source);
void link_telegram_chat(TenantId tenant, db::Tx& tx, workshop::CustomerId id,
                        const std::string& chat_id);

void insert_telegram_link(TenantId tenant, db::Tx& tx, workshop::CustomerId id,
                          const std::string& payload);
// The customer of an unused payload (marked used now); nullopt when unknown or used.
std::optional<workshop::CustomerId> use_telegram_link(TenantId tenant, db::Tx& tx,
                                                      const std::string& payload);

struct TemplateRow {
  std::string event, body;
  bool enabled = true;
  std::optional<std::string> whatsapp_template;
  std::optional<std::int64_t> reminder_after_days;  // REMINDER_DUE only; nullopt: the default
  std::optional<std::string> updated_at;
};
BOOST_DESCRIBE_STRUCT(TemplateRow, (),
                      (event, body, enabled, whatsapp_template, reminder_after_days, updated_at))

// The rows the workshop changed (the others are the defaults).
std::vector<TemplateRow> changed_templates(TenantId tenant, db::Tx& tx);
void save_template(TenantId tenant, db::Tx& tx, const TemplateRow& row);

}  // namespace mg::messaging::store
