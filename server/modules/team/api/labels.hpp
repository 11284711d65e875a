#pragma once
// The team module's fields as a user reads them in error messages.
#include <array>

#include "libs/json/input.hpp"

namespace mg::team {

inline constexpr std::array<json::Label, 22> kFieldLabels{{
    {"name", "Nome"},
    {"role", "Função"},
    {"phone", "Telefone"},
    {"email", "E-mail"},
    {"user_id", "Login"},
    {"is_active", "Ativo"},
    {"labor_commission_percent", "Comissão sobre mão de obra"},
    {"parts_commission_percent", "Comissão sobre peças"},
    {"title", "Título"},
    {"description", "Descrição"},
    {"priority", "Prioridade"},
    {"status", "Status"},
    {"assigned_to_id", "Responsável"},
    {"related_order_id", "OS relacionada"},
    {"customer_id", "Cliente"},
    {"due_date", "Prazo"},
    {"channel", "Canal"},
    {"direction", "Direção"},
    {"summary", "Resumo"},
    {"details", "Detalhes"},
    {"staff_id", "Funcionário"},
    {"occurred_at", "Data do contato"},
}};

}  // namespace mg::team
