#pragma once
// CPF and CNPJ (including the alphanumeric CNPJ issued from July 2026).
#include <optional>
#include <string>
#include <string_view>

namespace mg::br {

enum class DocumentKind { cpf, cnpj };

struct Document {
  DocumentKind kind;
  std::string value;  // canonical: CPF 11 digits; CNPJ 14 chars, upper-case
};

// Accepts punctuation (". - / space"); nothing else. CPF: 11 digits with valid check digits.
// CNPJ: 14 chars, the first 12 [0-9A-Z] (lower-case accepted and upper-cased), the last 2
// numeric check digits. All-same-character documents (000.000.000-00) are rejected.
std::optional<Document> parse_document(std::string_view text);

bool is_valid_cpf(std::string_view digits11);
bool is_valid_cnpj(std::string_view canonical14);

// For logs, never the full document: CPF "***.456.789-**", CNPJ "**.345.678/0001-**".
// Anything else gives "***".
std::string mask_document(std::string_view canonical);

}  // namespace mg::br
