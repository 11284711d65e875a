#include "libs/auth/plans.hpp"

namespace mg::auth {
namespace {

bool iequals_upper(std::string_view text, std::string_view upper) {
  if (text.size() != upper.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != upper[i]) return false;
  }
  return true;
}

// Plans are ordered: a higher plan has everything of a lower one.
int rank(Plan plan) {
  switch (plan) {
    case Plan::basic:
      return 0;
    case Plan::premium:
      return 1;
    case Plan::enterprise:
      return 2;
  }
  return -1;
}

}  // namespace

Plan minimum_plan(Feature feature) {
  switch (feature) {
    case Feature::ai_assistant:
    case Feature::automations:
    case Feature::messaging:
    case Feature::quotes:
      return Plan::premium;
    case Feature::custom_theme:
      return Plan::enterprise;
  }
  return Plan::enterprise;
}

std::optional<Plan> parse_plan(std::string_view text) {
  if (iequals_upper(text, "BASIC")) return Plan::basic;
  if (iequals_upper(text, "PREMIUM") || iequals_upper(text, "PRO")) return Plan::premium;
  if (iequals_upper(text, "ENTERPRISE")) return Plan::enterprise;
  return std::nullopt;
}

std::string_view to_string(Plan plan) {
  switch (plan) {
    case Plan::basic:
      return "BASIC";
    case Plan::premium:
      return "PREMIUM";
    case Plan::enterprise:
      return "ENTERPRISE";
  }
  return "UNKNOWN";
}

std::string_view label_pt(Plan plan) {
  switch (plan) {
    case Plan::basic:
      return "Básico";
    case Plan::premium:
      return "Premium";
    case Plan::enterprise:
      return "Enterprise";
  }
  return "Desconhecido";
}

std::string_view to_string(Feature feature) {
  switch (feature) {
    case Feature::ai_assistant:
      return "ai_assistant";
    case Feature::automations:
      return "automations";
    case Feature::messaging:
      return "messaging";
    case Feature::quotes:
      return "quotes";
    case Feature::custom_theme:
      return "custom_theme";
  }
  return "unknown";
}

std::string_view label_pt(Feature feature) {
  switch (feature) {
    case Feature::ai_assistant:
      return "Assistente de IA: orçamentos e mensagens sugeridos";
    case Feature::automations:
      return "Automações (n8n, webhooks)";
    case Feature::messaging:
      return "Mensagens por WhatsApp e Telegram";
    case Feature::quotes:
      return "Orçamento pelo portal do cliente, com aprovação online";
    case Feature::custom_theme:
      return "Paleta de cores da sua marca";
  }
  return "";
}

bool has_feature(Plan plan, Feature feature) {
  const int r = rank(plan);
  return r >= 0 && r >= rank(minimum_plan(feature));
}

bool includes(Plan plan, Plan other) {
  return rank(plan) >= rank(other);
}

}  // namespace mg::auth
