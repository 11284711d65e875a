#pragma once
// Identity's fields as a user reads them in error messages.
#include <array>

#include "libs/json/input.hpp"

namespace mg::identity {

inline constexpr std::array<json::Label, 8> kFieldLabels{{
    {"name", "Nome"},
    {"email", "E-mail"},
    {"password", "Senha"},
    {"role", "Perfil"},
    {"tenant_name", "Nome da oficina"},
    {"is_active", "Ativo"},
    {"theme", "Tema"},
    {"refresh_token", "Refresh token"},
}};

}  // namespace mg::identity
