#pragma once
// Message templates: one per event, with pt-BR defaults and {placeholders}.
// Rendering is pure: the values come from the event's transaction.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mg::messaging {

inline constexpr std::string_view kEvents[] = {"ORDER_OPENED",     "QUOTE_SENT",
                                               "WAITING_PARTS",    "ORDER_COMPLETED",
                                               "PAYMENT_RECEIVED", "REMINDER_DUE"};
inline constexpr std::string_view kPlaceholders[] = {"cliente", "moto",  "placa", "os",
                                                     "total",   "valor", "link",  "oficina"};

bool is_event(std::string_view event);
std::string_view default_template(std::string_view event);
// The name of the template approved at Meta that stands in outside the 24 h window:
// "motogestor_order_opened", …
std::string default_whatsapp_template(std::string_view event);

using Vars = std::vector<std::pair<std::string, std::string>>;  // {"cliente", "João"}

struct Rendered {
  std::string text;
  // The values of the placeholders in the order they appear: the body parameters of the
  // WhatsApp template ({{1}}, {{2}}, …).
  std::vector<std::string> params;
};

// Replaces each {name} of `vars`; a placeholder without a value reads as "" and a brace
// that opens no known placeholder stays as written.
Rendered render(std::string_view body, const Vars& vars);
// The {names} of `body` that are not placeholders (for a 422 on a template).
std::vector<std::string> unknown_placeholders(std::string_view body);
// Whether the event has a value for the placeholder: a service reminder has no link and no
// payment ({link}, {valor}), so its template may not use them; every other event may use all.
bool fits_event(std::string_view event, std::string_view placeholder);
// The placeholders of `body` that `event` has no value for (for a 422 on a template).
std::vector<std::string> unfit_placeholders(std::string_view event, std::string_view body);

// The service reminder (REMINDER_DUE): sent this many days after a motorcycle's last
// completed order (the workshop chooses between the bounds), and not at all when the sweep
// finds it more than kReminderLateDays late (a workshop that turns messaging on does not
// remind years-old visits).
inline constexpr int kDefaultReminderDays = 180;
inline constexpr int kMinReminderDays = 30;
inline constexpr int kMaxReminderDays = 730;
inline constexpr int kReminderLateDays = 30;

// "R$ 1.234,56" (pt-BR money in a message).
std::string format_brl(std::int64_t cents);

// "SAIR" (any case, accents and spaces around ignored) or its usual variants: the
// customer's opt-out.
bool is_opt_out(std::string_view text);
// Digits of a Brazilian phone as WhatsApp wants them: 55 + DDD + number. nullopt when it
// is no phone.
std::optional<std::string> whatsapp_number(std::string_view digits);

}  // namespace mg::messaging
