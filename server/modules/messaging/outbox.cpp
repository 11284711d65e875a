// The outbox's producers: each event's message, written in the event's transaction.
#include "libs/auth/plans.hpp"
#include "modules/messaging/domain/templates.hpp"
#include "modules/messaging/messaging_impl.hpp"
#include "modules/messaging/store/messages_store.hpp"

namespace mg::messaging {
namespace {

Vars vars_of(const store::EventFacts& f, const EventMessage& m) {
  std::string moto = f.brand.value_or("");
  if (f.model) moto += (moto.empty() ? "" : " ") + *f.model;
  Vars vars{{"cliente", f.customer_name.value_or("")},
            {"moto", moto},
            {"placa", f.plate.value_or("")},
            {"os", f.number ? std::to_string(*f.number) : ""},
            {"total", f.total_amount ? format_brl(*f.total_amount) : ""},
            {"link", m.link},
            {"oficina", f.workshop}};
  if (m.amount) vars.emplace_back("valor", format_brl(*m.amount));
  return vars;
}

std::string params_json(const std::vector<std::string>& params) {
  json::array a;
  for (const auto& p : params) a.emplace_back(p);
  return json::dump(a);
}

}  // namespace

Result<void> enqueue_event(db::Tx& tx, TenantId tenant, const EventMessage& m) {
  // Most workshops send nothing: ask that first, before the facts' six joins.
  if (!store::has_active_channel(tenant, tx)) return {};
  const auto f = store::event_facts(tenant, tx, m.event, m.customer, m.order);
  const auto plan = auth::parse_plan(f.plan);
  if (!plan || !auth::has_feature(*plan, auth::Feature::messaging)) return {};
  if (!f.has_channel || !f.customer_id || !f.opt_in || !f.enabled) return {};
  const auto rendered =
      render(f.body ? std::string_view(*f.body) : default_template(m.event), vars_of(f, m));
  store::insert_outbound(tenant, tx,
                         {.event_key = m.event_key,
                          .event = m.event,
                          .customer_id = f.customer_id,
                          .order_id = m.order,
                          .text = rendered.text,
                          .template_params = params_json(rendered.params)});
  return {};
}

Result<void> enqueue_quote_sent(db::Tx& tx, TenantId tenant, workshop::OrderId order, int version,
                                const std::string& link) {
  return enqueue_event(tx, tenant,
                       {.event = "QUOTE_SENT",
                        .event_key = "QUOTE_SENT:order:" + std::to_string(order.value) +
                                     ":version:" + std::to_string(version),
                        .order = order,
                        .link = link});
}

Result<MessageId> enqueue_manual(db::Tx& tx, TenantId tenant, const ManualMessage& m) {
  const std::string event = m.template_event.value_or("");
  const auto f = store::event_facts(tenant, tx, event, m.customer, m.order);
  if (!f.customer_id)
    return fail::invalid("Cliente inválido.", {{"customer_id", "cliente não encontrado"}});
  if (m.order && !f.number)
    return fail::invalid("OS inválida.", {{"order_id", "OS não encontrada"}});
  if (!f.opt_in)
    return fail::invalid("O cliente não autorizou o recebimento de mensagens.",
                         {{"customer_id", "sem consentimento para mensagens"}});
  if (!f.has_channel)
    return fail::invalid("Nenhum canal de mensagens ativo.",
                         {{"channel", "cadastre um canal em Configurações → Mensagens"}});
  Rendered rendered;
  if (m.template_event)
    rendered = render(f.body ? std::string_view(*f.body) : default_template(event),
                      vars_of(f, {.event = event, .link = m.link.value_or("")}));
  else
    rendered.text = m.text.value_or("");
  auto id = store::insert_outbound(tenant, tx,
                                   {.event = m.template_event,
                                    .customer_id = f.customer_id,
                                    .order_id = m.order,
                                    .text = rendered.text,
                                    .template_params = params_json(rendered.params),
                                    .created_by = m.by});
  return *id;  // no event key: never a duplicate
}

}  // namespace mg::messaging
