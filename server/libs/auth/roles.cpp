#include "libs/auth/roles.hpp"

#include <array>
#include <utility>

namespace mg::auth {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 4> kNames{{
    {Role::owner, "OWNER"},
    {Role::manager, "MANAGER"},
    {Role::attendant, "ATTENDANT"},
    {Role::mechanic, "MECHANIC"},
}};

bool iequals_upper(std::string_view text, std::string_view upper) {
  if (text.size() != upper.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != upper[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<Role> parse_role(std::string_view text) {
  for (const auto& [role, name] : kNames) {
    if (iequals_upper(text, name)) return role;
  }
  return std::nullopt;
}

std::string_view to_string(Role role) {
  for (const auto& [r, name] : kNames) {
    if (r == role) return name;
  }
  return "UNKNOWN";
}

std::string_view label_pt(Role role) {
  switch (role) {
    case Role::owner:
      return "Proprietário";
    case Role::manager:
      return "Gerente";
    case Role::attendant:
      return "Atendente";
    case Role::mechanic:
      return "Mecânico";
  }
  return "Desconhecido";
}

}  // namespace mg::auth
