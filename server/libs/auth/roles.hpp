#pragma once
// The four roles of a tenant's users (API.md §2).
#include <optional>
#include <string_view>

namespace mg::auth {

enum class Role { owner, manager, attendant, mechanic };
inline constexpr Role kAllRoles[] = {Role::owner, Role::manager, Role::attendant, Role::mechanic};

// "OWNER", "MANAGER", "ATTENDANT", "MECHANIC", case-insensitive.
std::optional<Role> parse_role(std::string_view text);
std::string_view to_string(Role role);  // upper-case names
std::string_view label_pt(Role role);   // "Proprietário", "Gerente", "Atendente", "Mecânico"

}  // namespace mg::auth
