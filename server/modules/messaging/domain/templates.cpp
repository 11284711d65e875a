#include "modules/messaging/domain/templates.hpp"

#include <algorithm>
#include <cctype>

namespace mg::messaging {

bool is_event(std::string_view event) {
  return std::find(std::begin(kEvents), std::end(kEvents), event) != std::end(kEvents);
}

std::string_view default_template(std::string_view event) {
  if (event == "ORDER_OPENED")
    return "Olá, {cliente}! Recebemos sua moto {moto} ({placa}) na {oficina}. "
           "A OS nº {os} foi aberta e avisaremos cada novidade.";
  if (event == "QUOTE_SENT")
    return "Olá, {cliente}! O orçamento da OS nº {os} ({moto}, {placa}) está pronto: "
           "{total}. Veja e aprove por aqui: {link}";
  if (event == "WAITING_PARTS")
    return "Olá, {cliente}! A OS nº {os} ({moto}, {placa}) aguarda a chegada de peças. "
           "Avisaremos assim que o serviço continuar.";
  if (event == "ORDER_COMPLETED")
    return "Olá, {cliente}! Sua moto {moto} ({placa}) está pronta para retirada na "
           "{oficina}. Total da OS nº {os}: {total}.";
  if (event == "PAYMENT_RECEIVED")
    return "Olá, {cliente}! Recebemos seu pagamento de {valor} referente à OS nº {os}. "
           "Obrigado pela preferência!";
  if (event == "REMINDER_DUE")
    return "Olá, {cliente}! Está na hora da revisão da sua moto {moto} ({placa}). "
           "Agende com a {oficina}.";
  return {};
}

std::string default_whatsapp_template(std::string_view event) {
  std::string name = "motogestor_";
  for (char c : event) name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

namespace {

bool known(std::string_view name) {
  return std::find(std::begin(kPlaceholders), std::end(kPlaceholders), name) !=
         std::end(kPlaceholders);
}

// Calls on_text(text) and on_name(name) for the pieces of `body`.
template <class Text, class Name>
void scan(std::string_view body, Text on_text, Name on_name) {
  std::size_t i = 0;
  while (i < body.size()) {
    const auto open = body.find('{', i);
    if (open == std::string_view::npos) break;
    const auto close = body.find('}', open + 1);
    if (close == std::string_view::npos) break;
    on_text(body.substr(i, open - i));
    const auto name = body.substr(open + 1, close - open - 1);
    if (!on_name(name)) on_text(body.substr(open, close - open + 1));
    i = close + 1;
  }
  on_text(body.substr(std::min(i, body.size())));
}

}  // namespace

Rendered render(std::string_view body, const Vars& vars) {
  Rendered out;
  scan(
      body, [&](std::string_view t) { out.text += t; },
      [&](std::string_view name) {
        if (!known(name)) return false;
        std::string value;
        for (const auto& [k, v] : vars)
          if (k == name) value = v;
        out.text += value;
        out.params.push_back(value.empty() ? "-" : value);  // WhatsApp refuses empty params
        return true;
      });
  return out;
}

std::vector<std::string> unknown_placeholders(std::string_view body) {
  std::vector<std::string> out;
  scan(
      body, [](std::string_view) {},
      [&](std::string_view name) {
        if (!known(name)) out.emplace_back(name);
        return true;
      });
  return out;
}

bool fits_event(std::string_view event, std::string_view placeholder) {
  return event != "REMINDER_DUE" || (placeholder != "link" && placeholder != "valor");
}

std::vector<std::string> unfit_placeholders(std::string_view event, std::string_view body) {
  std::vector<std::string> out;
  scan(
      body, [](std::string_view) {},
      [&](std::string_view name) {
        if (known(name) && !fits_event(event, name)) out.emplace_back(name);
        return true;
      });
  return out;
}

bool is_opt_out(std::string_view text) {
  std::string word;
  for (unsigned char c : text)
    if (!std::isspace(c) && c != '.' && c != '!') word += static_cast<char>(std::toupper(c));
  return word == "SAIR" || word == "PARAR" || word == "STOP" || word == "CANCELAR";
}

std::string format_brl(std::int64_t cents) {
  const bool negative = cents < 0;
  const auto abs = negative ? -cents : cents;
  std::string whole = std::to_string(abs / 100);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(i, ".");
  const auto frac = abs % 100;
  return std::string(negative ? "-" : "") + "R$ " + whole + "," + (frac < 10 ? "0" : "") +
         std::to_string(frac);
}

std::optional<std::string> whatsapp_number(std::string_view digits) {
  if (digits.empty() ||
      !std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); }))
    return std::nullopt;
  // A DDD and 8 or 9 digits is a Brazilian number without the country code.
  if (digits.size() == 10 || digits.size() == 11) return "55" + std::string(digits);
  if (digits.size() >= 12 && digits.size() <= 15) return std::string(digits);
  return std::nullopt;
}

}  // namespace mg::messaging
