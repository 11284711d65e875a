// /messaging/templates: the message of each event, the pt-BR default until the workshop
// changes it, each with a preview rendered from sample values.
#include <array>

#include "modules/messaging/domain/json_path.hpp"
#include "modules/messaging/domain/templates.hpp"
#include "modules/messaging/messaging_impl.hpp"
#include "modules/messaging/store/contacts_store.hpp"

namespace mg::messaging {
namespace {

using auth::Action;

const Vars kSample{{"cliente", "João Silva"},
                   {"moto", "Honda CG 160"},
                   {"placa", "ABC1D23"},
                   {"os", "123"},
                   {"total", "R$ 450,00"},
                   {"valor", "R$ 150,00"},
                   {"link", "https://oficina.exemplo/portal/abc"},
                   {"oficina", "Oficina Exemplo"}};

constexpr std::array<json::Label, 1> kLabels{{{"reminder_after_days", "intervalo do lembrete"}}};

json::object template_json(std::string_view event, const std::optional<store::TemplateRow>& row) {
  const std::string body = row ? row->body : std::string(default_template(event));
  json::array placeholders;
  for (auto p : kPlaceholders)
    if (fits_event(event, p)) placeholders.emplace_back("{" + std::string(p) + "}");
  json::object out{
      {"event", event},
      {"body", body},
      {"enabled", row ? row->enabled : true},
      {"whatsapp_template",
       row && row->whatsapp_template ? *row->whatsapp_template : default_whatsapp_template(event)},
      {"is_default", !row},
      {"default_body", default_template(event)},
      {"placeholders", std::move(placeholders)},
      {"preview", render(body, kSample).text},
      {"updated_at", row && row->updated_at ? json::value(*row->updated_at) : json::value()}};
  if (event == "REMINDER_DUE")
    out["reminder_after_days"] =
        row && row->reminder_after_days ? *row->reminder_after_days : kDefaultReminderDays;
  return out;
}

std::optional<store::TemplateRow> changed(const std::vector<store::TemplateRow>& rows,
                                          std::string_view event) {
  for (const auto& r : rows)
    if (r.event == event) return r;
  return std::nullopt;
}

http::Response list_templates(api::Context& ctx) {
  auto rows =
      ctx.transaction([&](db::Tx& tx) { return store::changed_templates(ctx.tenant(), tx); });
  json::array out;
  for (auto e : kEvents) out.push_back(template_json(e, changed(rows, e)));
  return api::list(std::move(out), static_cast<std::int64_t>(std::size(kEvents)));
}

http::Response update_template(api::Context& ctx) {
  const auto event = upper(std::string(ctx.path_text("event")));
  if (!is_event(event)) throw errors::not_found("Evento de mensagem desconhecido.");
  auto in = ctx.input(kLabels);
  auto body = in.text("body", {.max_length = 1000});
  auto enabled = in.boolean("enabled");
  auto wa = in.text("whatsapp_template", {.max_length = 512});
  // null puts the reminder's interval back to the default.
  const bool reset_days = in.is_null("reminder_after_days");
  auto days = in.integer("reminder_after_days", {.min = kMinReminderDays, .max = kMaxReminderDays});
  if (body && body->empty()) in.fail("body", "não pode ficar em branco");
  if (body)
    if (auto unknown = unknown_placeholders(*body); !unknown.empty())
      in.fail("body", "marcador desconhecido: {" + unknown.front() + "}");
  if (body)
    if (auto unfit = unfit_placeholders(event, *body); !unfit.empty())
      in.fail("body", "marcador indisponível neste evento: {" + unfit.front() + "}");
  if (in.has("reminder_after_days") && event != "REMINDER_DUE")
    in.fail("reminder_after_days", "só vale para o lembrete de revisão (REMINDER_DUE)");
  if (wa && !wa->empty() && !std::all_of(wa->begin(), wa->end(), [](unsigned char c) {
        return std::islower(c) || std::isdigit(c) || c == '_';
      }))
    in.fail("whatsapp_template", "use letras minúsculas, números e _ (o nome aprovado na Meta)");
  in.check();
  auto out = ctx.transaction([&](db::Tx& tx) {
    auto current = changed(store::changed_templates(ctx.tenant(), tx), event);
    store::TemplateRow row = current.value_or(store::TemplateRow{
        event, std::string(default_template(event)), true, std::nullopt, std::nullopt, {}});
    if (body) row.body = *body;
    if (days) row.reminder_after_days = *days;
    if (reset_days) row.reminder_after_days = std::nullopt;
    if (enabled) row.enabled = *enabled;
    if (wa) row.whatsapp_template = wa->empty() ? std::nullopt : wa;
    store::save_template(ctx.tenant(), tx, row);
    return template_json(event, changed(store::changed_templates(ctx.tenant(), tx), event));
  });
  return api::ok(out);
}

}  // namespace

void register_template_routes(Messaging::Impl&, api::Routes& routes) {
  api::Resource(routes, "messaging", "/messaging/templates")
      .needs(auth::Feature::messaging)
      .get("", list_templates, Action::write_customers)
      .patch("/{event:str}", update_template, Action::manage_users);
}

}  // namespace mg::messaging
