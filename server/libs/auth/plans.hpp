#pragma once
// Plans, the features each one unlocks, and the themes each one offers (API.md §2, §7).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mg::auth {

enum class Plan { basic, premium, enterprise };

// "BASIC", "PREMIUM" ("PRO", its old name), "ENTERPRISE", case-insensitive.
std::optional<Plan> parse_plan(std::string_view text);
std::string_view to_string(Plan plan);  // "BASIC", "PREMIUM", "ENTERPRISE"
std::string_view label_pt(Plan plan);   // "Básico", "Premium", "Enterprise"

enum class Feature { ai_assistant, automations, messaging, custom_theme };

std::string_view to_string(Feature feature);  // the enumerator's name, for logs
bool has_feature(Plan plan, Feature feature);
// Throws errors::plan_required with a pt-BR message naming the plan needed.
void require_feature(Plan plan, Feature feature);

struct Theme {
  std::string id;                                               // stable, ASCII ("classico")
  std::string name;                                             // pt-BR ("Clássico")
  std::string primary, secondary, accent, background, surface;  // "#RRGGBB"
};

// BASIC: 2 themes; PREMIUM: those + 3; ENTERPRISE: all (those + 2). Always in the same order.
std::vector<Theme> themes_for(Plan plan);
bool theme_allowed(Plan plan, std::string_view theme_id);

}  // namespace mg::auth
