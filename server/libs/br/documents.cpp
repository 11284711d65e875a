#include "libs/br/documents.hpp"

namespace mg::br {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper_alnum(char c) {
  return is_digit(c) || (c >= 'A' && c <= 'Z');
}

bool all_same(std::string_view s) {
  for (char c : s) {
    if (c != s.front()) return false;
  }
  return true;
}

// Mod-11 check digit over s with the given weights. For the CNPJ a char's value is its ASCII
// code - 48, so digits are themselves and 'A'..'Z' are 17..42 (Receita Federal's rule).
int mod11_digit(std::string_view s, const int* weights) {
  int sum = 0;
  for (std::size_t i = 0; i < s.size(); ++i) sum += (s[i] - '0') * weights[i];
  const int r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

}  // namespace

bool is_valid_cpf(std::string_view d) {
  if (d.size() != 11) return false;
  for (char c : d) {
    if (!is_digit(c)) return false;
  }
  if (all_same(d)) return false;
  static constexpr int kW1[] = {10, 9, 8, 7, 6, 5, 4, 3, 2};
  static constexpr int kW2[] = {11, 10, 9, 8, 7, 6, 5, 4, 3, 2};
  return mod11_digit(d.substr(0, 9), kW1) == d[9] - '0' &&
         mod11_digit(d.substr(0, 10), kW2) == d[10] - '0';
}

bool is_valid_cnpj(std::string_view s) {
  if (s.size() != 14) return false;
  for (std::size_t i = 0; i < 12; ++i) {
    if (!is_upper_alnum(s[i])) return false;
  }
  if (!is_digit(s[12]) || !is_digit(s[13])) return false;
  if (all_same(s)) return false;
  static constexpr int kW1[] = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
  static constexpr int kW2[] = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
  return mod11_digit(s.substr(0, 12), kW1) == s[12] - '0' &&
         mod11_digit(s.substr(0, 13), kW2) == s[13] - '0';
}

std::optional<Document> parse_document(std::string_view text) {
  std::string canonical;
  canonical.reserve(14);
  for (char c : text) {
    if (c == '.' || c == '-' || c == '/' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!is_upper_alnum(c)) return std::nullopt;
    canonical += c;
    if (canonical.size() > 14) return std::nullopt;
  }
  if (canonical.size() == 11 && is_valid_cpf(canonical)) {
    return Document{DocumentKind::cpf, std::move(canonical)};
  }
  if (canonical.size() == 14 && is_valid_cnpj(canonical)) {
    return Document{DocumentKind::cnpj, std::move(canonical)};
  }
  return std::nullopt;
}

std::string mask_document(std::string_view s) {
  for (char c : s) {
    if (!is_upper_alnum(c)) return "***";
  }
  std::string out;
  if (s.size() == 11) {
    // The Brazilian government's own public mask: the middle six digits.
    out = "***.";
    out.append(s.substr(3, 3)).append(".").append(s.substr(6, 3)).append("-**");
    return out;
  }
  if (s.size() == 14) {
    out = "**.";
    out.append(s.substr(2, 3)).append(".").append(s.substr(5, 3)).append("/");
    out.append(s.substr(8, 4)).append("-**");
    return out;
  }
  return "***";
}

}  // namespace mg::br
