#pragma once
// The portal's fields as a person reads them in error messages.
#include <array>

#include "libs/json/input.hpp"

namespace mg::portal {

inline constexpr std::array<json::Label, 6> kFieldLabels{{
    {"expires_in_days", "Validade (dias)"},
    {"message", "Mensagem"},
    {"approved_item_ids", "Itens aprovados"},
    {"name", "Nome"},
    {"accept_terms", "Aceite"},
    {"phone", "Telefone"},
}};

}  // namespace mg::portal
