#include "libs/auth/plans.hpp"

#include <array>

#include "libs/core/api_error.hpp"

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

Plan minimum_plan(Feature feature) {
  switch (feature) {
    case Feature::ai_assistant:
    case Feature::automations:
    case Feature::messaging:
      return Plan::premium;
    case Feature::custom_theme:
      return Plan::enterprise;
  }
  return Plan::enterprise;
}

struct ThemeDef {
  std::string_view id, name, primary, secondary, accent, background, surface;
  Plan plan;  // the lowest plan that offers it
};

constexpr std::array<ThemeDef, 7> kThemes{{
    {"classico", "Clássico", "#1E40AF", "#475569", "#F59E0B", "#F8FAFC", "#FFFFFF", Plan::basic},
    {"noturno", "Noturno", "#3B82F6", "#94A3B8", "#FBBF24", "#0F172A", "#1E293B", Plan::basic},
    {"oficina", "Oficina", "#EA580C", "#44403C", "#FACC15", "#FAFAF9", "#FFFFFF", Plan::premium},
    {"pista", "Pista", "#DC2626", "#1F2937", "#F97316", "#F9FAFB", "#FFFFFF", Plan::premium},
    {"estrada", "Estrada", "#15803D", "#365314", "#EAB308", "#F7FEE7", "#FFFFFF", Plan::premium},
    {"cromado", "Cromado", "#334155", "#64748B", "#06B6D4", "#F1F5F9", "#FFFFFF", Plan::enterprise},
    {"carbono", "Carbono", "#A3E635", "#52525B", "#22D3EE", "#09090B", "#18181B", Plan::enterprise},
}};

}  // namespace

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
    case Feature::custom_theme:
      return "custom_theme";
  }
  return "unknown";
}

bool has_feature(Plan plan, Feature feature) {
  const int r = rank(plan);
  return r >= 0 && r >= rank(minimum_plan(feature));
}

void require_feature(Plan plan, Feature feature) {
  if (has_feature(plan, feature)) return;
  const Plan needed = minimum_plan(feature);
  std::string message = "Este recurso requer o plano ";
  message += label_pt(needed);
  message += needed == Plan::enterprise ? "." : " ou superior.";
  throw errors::plan_required(std::move(message));
}

std::vector<Theme> themes_for(Plan plan) {
  std::vector<Theme> out;
  for (const auto& t : kThemes) {
    if (rank(plan) < rank(t.plan)) continue;
    out.push_back(Theme{std::string(t.id), std::string(t.name), std::string(t.primary),
                        std::string(t.secondary), std::string(t.accent), std::string(t.background),
                        std::string(t.surface)});
  }
  return out;
}

bool theme_allowed(Plan plan, std::string_view theme_id) {
  for (const auto& t : kThemes) {
    if (t.id == theme_id) return rank(plan) >= rank(t.plan);
  }
  return false;
}

}  // namespace mg::auth
