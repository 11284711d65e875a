#pragma once
// PIX static BR Codes (the Banco Central's "Manual de Padrões para Iniciação
// do Pix", EMV QRCPS-MPM): what a payer's bank app reads from the QR or from
// "Pix copia e cola". Pure functions, no I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "libs/money/money.hpp"

namespace mg::finance::pix {

// CRC16-CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final
// XOR), the checksum of field 63.
std::uint16_t crc16(std::string_view data);

enum class KeyType { cpf, cnpj, email, phone, evp };
std::string_view to_string(KeyType type);  // "CPF", "CNPJ", "EMAIL", "PHONE", "EVP"
std::optional<KeyType> parse_key_type(std::string_view text);

// A PIX key as the DICT stores it: CPF/CNPJ digits, e-mail in lower case,
// phone as +55 and its digits, a random key (EVP) as a lower-case UUID.
struct Key {
  KeyType type = KeyType::evp;
  std::string value;
};
// Reads a key as a person types it ("123.456.789-09", "(11) 98765-4321" with the
// type PHONE, "Oficina@Email.com"). Without `type` the kind is inferred: an
// e-mail has '@', a phone starts with '+', a UUID is a random key, 11 digits a
// CPF, 14 characters a CNPJ. nullopt when it is none of them (or its check digits fail).
std::optional<Key> parse_key(std::string_view text, std::optional<KeyType> type = std::nullopt);

// Text for the EMV "ans" fields (name, city): accents and cedilla dropped to
// their ASCII letters, other characters outside printable ASCII removed.
std::string ascii(std::string_view utf8);

struct StaticCode {
  std::string key;
  std::optional<std::string> description;  // field 26.02, left out when it does not fit
  std::optional<money::Cents> amount;      // field 54; none: the payer types it
  std::string merchant_name;               // field 59, at most 25 (cut after ascii())
  std::string merchant_city;               // field 60, at most 15 (cut after ascii())
  std::string txid = "***";                // field 62.05, at most 25 alphanumerics or "***"
};
// The whole payload, CRC included (field 63, four upper-case hex digits).
std::string brcode(const StaticCode& code);

// The txid of a receivable: "MGR" and its id (at most 25 alphanumerics).
std::string txid_for_receivable(std::int64_t id);

// "123.45": an amount as field 54 writes it.
std::string amount_text(money::Cents cents);

}  // namespace mg::finance::pix
