#pragma once
// Plans and the features each one unlocks (API.md §2, §7).
#include <optional>
#include <string_view>

namespace mg::auth {

enum class Plan { basic, premium, enterprise };

// "BASIC", "PREMIUM" ("PRO", its old name), "ENTERPRISE", case-insensitive.
std::optional<Plan> parse_plan(std::string_view text);
std::string_view to_string(Plan plan);  // "BASIC", "PREMIUM", "ENTERPRISE"
std::string_view label_pt(Plan plan);   // "Básico", "Premium", "Enterprise"

// quotes: quotes sent to the customer's portal (the portal itself is public).
enum class Feature { ai_assistant, automations, messaging, quotes, custom_theme };

inline constexpr Plan kAllPlans[] = {Plan::basic, Plan::premium, Plan::enterprise};
inline constexpr Feature kAllFeatures[] = {Feature::ai_assistant, Feature::automations,
                                           Feature::messaging, Feature::quotes,
                                           Feature::custom_theme};

std::string_view to_string(Feature feature);  // the enumerator's name, for logs
std::string_view label_pt(Feature feature);   // what a person reads: "Orçamento pelo portal …"
bool has_feature(Plan plan, Feature feature);
Plan minimum_plan(Feature feature);
// Plans are ordered: a higher plan has everything of a lower one.
bool includes(Plan plan, Plan other);

}  // namespace mg::auth
