#pragma once
// The workshop's fields as a user reads them in error messages.
#include <array>

#include "libs/json/input.hpp"

namespace mg::workshop {

inline constexpr std::array<json::Label, 31> kFieldLabels{{
    {"name", "Nome"},
    {"phone", "Telefone"},
    {"email", "E-mail"},
    {"document", "CPF/CNPJ"},
    {"notes", "Observações"},
    {"is_active", "Ativo"},
    {"customer_id", "Cliente"},
    {"brand", "Marca"},
    {"model", "Modelo"},
    {"plate", "Placa"},
    {"year", "Ano"},
    {"vin", "Chassi"},
    {"km_current", "Km atual"},
    {"sku", "SKU"},
    {"unit_price", "Preço unitário"},
    {"cost_price", "Preço de custo"},
    {"min_stock", "Estoque mínimo"},
    {"quantity_in_stock", "Estoque"},
    {"location", "Localização"},
    {"movement_type", "Tipo de movimentação"},
    {"quantity", "Quantidade"},
    {"reason", "Motivo"},
    {"related_order_id", "OS relacionada"},
    {"motorcycle_id", "Moto"},
    {"description", "Descrição"},
    {"scheduled_date", "Data agendada"},
    {"km_at_entry", "Km na entrada"},
    {"discount", "Desconto"},
    {"status", "Status"},
    {"item_type", "Tipo de item"},
    {"part_id", "Peça"},
}};

}  // namespace mg::workshop
