#include "modules/identity/domain/themes.hpp"

#include <array>

namespace mg::identity {
namespace {

struct ThemeDef {
  std::string_view id, name, primary, secondary, accent, background, surface;
  auth::Plan plan;  // the lowest plan that offers it
};

constexpr std::array<ThemeDef, 7> kThemes{{
    {"classico", "Clássico", "#1E40AF", "#475569", "#F59E0B", "#F8FAFC", "#FFFFFF",
     auth::Plan::basic},
    {"noturno", "Noturno", "#3B82F6", "#94A3B8", "#FBBF24", "#0F172A", "#1E293B",
     auth::Plan::basic},
    {"oficina", "Oficina", "#EA580C", "#44403C", "#FACC15", "#FAFAF9", "#FFFFFF",
     auth::Plan::premium},
    {"pista", "Pista", "#DC2626", "#1F2937", "#F97316", "#F9FAFB", "#FFFFFF", auth::Plan::premium},
    {"estrada", "Estrada", "#15803D", "#365314", "#EAB308", "#F7FEE7", "#FFFFFF",
     auth::Plan::premium},
    {"cromado", "Cromado", "#334155", "#64748B", "#06B6D4", "#F1F5F9", "#FFFFFF",
     auth::Plan::enterprise},
    {"carbono", "Carbono", "#A3E635", "#52525B", "#22D3EE", "#09090B", "#18181B",
     auth::Plan::enterprise},
}};

}  // namespace

std::vector<Theme> themes_for(auth::Plan plan) {
  std::vector<Theme> out;
  for (const auto& t : kThemes) {
    if (!auth::includes(plan, t.plan)) continue;
    out.push_back(Theme{std::string(t.id), std::string(t.name), std::string(t.primary),
                        std::string(t.secondary), std::string(t.accent), std::string(t.background),
                        std::string(t.surface)});
  }
  return out;
}

bool theme_allowed(auth::Plan plan, std::string_view theme_id) {
  for (const auto& t : kThemes)
    if (t.id == theme_id) return auth::includes(plan, t.plan);
  return false;
}

}  // namespace mg::identity
