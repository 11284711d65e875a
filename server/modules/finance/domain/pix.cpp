#include "modules/finance/domain/pix.hpp"

#include <cctype>
#include <cstdio>

#include "libs/br/contacts.hpp"
#include "libs/br/documents.hpp"

namespace mg::finance::pix {
namespace {

// ID, two-digit length, value.
std::string field(std::string_view id, std::string_view value) {
  char len[3];
  std::snprintf(len, sizeof len, "%02zu", value.size());
  return std::string(id) + len + std::string(value);
}

std::string cut(std::string s, std::size_t n) {
  if (s.size() > n) s.resize(n);
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<Key> as_type(std::string_view text, KeyType type) {
  switch (type) {
    case KeyType::cpf:
    case KeyType::cnpj: {
      auto doc = br::parse_document(text);
      if (!doc) return std::nullopt;
      const auto kind = doc->kind == br::DocumentKind::cpf ? KeyType::cpf : KeyType::cnpj;
      if (kind != type) return std::nullopt;
      return Key{type, doc->value};
    }
    case KeyType::email: {
      auto email = br::normalize_email(text);
      if (!br::is_valid_email(email) || email.size() > 77) return std::nullopt;
      return Key{type, email};
    }
    case KeyType::phone: {
      auto digits = br::phone_digits(text);
      // +55, a two-digit area code and 8 or 9 digits.
      if (!text.empty() && text.front() == '+') {
        if (digits.rfind("55", 0) != 0) return std::nullopt;
        digits.erase(0, 2);
      }
      if (digits.size() != 10 && digits.size() != 11) return std::nullopt;
      if (digits[0] == '0') return std::nullopt;
      return Key{type, "+55" + digits};
    }
    case KeyType::evp:
      if (!is_uuid(text)) return std::nullopt;
      return Key{type, lower(text)};
  }
  return std::nullopt;
}

}  // namespace

std::uint16_t crc16(std::string_view data) {
  std::uint16_t crc = 0xFFFF;
  for (unsigned char c : data) {
    crc ^= static_cast<std::uint16_t>(c << 8);
    for (int bit = 0; bit < 8; ++bit)
      crc = (crc & 0x8000) ? static_cast<std::uint16_t>((crc << 1) ^ 0x1021)
                           : static_cast<std::uint16_t>(crc << 1);
  }
  return crc;
}

std::string_view to_string(KeyType type) {
  switch (type) {
    case KeyType::cpf:
      return "CPF";
    case KeyType::cnpj:
      return "CNPJ";
    case KeyType::email:
      return "EMAIL";
    case KeyType::phone:
      return "PHONE";
    case KeyType::evp:
      return "EVP";
  }
  return "EVP";
}

std::optional<KeyType> parse_key_type(std::string_view text) {
  for (auto t : {KeyType::cpf, KeyType::cnpj, KeyType::email, KeyType::phone, KeyType::evp})
    if (to_string(t) == text) return t;
  return std::nullopt;
}

std::optional<Key> parse_key(std::string_view text, std::optional<KeyType> type) {
  if (text.empty() || text.size() > 77) return std::nullopt;
  if (type) return as_type(text, *type);
  if (text.find('@') != std::string_view::npos) return as_type(text, KeyType::email);
  if (text.front() == '+') return as_type(text, KeyType::phone);
  if (is_uuid(text)) return as_type(text, KeyType::evp);
  if (auto doc = br::parse_document(text))
    return Key{doc->kind == br::DocumentKind::cpf ? KeyType::cpf : KeyType::cnpj, doc->value};
  return std::nullopt;
}

std::string ascii(std::string_view s) {
  // The Latin-1 letters pt-BR uses (U+00C0..U+00FF), as their base letters.
  static constexpr std::string_view kLatin1 =
      "AAAAAAACEEEEIIII"   // À..Ï
      "DNOOOOO*OUUUUYTs"   // Ð..ß
      "aaaaaaaceeeeiiii"   // à..ï
      "dnooooo/ouuuuyty";  // ð..ÿ
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) {
      out.push_back(static_cast<char>(c));
      ++i;
    } else if ((c == 0xC3) && i + 1 < s.size()) {
      const auto next = static_cast<unsigned char>(s[i + 1]);
      const unsigned cp = 0xC0 + (next & 0x3F);
      const char base = kLatin1[cp - 0xC0];
      if (std::isalpha(static_cast<unsigned char>(base))) out.push_back(base);
      i += 2;
    } else {
      // Any other character (or a control one): dropped, with its continuation bytes.
      ++i;
      while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    }
  }
  return out;
}

std::string amount_text(money::Cents cents) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(cents / 100),
                static_cast<long long>(cents % 100));
  return buf;
}

std::string txid_for_receivable(std::int64_t id) {
  return "MGR" + std::to_string(id);
}

std::string brcode(const StaticCode& code) {
  std::string account = field("00", "br.gov.bcb.pix") + field("01", code.key);
  if (code.description && !code.description->empty()) {
    // The whole field 26 holds at most 99 characters.
    const std::size_t room = 99 - account.size();
    if (room > 4) account += field("02", cut(ascii(*code.description), room - 4));
  }
  std::string out = field("00", "01");
  out += field("26", account);
  out += field("52", "0000");
  out += field("53", "986");
  if (code.amount) out += field("54", amount_text(*code.amount));
  out += field("58", "BR");
  out += field("59", cut(ascii(code.merchant_name), 25));
  out += field("60", cut(ascii(code.merchant_city), 15));
  out += field("62", field("05", code.txid.empty() ? "***" : code.txid));
  out += "6304";
  char crc[5];
  std::snprintf(crc, sizeof crc, "%04X", crc16(out));
  return out + crc;
}

}  // namespace mg::finance::pix
